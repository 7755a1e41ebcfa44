/**
 * What the conversation layer keeps between messages, behind one small interface: each person's
 * conversation state (for 更多/全文) and the ids of the messages already taken, so that a message
 * WeChat delivers again is answered once. Asynchronous, so that several instances behind a load
 * balancer can later share one store (Redis, a database) without changing any channel.
 */
import type { ConversationState } from '../answer/types.js'
import { SessionStore } from './sessions.js'

export interface ConversationStore {
  /** Records a message id; false when it was recorded before (a retry, a duplicate delivery). */
  firstDelivery(messageKey: string): Promise<boolean>
  state(sessionKey: string): Promise<ConversationState | undefined>
  saveState(sessionKey: string, state: ConversationState): Promise<void>
  forget(sessionKey: string): Promise<void>
}

/** WeChat retries within about 15 s; an hour covers any redelivery with room to spare. */
const SEEN_MS = 60 * 60_000
const SEEN_MAX = 200_000

/** The default store: one process's memory, bounded (least recently used dropped first). */
export class MemoryStore implements ConversationStore {
  private readonly states: SessionStore<ConversationState>
  private readonly seen = new SessionStore<true>(SEEN_MAX, SEEN_MS)

  constructor(sessionMax: number, sessionIdleMs: number) {
    this.states = new SessionStore(sessionMax, sessionIdleMs)
  }

  async firstDelivery(messageKey: string): Promise<boolean> {
    if (this.seen.get(messageKey)) return false
    this.seen.set(messageKey, true)
    return true
  }

  async state(sessionKey: string): Promise<ConversationState | undefined> {
    return this.states.get(sessionKey)
  }

  async saveState(sessionKey: string, state: ConversationState): Promise<void> {
    this.states.set(sessionKey, state)
  }

  async forget(sessionKey: string): Promise<void> {
    this.states.delete(sessionKey)
  }
}
