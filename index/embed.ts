/**
 * Text → 512-d unit vectors with bge-small-zh-v1.5, locally. The one place that creates the
 * transformers.js extractor; it is loaded lazily, once per process (an embedding worker is a process of its own).
 *
 * Two ways of using both cores: one in-process model whose ONNX session runs on the runtime's default
 * threads, or worker processes that each hold a model on one ONNX thread. Which is faster depends on the
 * CPU, by a wide margin either way, so a large job times both on its first texts (`fasterWay`); small jobs
 * stay in-process. `npm run bench` measures every way (README "Ingest on both cores").
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
  /** ONNX intra-op threads of the in-process session (0: the runtime's default, one per core) */
  sessionThreads: number
  /** worker processes for a large job, each a model on one ONNX thread (≤ 1: none) */
  workers: number
  /** a job of fewer texts is embedded in-process whatever `workers` says */
  workersFrom: number
  /** a large job times the in-process session against the workers on its first texts and goes on with the faster */
  probe: boolean
}
/**
 * Jobs under 256 texts stay in-process: each worker loads a model of its own (about a second of CPU),
 * which the 121 passages of corpus/ do not win back (4.9 s either way, 8.1 against 5.5 CPU s, on 2
 * cores) and 484 passages do (6.5 s against 8.5 s). Which way is faster for a large job depends on the
 * CPU, so it is timed (README "Ingest on both cores").
 */
export const DEFAULT_EMBED_OPTIONS: EmbedOptions = { sessionThreads: 0, workers: availableParallelism(), workersFrom: 256, probe: true }

/** What a caller hears while a job runs. */
export interface EmbedHooks {
  /** passages embedded so far */
  onEmbedded?: (done: number) => void
  /** the way the job goes on, once chosen: other CPU work started earlier would skew the timing */
  onWay?: (way: EmbedWay) => void
}
export type EmbedWay = 'session' | 'workers'

/** Texts the probe embeds each way; ~0.3 s each on these machines, and the same texts both ways. */
const PROBE_TEXTS = 48

type Extractor = (texts: string[], options: { pooling: 'cls'; normalize: boolean }) => Promise<{ data: Float32Array; dims: number[] }>

let extractor: Promise<Extractor> | null = null

export class ModelUnavailable extends Error {}

/**
 * transformers.js 2.x creates its ONNX session without session options; wrapping the runtime's factory
 * (the same module instance it imports) is the only way to choose the thread count. 0 leaves the
 * runtime's default. It applies to the model this thread loads next (one per thread, see loadEmbedder).
 */
let threadsOfNextSession = 0
const createSession = ort.InferenceSession.create.bind(ort.InferenceSession) as (model: unknown, options?: ort.InferenceSession.SessionOptions) => Promise<ort.InferenceSession>
Object.assign(ort.InferenceSession, {
  create: (model: unknown, options?: ort.InferenceSession.SessionOptions) =>
    createSession(model, threadsOfNextSession > 0 ? { ...options, intraOpNumThreads: threadsOfNextSession } : options),
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
  if (!extractor) threadsOfNextSession = intraOpThreads
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

/** Embeds passages, one model call each, in the order given. */
export async function embedPassages(texts: string[], hooks: EmbedHooks = {}, options: EmbedOptions = DEFAULT_EMBED_OPTIONS): Promise<Float32Array[]> {
  const vectors: Float32Array[] = new Array(texts.length)
  let done = 0
  const store = (index: number, vector: Float32Array) => {
    vectors[index] = vector
    hooks.onEmbedded?.(++done)
  }
  const inSession = async (from: number) => {
    const extract = await loadEmbedder({ intraOpThreads: options.sessionThreads })
    for (let index = from; index < texts.length; index++) store(index, await embedText(extract, texts[index]))
  }
  if (options.workers <= 1 || texts.length < options.workersFrom) {
    hooks.onWay?.('session')
    await inSession(0)
    return vectors
  }
  // Verified once here; the workers load what was verified.
  const problem = await modelProblem()
  if (problem) throw new ModelUnavailable(problem)
  const workers = new Workers(Math.min(options.workers, texts.length))
  try {
    let from = 0
    if (options.probe) {
      const sample = texts.slice(0, PROBE_TEXTS)
      const way = await fasterWay(sample, workers, options.sessionThreads)
      sample.forEach((_, index) => store(index, way.sessionVectors[index]))
      from = sample.length
      hooks.onWay?.(way.faster)
      if (way.faster === 'session') {
        await workers.close()
        await inSession(from)
        return vectors
      }
    } else hooks.onWay?.('workers')
    await workers.embed(texts, from, store)
    return vectors
  } finally {
    await workers.close()
  }
}

/**
 * Times the same texts through the in-process session and through the workers, each after a first text
 * that loads its models. On an AMD EPYC a session's second thread added nothing and two workers embedded
 * nearly twice as fast as one session; on an Intel Xeon with AVX-512 VNNI one session on two threads
 * embeds ~1.5× as fast as two workers (106–114 against 70–74 passages/s). Both margins are far beyond
 * the timing's noise on a quiet machine.
 */
async function fasterWay(sample: string[], workers: Workers, sessionThreads: number): Promise<{ faster: EmbedWay; sessionVectors: Float32Array[] }> {
  const extract = await loadEmbedder({ intraOpThreads: sessionThreads })
  await Promise.all([embedText(extract, sample[0]), workers.warm(sample[0])])
  let started = performance.now()
  const sessionVectors: Float32Array[] = []
  for (const text of sample) sessionVectors.push(await embedText(extract, text))
  const session = performance.now() - started
  started = performance.now()
  await workers.embed(sample, 0, () => {})
  return { faster: session <= performance.now() - started ? 'session' : 'workers', sessionVectors }
}

/**
 * Worker processes, not threads: onnxruntime-node keeps process-wide references to objects of the
 * thread that loaded it, and a second thread loading it can abort the whole process (V8
 * "GlobalHandles::Destroy", microsoft/onnxruntime#23794); it did once in CI. A worker takes the next
 * text when it is free, so a slow core never holds the others up.
 */
class Workers {
  private readonly processes: ChildProcess[]

  constructor(count: number) {
    this.processes = Array.from({ length: count }, () => tsProcess(new URL('./embed-process.ts', import.meta.url)))
  }

  /** Each worker loads its model and embeds one text. */
  async warm(text: string): Promise<void> {
    await Promise.all(this.processes.map((worker) => ask(worker, text)))
  }

  async embed(texts: string[], from: number, store: (index: number, vector: Float32Array) => void): Promise<void> {
    let next = from
    await Promise.all(
      this.processes.map(async (worker) => {
        while (next < texts.length) {
          const index = next++
          store(index, await ask(worker, texts[index]))
        }
      }),
    )
  }

  async close(): Promise<void> {
    await Promise.all(
      this.processes.map(async (worker) => {
        if (worker.exitCode !== null || worker.signalCode !== null) return
        const exited = new Promise((resolve) => worker.once('exit', resolve))
        worker.kill()
        await exited
      }),
    )
  }
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
