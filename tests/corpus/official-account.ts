/**
 * The Official Account channel over real HTTP on loopback: the bot's fastify server, a fake WeChat API
 * server for customer-service messages and tokens, the real answer engine over the shared test index.
 * Each test looks at what WeChat would receive (HTTP status and passive reply) and what the person
 * would read (passive reply plus customer-service messages).
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import pino from 'pino'
import { loadConfig, type BotConfig } from '../../bot/config.js'
import { createAnswerEngine } from '../../bot/answer/engine.js'
import type { AnswerEngine } from '../../bot/answer/types.js'
import { Conversation } from '../../bot/conversation/conversation.js'
import { TEXT_ONLY, WELCOME } from '../../bot/conversation/texts.js'
import { MessageCrypto } from '../../bot/channels/callback/crypto.js'
import { buildXml, parseXml } from '../../bot/channels/callback/xml.js'
import { MP_PATH, officialAccountChannel } from '../../bot/channels/official-account/index.js'
import { startHttpServer } from '../../bot/server.js'
import type { KnowledgeBase } from '../../index/index.js'
import { corpusKnowledgeBase } from '../support/corpus-index.js'
import { startFakeWeChatApi, type FakeWeChatApi } from '../support/fake-wechat-api.js'
import { encryptedRequest, nextMsgId, now, openReply, signedQuery, textMessage } from '../support/wechat-callback.js'

const TOKEN = 'test-token'
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'
const APP_ID = 'wx0123456789abcdef'
/** answered with one reply that fits a passive reply (under 2048 bytes) */
const SHORT_QUESTION = '区科委关于概念验证中心的答复'
/** answered with a reply longer than 2048 bytes: found among lookups of the corpus's replies in `before` */
let LONG_QUESTION = ''

let kb: KnowledgeBase
let engine: AnswerEngine
let fake: FakeWeChatApi
const closers: (() => Promise<void>)[] = []
const logLines: string[] = []
const logger = pino({ level: 'debug' }, { write: (line: string) => void logLines.push(line) })

before(async () => {
  kb = await corpusKnowledgeBase()
  engine = createAnswerEngine(() => kb)
  for (const doc of kb.documents.filter((d) => d.title)) {
    if (Buffer.byteLength((await engine.respond(doc.title!)).reply.text) > 2048) {
      LONG_QUESTION = doc.title!
      break
    }
  }
  assert.ok(LONG_QUESTION, 'some question of the corpus gets an answer longer than a passive reply')
  fake = await startFakeWeChatApi()
}, { timeout: 300_000 })

after(async () => {
  for (const close of closers) await close()
  await fake.close()
})

const squeeze = (text: string) => text.replace(/\s+/g, '')
let users = 0
const openid = () => `oTEST${++users}_openid`

interface Launched {
  url: string
  calls: string[]
  post(query: string, body: string, headers?: Record<string, string>): Promise<{ status: number; text: string }>
  /** a signed plaintext text message; the passive reply's Content, or '' for `success` */
  ask(user: string, text: string, msgId?: string): Promise<string>
}

async function launch(overrides: Partial<BotConfig> = {}, options: { engine?: AnswerEngine; passiveDeadlineMs?: number } = {}): Promise<Launched> {
  const config = loadConfig({ mpToken: TOKEN, mpApiBase: fake.base, sendIntervalMs: 0, sendRatePerSecond: 1000, userHashSalt: 'salt', ...overrides }, {})
  const calls: string[] = []
  const base = options.engine ?? engine
  const counting: AnswerEngine = { respond: (message, state) => (calls.push(message), base.respond(message, state)) }
  const conversation = new Conversation({ config, engine: counting, knowledge: { current: kb, refresh: async () => {} }, logger })
  const channel = officialAccountChannel({ config, conversation, logger, passiveDeadlineMs: options.passiveDeadlineMs })
  const server = await startHttpServer({ port: 0, host: '127.0.0.1', channels: [channel], ready: () => true, logger })
  closers.push(() => server.close())
  const url = `${server.url}${MP_PATH}`
  const post = async (query: string, body: string, headers: Record<string, string> = { 'content-type': 'text/xml' }) => {
    const response = await fetch(`${url}${query}`, { method: 'POST', body, headers })
    return { status: response.status, text: await response.text() }
  }
  return {
    url,
    calls,
    post,
    ask: async (user, text, msgId) => {
      const { status, text: body } = await post(signedQuery(TOKEN, { openid: user }), textMessage(user, text, msgId))
      assert.equal(status, 200)
      return body === 'success' ? '' : parseXml(body).Content
    },
  }
}

test('URL verification echoes echostr for a correct signature and refuses a wrong one', async () => {
  const { url } = await launch()
  const ok = await fetch(`${url}${signedQuery(TOKEN, { echostr: 'echo-8841' })}`)
  assert.equal(ok.status, 200)
  assert.equal(await ok.text(), 'echo-8841')
  const bad = await fetch(`${url}${signedQuery('another-token', { echostr: 'echo-8841' })}`)
  assert.equal(bad.status, 403)
  assert.notEqual(await bad.text(), 'echo-8841')
})

