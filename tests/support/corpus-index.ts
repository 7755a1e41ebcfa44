/**
 * The real index of the repository's corpus/, shared by test files and the evaluation: built into
 * var/eval-index and refreshed incrementally, so later test files pay no embedding.
 */
import { KnowledgeBase } from '../../index/index.js'
import { evalIndex } from '../eval/corpus-index.js'

export const SEED_FILE = 'changning-cppcc-15-3-084-reply.txt'
export const SEED_ID = 'changning-cppcc-15-3-084-reply'

let opened: Promise<KnowledgeBase> | undefined

export function corpusKnowledgeBase(): Promise<KnowledgeBase> {
  opened ??= evalIndex().then((indexDir) => KnowledgeBase.open(indexDir))
  return opened
}

/** The chunk of a document whose text contains `phrase` (whitespace-insensitive). */
export function chunkContaining(kb: KnowledgeBase, docId: string, phrase: string) {
  const squeeze = (text: string) => text.replace(/\s+/g, '')
  return kb.chunksOf(docId).find((chunk) => squeeze(chunk.text).includes(squeeze(phrase)))
}
