/** The index that evaluation and benchmark measure: corpus/ built (incrementally) into var/eval-index[-N]. */
import path from 'node:path'
import { DEFAULT_CHUNK_OPTIONS, DEFAULT_CORPUS_DIR, STATE_DIR, ingest, type ChunkOptions } from '../../index/index.js'

export async function evalIndex(chunking: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Promise<string> {
  const suffix = chunking.maxChars === DEFAULT_CHUNK_OPTIONS.maxChars ? '' : `-${chunking.maxChars}`
  const indexDir = path.join(STATE_DIR, `eval-index${suffix}`)
  const summary = await ingest({ corpusDir: DEFAULT_CORPUS_DIR, indexDir, chunking })
  if (!summary.published) throw new Error(`could not index ${DEFAULT_CORPUS_DIR}`)
  return indexDir
}
