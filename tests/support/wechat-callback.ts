/** Building WeChat callback requests as WeChat's servers do: signed query strings, message XML, encrypted envelopes. */
import { randomInt } from 'node:crypto'
import { MessageCrypto, signature } from '../../bot/channels/callback/crypto.js'
import { buildXml, parseXml } from '../../bot/channels/callback/xml.js'

export const now = () => String(Math.floor(Date.now() / 1000))
export const nonce = () => String(randomInt(1e9))

/** `?signature=…&timestamp=…&nonce=…` (plus extra) signed with `token`, as WeChat sends every callback. */
export function signedQuery(token: string, extra: Record<string, string> = {}, timestamp = now()): string {
  const n = nonce()
  return `?${new URLSearchParams({ signature: signature(token, timestamp, n), timestamp, nonce: n, ...extra })}`
}

let msgId = 7_300_000_000_000_000_000n
export const nextMsgId = () => String(msgId++)

export function textMessage(from: string, text: string, id = nextMsgId(), to = 'gh_account'): string {
  return buildXml({ ToUserName: to, FromUserName: from, CreateTime: Number(now()), MsgType: 'text', Content: text, MsgId: id })
}

/** A safe-mode request: the message encrypted, msg_signature over it, and the query WeChat sends with it. */
export function encryptedRequest(crypto: MessageCrypto, xml: string, to: string, queryExtra: Record<string, string> = {}) {
  const encrypted = crypto.encrypt(xml)
  const timestamp = now()
  const n = nonce()
  const query = new URLSearchParams({
    signature: signature(crypto.token, timestamp, n),
    timestamp,
    nonce: n,
    msg_signature: crypto.sign(timestamp, n, encrypted),
    ...queryExtra,
  })
  return { query: `?${query}`, body: buildXml({ ToUserName: to, Encrypt: encrypted }) }
}

/** Opens an encrypted passive reply after checking its signature, as WeChat would. */
export function openReply(crypto: MessageCrypto, body: string): Record<string, string> {
  const envelope = parseXml(body)
  if (crypto.sign(envelope.TimeStamp, envelope.Nonce, envelope.Encrypt) !== envelope.MsgSignature) throw new Error('reply signature does not verify')
  return parseXml(crypto.decrypt(envelope.Encrypt))
}
