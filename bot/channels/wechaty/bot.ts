/**
 * The WeChat front end: wechaty wired to the answer engine. Each message is classified, rate-limited,
 * then answered (or given a notice, or run as a staff command), and the reply goes out through the
 * send queue in pieces WeChat accepts. Messages of one conversation are handled in order; a failure in
 * one is logged and apologised for, never fatal.
 */
import { WechatyBuilder, type Message, type OfficialPuppetNpmName, type Wechaty } from 'wechaty'
import type { BotConfig } from '../../config.js'
import type { LiveKnowledge } from '../../live-knowledge.js'
import { hashId, questionEvent, type Logger } from '../../conversation/log.js'
import type { AnswerEngine, ConversationState } from '../../answer/types.js'
import { Admin, parseCommand, type BotStats } from '../../conversation/admin.js'
import { LoginFailed, watchLogin } from './login.js'
import { classify } from './messages.js'
import { RateLimiter } from '../../conversation/rate-limit.js'
import { SendQueue } from '../../conversation/send-queue.js'
import { KeyedSerial } from '../../conversation/serial.js'
import { SessionStore } from '../../conversation/sessions.js'
import { splitMessage } from '../../conversation/split.js'
import { APOLOGY, RATE_LIMITED, TEXT_ONLY } from '../../conversation/texts.js'

type Puppet = Wechaty['puppet']

export interface StartBotOptions {
  config: Readonly<BotConfig>
  engine: AnswerEngine
  knowledge: Pick<LiveKnowledge, 'current' | 'refresh'>
  logger: Logger
  /** a puppet instance (the tests pass wechaty-puppet-mock); by default the module `config.puppet` names */
  puppet?: Puppet
}

export interface BotHandle {
  readonly wechaty: Wechaty
  /** rejects with LoginFailed when a login cannot happen (no network, bad token); never resolves */
  readonly failed: Promise<never>
  stats(): BotStats
  /** Stops taking messages, finishes those in hand, sends what is queued, stops wechaty. Idempotent. */
  stop(): Promise<void>
}

/** Room replies start with "@name ": room parts are cut this much shorter to stay under the limit. */
const MENTION_ALLOWANCE = 24
/** A message still in hand at shutdown after this long is abandoned (a stuck engine must not block the exit). */
const DRAIN_TIMEOUT_MS = 15_000

