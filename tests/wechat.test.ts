/**
 * The WeChat bot in the chat: wechaty with the mock puppet over a real index and the real answer engine
 * (tests/support/wechat-world.ts). Each test looks at what the people in the chat would see: the
 * messages the bot sends them. Staff commands and what the bot logs: wechat-staff.test.ts.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { types } from 'wechaty'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { loadConfig } from '../bot/config.js'
import type { AnswerEngine } from '../bot/answer/types.js'
import { startBot } from '../bot/channels/wechaty/bot.js'
import { APOLOGY, RATE_LIMITED, TEXT_ONLY } from '../bot/conversation/texts.js'
import { BOT_NAME, QUESTION, settle, squeeze, wechatFixture } from './support/wechat-world.js'

const wx = wechatFixture()
const { indexDir, logDir, running } = wx

test('a private question gets the cited passage with the contact person, exactly as the engine answers it; 更多 continues it', async () => {
  const world = await wx.launch()
  const alice = world.person('居民甲')
  alice.say(QUESTION).to(world.self)
  const replies = await world.waitForReplies(alice, 1)

  const expected = await wx.engine.respond(QUESTION)
  assert.equal(expected.reply.answered, true)
  assert.equal(squeeze(replies.join('')), squeeze(expected.reply.text))
  const [passage] = expected.reply.passages
  assert.ok(replies[0].includes(passage.text.slice(0, 30)), 'the reply quotes the passage')
  const phone = expected.reply.contacts.find((contact) => contact.phone)?.phone
  assert.ok(phone && replies.join('').includes(phone), 'the reply gives the contact phone')
  assert.match(replies.join(''), /联系人/)

  alice.say('更多').to(world.self)
  const more = await wx.engine.respond('更多', expected.state)
  await world.waitForReplies(alice, replies.length + 1)
  await settle()
  assert.equal(squeeze(world.sentTo(alice).slice(replies.length).join('')), squeeze(more.reply.text))
  assert.notEqual(squeeze(more.reply.text), squeeze(expected.reply.text))
})

test('in a group only messages that @ the bot or start with the keyword are answered, and each member has their own conversation', async () => {
  const world = await wx.launch()
  const alice = world.person('居民甲')
  const bob = world.person('居民乙')
  const room = world.room(alice, bob)
  const expected = await wx.engine.respond(QUESTION)

  alice.say(QUESTION).to(room)
  alice.say(`@${BOT_NAME} ${QUESTION}`, [world.self]).to(room)
  const [answer] = await world.waitForReplies(room, 1)
  await settle()
  assert.equal(world.sentTo(room).length, 1, 'the message without @ got no reply')
  assert.ok(answer.startsWith('@居民甲'), 'the reply mentions the asker')
  assert.equal(squeeze(answer.replace(/^@居民甲/, '')), squeeze(expected.reply.text), 'the mention was stripped before answering')

  bob.say(`${BOT_NAME}：更多`).to(room)
  await world.waitForReplies(room, 2)
  alice.say(`@${BOT_NAME} 更多`, [world.self]).to(room)
  await world.waitForReplies(room, 3)
  await settle()
  const [, bobMore, aliceMore] = world.sentTo(room)
  assert.equal(squeeze(bobMore.replace(/^@居民乙/, '')), squeeze((await wx.engine.respond('更多')).reply.text), 'bob has no question to continue')
  assert.equal(squeeze(aliceMore.replace(/^@居民甲/, '')), squeeze((await wx.engine.respond('更多', expected.state)).reply.text), 'alice continues hers')
  assert.equal(world.sentTo(alice).length + world.sentTo(bob).length, 0, 'group questions are answered in the group')
})

test('pictures, voice and other media get the text-only notice in private, and nothing in a group', async () => {
  const world = await wx.launch()
  const carol = world.person('居民丙')
  world.deliver({ talkerId: carol.id, type: types.Message.Image })
  world.deliver({ talkerId: carol.id, type: types.Message.Audio })
  const replies = await world.waitForReplies(carol, 2)
  assert.deepEqual(replies, [TEXT_ONLY, TEXT_ONLY])
  assert.match(TEXT_ONLY, /文字/)

  const room = world.room(carol)
  world.deliver({ talkerId: carol.id, roomId: room.id, listenerId: undefined, type: types.Message.Image })
  carol.say(`${BOT_NAME} 你好`).to(room)
  await world.waitForReplies(room, 1)
  await settle()
  assert.equal(world.sentTo(room).length, 1, 'only the keyword message was answered')
  assert.doesNotMatch(world.sentTo(room)[0], /文字提问/)
})

test('messages from before the start and from official accounts are not answered, nor are the bot’s own', async () => {
  const world = await wx.launch()
  const dave = world.person('居民丁')
  const account = world.person('某公众号', { type: types.Contact.Official })
  world.deliver({ talkerId: dave.id, text: QUESTION, timestamp: world.bot.stats().startedAt - 60_000 })
  account.say(QUESTION).to(world.self)
  dave.say('你好').to(world.self)
  const replies = await world.waitForReplies(dave, 1)
  await settle()
  assert.equal(replies.length, 1, 'the old message got no reply')
  assert.equal(squeeze(replies[0]), squeeze((await wx.engine.respond('你好')).reply.text))
  assert.deepEqual(world.sentTo(account), [])
  assert.deepEqual(world.sentTo(world.self), [], 'the bot did not answer its own reply')
})

test('the 11th question within a minute gets one rate-limit notice, the 12th nothing, and others are still answered', async () => {
  const world = await wx.launch()
  const erin = world.person('居民戊')
  for (let i = 0; i < 12; i++) erin.say('你好').to(world.self)
  const frank = world.person('居民己')
  frank.say('你好').to(world.self)
  await world.waitForReplies(erin, 11)
  await world.waitForReplies(frank, 1)
  await settle()
  const replies = world.sentTo(erin)
  assert.equal(replies.length, 11)
  assert.equal(replies[10], RATE_LIMITED)
  assert.equal(replies.filter((reply) => reply === RATE_LIMITED).length, 1)
})

test('an error while answering one message gets an apology, and the next message is answered', async () => {
  let failures = 0
  const flaky: AnswerEngine = {
    respond: (message, state) => (message.includes('故障') && failures++ === 0 ? Promise.reject(new Error('engine exploded')) : wx.engine.respond(message, state)),
  }
  const world = await wx.launch({}, flaky)
  const gina = world.person('居民庚')
  gina.say('故障测试').to(world.self)
  gina.say(QUESTION).to(world.self)
  const [apology, answer] = await world.waitForReplies(gina, 2)
  assert.equal(apology, APOLOGY)
  assert.equal(squeeze(answer), squeeze((await wx.engine.respond(QUESTION)).reply.text))
  assert.equal(failures, 1)
})

test('stopping sends what is queued first', async () => {
  const world = await wx.launch({ sendIntervalMs: 150 })
  const kim = world.person('居民子')
  for (let i = 0; i < 3; i++) kim.say('你好').to(world.self)
  await world.waitForReplies(kim, 1)
  await world.bot.stop()
  assert.equal(world.sentTo(kim).length, 3)
})

test('a login that cannot happen fails the bot with a clear message instead of hanging', async () => {
  const silent = new PuppetMock({ mocker: new mock.Mocker() })
  const config = loadConfig({ indexDir, logDir, userHashSalt: 'x', loginWaitSeconds: 60 }, {})
  const bot = await startBot({ config, engine: wx.engine, knowledge: wx.live, logger: wx.log.logger, puppet: silent })
  running.push(bot)
  for (let i = 0; i < 5; i++) silent.emit('error', { data: 'getaddrinfo ENOTFOUND login.wx.qq.com' })
  await assert.rejects(bot.failed, /cannot log in to WeChat.*ENOTFOUND/)
})
