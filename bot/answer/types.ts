/** The contract between the answer engine and its front ends (WeChat, `ask`, `chat`). */
import type { Evidence } from './refusal.js'

/** One quoted passage, as shown to the user and as printed by `ask --json`. */
export interface PassageView {
  docId: string
  title?: string
  number?: string
  unit?: string
  date?: string
  section: string[]
  /** verbatim text, trimmed only at sentence boundaries (with "…" where trimmed) */
  text: string
  score: number
}

export interface ContactView {
  unit?: string
  name?: string
  phone?: string
  address?: string
  postcode?: string
}

export interface Reply {
  /** false for the honest "no reply covers this" answer and for help/greeting/bad input */
  answered: boolean
  /** WeChat plain text, ready to send */
  text: string
  /** what an answer says before its passages (the fact asked with them; that the reply asked for is not here): in `text` too */
  lead?: string
  passages: PassageView[]
  contacts: ContactView[]
}

export type Intent =
  | 'question'
  | 'lookup'
  | 'more'
  | 'fullSection'
  | 'help'
  | 'greeting'
  | 'empty'
  | 'notFound'
  /** a reply's contact, date or document number */
  | 'fact'
  /** the message needs a reply in the conversation first: the user is asked which one */
  | 'clarify'
  /** the engine failed; the user got an apology */
  | 'error'

/**
 * What a conversation remembers between messages so that "更多" and "全文" work. Plain data: the
 * front end stores it per user (and per user within a group) and hands it back with the next message.
 */
export interface ConversationState {
  /** the last question, to pick the sentences of further passages */
  query?: string
  /** chunk ids of the last answer's ranked passages, and how many were shown */
  ranked: string[]
  shown: number
  /** the reply and section last cited, for "全文" / "第二部分" */
  docId?: string
  section?: string[]
  /** where the next page of a long section starts, when "全文" was cut */
  sectionFrom?: number
  /** doc ids of the replies just listed, so that "2" picks the second */
  listed?: string[]
}

export interface Turn {
  reply: Reply
  state: ConversationState
  intent: Intent
  /** doc ids of the cited passages, for logs */
  docIds: string[]
  /** for open questions: the evidence of the passages an answer would show, which decides (the evaluation calibrates on it) */
  evidence?: Evidence
  /** and those passages, each with its own evidence, which decides which of them are quoted */
  candidates?: PassageCandidate[]
}

export interface PassageCandidate {
  docId: string
  evidence: Evidence
  /** the first passage, or one whose scores come close to the best ones */
  close: boolean
}

export interface AnswerEngine {
  /** Never throws for any input: bad input gets a useful reply. */
  respond(message: string, state?: ConversationState): Promise<Turn>
}
