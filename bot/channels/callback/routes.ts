/**
 * The HTTP side shared by the WeChat callback channels: a fastify scope of its own (its body parser
 * does not touch other channels' routes) that takes any body as text up to BODY_LIMIT (413 beyond),
 * refuses requests whose timestamp is not recent (replays) or whose query signature is wrong with 403
 * before the body is even read, and maps malformed XML to 400.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Logger } from '../../conversation/log.js'
import { CryptoError, signatureMatches, type MessageCrypto } from './crypto.js'
import { BadXml, buildXml, parseXml, type XmlFields } from './xml.js'

/** WeChat's messages are a few hundred bytes; this leaves ample room and no more. */
export const BODY_LIMIT = 32 * 1024
/** A signed request older (or newer) than this is refused: a captured request cannot be replayed later. */
export const MAX_CLOCK_SKEW_S = 300

export type CallbackQuery = Partial<Record<'signature' | 'msg_signature' | 'timestamp' | 'nonce' | 'echostr' | 'encrypt_type' | 'openid', string>>
export type CallbackRequest = FastifyRequest<{ Querystring: CallbackQuery; Body: string }>

export interface CallbackRoutes {
  path: string
  channel: string
  logger: Logger
  /** Checks what the query alone can prove (Official Account: `signature`); false → 403, nothing read. */
  authentic?: (query: CallbackQuery) => boolean
  verifyUrl(request: CallbackRequest, reply: FastifyReply): Promise<unknown>
  message(request: CallbackRequest, reply: FastifyReply): Promise<unknown>
}

export class Refused extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message)
  }
}

export async function registerCallback(app: FastifyInstance, routes: CallbackRoutes): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_request, body, done) => done(null, body))
    scope.addHook('onRequest', async (request: CallbackRequest, reply) => {
      const timestamp = Number(request.query.timestamp)
      const reason = !Number.isFinite(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > MAX_CLOCK_SKEW_S ? 'timestamp' : routes.authentic?.(request.query) === false ? 'signature' : undefined
      if (!reason) return
      routes.logger.warn({ event: 'callback-refused', channel: routes.channel, reason }, 'callback refused')
      return reply.code(403).send(`bad ${reason}`)
    })
    scope.get(routes.path, (request: CallbackRequest, reply) => routes.verifyUrl(request, reply))
    scope.post(routes.path, { bodyLimit: BODY_LIMIT }, (request: CallbackRequest, reply) => routes.message(request, reply))
  })
}

/** The body's XML fields; 400 when it is not well-formed XML. */
export function xmlBody(body: unknown): XmlFields {
  try {
    return parseXml(typeof body === 'string' ? body : '')
  } catch (error) {
    if (error instanceof BadXml) throw new Refused(400, error.message)
    throw error
  }
}

/**
 * The message inside an encrypted callback body: msg_signature checked over its Encrypt field (403),
 * then decrypted for this AppID/CorpID (400 when that fails) and parsed (400 when malformed).
 */
export function openEnvelope(crypto: MessageCrypto, query: CallbackQuery, outer: XmlFields): XmlFields {
  if (!outer.Encrypt) throw new Refused(400, 'no Encrypt element')
  if (!signatureMatches(query.msg_signature, crypto.sign(query.timestamp ?? '', query.nonce ?? '', outer.Encrypt))) throw new Refused(403, 'bad msg_signature')
  let inner: string
  try {
    inner = crypto.decrypt(outer.Encrypt)
  } catch (error) {
    if (error instanceof CryptoError) throw new Refused(400, error.message)
    throw error
  }
  return xmlBody(inner)
}

/** An encrypted passive reply: the envelope WeChat expects in safe mode. */
export function sealReply(crypto: MessageCrypto, xml: string, nonce: string): string {
  const timestamp = String(Math.floor(Date.now() / 1000))
  const encrypted = crypto.encrypt(xml)
  return buildXml({ Encrypt: encrypted, MsgSignature: crypto.sign(timestamp, nonce, encrypted), TimeStamp: Number(timestamp), Nonce: nonce })
}
