/**
 * Corpora and indexes for tests.
 *  - corpusKnowledgeBase(): the real index of the repository's whole corpus/, for tests about retrieval
 *    and answers over it; built into var/test-index (not the evaluation's var/eval-index, so `npm test`
 *    and `npm run eval` never wait on each other's lock) and refreshed incrementally. It is rebuilt only
 *    when the corpus or the code under index/ changed since it was built (a fingerprint of both), so the
 *    test files running after the first one open it without reading the corpus again.
 *  - fixtureCorpus(): a copy of tests/fixtures/corpus (four replies) in a fresh temporary folder, for
 *    tests where the corpus is not the point (ingest mechanics, the WeChat channel): 35 chunks to embed
 *    instead of 120-odd.
 */
import { createHash } from 'node:crypto'
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs'
import { setTimeout } from 'node:timers/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DEFAULT_CORPUS_DIR, IngestLocked, KnowledgeBase, PROJECT_ROOT, STATE_DIR, ingest } from '../../index/index.js'
import { namedBuild, readPointer } from '../../index/store.js'

export const SEED_FILE = 'changning-cppcc-15-3-084-reply.txt'
export const SEED_ID = 'changning-cppcc-15-3-084-reply'
export const FIXTURE_CORPUS = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'corpus')
const TEST_INDEX = path.join(STATE_DIR, 'test-index')
/** `<fingerprint> <build id>`: what the test index's served build was built from */
const BUILT_FROM = path.join(TEST_INDEX, 'built-from')
const LOCK_RETRY_MS = 250
const LOCK_WAIT_MS = 300_000

let opened: Promise<KnowledgeBase> | undefined

export function corpusKnowledgeBase(): Promise<KnowledgeBase> {
  opened ??= buildTestIndex().then(() => KnowledgeBase.open(TEST_INDEX))
  return opened
}

/** Test files run in parallel: one builds, the others wait for its lock, then find it built. */
async function buildTestIndex(): Promise<void> {
  const fingerprint = sourcesFingerprint()
  for (let waited = 0; ; waited += LOCK_RETRY_MS) {
    if (readPointer(BUILT_FROM) === `${fingerprint} ${namedBuild(TEST_INDEX)}`) return
    try {
      const summary = await ingest({ corpusDir: DEFAULT_CORPUS_DIR, indexDir: TEST_INDEX })
      if (!summary.published) throw new Error(`could not index ${DEFAULT_CORPUS_DIR}`)
      // Not store.ts's pointer writer: its one temporary name is safe under the ingest lock, and this is written after it.
      writeFileSync(`${BUILT_FROM}.${process.pid}`, `${fingerprint} ${summary.buildId}`)
      renameSync(`${BUILT_FROM}.${process.pid}`, BUILT_FROM)
      return
    } catch (error) {
      if (!(error instanceof IngestLocked) || waited > LOCK_WAIT_MS) throw error
      await setTimeout(LOCK_RETRY_MS)
    }
  }
}

/** A hash of every file of the corpus and of the code that indexes it. */
function sourcesFingerprint(): string {
  const hash = createHash('sha256')
  const files = [DEFAULT_CORPUS_DIR, path.join(PROJECT_ROOT, 'index')].flatMap((dir) =>
    readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)),
  )
  for (const file of files.sort()) hash.update(path.relative(PROJECT_ROOT, file)).update(readFileSync(file))
  return hash.digest('hex')
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
