/** The answer engine over the repository's corpus, and conversations with it as a chat would hold them. */
import type { KnowledgeBase } from '../../index/index.js'
import { createAnswerEngine } from '../../bot/answer/engine.js'
import type { AnswerEngine, ConversationState, Turn } from '../../bot/answer/types.js'
import { corpusKnowledgeBase } from './corpus-index.js'

export async function corpusEngine(): Promise<{ kb: KnowledgeBase; engine: AnswerEngine }> {
  const kb = await corpusKnowledgeBase()
  return { kb, engine: createAnswerEngine(() => kb) }
}

/** Messages sent one after another in one conversation: each turn's state goes with the next message. */
export async function converse(engine: AnswerEngine, ...messages: string[]): Promise<Turn[]> {
  const turns: Turn[] = []
  let state: ConversationState | undefined
  for (const message of messages) {
    const turn = await engine.respond(message, state)
    state = turn.state
    turns.push(turn)
  }
  return turns
}
