/**
 * Which incoming messages the bot answers, and with what text. Private text: always. Group text: only
 * when the bot is @-mentioned or the message starts with the group keyword, so the bot never talks
 * over a group's own conversation. Non-text in private: a notice that only text is understood; in a
 * group, never (nobody can @ the bot with a picture, and a group's photos are not for the bot).
 */
import { types, type Message } from 'wechaty'

export type Incoming =
  | { kind: 'text'; text: string }
  | { kind: 'media' }
  | { kind: 'ignore'; reason: 'self' | 'before-start' | 'official-account' | 'not-addressed' | 'unsupported' }

/** Media a person may send expecting an answer: these get the text-only notice. */
const MEDIA = new Set([
  types.Message.Image,
  types.Message.Audio,
  types.Message.Attachment,
  types.Message.Url,
  types.Message.Emoticon,
  types.Message.Video,
  types.Message.MiniProgram,
  types.Message.ChatHistory,
  types.Message.Contact,
  types.Message.Location,
])

export interface Addressing {
  /** ms since epoch: messages older than this (history replayed at login) are not answered */
  startedAt: number
  groupKeyword: string
}

export async function classify(msg: Message, { startedAt, groupKeyword }: Addressing): Promise<Incoming> {
  if (msg.self()) return { kind: 'ignore', reason: 'self' }
  // WeChat stamps messages to the second: compare at that precision so the first second still counts.
  if (msg.date().getTime() < Math.floor(startedAt / 1000) * 1000) return { kind: 'ignore', reason: 'before-start' }
  if (msg.talker().type() === types.Contact.Official) return { kind: 'ignore', reason: 'official-account' }
  const inRoom = !!msg.room()
  if (msg.type() !== types.Message.Text) {
    if (inRoom) return { kind: 'ignore', reason: 'not-addressed' }
    return MEDIA.has(msg.type()) ? { kind: 'media' } : { kind: 'ignore', reason: 'unsupported' }
  }
  if (!inRoom) return { kind: 'text', text: msg.text().trim() }
  if (await msg.mentionSelf()) return { kind: 'text', text: (await msg.mentionText()).trim() }
  // "@" typed before the keyword without picking the bot from the member list is not a mention: accept it too.
  const text = msg.text().trim().replace(/^@/, '')
  if (groupKeyword && text.startsWith(groupKeyword)) {
    return { kind: 'text', text: text.slice(groupKeyword.length).replace(/^[\s,，:：、]+/, '') }
  }
  return { kind: 'ignore', reason: 'not-addressed' }
}
