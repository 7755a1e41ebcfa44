/**
 * Channel load, bounded (`npm run bench` runs it; `npm run bench:channels` alone):
 *  - Official Account: 200 simulated users each send a burst of 3 questions at once (plus one WeChat
 *    retry of the first), the users starting over 10 s, as signed plaintext callbacks over loopback to the real server and engine,
 *    with a fake WeChat API for customer-service messages. Measures the time to the passive reply
 *    (p50/p95) and answers per second, and checks that every question's answer arrived whole and
 *    exactly once (passive part + customer-service parts) and that retries were not answered.
 *  - wechaty: 200 simulated users over the mock puppet each send a burst of 3 questions; replies are
 *    paced (global cap) with a short age limit, so some go stale. Checks that every message was
 *    handled once, each person's replies arrived in the order asked, and that every reply not sent
 *    was dropped as stale (or refused as overflow) and counted — none silently lost.
 * Each reply is tagged with its question's number in the wechaty run (the bench wraps the engine),
 * which is how order and loss are seen from the chat.
 */
import { once } from 'node:events'
import { fork } from 'node:child_process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import pino from 'pino'
import { types, type Message } from 'wechaty'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { KnowledgeBase } from '../../index/index.js'
import { loadConfig } from '../../bot/config.js'
import { createAnswerEngine } from '../../bot/answer/engine.js'
import type { AnswerEngine, ConversationState } from '../../bot/answer/types.js'
import { Conversation } from '../../bot/conversation/conversation.js'
import { MP_MAX_BYTES, MP_PATH, officialAccountChannel } from '../../bot/channels/official-account/index.js'
import { splitMessage } from '../../bot/conversation/split.js'
import type { FastifyInstance } from 'fastify'
import { startBot } from '../../bot/channels/wechaty/bot.js'
import { startHttpServer } from '../../bot/server.js'
import { startFakeWeChatApi } from '../support/fake-wechat-api.js'
import type { Plan, UserPlan, UserResult } from './bench-oa-users.js'
import { evalIndex } from './corpus-index.js'
import { loadQuestions } from './dataset.js'

const USERS = 200
const OA_BURST = 3
const WECHATY_BURST = 3
/** users start their bursts spread over this long, as real traffic would (all at once is a stampede) */
const OA_SPREAD_MS = 10_000
const ms = (x: number) => Math.round(x * 10) / 10
const squeeze = (text: string) => text.replace(/\s+/g, '')
const delay = (time: number) => new Promise((resolve) => setTimeout(resolve, time))

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN
  return { p50: ms(at(50)), p95: ms(at(95)), max: ms(sorted.at(-1) ?? NaN) }
}

function counted(engine: AnswerEngine) {
  const calls = { count: 0 }
  const wrapped: AnswerEngine = { respond: (message, state) => (calls.count++, engine.respond(message, state)) }
  return { calls, engine: wrapped }
}

