/**
 * WeChat as the tests see it: wechaty with the mock puppet, the real answer engine, a real index built
 * by ingest() from the fixture corpus into a temporary folder (one per test file). launch() gives a
 * logged-in bot on its own mock WeChat, and what the people in the chat see: the messages it sends them.
 */
import { randomUUID } from 'node:crypto'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { after, before } from 'node:test'
import { types, type Message, type payloads } from 'wechaty'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { loadConfig, type BotConfig } from '../../bot/config.js'
import { createAnswerEngine } from '../../bot/answer/engine.js'
import { LiveKnowledge } from '../../bot/live-knowledge.js'
import { createLog, type BotLog } from '../../bot/conversation/log.js'
import type { AnswerEngine } from '../../bot/answer/types.js'
import { startBot, type BotHandle } from '../../bot/channels/wechaty/bot.js'
import { ingest } from '../../index/index.js'
import { fixtureCorpus } from './corpus-index.js'

export const BOT_NAME = '答复助手'
export const QUESTION = '网办率是多少？'

type Contact = mock.ContactMock
type Conversation = mock.ContactMock | mock.RoomMock

export interface World {
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

/** The index, engine and log of one test file, set up before its tests and removed after them. */
export function wechatFixture() {
  const { corpusDir, indexDir } = fixtureCorpus()
  const root = path.dirname(corpusDir)
  const logDir = path.join(root, 'log')
  const running: BotHandle[] = []
  /** every WeChat id the tests created: none may reach a log */
  const contactIds: string[] = []
  const state = {} as { live: LiveKnowledge; log: BotLog; engine: AnswerEngine }

  before(
    async () => {
      await ingest({ corpusDir, indexDir })
      state.log = createLog({ logLevel: 'silent', logPretty: false, logDir })
      state.live = await LiveKnowledge.open(indexDir, { logger: state.log.logger, debounceMs: 50 })
      state.engine = createAnswerEngine(state.live.get)
    },
    { timeout: 180_000 },
  )

  after(async () => {
    await Promise.all(running.map((bot) => bot.stop()))
    state.live?.close()
    await state.log?.close()
    rmSync(root, { recursive: true, force: true })
  })

  /** A logged-in bot on its own mock WeChat, sharing the index and engine of this file. */
  async function launch(overrides: Partial<BotConfig> = {}, answerEngine: AnswerEngine = state.engine): Promise<World> {
    const mocker = new mock.Mocker()
    const puppet = new PuppetMock({ mocker })
    const self = mocker.createContact({ name: BOT_NAME })
    const admin = mocker.createContact({ name: '管理员' })
    // Pacing has tests of its own (pacing.test.ts): here replies go out as fast as the bot makes them.
    const config = loadConfig({ indexDir, corpusDir, logDir, sendIntervalMs: 0, sendRatePerSecond: 1000, adminIds: [admin.id], userHashSalt: 'test salt', ...overrides }, {})
    const bot = await startBot({ config, engine: answerEngine, knowledge: state.live, logger: state.log.logger, puppet })
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

  return {
    corpusDir, indexDir, logDir, running, contactIds, launch,
    get live() { return state.live },
    get log() { return state.log },
    get engine() { return state.engine },
  }
}

export async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await delay(20)
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/** Long answers may arrive in several messages; compare text regardless of where it was cut. */
export const squeeze = (text: string) => text.replace(/\s+/g, '')
/** Long enough for a message the bot wrongly handles to show up as a reply. */
export const settle = () => delay(300)
