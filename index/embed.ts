/**
 * Text → 512-d unit vectors with bge-small-zh-v1.5, locally. The one place that creates the
 * transformers.js extractor; it is loaded lazily, once per process (and once per embedding worker).
 *
 * `npm run bench` measures the ways of using both cores (README "Ingest on both cores"): one model
 * whose ONNX session uses the runtime's default threads, the same with a set number of intra-op
 * threads, or worker threads that each hold a model with one ONNX thread. The default is a worker per
 * core: on a quiet 2-core machine it embeds ~75 passages/s where one session gets ~57 with two threads
 * and ~60 with one (its second thread adds almost nothing); small jobs stay in-process, on one thread.
 * Texts are batched by length, so a batch pads its short texts to a similar length instead of to the
 * longest passage.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import ort from 'onnxruntime-node'
import { MODEL_DIMENSION, MODEL_ID, MODEL_ROOT, modelProblem } from './model/location.js'

/** bge's retrieval instruction for short queries against passages (its model card recommends it for s2p). */
export const QUERY_INSTRUCTION = '为这个句子生成表示以用于检索相关文章：'
const BATCH_SIZE = 16
export interface EmbedOptions {
  /** worker threads for a large job (1: in-process) */
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

/** One batch through a model: unit vectors, one per text. */
export async function embedBatch(extract: Extractor, texts: string[]): Promise<Float32Array[]> {
  const output = await extract(texts, { pooling: 'cls', normalize: true })
  return Array.from({ length: output.dims[0] }, (_, row) => output.data.slice(row * MODEL_DIMENSION, (row + 1) * MODEL_DIMENSION))
}

/** Embeds passages in batches of similar length; `onBatch` reports progress (number embedded so far). */
export async function embedPassages(texts: string[], onBatch?: (done: number) => void, options: EmbedOptions = DEFAULT_EMBED_OPTIONS): Promise<Float32Array[]> {
  const order = texts.map((_, i) => i).sort((a, b) => texts[a].length - texts[b].length)
  const batches: number[][] = []
  for (let i = 0; i < order.length; i += BATCH_SIZE) batches.push(order.slice(i, i + BATCH_SIZE))
  const vectors: Float32Array[] = new Array(texts.length)
  let done = 0
  const store = (batch: number[], result: Float32Array[]) => {
    batch.forEach((index, row) => (vectors[index] = result[row]))
    onBatch?.((done += batch.length))
  }
  if (options.workers <= 1 || texts.length < options.workersFrom) {
    const extract = await loadEmbedder({ intraOpThreads: options.intraOpThreads })
    for (const batch of batches) store(batch, await embedBatch(extract, batch.map((i) => texts[i])))
  } else {
    // Verified once here; the workers load what was verified.
    const problem = await modelProblem()
    if (problem) throw new ModelUnavailable(problem)
    await inWorkers(batches, texts, Math.min(options.workers, batches.length), options.intraOpThreads, store)
  }
  return vectors
}

/** Each worker takes the next batch when it is free, so a slow core never holds the others up. */
async function inWorkers(
  batches: number[][],
  texts: string[],
  count: number,
  intraOpThreads: number,
  store: (batch: number[], result: Float32Array[]) => void,
): Promise<void> {
  let next = 0
  const run = async () => {
    const worker = new Worker(new URL('./embed-worker.mjs', import.meta.url), { workerData: { intraOpThreads } })
    try {
      while (next < batches.length) {
        const batch = batches[next++]
        store(batch, await ask(worker, batch.map((i) => texts[i])))
      }
    } finally {
      await worker.terminate()
    }
  }
  await Promise.all(Array.from({ length: count }, run))
}

function ask(worker: Worker, texts: string[]): Promise<Float32Array[]> {
  return new Promise((resolve, reject) => {
    const done = (reply: { vectors?: Float32Array[]; error?: string }) => {
      worker.off('error', reject)
      if (reply.error) reject(new Error(`embedding worker: ${reply.error}`))
      else resolve(reply.vectors!)
    }
    worker.once('message', done)
    worker.once('error', reject)
    worker.postMessage(texts)
  })
}

export async function embedQuery(query: string, instruction: string): Promise<Float32Array> {
  const [vector] = await embedBatch(await loadEmbedder(), [instruction + query])
  return vector
}