async function officialAccount(kb: KnowledgeBase, questions: string[]) {
  const fake = await startFakeWeChatApi()
  const logger = pino({ level: 'silent' })
  const token = 'bench-token'
  const config = loadConfig(
    { mpToken: token, mpAppId: 'wxbench', mpAppSecret: 'secret', mpApiBase: fake.base, sendIntervalMs: 0, sendRatePerSecond: 1000, sendQueueMax: 100_000, replyMaxAgeSeconds: 600, rateLimitPerMinute: 100, userHashSalt: 'bench' },
    {},
  )
  const { calls, engine } = counted(createAnswerEngine(() => kb))
  const conversation = new Conversation({ config, engine, knowledge: { current: kb, refresh: async () => {} }, logger })
  const channel = officialAccountChannel({ config, conversation, logger })
  // Server side: from the request's arrival to its response, what WeChat's 5 s window counts (the
  // client's own clock would add its process's scheduling on this shared machine).
  const serverMs: number[] = []
  const probe = {
    name: 'timing',
    register: (app: FastifyInstance) => {
      app.addHook('onRequest', async (request) => void arrivals.set(request, performance.now()))
      app.addHook('onResponse', async (request) => void serverMs.push(performance.now() - arrivals.get(request)!))
    },
  }
  const arrivals = new WeakMap<object, number>()
  const server = await startHttpServer({ port: 0, host: '127.0.0.1', channels: [probe, channel], ready: () => true, logger })
  const users: UserPlan[] = Array.from({ length: USERS }, (_, u) => ({ id: `oBENCH${u}`, asked: Array.from({ length: OA_BURST }, (_, k) => questions[(u * OA_BURST + k) % questions.length]) }))
  const started = performance.now()
  const client = fork(fileURLToPath(new URL('./bench-oa-users.ts', import.meta.url)), { execArgv: ['--import', 'tsx'] })
  const plan: Plan = { url: `${server.url}${MP_PATH}`, token, users, spreadMs: OA_SPREAD_MS }
  client.send(plan)
  const [results] = (await once(client, 'message')) as [UserResult[]]
  await conversation.idle()
  await delay(100)
  await channel.flush()
  const seconds = (performance.now() - started) / 1000

  const reference = createAnswerEngine(() => kb)
  /** the parts of the answers to `asked` in this order, each question seeing the state the previous left */
  const partsInOrder = async (asked: string[]) => {
    const parts: string[] = []
    let state: ConversationState | undefined
    for (const text of asked) {
      const turn = await reference.respond(text, state)
      state = turn.state
      parts.push(...splitMessage(turn.reply.text, MP_MAX_BYTES, 'bytes'))
    }
    return JSON.stringify(parts.map(squeeze).sort())
  }
  const orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]
  let whole = 0
  let retriesAnswered = 0
  let httpErrors = 0
  for (const { user, replies, retry } of results) {
    httpErrors += [...replies, retry].filter((reply) => reply.status !== 200).length
    if (retry.content) retriesAnswered++
    // Every part of the three answers, each exactly once, passive or through the API. The three
    // callbacks race each other on the wire, and a follow-up's answer depends on what came before:
    // any order the server may have taken them in counts (order is the wechaty run's subject).
    const received = JSON.stringify([...replies.map((reply) => reply.content).filter(Boolean), ...fake.sent.filter((sent) => sent.touser === user.id).map((sent) => sent.content)].map(squeeze).sort())
    for (const order of orders) {
      if ((await partsInOrder(order.map((k) => user.asked[k]))) !== received) continue
      whole++
      break
    }
  }
  const passive = results.flatMap(({ replies }) => replies.filter((reply) => reply.content).map((reply) => reply.ms))
  const all = results.flatMap(({ replies }) => replies.map((reply) => reply.ms))
  await server.close()
  await fake.close()
  return {
    users: USERS,
    messages: USERS * OA_BURST,
    retries: USERS,
    seconds: ms(seconds),
    answersPerSecond: ms((USERS * OA_BURST) / seconds),
    passiveReplyMs: percentiles(passive),
    responseMs: percentiles(all),
    serverResponseMs: percentiles(serverMs),
    answeredPassively: passive.length,
    customerServiceMessages: fake.sent.length,
    usersWithEveryAnswerWholeAndOnce: whole,
    engineCalls: calls.count,
    retriesAnswered,
    httpErrors,
  }
}

