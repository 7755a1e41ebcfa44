/**
 * The WeChat bot end to end: wechaty with the mock puppet, the real answer engine, a real index built
 * by ingest() from the repository's corpus into a temporary folder. Each test looks at what the people
 * in the chat would see: the messages the bot sends them.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, test } from 'node:test'
import pino from 'pino'
import { types, type Message, type payloads } from 'wechaty'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { loadConfig, type BotConfig } from '../bot/config.js'
import { createAnswerEngine } from '../bot/answer/engine.js'
import { LiveKnowledge } from '../bot/live-knowledge.js'
import { createLog, hashId, questionLogFiles, type BotLog } from '../bot/conversation/log.js'
import type { AnswerEngine } from '../bot/answer/types.js'
import { startBot, type BotHandle } from '../bot/channels/wechaty/bot.js'
import { ADMIN_ONLY, APOLOGY, RATE_LIMITED, REFRESH_STARTED, TEXT_ONLY } from '../bot/conversation/texts.js'
import { PROJECT_ROOT, currentPointer, ingest } from '../index/index.js'
import { fixtureCorpus } from './support/corpus-index.js'

const { corpusDir, indexDir } = fixtureCorpus()
const root = path.dirname(corpusDir)
const logDir = path.join(root, 'log')
const BOT_NAME = '答复助手'
const QUESTION = '网办率是多少？'

let live: LiveKnowledge
let log: BotLog
/** the real engine over the served index: what the bot's replies are checked against */
let engine: AnswerEngine
const running: BotHandle[] = []
const contactIds: string[] = []

before(
  async () => {
    await ingest({ corpusDir, indexDir })
    log = createLog({ logLevel: 'silent', logPretty: false, logDir })
    live = await LiveKnowledge.open(indexDir, { logger: log.logger, debounceMs: 50 })
    engine = createAnswerEngine(live.get)
  },
  { timeout: 180_000 },
)

after(async () => {
  await Promise.all(running.map((bot) => bot.stop()))
  live?.close()
  await log?.close()
  rmSync(root, { recursive: true, force: true })
})

type Contact = mock.ContactMock
type Conversation = mock.ContactMock | mock.RoomMock

interface World {
  bot: BotHandle
  self: Contact
  admin: Contact
  person(name: string, payload?: Partial<payloads.Contact>): Contact
  room(...members: Contact[]): mock.RoomMock
  /** a message with a payload `say()` cannot make: an image, an old timestamp */
  deliver(payload: Partial<payloads.Message> & { talkerId: string }): void
  /** what the bot has sent to a person (private) or into a room, in order */
  sentTo(conversation: Conversation): string[]
  waitForReplies(conversation: Conversation, count: number): Promise<string[]>
}

/** A logged-in bot on its own mock WeChat, sharing the index and engine of this file. */
async function launch(overrides: Partial<BotConfig> = {}, answerEngine: AnswerEngine = engine): Promise<World> {
  const mocker = new mock.Mocker()
  const puppet = new PuppetMock({ mocker })
  const self = mocker.createContact({ name: BOT_NAME })
  const admin = mocker.createContact({ name: '管理员' })
  const config = loadConfig({ indexDir, corpusDir, logDir, sendIntervalMs: 0, adminIds: [admin.id], userHashSalt: 'test salt', ...overrides }, {})
  const bot = await startBot({ config, engine: answerEngine, knowledge: live, logger: log.logger, puppet })
  running.push(bot)
  const loggedIn = new Promise((resolve) => bot.wechaty.once('login', resolve))
  mocker.login(self)
  await loggedIn

  // The mock delivers the bot's own messages back to it, as WeChat does: that is what the chat shows.
  const sent: { to: string; text: string }[] = []
  bot.wechaty.on('message', (msg: Message) => {
    if (msg.self()) sent.push({ to: msg.room()?.id ?? msg.listener()?.id ?? '', text: msg.text() })
  })
  const sentTo = (conversation: Conversation) => sent.filter((s) => s.to === conversation.id).map((s) => s.text)
  contactIds.push(self.id, admin.id)
  return {
    bot,
    self,
    admin,
    person: (name, payload = {}) => {
      const contact = mocker.createContact({ name, ...payload })
      contactIds.push(contact.id)
      return contact
    },
    room: (...members) => mocker.createRoom({ memberIdList: [self.id, ...members.map((m) => m.id)], topic: '居民议事群' }),
    deliver: (payload) => {
      const msg = mocker.MessageMock.create({ id: randomUUID(), timestamp: Date.now(), type: types.Message.Text, listenerId: self.id, ...payload } as payloads.Message)
      puppet.emit('message', { messageId: msg.id })
    },
    sentTo,
    waitForReplies: async (conversation, count) => {
      await until(() => sentTo(conversation).length >= count, `${count} replies to ${conversation.id}, got ${JSON.stringify(sentTo(conversation))}`)
      return sentTo(conversation)
    },
  }
}

