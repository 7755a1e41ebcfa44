/**
 * The real index of the repository's corpus/, shared by test files: built once into var/test-index
 * and refreshed incrementally, so later test files pay no embedding.
 */
import path from 'node:path'
import { DEFAULT_CORPUS_DIR, KnowledgeBase, STATE_DIR, ingest } from '../../index/index.js'

export const CORPUS_INDEX_DIR = path.join(STATE_DIR, 'test-index')
export const SEED_FILE = 'changning-cppcc-15-3-084-reply.txt'
export const SEED_ID = 'changning-cppcc-15-3-084-reply'

let opened: Promise<KnowledgeBase> | undefined

export function corpusKnowledgeBase(): Promise<KnowledgeBase> {
  opened ??= ingest({ corpusDir: DEFAULT_CORPUS_DIR, indexDir: CORPUS_INDEX_DIR }).then(() => KnowledgeBase.open(CORPUS_INDEX_DIR))
  return opened
}

/** The chunk of a document whose text contains `phrase` (whitespace-insensitive). */
export function chunkContaining(kb: KnowledgeBase, docId: string, phrase: string) {
  const squeeze = (text: string) => text.replace(/\s+/g, '')
  return kb.chunksOf(docId).find((chunk) => squeeze(chunk.text).includes(squeeze(phrase)))
}
