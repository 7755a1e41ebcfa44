/**
 * Text → 512-d unit vectors with bge-small-zh-v1.5, locally. The one place that creates the
 * transformers.js extractor; it is loaded lazily, once per process.
 */
import { MODEL_DIMENSION, MODEL_ID, MODEL_ROOT, modelProblem } from './model/location.js'

/** bge's retrieval instruction for short queries against passages (its model card recommends it for s2p). */
export const QUERY_INSTRUCTION = '为这个句子生成表示以用于检索相关文章：'
const BATCH_SIZE = 16

type Extractor = (texts: string[], options: { pooling: 'cls'; normalize: boolean }) => Promise<{ data: Float32Array; dims: number[] }>

let extractor: Promise<Extractor> | null = null

export class ModelUnavailable extends Error {}

async function loadExtractor(): Promise<Extractor> {
  const problem = await modelProblem()
  if (problem) throw new ModelUnavailable(problem)
  const { env, pipeline } = await import('@xenova/transformers')
  env.localModelPath = MODEL_ROOT
  env.allowRemoteModels = false
  env.allowLocalModels = true
  return (await pipeline('feature-extraction', MODEL_ID, { quantized: true })) as unknown as Extractor
}

export function loadEmbedder(): Promise<Extractor> {
  extractor ??= loadExtractor().catch((error) => {
    extractor = null
    throw error
  })
  return extractor
}

/** Embeds passages in batches; `onBatch` reports progress (number embedded so far). */
export async function embedPassages(texts: string[], onBatch?: (done: number) => void): Promise<Float32Array[]> {
  const extract = await loadEmbedder()
  const vectors: Float32Array[] = []
  for (let i = 0; i < texts.length; i += BATCH_SIZE) {
    const output = await extract(texts.slice(i, i + BATCH_SIZE), { pooling: 'cls', normalize: true })
    for (let row = 0; row < output.dims[0]; row++) {
      vectors.push(output.data.slice(row * MODEL_DIMENSION, (row + 1) * MODEL_DIMENSION))
    }
    onBatch?.(vectors.length)
  }
  return vectors
}

export async function embedQuery(query: string, instruction: string): Promise<Float32Array> {
  const [vector] = await embedPassages([instruction + query])
  return vector
}
