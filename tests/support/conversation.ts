/** Messages sent one after another in one conversation, as a chat would: each turn's state goes with the next message. */
import type { AnswerEngine, ConversationState, Turn } from '../../bot/answer/types.js'

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
