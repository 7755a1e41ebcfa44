/**
 * Corpora and indexes for tests.
 *  - corpusKnowledgeBase(): the real index of the repository's whole corpus/, for tests about retrieval
 *    and answers over it; built into var/test-index (not the evaluation's var/eval-index, so `npm test`
 *    and `npm run eval` never wait on each other's lock) and refreshed incrementally, so later test files
 *    and later runs pay no embedding.
 *  - fixtureCorpus(): a copy of tests/fixtures/corpus (four replies) in a fresh temporary folder, for
 *    tests where the corpus is not the point (ingest mechanics, the WeChat channel): 35 chunks to embed
 *    instead of 120-odd.
 */
import { cpSync, mkdtempSync } from 'node:fs'
import { setTimeout } from 'node:timers/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DEFAULT_CORPUS_DIR, IngestLocked, KnowledgeBase, PROJECT_ROOT, STATE_DIR, ingest } from '../../index/index.js'

export const SEED_FILE = 'changning-cppcc-15-3-084-reply.txt'
export const SEED_ID = 'changning-cppcc-15-3-084-reply'
export const FIXTURE_CORPUS = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'corpus')
const TEST_INDEX = path.join(STATE_DIR, 'test-index')
const LOCK_RETRY_MS = 250
const LOCK_WAIT_MS = 300_000

let opened: Promise<KnowledgeBase> | undefined

export function corpusKnowledgeBase(): Promise<KnowledgeBase> {
  opened ??= buildTestIndex().then(() => KnowledgeBase.open(TEST_INDEX))
  return opened
}

/** Test files run in parallel: one builds, the others wait for its lock, then find nothing left to embed. */
async function buildTestIndex(): Promise<void> {
  for (let waited = 0; ; waited += LOCK_RETRY_MS) {
    try {
      const summary = await ingest({ corpusDir: DEFAULT_CORPUS_DIR, indexDir: TEST_INDEX })
      if (!summary.published) throw new Error(`could not index ${DEFAULT_CORPUS_DIR}`)
      return
    } catch (error) {
      if (!(error instanceof IngestLocked) || waited > LOCK_WAIT_MS) throw error
      await setTimeout(LOCK_RETRY_MS)
    }
  }
}

/** A fresh copy of the fixture corpus, and where its index goes (not built yet). */
export function fixtureCorpus(): { corpusDir: string; indexDir: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'dafu-fixture-'))
  const corpusDir = path.join(root, 'corpus')
  cpSync(FIXTURE_CORPUS, corpusDir, { recursive: true })
  return { corpusDir, indexDir: path.join(root, 'index') }
}

/** The chunk of a document whose text contains `phrase` (whitespace-insensitive). */
export function chunkContaining(kb: KnowledgeBase, docId: string, phrase: string) {
  const squeeze = (text: string) => text.replace(/\s+/g, '')
  return kb.chunksOf(docId).find((chunk) => squeeze(chunk.text).includes(squeeze(phrase)))
}
