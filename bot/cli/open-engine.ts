/** Shared start-up of the terminal front ends: the served index and an engine over it. */
import path from 'node:path'
import { DEFAULT_INDEX_DIR, KnowledgeBase } from '../../index/index.js'
import { createAnswerEngine } from '../answer/engine.js'
import type { AnswerEngine } from '../answer/types.js'

export async function openEngine(indexDir = DEFAULT_INDEX_DIR): Promise<AnswerEngine> {
  try {
    const kb = await KnowledgeBase.open(path.resolve(indexDir))
    if (kb.refused) console.error(`warning: ${kb.refused.reason}\nAnswering from the previous good build ${kb.buildId}.`)
    return createAnswerEngine(() => kb)
  } catch (error) {
    console.error((error as Error).message)
    process.exit(1)
  }
}