async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await delay(20)
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/** Long answers may arrive in several messages; compare text regardless of where it was cut. */
const squeeze = (text: string) => text.replace(/\s+/g, '')
/** Long enough for a message the bot wrongly handles to show up as a reply. */
const settle = () => delay(300)

test('a private question gets the cited passage with the contact person, exactly as the engine answers it; 更多 continues it', async () => {
  const world = await launch()
  const alice = world.person('居民甲')
  alice.say(QUESTION).to(world.self)
  const replies = await world.waitForReplies(alice, 1)

  const expected = await engine.respond(QUESTION)
  assert.equal(expected.reply.answered, true)
  assert.equal(squeeze(replies.join('')), squeeze(expected.reply.text))
  const [passage] = expected.reply.passages
  assert.ok(replies[0].includes(passage.text.slice(0, 30)), 'the reply quotes the passage')
  const phone = expected.reply.contacts.find((contact) => contact.phone)?.phone
  assert.ok(phone && replies.join('').includes(phone), 'the reply gives the contact phone')
  assert.match(replies.join(''), /联系人/)

  alice.say('更多').to(world.self)
  const more = await engine.respond('更多', expected.state)
  await world.waitForReplies(alice, replies.length + 1)
  await settle()
  assert.equal(squeeze(world.sentTo(alice).slice(replies.length).join('')), squeeze(more.reply.text))
  assert.notEqual(squeeze(more.reply.text), squeeze(expected.reply.text))
})

test('in a group only messages that @ the bot or start with the keyword are answered, and each member has their own conversation', async () => {
  const world = await launch()
  const alice = world.person('居民甲')
  const bob = world.person('居民乙')
  const room = world.room(alice, bob)
  const expected = await engine.respond(QUESTION)

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
  assert.equal(squeeze(bobMore.replace(/^@居民乙/, '')), squeeze((await engine.respond('更多')).reply.text), 'bob has no question to continue')
  assert.equal(squeeze(aliceMore.replace(/^@居民甲/, '')), squeeze((await engine.respond('更多', expected.state)).reply.text), 'alice continues hers')
  assert.equal(world.sentTo(alice).length + world.sentTo(bob).length, 0, 'group questions are answered in the group')
})

test('pictures, voice and other media get the text-only notice in private, and nothing in a group', async () => {
  const world = await launch()
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
  const world = await launch()
  const dave = world.person('居民丁')
  const account = world.person('某公众号', { type: types.Contact.Official })
  world.deliver({ talkerId: dave.id, text: QUESTION, timestamp: world.bot.stats().startedAt - 60_000 })
  account.say(QUESTION).to(world.self)
  dave.say('你好').to(world.self)
  const replies = await world.waitForReplies(dave, 1)
  await settle()
  assert.equal(replies.length, 1, 'the old message got no reply')
  assert.equal(squeeze(replies[0]), squeeze((await engine.respond('你好')).reply.text))
  assert.deepEqual(world.sentTo(account), [])
  assert.deepEqual(world.sentTo(world.self), [], 'the bot did not answer its own reply')
})

test('the 11th question within a minute gets one rate-limit notice, the 12th nothing, and others are still answered', async () => {
  const world = await launch()
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
    respond: (message, state) => (message.includes('故障') && failures++ === 0 ? Promise.reject(new Error('engine exploded')) : engine.respond(message, state)),
  }
  const world = await launch({}, flaky)
  const gina = world.person('居民庚')
  gina.say('故障测试').to(world.self)
  gina.say(QUESTION).to(world.self)
  const [apology, answer] = await world.waitForReplies(gina, 2)
  assert.equal(apology, APOLOGY)
  assert.equal(squeeze(answer), squeeze((await engine.respond(QUESTION)).reply.text))
  assert.equal(failures, 1)
})

