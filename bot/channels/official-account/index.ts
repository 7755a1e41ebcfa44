/**
 * The Official Account (公众号) channel: WeChat's callback at /wechat/mp.
 *  - GET: URL verification — `signature` over Token, timestamp, nonce; `echostr` echoed.
 *  - POST: every request's `signature` checked (403, nothing read); plaintext, compatible and safe
 *    (AES) modes — an encrypted request (encrypt_type=aes) is answered encrypted.
 *  - The answer goes back as the passive reply when it is ready within PASSIVE_DEADLINE_MS (WeChat
 *    waits 5 s, then retries): its first part (≤ 2048 bytes) passively, the rest through the
 *    customer-service message API after the passive reply has gone; when it is not ready in time the
 *    reply is `success` and the whole answer follows through the API. With only MP_TOKEN set (no
 *    AppSecret) nothing is ever sent through the API: answers that fit a passive reply are complete.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import type { FastifyReply } from 'fastify'
import type { BotConfig } from '../../config.js'
import type { Conversation, Outbound } from '../../conversation/conversation.js'
import type { Logger } from '../../conversation/log.js'
import type { HttpChannel } from '../../server.js'
import { WeChatApi } from '../callback/api.js'
import { MessageCrypto, signature, signatureMatches } from '../callback/crypto.js'
import { interpret } from '../callback/messages.js'
import { createApiSender } from '../callback/outgoing.js'
import { Refused, openEnvelope, registerCallback, sealReply, xmlBody, type CallbackRequest } from '../callback/routes.js'
import { buildXml } from '../callback/xml.js'

export const MP_PATH = '/wechat/mp'
/** WeChat gives up on a passive reply after 5 s; this leaves room for the network. */
export const PASSIVE_DEADLINE_MS = 4_500
/** WeChat's limit for a passive reply's and a customer-service message's text, in UTF-8 bytes */
export const MP_MAX_BYTES = 2048

export interface OfficialAccountOptions {
  config: Pick<BotConfig, 'mpToken' | 'mpAesKey' | 'mpAppId' | 'mpAppSecret' | 'mpApiBase' | 'sendRatePerSecond' | 'sendIntervalMs' | 'sendQueueMax' | 'replyMaxAgeSeconds'>
  conversation: Conversation
  logger: Logger
  /** tests shorten it to exercise the slow path */
  passiveDeadlineMs?: number
}

export function officialAccountChannel({ config, conversation, logger, passiveDeadlineMs = PASSIVE_DEADLINE_MS }: OfficialAccountOptions) {
  const token = config.mpToken
  if (!token) throw new Error('MP_TOKEN is required for the Official Account channel')
  const crypto = config.mpAesKey && config.mpAppId ? new MessageCrypto(token, config.mpAesKey, config.mpAppId) : undefined
  const api =
    config.mpAppId && config.mpAppSecret
      ? new WeChatApi(config.mpApiBase, `/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(config.mpAppId)}&secret=${encodeURIComponent(config.mpAppSecret)}`, 'official-account', logger)
      : undefined
  const sender = createApiSender({
    channel: 'official-account',
    config,
    logger,
    hash: (id) => conversation.hash(id),
    post: (user, content) => {
      if (!api) throw new Error('no MP_APP_ID/MP_APP_SECRET: customer-service messages cannot be sent')
      return api.post('/cgi-bin/message/custom/send', { touser: user, msgtype: 'text', text: { content } })
    },
  })

  /** people with answer parts still to be sent through the API, and how many answers */
  const pending = new Map<string, number>()

  async function message(request: CallbackRequest, reply: FastifyReply): Promise<unknown> {
    const receivedAt = Date.now()
    const { query } = request
    const outer = xmlBody(request.body)
    const encrypted = query.encrypt_type === 'aes'
    // Compatible mode also carries the plaintext fields: without a key, those are used.
    if (encrypted && !crypto && !outer.MsgType) throw new Refused(400, 'an encrypted message, but MP_AES_KEY / MP_APP_ID are not set')
    const fields = encrypted && crypto ? openEnvelope(crypto, query, outer) : outer
    const action = interpret(fields)
    const success = () => reply.type('text/plain').send('success')
    if (action.kind === 'ignore') {
      logger.debug({ event: 'callback-ignored', channel: 'official-account', reason: action.reason }, 'nothing to answer')
      return success()
    }
    if (action.kind === 'forget') {
      await conversation.forget('official-account', action.user)
      return success()
    }

    // The passive reply takes the first part handed over while it is still open; later parts and
    // later replies go through the API, once the passive reply has left.
    // While parts of an earlier answer are still on their way through the API, a passive reply would
    // overtake them: then this answer queues behind them instead.
    let passiveOpen = true
    let takePassive: (text: string) => void = () => {}
    const passive = new Promise<string>((resolve) => (takePassive = resolve))
    const responded = new Promise<void>((resolve) => reply.raw.once('close', resolve).once('finish', resolve))
    const outbound: Outbound = {
      maxPart: MP_MAX_BYTES,
      measure: 'bytes',
      send: async (parts) => {
        let rest = parts
        if (passiveOpen && parts.length > 0 && !(api && pending.has(action.user))) {
          passiveOpen = false
          takePassive(parts[0])
          rest = parts.slice(1)
        }
        if (rest.length === 0) return
        if (!api) {
          logger.warn({ event: 'send-dropped', channel: 'official-account', reason: 'no-api-credentials', parts: rest.length }, 'answer longer than a passive reply, and no MP_APP_SECRET to send the rest')
          return
        }
        pending.set(action.user, (pending.get(action.user) ?? 0) + 1)
        try {
          await responded
          return await sender.send(action.user, receivedAt, rest)
        } finally {
          const left = pending.get(action.user)! - 1
          if (left > 0) pending.set(action.user, left)
          else pending.delete(action.user)
        }
      },
    }
    const handled = conversation.receive({ channel: 'official-account', user: action.user, messageId: action.messageId, content: action.content }, outbound)
    const deadline = new AbortController()
    const first = await Promise.race([passive, handled.then(() => undefined), sleep(passiveDeadlineMs, undefined, { signal: deadline.signal }).catch(() => undefined)])
    deadline.abort()
    passiveOpen = false
    if (first === undefined) return success()
    const xml = buildXml({ ToUserName: action.user, FromUserName: fields.ToUserName ?? '', CreateTime: Math.floor(Date.now() / 1000), MsgType: 'text', Content: first })
    return reply.type('application/xml').send(encrypted && crypto ? sealReply(crypto, xml, query.nonce ?? '') : xml)
  }

  const channel: HttpChannel = {
    name: 'official-account',
    register: (app) =>
      registerCallback(app, {
        path: MP_PATH,
        channel: 'official-account',
        logger,
        authentic: (query) => signatureMatches(query.signature, signature(token, query.timestamp ?? '', query.nonce ?? '')),
        verifyUrl: async (request, reply) => {
          if (!request.query.echostr) throw new Refused(400, 'no echostr')
          logger.info({ event: 'url-verified', channel: 'official-account' }, 'callback URL verified')
          return reply.type('text/plain').send(request.query.echostr)
        },
        message,
      }),
  }
  return { ...channel, sending: () => sender.pacer.stats(), flush: () => sender.pacer.flush() }
}
