/**
 * Text → 512-d unit vectors with bge-small-zh-v1.5, locally. The one place that creates the
 * transformers.js extractor; it is loaded lazily, once per process (an embedding worker is a process of its own).
 *
 * `npm run bench` measures the ways of using both cores (README "Ingest on both cores"): one model
 * whose ONNX session uses the runtime's default threads, the same with a set number of intra-op
 * threads, or worker processes that each hold a model with one ONNX thread. The default is a worker per
 * core: on a quiet 2-core machine it embeds ~75 passages/s where one session gets ~57 with two threads
 * and ~60 with one (its second thread adds almost nothing); small jobs stay in-process, on one thread.
 * Each text goes through the model alone: batches, even of texts sorted by length, pad and mask, and
 * measured slower at every size (one thread, passages/s at batch 1 / 4 / 16: corpus/ 97 / 96 / 72, the
 * DRCD set 61 / 56 / 48, CMRC 55 / 50 / 41; README "Ingest on both cores").
 */
import type { ChildProcess } from 'node:child_process'
import { availableParallelism } from 'node:os'
import ort from 'onnxruntime-node'
import { MODEL_DIMENSION, MODEL_ID, MODEL_ROOT, modelProblem } from './model/location.js'
import { tsProcess } from './ts-worker.js'

/** bge's retrieval instruction for short queries against passages (its model card recommends it for s2p). */
export const QUERY_INSTRUCTION = '为这个句子生成表示以用于检索相关文章：'
export interface EmbedOptions {
  /** worker processes for a large job (1: in-process) */
  workers: number
  /** ONNX intra-op threads of each model instance (0: the runtime's default, one per core) */
  intraOpThreads: number
  /** a job of fewer texts is embedded in-process whatever `workers` says */
  workersFrom: number
}
/**
 * Jobs under 256 texts stay in-process: each worker loads a model of its own (about a second of CPU),
 * which the 121 passages of corpus/ do not win back (4.9 s either way, 8.1 against 5.5 CPU s, on 2
 * cores) and 484 passages do (6.5 s against 8.5 s).
 */
export const DEFAULT_EMBED_OPTIONS: EmbedOptions = { workers: availableParallelism(), intraOpThreads: 1, workersFrom: 256 }

type Extractor = (texts: string[], options: { pooling: 'cls'; normalize: boolean }) => Promise<{ data: Float32Array; dims: number[] }>

let extractor: Promise<Extractor> | null = null

export class ModelUnavailable extends Error {}

/**
 * transformers.js 2.x creates its ONNX session without session options; wrapping the runtime's factory
 * (the same module instance it imports) is the only way to choose the thread count. 0 leaves the
 * runtime's default. It applies to the model this thread loads next (one per thread, see loadEmbedder).
 */
let sessionThreads = 0
const createSession = ort.InferenceSession.create.bind(ort.InferenceSession) as (model: unknown, options?: ort.InferenceSession.SessionOptions) => Promise<ort.InferenceSession>
Object.assign(ort.InferenceSession, {
  create: (model: unknown, options?: ort.InferenceSession.SessionOptions) =>
    createSession(model, sessionThreads > 0 ? { ...options, intraOpNumThreads: sessionThreads } : options),
})

async function loadExtractor(verify: boolean): Promise<Extractor> {
  const problem = verify ? await modelProblem() : null
  if (problem) throw new ModelUnavailable(problem)
  const { env, pipeline } = await import('@xenova/transformers')
  env.localModelPath = MODEL_ROOT
  env.allowRemoteModels = false
  env.allowLocalModels = true
  return (await pipeline('feature-extraction', MODEL_ID, { quantized: true })) as unknown as Extractor
}

/** This thread's model, loaded once; the first caller chooses its ONNX threads. Workers skip the checksum the main thread checked. */
export function loadEmbedder({ verify = true, intraOpThreads = 0 } = {}): Promise<Extractor> {
  if (!extractor) sessionThreads = intraOpThreads
  extractor ??= loadExtractor(verify).catch((error) => {
    extractor = null
    throw error
  })
  return extractor
}

/** One text through a model: its unit vector. */
export async function embedText(extract: Extractor, text: string): Promise<Float32Array> {
  const output = await extract([text], { pooling: 'cls', normalize: true })
  return output.data.slice(0, MODEL_DIMENSION)
}

/** Embeds passages, one model call each; `onEmbedded` reports progress (number embedded so far). */
export async function embedPassages(texts: string[], onEmbedded?: (done: number) => void, options: EmbedOptions = DEFAULT_EMBED_OPTIONS): Promise<Float32Array[]> {
  const vectors: Float32Array[] = new Array(texts.length)
  let done = 0
  const store = (index: number, vector: Float32Array) => {
    vectors[index] = vector
    onEmbedded?.(++done)
  }
  if (options.workers <= 1 || texts.length < options.workersFrom) {
    const extract = await loadEmbedder({ intraOpThreads: options.intraOpThreads })
    for (const [index, text] of texts.entries()) store(index, await embedText(extract, text))
  } else {
    // Verified once here; the workers load what was verified.
    const problem = await modelProblem()
    if (problem) throw new ModelUnavailable(problem)
    await inWorkers(texts, Math.min(options.workers, texts.length), options.intraOpThreads, store)
  }
  return vectors
}

/**
 * Each worker is a child process, not a thread: onnxruntime-node keeps process-wide references to
 * objects of the thread that loaded it, and a second thread loading it can abort the whole process
 * (V8 "GlobalHandles::Destroy", microsoft/onnxruntime#23794); it did once in CI. A worker takes the
 * next text when it is free, so a slow core never holds the others up.
 */
async function inWorkers(
  texts: string[],
  count: number,
  intraOpThreads: number,
  store: (index: number, vector: Float32Array) => void,
): Promise<void> {
  let next = 0
  const run = async () => {
    const worker = tsProcess(new URL('./embed-process.ts', import.meta.url), String(intraOpThreads))
    try {
      while (next < texts.length) {
        const index = next++
        store(index, await ask(worker, texts[index]))
      }
    } finally {
      if (worker.exitCode === null && worker.signalCode === null) {
        const exited = new Promise((resolve) => worker.once('exit', resolve))
        worker.kill()
        await exited
      }
    }
  }
  await Promise.all(Array.from({ length: count }, run))
}

function ask(worker: ChildProcess, text: string): Promise<Float32Array> {
  return new Promise((resolve, reject) => {
    const stopped = (code: number | null) => finish({ error: `stopped (exit code ${code}) before answering` })
    const finish = (reply: { vector?: Float32Array; error?: string }) => {
      worker.off('message', finish).off('exit', stopped).off('error', reject)
      if (reply.error) reject(new Error(`embedding worker: ${reply.error}`))
      else resolve(reply.vector!)
    }
    worker.once('message', finish).once('exit', stopped).once('error', reject)
    worker.send(text)
  })
}

export async function embedQuery(query: string, instruction: string): Promise<Float32Array> {
  return embedText(await loadEmbedder(), instruction + query)
}