test('staff commands are refused to others and work for an admin', async () => {
  const world = await launch()
  const visitor = world.person('访客')
  const servedBefore = live.current.buildId
  visitor.say('#刷新').to(world.self)
  visitor.say('#状态').to(world.self)
  assert.deepEqual(await world.waitForReplies(visitor, 2), [ADMIN_ONLY, ADMIN_ONLY])
  assert.equal(live.current.buildId, servedBefore, 'no refresh ran')
  visitor.say('#我的ID').to(world.self)
  const [, , whoami] = await world.waitForReplies(visitor, 3)
  assert.ok(whoami.includes(visitor.id), 'anyone can learn their own id, to be made an admin')

  world.admin.say('#状态').to(world.self)
  const [status] = await world.waitForReplies(world.admin, 1)
  assert.match(status, new RegExp(`答复库版本：${live.current.buildId}`))
  assert.match(status, new RegExp(`收录答复：${live.current.documents.length} 篇`))
  assert.match(status, /已回答问题：\d+/)

  world.admin.say('#刷新').to(world.self)
  const [, started, summary] = await world.waitForReplies(world.admin, 3)
  assert.equal(started, REFRESH_STARTED)
  assert.match(summary, /答复库已更新/)
  assert.notEqual(live.current.buildId, servedBefore)
  assert.match(summary, new RegExp(`现在使用版本 ${live.current.buildId}`))
})

const PET_QUESTION = '宠物友好公园什么时候建成？'
const PET_REPLY = `对长宁区政协第十五届三次会议
第 999 号提案的答复

办理结果：解决或采纳 签发人：李明

王欣委员：

你提出的《关于建设宠物友好公园的建议》的提案收悉，现将办理情况答复如下：

一、对本提案的办理概述

区绿化市容局认真研究了提案，会同新泾镇、区城管执法局进行了实地踏勘。

二、对提案建议的答复

（一）宠物友好公园选址

我局将在新泾公园东侧开辟约3000平方米的宠物友好公园，设置犬只活动区、饮水点和宠物粪便收集箱，预计2025年6月建成开放。

（二）文明养犬管理

宠物友好公园开放后，将实行犬只牵引、错峰入园等管理规定，并安排志愿者开展文明养犬宣传。

长宁区绿化和市容管理局

2024年 5月 10日

联系人姓名：赵敏 联系电话：52391234

联系地址：天山路 100号 邮政编码：200051
`

test('a rebuilt index is served without a restart: a document added to the corpus answers the next question', async () => {
  const world = await launch()
  const hank = world.person('居民辛')
  hank.say(PET_QUESTION).to(world.self)
  const [before] = await world.waitForReplies(hank, 1)
  assert.doesNotMatch(before, /第999号/)

  writeFileSync(path.join(corpusDir, '999_changning_chongwu_gongyuan.txt'), PET_REPLY)
  const summary = await ingest({ corpusDir, indexDir })
  await until(() => live.current.buildId === summary.buildId, 'the new build to be served', 15_000)

  const ivy = world.person('居民壬')
  ivy.say(PET_QUESTION).to(world.self)
  const [answer] = await world.waitForReplies(ivy, 1)
  assert.match(answer, /第999号/)
  assert.match(answer, /52391234/)
  assert.equal(squeeze(answer), squeeze((await engine.respond(PET_QUESTION)).reply.text))
})

test('a build that fails to open is logged and the served one keeps answering', async () => {
  const lines: string[] = []
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) })
  const watcher = await LiveKnowledge.open(indexDir, { logger, debounceMs: 50 })
  const served = watcher.current.buildId
  const pointer = currentPointer(indexDir)
  mkdirSync(path.join(indexDir, 'builds', 'broken'), { recursive: true })
  writeFileSync(path.join(indexDir, 'builds', 'broken', 'manifest.json'), '{ truncated')
  try {
    writeFileSync(pointer, 'broken\n')
    await watcher.refresh()
    assert.equal(watcher.current.buildId, served)
    assert.ok(lines.some((line) => line.includes('"event":"index-load-failed"') && line.includes('"build":"broken"')))
    const turn = await createAnswerEngine(watcher.get).respond(QUESTION)
    assert.equal(turn.reply.answered, true)
  } finally {
    writeFileSync(pointer, `${served}\n`)
    watcher.close()
  }
})

