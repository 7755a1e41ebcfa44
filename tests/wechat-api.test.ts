/** The access-token handling shared by the Official Account and WeCom channels, against the fake WeChat API on loopback. */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import pino from 'pino'
import { WeChatApi } from '../bot/channels/callback/api.js'
import { startFakeWeChatApi, type FakeWeChatApi } from './support/fake-wechat-api.js'

let fake: FakeWeChatApi
before(async () => (fake = await startFakeWeChatApi()))
after(() => fake.close())

const api = () => new WeChatApi(fake.base, '/cgi-bin/gettoken?corpid=ww1&corpsecret=s', 'wecom', pino({ level: 'silent' }))
const send = (client: WeChatApi, touser: string) => client.post('/cgi-bin/message/send', { touser, msgtype: 'text', agentid: 1, text: { content: `hello ${touser}` } })

test('twenty sends at once share one token fetch, and later sends reuse the cached token', async () => {
  const client = api()
  const before = fake.tokensIssued
  await Promise.all(Array.from({ length: 20 }, (_, i) => send(client, `burst${i}`)))
  await send(client, 'later')
  assert.equal(fake.tokensIssued, before + 1)
  assert.equal(new Set(fake.sent.filter((m) => m.touser.startsWith('burst') || m.touser === 'later').map((m) => m.token)).size, 1)
})

test('a token WeChat rejects is fetched again once, by one call, however many sends hit the rejection', async () => {
  const client = api()
  await send(client, 'warm')
  const stale = fake.lastToken()!
  fake.reject(stale, 42001)
  const before = fake.tokensIssued
  await Promise.all(Array.from({ length: 10 }, (_, i) => send(client, `after-expiry${i}`)))
  assert.equal(fake.tokensIssued, before + 1, 'one new token for all ten')
  assert.ok(fake.sent.filter((m) => m.touser.startsWith('after-expiry')).every((m) => m.token !== stale))
})

