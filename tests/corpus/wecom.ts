/**
 * The WeCom self-built app channel over real HTTP on loopback, with a fake WeCom API server: URL
 * verification, an encrypted question answered through message/send with the AgentId, and staff
 * commands for the WeCom user ids on the allowlist.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import pino from 'pino'
import { loadConfig } from '../../bot/config.js'
import { createAnswerEngine } from '../../bot/answer/engine.js'
import type { AnswerEngine } from '../../bot/answer/types.js'
import { Conversation } from '../../bot/conversation/conversation.js'
import { ADMIN_ONLY } from '../../bot/conversation/texts.js'
import { MessageCrypto } from '../../bot/channels/callback/crypto.js'
import { buildXml } from '../../bot/channels/callback/xml.js'
import { WECOM_PATH, wecomChannel } from '../../bot/channels/wecom/index.js'
import { startHttpServer } from '../../bot/server.js'
import type { KnowledgeBase } from '../../index/index.js'
import { corpusKnowledgeBase } from '../support/corpus-index.js'
import { startFakeWeChatApi, type FakeWeChatApi } from '../support/fake-wechat-api.js'
import { encryptedRequest, nextMsgId, nonce, now } from '../support/wechat-callback.js'

const TOKEN = 'wecom-token'
const AES_KEY = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C'
const CORP_ID = 'ww0123456789abcdef'
const AGENT_ID = 1000002
const STAFF = 'ZhangSan'
const QUESTION = '区科委关于概念验证中心的答复'

let kb: KnowledgeBase
let engine: AnswerEngine
let fake: FakeWeChatApi
let url: string
let close: () => Promise<void>
const crypto = new MessageCrypto(TOKEN, AES_KEY, CORP_ID)

before(async () => {
  kb = await corpusKnowledgeBase()
  engine = createAnswerEngine(() => kb)
  fake = await startFakeWeChatApi()
  const logger = pino({ level: 'silent' })
  const config = loadConfig(
    { wecomToken: TOKEN, wecomAesKey: AES_KEY, wecomCorpId: CORP_ID, wecomAgentId: AGENT_ID, wecomSecret: 'app-secret', wecomApiBase: fake.base, adminIds: [STAFF], sendIntervalMs: 0, userHashSalt: 'salt' },
    {},
  )
  const conversation = new Conversation({ config, engine, knowledge: { current: kb, refresh: async () => {} }, logger })
  const server = await startHttpServer({ port: 0, host: '127.0.0.1', channels: [wecomChannel({ config, conversation, logger })], ready: () => true, logger })
  url = `${server.url}${WECOM_PATH}`
  close = server.close
}, { timeout: 300_000 })

after(async () => {
  await close?.()
  await fake?.close()
})

const message = (from: string, text: string) =>
  buildXml({ ToUserName: CORP_ID, FromUserName: from, CreateTime: Number(now()), MsgType: 'text', Content: text, MsgId: nextMsgId(), AgentID: AGENT_ID })

async function send(from: string, text: string): Promise<number> {
  const request = encryptedRequest(crypto, message(from, text), CORP_ID)
  const response = await fetch(`${url}${request.query}`, { method: 'POST', body: request.body, headers: { 'content-type': 'text/xml' } })
  await response.text()
  return response.status
}

test('URL verification answers the decrypted echostr, and only with a correct msg_signature', async () => {
  const echostr = crypto.encrypt('4512367890123')
  const timestamp = now()
  const n = nonce()
  const query = (signature: string) => `?${new URLSearchParams({ msg_signature: signature, timestamp, nonce: n, echostr })}`
  const ok = await fetch(`${url}${query(crypto.sign(timestamp, n, echostr))}`)
  assert.equal(ok.status, 200)
  assert.equal(await ok.text(), '4512367890123')
  const bad = await fetch(`${url}${query(new MessageCrypto('other', AES_KEY, CORP_ID).sign(timestamp, n, echostr))}`)
  assert.equal(bad.status, 403)
})

test('a question is answered through message/send with the AgentId, with the cited passage and contact', async () => {
  assert.equal(await send('LiSi', QUESTION), 200)
  const [sent] = await fake.waitFor('LiSi', 1)
  const expected = await engine.respond(QUESTION)
  assert.equal(sent.api, 'wecom')
  assert.equal(sent.agentid, AGENT_ID)
  assert.equal(sent.content, expected.reply.text)
  assert.match(sent.content, /【来源】/)
  assert.match(sent.content, /联系人/)
})

test('staff commands work for WeCom user ids on the allowlist and are refused to others', async () => {
  await send(STAFF, '#状态')
  const [status] = await fake.waitFor(STAFF, 1)
  assert.match(status.content, new RegExp(`答复库版本：${kb.buildId}`))
  assert.match(status.content, /已回答问题：\d+/)
  await send('WangWu', '#状态')
  const [refused] = await fake.waitFor('WangWu', 1)
  assert.equal(refused.content, ADMIN_ONLY)
})

test('a forged message (wrong msg_signature) is refused and nothing is sent', async () => {
  const request = encryptedRequest(new MessageCrypto('not-the-token', AES_KEY, CORP_ID), message('Intruder', '#状态'), CORP_ID)
  const response = await fetch(`${url}${request.query}`, { method: 'POST', body: request.body, headers: { 'content-type': 'text/xml' } })
  assert.equal(response.status, 403)
  await new Promise((resolve) => setTimeout(resolve, 200))
  assert.equal(fake.sent.filter((sent) => sent.touser === 'Intruder').length, 0)
})
