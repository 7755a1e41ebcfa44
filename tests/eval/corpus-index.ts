/** The index that evaluation and benchmark measure: a corpus built (incrementally) into var/eval-index[-name][-N]. */
import path from 'node:path'
import { DEFAULT_CHUNK_OPTIONS, DEFAULT_CORPUS_DIR, STATE_DIR, ingest, type ChunkOptions } from '../../index/index.js'

/** `name` keeps each evaluation set's index apart from ours (corpus/ → var/eval-index). */
export async function evalIndex(chunking: ChunkOptions = DEFAULT_CHUNK_OPTIONS, corpusDir = DEFAULT_CORPUS_DIR, name = ''): Promise<string> {
  const indexDir = evalIndexDir(name, chunking)
  const summary = await ingest({ corpusDir, indexDir, chunking })
  if (!summary.published) throw new Error(`could not index ${corpusDir}`)
  return indexDir
}

/** Where that index is, built or not. */
export function evalIndexDir(name = '', chunking: ChunkOptions = DEFAULT_CHUNK_OPTIONS): string {
  const suffix = chunking.maxChars === DEFAULT_CHUNK_OPTIONS.maxChars ? '' : `-${chunking.maxChars}`
  return path.join(STATE_DIR, `eval-index${name ? `-${name}` : ''}${suffix}`)
}