export async function startBot({ config, engine, knowledge, logger, puppet }: StartBotOptions): Promise<BotHandle> {
  const wechaty = WechatyBuilder.build(
    puppet
      ? { puppet }
      : { name: config.sessionFile, puppet: installedPuppet(config.puppet), puppetOptions: config.puppetToken ? { token: config.puppetToken } : {} },
  )
  const stats: BotStats = { startedAt: Date.now(), questions: 0, answered: 0 }
  const queue = new SendQueue(config.sendIntervalMs)
  const limiter = new RateLimiter(config.rateLimitPerMinute)
  const sessions = new SessionStore<ConversationState>(config.sessionMax, config.sessionIdleMinutes * 60_000)
  const inOrder = new KeyedSerial()
  const admin = new Admin({ ...config, knowledge, logger, stats: () => ({ ...stats }) })
  const hash = (id: string) => hashId(config.userHashSalt, id)

  let reportFailure: (error: LoginFailed) => void = () => {}
  const failed = new Promise<never>((_, reject) => (reportFailure = reject))
  failed.catch(() => {}) // the caller may not listen; an unobserved rejection must not crash the process
  const stopLoginWatch = watchLogin(wechaty, { puppet: config.puppet, waitMs: config.loginWaitSeconds * 1000, logger }, reportFailure)

  let accepting = true
  wechaty.on('message', (msg: Message) => {
    if (!accepting) return
    const unreadable = (error: unknown) => logger.error({ event: 'message-failed', err: error }, 'unreadable message')
    try {
      const key = conversationKey(msg)
      inOrder.run(key, () => handle(msg, key)).catch(unreadable)
    } catch (error) {
      unreadable(error)
    }
  })

  async function handle(msg: Message, key: string): Promise<void> {
    const started = performance.now()
    const talker = msg.talker()
    const room = msg.room()
    const where = { chat: room ? ('room' as const) : ('private' as const), user: hash(talker.id) }

    const reply = async (text: string): Promise<void> => {
      const parts = splitMessage(text, config.maxMessageChars - (room ? MENTION_ALLOWANCE : 0))
      await Promise.all(
        parts.map((part, i) =>
          queue.push(async () => {
            try {
              await (room ? (i === 0 ? room.say(part, talker) : room.say(part)) : talker.say(part))
              logger.info({ event: 'send', ...where, part: i + 1, parts: parts.length, chars: part.length }, 'sent')
            } catch (error) {
              logger.error({ event: 'send-failed', ...where, part: i + 1, parts: parts.length, err: error }, 'send failed')
              throw error
            }
          }),
        ),
      )
    }

    try {
      const incoming = await classify(msg, { startedAt: stats.startedAt, groupKeyword: config.groupKeyword })
      if (incoming.kind === 'ignore') {
        logger.debug({ event: 'ignored', ...where, reason: incoming.reason }, 'message ignored')
        return
      }
      const decision = limiter.take(where.user)
      if (decision !== 'allow') {
        logger.info({ event: 'rate-limited', ...where, notified: decision === 'notice' }, 'over the rate limit')
        if (decision === 'notice') await reply(RATE_LIMITED)
        return
      }
      if (incoming.kind === 'media') return await reply(TEXT_ONLY)

      const command = parseCommand(incoming.text)
      if (command) {
        logger.info({ event: 'command', ...where, command, admin: admin.isAdmin(talker.id) }, 'command')
        return await reply(await admin.run(command, talker.id, !!room, reply))
      }

      const turn = await engine.respond(incoming.text, sessions.get(key))
      sessions.set(key, turn.state)
      stats.questions++
      if (turn.reply.answered) stats.answered++
      const ms = Math.round(performance.now() - started)
      logger.info(questionEvent({ ...where, intent: turn.intent, answered: turn.reply.answered, docIds: turn.docIds, ms }, incoming.text), 'question')
      await reply(turn.reply.text)
    } catch (error) {
      logger.error({ event: 'message-failed', ...where, err: error }, 'message failed')
      await reply(APOLOGY).catch(() => {}) // already logged as send-failed
    }
  }

  // A puppet whose start hangs (a service puppet with a wrong token) must not outlast the login wait.
  await Promise.race([wechaty.start(), failed])
  logger.info({ event: 'start', puppet: puppet ? puppet.constructor.name : config.puppet }, 'bot started')

  let stopping: Promise<void> | undefined
  return {
    wechaty,
    failed,
    stats: () => ({ ...stats }),
    stop: () =>
      (stopping ??= (async () => {
        accepting = false
        stopLoginWatch()
        await Promise.race([inOrder.idle(), delay(DRAIN_TIMEOUT_MS)])
        await queue.flush()
        await wechaty.stop()
        logger.info({ event: 'stop', questions: stats.questions, answered: stats.answered }, 'bot stopped')
      })()),
  }
}

/** One conversation per contact, and per contact within a room: two people in a group don't share 更多. */
function conversationKey(msg: Message): string {
  const room = msg.room()
  return room ? `${room.id}/${msg.talker().id}` : msg.talker().id
}

/** The puppet module name, checked now: a missing module otherwise fails deep inside wechaty. */
function installedPuppet(name: string): OfficialPuppetNpmName {
  try {
    import.meta.resolve(name)
  } catch {
    throw new Error(`the puppet ${name} (WECHATY_PUPPET) is not installed: install it with npm, or use wechaty-puppet-wechat4u`)
  }
  // wechaty types the name as one of its official puppets, but loads any installed module.
  return name as OfficialPuppetNpmName
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}
