/**
 * The WeCom (企业微信) self-built app channel: its callback at /wechat/wecom.
 *  - GET: URL verification — msg_signature over Token, timestamp, nonce and `echostr`, then the
 *    decrypted echostr is the answer.
 *  - POST: always encrypted for the CorpID; msg_signature checked (403), then the message is taken
 *    and the callback answered at once with an empty body (WeCom waits 5 s and would retry); the
 *    answer goes out through message/send with the app's AgentId, paced like every channel.
 * Staff commands work for the WeCom user ids in ADMIN_IDS (the conversation layer checks the list).
 */
import type { FastifyReply } from 'fastify'
import type { BotConfig } from '../../config.js'
import type { Conversation, Outbound } from '../../conversation/conversation.js'
import type { Logger } from '../../conversation/log.js'
import type { HttpChannel } from '../../server.js'
import { WeChatApi } from '../callback/api.js'
import { CryptoError, MessageCrypto, signatureMatches } from '../callback/crypto.js'
import { interpret } from '../callback/messages.js'
import { createApiSender } from '../callback/outgoing.js'
import { Refused, openEnvelope, registerCallback, xmlBody, type CallbackRequest } from '../callback/routes.js'

export const WECOM_PATH = '/wechat/wecom'
/** message/send truncates text beyond 2048 bytes */
export const WECOM_MAX_BYTES = 2048

export interface WecomOptions {
  config: Pick<BotConfig, 'wecomToken' | 'wecomAesKey' | 'wecomCorpId' | 'wecomAgentId' | 'wecomSecret' | 'wecomApiBase' | 'sendRatePerSecond' | 'sendIntervalMs' | 'sendQueueMax' | 'replyMaxAgeSeconds'>
  conversation: Conversation
  logger: Logger
}

export function wecomChannel({ config, conversation, logger }: WecomOptions) {
  const { wecomToken, wecomAesKey, wecomCorpId, wecomAgentId, wecomSecret } = config
  if (!wecomToken || !wecomAesKey || !wecomCorpId || !wecomAgentId || !wecomSecret) {
    throw new Error('WECOM_TOKEN, WECOM_AES_KEY, WECOM_CORP_ID, WECOM_AGENT_ID and WECOM_SECRET are required for the WeCom channel')
  }
  const crypto = new MessageCrypto(wecomToken, wecomAesKey, wecomCorpId)
  const api = new WeChatApi(config.wecomApiBase, `/cgi-bin/gettoken?corpid=${encodeURIComponent(wecomCorpId)}&corpsecret=${encodeURIComponent(wecomSecret)}`, 'wecom', logger)
  const sender = createApiSender({
    channel: 'wecom',
    config,
    logger,
    hash: (id) => conversation.hash(id),
    post: (user, content) => api.post('/cgi-bin/message/send', { touser: user, msgtype: 'text', agentid: wecomAgentId, text: { content } }),
  })

  async function verifyUrl(request: CallbackRequest, reply: FastifyReply): Promise<unknown> {
    const { msg_signature, timestamp = '', nonce = '', echostr } = request.query
    if (!echostr) throw new Refused(400, 'no echostr')
    if (!signatureMatches(msg_signature, crypto.sign(timestamp, nonce, echostr))) throw new Refused(403, 'bad msg_signature')
    try {
      const plain = crypto.decrypt(echostr)
      logger.info({ event: 'url-verified', channel: 'wecom' }, 'callback URL verified')
      return reply.type('text/plain').send(plain)
    } catch (error) {
      if (error instanceof CryptoError) throw new Refused(400, error.message)
      throw error
    }
  }

  async function message(request: CallbackRequest, reply: FastifyReply): Promise<unknown> {
    const receivedAt = Date.now()
    const action = interpret(openEnvelope(crypto, request.query, xmlBody(request.body)))
    if (action.kind === 'ignore') logger.debug({ event: 'callback-ignored', channel: 'wecom', reason: action.reason }, 'nothing to answer')
    else if (action.kind === 'forget') await conversation.forget('wecom', action.user)
    else {
      const outbound: Outbound = { maxPart: WECOM_MAX_BYTES, measure: 'bytes', send: (parts) => sender.send(action.user, receivedAt, parts) }
      void conversation.receive({ channel: 'wecom', user: action.user, messageId: action.messageId, content: action.content }, outbound)
    }
    return reply.type('text/plain').send('')
  }

  const channel: HttpChannel = {
    name: 'wecom',
    register: (app) => registerCallback(app, { path: WECOM_PATH, channel: 'wecom', logger, verifyUrl, message }),
  }
  return { ...channel, sending: () => sender.pacer.stats(), flush: () => sender.pacer.flush() }
}
