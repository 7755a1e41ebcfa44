/**
 * What a WeChat callback message means to the conversation layer, the same for the Official Account
 * and WeCom (their XML shares these fields): text is a question; voice is its `Recognition` text when
 * WeChat transcribed it; other media get the text-only notice; `subscribe` gets the welcome;
 * `unsubscribe` forgets the person; a menu CLICK is the command or question its key names.
 * Each is keyed for dedupe by MsgId, or for events (which have none) by FromUserName + CreateTime.
 */
import type { Inbound } from '../../conversation/conversation.js'
import type { XmlFields } from './xml.js'

export type CallbackAction =
  | { kind: 'receive'; user: string; messageId: string; content: Inbound['content'] }
  | { kind: 'forget'; user: string }
  | { kind: 'ignore'; reason: string }

/**
 * Menu keys that name a command in English; any other key is taken as the text itself, so a menu can
 * be set up with keys such as 帮助, 更多, 全文 or a whole question.
 */
const MENU_KEYS: Record<string, string> = { HELP: '帮助', MORE: '更多', FULL: '全文' }

export function interpret(fields: XmlFields): CallbackAction {
  const user = fields.FromUserName
  if (!user) return { kind: 'ignore', reason: 'no sender' }
  const type = (fields.MsgType ?? '').toLowerCase()
  const messageId = fields.MsgId || `${user}:${fields.CreateTime ?? ''}:${(fields.Event ?? type).toLowerCase()}`
  const receive = (content: Inbound['content']): CallbackAction => ({ kind: 'receive', user, messageId, content })
  switch (type) {
    case 'text':
      return receive({ kind: 'text', text: fields.Content ?? '' })
    case 'voice':
      return fields.Recognition?.trim() ? receive({ kind: 'text', text: fields.Recognition }) : receive({ kind: 'media' })
    case 'event':
      return interpretEvent(fields, user, receive)
    default:
      return receive({ kind: 'media' })
  }
}

function interpretEvent(fields: XmlFields, user: string, receive: (content: Inbound['content']) => CallbackAction): CallbackAction {
  const event = (fields.Event ?? '').toLowerCase()
  if (event === 'subscribe') return receive({ kind: 'welcome' })
  if (event === 'unsubscribe') return { kind: 'forget', user }
  if (event === 'click' && fields.EventKey?.trim()) {
    const key = fields.EventKey.trim()
    return receive({ kind: 'text', text: MENU_KEYS[key.toUpperCase()] ?? key })
  }
  // VIEW (a link opened), LOCATION reports, SCAN, template-send reports, enter_agent …: nothing to answer.
  return { kind: 'ignore', reason: `event ${event || 'unknown'}` }
}