test('plaintext with only MP_TOKEN: a question is answered in the passive reply with the cited passage and contact, no outgoing call', async () => {
  const { ask } = await launch()
  const tokensBefore = fake.tokensIssued
  const sentBefore = fake.sent.length
  const user = openid()
  const answer = await ask(user, SHORT_QUESTION)
  const expected = await engine.respond(SHORT_QUESTION)
  assert.equal(expected.reply.answered, true)
  assert.ok(Buffer.byteLength(expected.reply.text) <= 2048, 'the question still has a short answer')
  assert.equal(answer, expected.reply.text)
  assert.match(answer, /【来源】/)
  const phone = expected.reply.contacts.find((contact) => contact.phone)?.phone
  assert.ok(phone && answer.includes(phone), 'the contact phone is in the reply')
  assert.equal(fake.tokensIssued, tokensBefore, 'no access token fetched')
  assert.equal(fake.sent.length, sentBefore, 'no customer-service message')
})

test('safe mode: an encrypted question gets an encrypted, signed passive reply with the passage and contact', async () => {
  const { post } = await launch({ mpAesKey: AES_KEY, mpAppId: APP_ID })
  const crypto = new MessageCrypto(TOKEN, AES_KEY, APP_ID)
  const user = openid()
  const request = encryptedRequest(crypto, textMessage(user, SHORT_QUESTION, nextMsgId(), 'gh_safe'), 'gh_safe', { encrypt_type: 'aes', openid: user })
  const { status, text } = await post(request.query, request.body)
  assert.equal(status, 200)
  assert.doesNotMatch(text, /来源/, 'nothing readable travels in clear')
  const reply = openReply(crypto, text)
  assert.equal(reply.ToUserName, user)
  assert.equal(reply.FromUserName, 'gh_safe')
  assert.equal(reply.Content, (await engine.respond(SHORT_QUESTION)).reply.text)

  const forged = encryptedRequest(new MessageCrypto(TOKEN, 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', APP_ID), textMessage(user, SHORT_QUESTION), 'gh_safe', { encrypt_type: 'aes' })
  const tampered = forged.query.replace(/msg_signature=[0-9a-f]+/, `msg_signature=${'0'.repeat(40)}`)
  assert.equal((await post(tampered, forged.body)).status, 403, 'a wrong msg_signature is refused')
})

test('a message WeChat retries (same MsgId) is answered once', async () => {
  const { ask, calls } = await launch()
  const user = openid()
  const id = nextMsgId()
  const [first, retry] = await Promise.all([ask(user, SHORT_QUESTION, id), ask(user, SHORT_QUESTION, id)])
  const replies = [first, retry].filter(Boolean)
  assert.equal(replies.length, 1, 'one passive answer, the retry gets success')
  assert.equal(calls.length, 1, 'the engine ran once')
  assert.equal(await ask(user, SHORT_QUESTION, id), '', 'a later retry too')
  assert.notEqual(await ask(user, SHORT_QUESTION), '', 'a new message with the same text is answered')
})

test('a long answer: the first part passively, the rest through the customer-service API, nothing lost', async () => {
  const { ask } = await launch({ mpAppId: APP_ID, mpAppSecret: 'secret' })
  const user = openid()
  const passive = await ask(user, LONG_QUESTION)
  const expected = (await engine.respond(LONG_QUESTION)).reply.text
  assert.ok(Buffer.byteLength(expected) > 2048, 'the answer is longer than a passive reply')
  assert.ok(passive && Buffer.byteLength(passive) <= 2048)
  const rest = await fake.waitFor(user, 1)
  assert.ok(rest.every((message) => message.api === 'custom' && Buffer.byteLength(message.content) <= 2048))
  assert.equal(squeeze(passive + rest.map((message) => message.content).join('')), squeeze(expected))
})

test('an answer not ready within the passive window: success now, the whole answer through the API', async () => {
  const slow: AnswerEngine = { respond: async (message, state) => (await new Promise((resolve) => setTimeout(resolve, 400)), engine.respond(message, state)) }
  const { ask } = await launch({ mpAppId: APP_ID, mpAppSecret: 'secret' }, { engine: slow, passiveDeadlineMs: 50 })
  const user = openid()
  assert.equal(await ask(user, SHORT_QUESTION), '', 'WeChat gets success instead of waiting')
  const [message] = await fake.waitFor(user, 1)
  assert.equal(message.content, (await engine.respond(SHORT_QUESTION)).reply.text)
})

test('an expired or invalid access token is fetched again once and the message still goes out', async () => {
  const { ask } = await launch({ mpAppId: APP_ID, mpAppSecret: 'secret' })
  const first = openid()
  await ask(first, LONG_QUESTION)
  await fake.waitFor(first, 1)
  for (const errcode of [42001, 40001] as const) {
    const stale = fake.lastToken()!
    fake.reject(stale, errcode)
    const issued = fake.tokensIssued
    const user = openid()
    await ask(user, LONG_QUESTION)
    const [message] = await fake.waitFor(user, 1)
    assert.equal(fake.tokensIssued, issued + 1, `one new token after ${errcode}`)
    assert.notEqual(message.token, stale)
  }
})

test('refused requests: bad signature 403, old timestamp 403, malformed XML 400, oversized body 413 — none processed', async () => {
  const { post, calls } = await launch()
  const user = openid()
  assert.equal((await post(signedQuery('wrong-token'), textMessage(user, SHORT_QUESTION))).status, 403)
  assert.equal((await post(signedQuery(TOKEN, {}, String(Math.floor(Date.now() / 1000) - 3600)), textMessage(user, SHORT_QUESTION))).status, 403)
  assert.equal((await post(signedQuery(TOKEN), '<xml><ToUserName>gh</ToUserName><Content>问题')).status, 400)
  assert.equal((await post(signedQuery(TOKEN), 'not xml at all')).status, 400)
  const huge = textMessage(user, '问'.repeat(40_000))
  assert.equal((await post(signedQuery(TOKEN), huge)).status, 413)
  assert.deepEqual(calls, [], 'the engine never ran')
})

test('subscribe gets a welcome with example questions; unsubscribe forgets the conversation', async () => {
  const { post, ask } = await launch()
  const user = openid()
  const event = (name: string, createTime = now()) => buildXml({ ToUserName: 'gh', FromUserName: user, CreateTime: Number(createTime), MsgType: 'event', Event: name, EventKey: '' })
  const subscribe = event('subscribe')
  const welcome = parseXml((await post(signedQuery(TOKEN), subscribe)).text).Content
  assert.ok(welcome.startsWith(WELCOME))
  assert.ok(welcome.includes((await engine.respond('帮助')).reply.text), 'the help text with its example questions')
  assert.equal((await post(signedQuery(TOKEN), subscribe)).text, 'success', 'a retried event is answered once')

  const answer = await ask(user, SHORT_QUESTION)
  const state = (await engine.respond(SHORT_QUESTION)).state
  assert.equal(await ask(user, '更多'), (await engine.respond('更多', state)).reply.text, '更多 continues the question')
  assert.ok(answer)
  assert.equal((await post(signedQuery(TOKEN), event('unsubscribe', String(Number(now()) + 1)))).text, 'success')
  assert.equal(await ask(user, '更多'), (await engine.respond('更多')).reply.text, 'after unsubscribing there is nothing to continue')
})

test('voice is answered from its recognised text; voice without it and pictures get the text-only notice; a menu key runs its command', async () => {
  const { post } = await launch()
  const user = openid()
  const send = async (fields: Record<string, string | number>) =>
    parseXml((await post(signedQuery(TOKEN), buildXml({ ToUserName: 'gh', FromUserName: user, CreateTime: Number(now()), ...fields }))).text).Content
  const voice = await send({ MsgType: 'voice', MediaId: 'm1', Format: 'amr', Recognition: SHORT_QUESTION, MsgId: nextMsgId() })
  assert.equal(voice, (await engine.respond(SHORT_QUESTION)).reply.text)
  assert.equal(await send({ MsgType: 'voice', MediaId: 'm2', Format: 'amr', Recognition: '', MsgId: nextMsgId() }), TEXT_ONLY)
  assert.equal(await send({ MsgType: 'image', PicUrl: 'http://example.invalid/p.jpg', MediaId: 'm3', MsgId: nextMsgId() }), TEXT_ONLY)
  assert.equal(await send({ MsgType: 'event', Event: 'CLICK', EventKey: 'HELP' }), (await engine.respond('帮助')).reply.text)
})

test('the question log names the channel and never an openid', async () => {
  const { ask } = await launch()
  const user = openid()
  await ask(user, SHORT_QUESTION)
  const events = logLines.filter((line) => line.includes('"event":"question"')).map((line) => JSON.parse(line))
  assert.ok(events.length > 0)
  assert.ok(events.every((event) => event.channel === 'official-account'))
  assert.ok(!logLines.some((line) => line.includes('oTEST')), 'no openid in any log line')
})

test('two questions in a row: the second answer never overtakes the rest of the first', async () => {
  const { ask } = await launch({ mpAppId: APP_ID, mpAppSecret: 'secret' })
  const user = openid()
  fake.slowSends(300)
  try {
    const passive = await ask(user, LONG_QUESTION)
    const passiveAt = Date.now()
    const second = await ask(user, SHORT_QUESTION)
    const first = await engine.respond(LONG_QUESTION)
    const then = await engine.respond(SHORT_QUESTION, first.state)
    assert.equal(second, '', 'not answered passively while the first answer is still being sent')
    const sent = await fake.waitFor(user, 2)
    assert.ok(sent.every((message) => message.at >= passiveAt))
    assert.equal(squeeze([passive, ...sent.map((message) => message.content)].join('')), squeeze(first.reply.text + then.reply.text), 'everything arrives, in the order asked')
  } finally {
    fake.slowSends(0)
  }
})