async function wechaty(kb: KnowledgeBase, questions: string[]) {
  const real = createAnswerEngine(() => kb)
  // "k|question" → the real answer to the question, tagged "#k" so that the chat shows which message it answers.
  const tagged: AnswerEngine = {
    respond: async (message, state) => {
      const [tag, question] = message.split('|')
      const turn = await real.respond(question, state)
      return { ...turn, reply: { ...turn.reply, text: `#${tag} ${turn.reply.text}` } }
    },
  }
  const logger = pino({ level: 'silent' })
  const limits = { sendRatePerSecond: 30, replyMaxAgeSeconds: 8 }
  const config = loadConfig({ sendIntervalMs: 0, ...limits, sendQueueMax: 100_000, maxMessageChars: 5000, rateLimitPerMinute: 100, userHashSalt: 'bench', indexDir: '', corpusDir: '' }, {})
  const mocker = new mock.Mocker()
  const puppet = new PuppetMock({ mocker })
  const bot = await startBot({ config, engine: tagged, knowledge: { current: kb, refresh: async () => {} }, logger, puppet })
  const self = mocker.createContact({ name: '答复助手' })
  const loggedIn = new Promise((resolve) => bot.wechaty.once('login', resolve))
  mocker.login(self)
  await loggedIn
  const received = new Map<string, number[]>()
  bot.wechaty.on('message', (msg: Message) => {
    if (!msg.self() || msg.type() !== types.Message.Text) return
    const to = msg.listener()?.id ?? ''
    received.set(to, [...(received.get(to) ?? []), Number(/^#(\d+)/.exec(msg.text())?.[1])])
  })

  const contacts = Array.from({ length: USERS }, (_, u) => mocker.createContact({ name: `居民${u}` }))
  const total = USERS * WECHATY_BURST
  const started = performance.now()
  for (let k = 0; k < WECHATY_BURST; k++) {
    for (const [u, contact] of contacts.entries()) contact.say(`${k}|${questions[(u + k) % questions.length]}`).to(self)
  }
  const settled = () => {
    const { sent, stale, overflow, failed } = bot.sending()
    return sent + stale + overflow + failed
  }
  const deadline = Date.now() + 120_000
  while ((bot.stats().questions < total || settled() < total) && Date.now() < deadline) await delay(50)
  await delay(300) // the mock delivers the last sent messages back
  const seconds = (performance.now() - started) / 1000
  const outcome = bot.sending()
  const inOrder = contacts.filter((contact) => (received.get(contact.id) ?? []).every((tag, i, tags) => i === 0 || tag > tags[i - 1])).length
  const seen = [...received.values()].reduce((sum, tags) => sum + tags.length, 0)
  await bot.stop()
  return {
    users: USERS,
    messages: total,
    ...limits,
    seconds: ms(seconds),
    handled: bot.stats().questions,
    sent: outcome.sent,
    staleDropped: outcome.stale,
    overflow: outcome.overflow,
    failed: outcome.failed,
    repliesSeenInChats: seen,
    lost: total - outcome.sent - outcome.stale - outcome.overflow - outcome.failed,
    usersWithRepliesInOrder: inOrder,
  }
}

export async function benchChannels(kb: KnowledgeBase) {
  const questions = loadQuestions().map((q) => q.question)
  const oa = await officialAccount(kb, questions)
  console.log(
    `official account: ${oa.users} users × ${OA_BURST} questions (+1 retry each), started over ${OA_SPREAD_MS / 1000} s, in ${oa.seconds} s = ${oa.answersPerSecond} answers/s; ` +
      `time to the reply at the server p50 ${oa.serverResponseMs.p50} ms, p95 ${oa.serverResponseMs.p95} ms, max ${oa.serverResponseMs.max} ms; ` +
      `passive reply at the simulated client p50 ${oa.passiveReplyMs.p50} ms, p95 ${oa.passiveReplyMs.p95} ms (${oa.answeredPassively} passive, ${oa.customerServiceMessages} customer-service messages); ` +
      `${oa.usersWithEveryAnswerWholeAndOnce}/${oa.users} users got every answer whole and once, engine ran ${oa.engineCalls}× for ${oa.messages} questions, ${oa.retriesAnswered} retries answered, ${oa.httpErrors} HTTP errors`,
  )
  const wx = await wechaty(kb, questions)
  console.log(
    `wechaty mock: ${wx.users} users × ${WECHATY_BURST} messages, cap ${wx.sendRatePerSecond}/s, stale after ${wx.replyMaxAgeSeconds} s: ` +
      `${wx.handled}/${wx.messages} handled, ${wx.sent} sent (${wx.repliesSeenInChats} seen in chats), ${wx.staleDropped} stale dropped, ${wx.overflow} overflow, ${wx.failed} failed, ${wx.lost} lost; ` +
      `${wx.usersWithRepliesInOrder}/${wx.users} users got their replies in order (${wx.seconds} s)`,
  )
  return { officialAccount: oa, wechaty: wx }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const kb = await KnowledgeBase.open(await evalIndex())
  await benchChannels(kb)
  process.exit(0)
}