test('the question log has hashed users, never a WeChat id, and the text of unanswered questions with personal data masked', async () => {
  const world = await launch()
  const jack = world.person('居民癸')
  jack.say(QUESTION).to(world.self)
  await world.waitForReplies(jack, 1)
  jack.say('请问１３８ １２３４ ５６７８火星移民补贴怎么申请？').to(world.self)
  await world.waitForReplies(jack, 2)

  const files = questionLogFiles(logDir)
  assert.ok(files.length >= 1 && files.every((file) => /questions\.\d{4}-\d\d-\d\d\.\d+\.log$/.test(file)), files.join())
  for (const file of files) assert.equal(statSync(file).mode & 0o777, 0o600, `${file} is readable by its owner only`)
  const events = files.flatMap((file) => readFileSync(file, 'utf8').trim().split('\n')).map((line) => JSON.parse(line))
  const text = JSON.stringify(events)
  for (const id of contactIds) assert.ok(!text.includes(id), 'no contact id in the log')
  const jacks = events.filter((event) => event.user === hashId('test salt', jack.id))
  assert.deepEqual(jacks.map((event) => [event.event, event.answered]), [['question', true], ['question', false]])
  assert.equal(jacks[0].question, undefined, 'an answered question keeps no text')
  assert.equal(jacks[1].question, '请问[手机号]火星移民补贴怎么申请?')
})

test('stopping sends what is queued first', async () => {
  const world = await launch({ sendIntervalMs: 150 })
  const kim = world.person('居民子')
  for (let i = 0; i < 3; i++) kim.say('你好').to(world.self)
  await world.waitForReplies(kim, 1)
  await world.bot.stop()
  assert.equal(world.sentTo(kim).length, 3)
})

test('a login that cannot happen fails the bot with a clear message instead of hanging', async () => {
  const silent = new PuppetMock({ mocker: new mock.Mocker() })
  const config = loadConfig({ indexDir, logDir, userHashSalt: 'x', loginWaitSeconds: 60 }, {})
  const bot = await startBot({ config, engine, knowledge: live, logger: log.logger, puppet: silent })
  running.push(bot)
  for (let i = 0; i < 5; i++) silent.emit('error', { data: 'getaddrinfo ENOTFOUND login.wx.qq.com' })
  await assert.rejects(bot.failed, /cannot log in to WeChat.*ENOTFOUND/)
})

/** `npm start` as a process, with the mock puppet named in the environment like any other puppet. */
function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, WECHATY_PUPPET: 'wechaty-puppet-mock', INDEX_DIR: indexDir, CORPUS_DIR: corpusDir, LOG_DIR: path.join(root, 'main-log'), WECHATY_NAME: path.join(root, 'session'), LOG_LEVEL: 'info', WECHATY_LOG: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const exited = once(child, 'exit').then(([code]) => code as number)
  return { child, exited, output: () => ({ stdout, stderr }) }
}

test('npm start stops cleanly with exit code 0 on SIGTERM', { timeout: 60_000 }, async () => {
  const main = startMain({})
  await until(() => main.output().stdout.includes('"event":"start"') || main.child.exitCode !== null, 'the bot to start', 45_000)
  assert.equal(main.child.exitCode, null, `npm start exited early: ${main.output().stderr}`)
  main.child.kill('SIGTERM')
  assert.equal(await main.exited, 0)
  assert.match(main.output().stdout, /"event":"stop"/)
})

test('npm start exits with 1 and says why when no login comes', { timeout: 60_000 }, async () => {
  const main = startMain({ LOGIN_WAIT_SECONDS: '5' })
  assert.equal(await main.exited, 1)
  const { stdout, stderr } = main.output()
  assert.match(stderr, /^[^\n]*cannot log in to WeChat with wechaty-puppet-mock: no login QR code and no login within 5 s[^\n]*\n$/, 'one line on stderr')
  assert.doesNotMatch(stdout + stderr, /\n\s+at |\\n\s+at |unhandled/, 'no stack trace, no unhandled rejection at the default log level')
  const fatal = stdout.split('\n').filter((line) => line.includes('"level":60'))
  assert.equal(fatal.length, 1)
})
