/**
 * Shared start-up of the terminal front ends: the served index and an engine over it. The index is
 * --index, else INDEX_DIR, else var/index. As `npm start` does, a missing index that was not named with
 * --index is built first, from CORPUS_DIR or corpus/, so that `npm run ask` works on a fresh clone; one
 * named with --index is not, since its own ingest is what failed and corpus/ may be another corpus.
 */
import path from 'node:path'
import { DEFAULT_CORPUS_DIR, DEFAULT_INDEX_DIR, IndexMissing, KnowledgeBase, ingest } from '../../index/index.js'
import { createAnswerEngine } from '../answer/engine.js'
import type { AnswerEngine } from '../answer/types.js'

export async function openEngine(named?: string): Promise<AnswerEngine> {
  try {
    const kb = await openOrBuild(named)
    if (kb.refused) console.error(`warning: ${kb.refused.reason}\nAnswering from the previous good build ${kb.buildId}.`)
    return createAnswerEngine(() => kb)
  } catch (error) {
    console.error((error as Error).message)
    process.exit(1)
  }
}

async function openOrBuild(named?: string): Promise<KnowledgeBase> {
  const indexDir = path.resolve(named ?? process.env.INDEX_DIR ?? DEFAULT_INDEX_DIR)
  try {
    return await KnowledgeBase.open(indexDir)
  } catch (error) {
    if (named || !(error instanceof IndexMissing)) throw error
    const corpusDir = path.resolve(process.env.CORPUS_DIR ?? DEFAULT_CORPUS_DIR)
    // stderr: standard output carries only the answers (--json is read by programs).
    console.error(`${error.situation}: building the index from ${corpusDir} …`)
    const summary = await ingest({ corpusDir, indexDir })
    if (!summary.published) throw new Error(`nothing could be indexed in ${corpusDir}`)
    return KnowledgeBase.open(indexDir)
  }
}
