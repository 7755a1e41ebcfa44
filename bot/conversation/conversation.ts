/**
 * The conversation layer every channel calls: a channel translates its platform's message into an
 * `Inbound` and says how to deliver text (`Outbound`); everything else happens here, the same way for
 * every channel — a message delivered twice is taken once, each person is rate-limited, a person's
 * messages are handled in the order they came (each sees the state the previous one left), the answer
 * engine or a staff command produces the reply, the reply is cut into parts the channel accepts, and
 * the question is logged with hashed ids only. A failure is logged and apologised for, never fatal.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import type { BotConfig } from '../config.js'
import type { LiveKnowledge } from '../live-knowledge.js'
import type { AnswerEngine } from '../answer/types.js'
import { Admin, parseCommand, type BotStats } from './admin.js'
import { hashId, questionEvent, type ChannelName, type Logger } from './log.js'
import { RateLimiter } from './rate-limit.js'
import { KeyedSerial } from './serial.js'
import { splitMessage, type Measure } from './split.js'
import { MemoryStore, type ConversationStore } from './store.js'
import { APOLOGY, RATE_LIMITED, TEXT_ONLY, WELCOME } from './texts.js'

export interface Inbound {
  channel: ChannelName
  /** the person's id on that channel (contact id, openid, WeCom user id): hashed before it is logged */
  user: string
  /** the group the message was sent in, if any: each person in each group has their own conversation */
  room?: string
  /** the platform's id of this message (or of an event): a second delivery of it is not answered again */
  messageId?: string
  content: { kind: 'text'; text: string } | { kind: 'media' } | { kind: 'welcome' }
}

/** How a channel delivers one reply: the parts, in order, each within `maxPart` as the channel measures. */
export interface Outbound {
  maxPart: number
  measure: Measure
  /** Takes the parts of one reply; may deliver later (send pacing). Failures are the channel's to log. */
  send(parts: string[]): Promise<unknown>
}

export type Outcome = 'replied' | 'duplicate' | 'rate-limited' | 'ignored'

export interface ConversationOptions {
  config: Pick<BotConfig, 'corpusDir' | 'indexDir' | 'adminIds' | 'rateLimitPerMinute' | 'sessionMax' | 'sessionIdleMinutes' | 'userHashSalt'>
  engine: AnswerEngine
  knowledge: Pick<LiveKnowledge, 'current' | 'refresh'>
  logger: Logger
  store?: ConversationStore
}

export class Conversation {
  private readonly stats_: BotStats = { startedAt: Date.now(), questions: 0, answered: 0 }
  private readonly store: ConversationStore
  private readonly limiter: RateLimiter
  private readonly inOrder = new KeyedSerial()
  private readonly turns = new Turns()
  private readonly admin: Admin
  private readonly engine: AnswerEngine
  private readonly logger: Logger
  private readonly salt: string

  constructor({ config, engine, knowledge, logger, store }: ConversationOptions) {
    this.store = store ?? new MemoryStore(config.sessionMax, config.sessionIdleMinutes * 60_000)
    this.limiter = new RateLimiter(config.rateLimitPerMinute)
    this.admin = new Admin({ ...config, knowledge, logger, stats: () => this.stats() })
    this.engine = engine
    this.logger = logger
    this.salt = config.userHashSalt
  }

  /** Resolves once the message is handled and its reply handed to `outbound` (not necessarily delivered). */
  receive(inbound: Inbound, outbound: Outbound): Promise<Outcome> {
    const session = sessionKey(inbound.channel, inbound.user, inbound.room)
    return this.inOrder.run(session, () => this.handle(inbound, outbound, session))
  }

  /** Forgets a person (they unsubscribed): their conversation and their rate-limit window. */
  async forget(channel: ChannelName, user: string): Promise<void> {
    await this.store.forget(sessionKey(channel, user))
    this.limiter.forget(`${channel}:${user}`)
    this.logger.info({ event: 'forget', channel, user: this.hash(user) }, 'person forgotten')
  }

  stats(): BotStats {
    return { ...this.stats_ }
  }

  /** Resolves when every message received so far is handled. */
  idle(): Promise<void> {
    return this.inOrder.idle()
  }

  hash(id: string): string {
    return hashId(this.salt, id)
  }

  private async handle(inbound: Inbound, outbound: Outbound, session: string): Promise<Outcome> {
    const started = performance.now()
    const { channel, user, room, content } = inbound
    const where = { channel, chat: room ? ('room' as const) : ('private' as const), user: this.hash(user) }
    const reply = (text: string) => outbound.send(splitMessage(text, outbound.maxPart, outbound.measure))
    const handOver = (text: string) => void reply(text).catch(() => {}) // delivery failures are logged by the channel

    try {
      if (inbound.messageId && !(await this.store.firstDelivery(`${channel}:${inbound.messageId}`))) {
        this.logger.info({ event: 'duplicate', ...where }, 'message delivered again, already taken')
        return 'duplicate'
      }
      if (content.kind === 'welcome') {
        const help = await this.engine.respond('帮助')
        handOver(`${WELCOME}\n${help.reply.text}`)
        return 'replied'
      }
      const decision = this.limiter.take(`${channel}:${user}`)
      if (decision !== 'allow') {
        this.logger.info({ event: 'rate-limited', ...where, notified: decision === 'notice' }, 'over the rate limit')
        if (decision === 'notice') handOver(RATE_LIMITED)
        return 'rate-limited'
      }
      if (content.kind === 'media') {
        handOver(TEXT_ONLY)
        return 'replied'
      }

      const command = parseCommand(content.text)
      if (command) {
        this.logger.info({ event: 'command', ...where, command, admin: this.admin.isAdmin(user) }, 'command')
        handOver(await this.admin.run(command, user, !!room, async (text) => void (await reply(text))))
        return 'replied'
      }

      const state = await this.store.state(session)
      const turn = await this.turns.run(() => this.engine.respond(content.text, state))
      await this.store.saveState(session, turn.state)
      this.stats_.questions++
      if (turn.reply.answered) this.stats_.answered++
      const ms = Math.round(performance.now() - started)
      this.logger.info(questionEvent({ ...where, intent: turn.intent, answered: turn.reply.answered, docIds: turn.docIds, ms }, content.text), 'question')
      handOver(turn.reply.text)
      return 'replied'
    } catch (error) {
      this.logger.error({ event: 'message-failed', ...where, err: error }, 'message failed')
      handOver(APOLOGY)
      return 'replied'
    }
  }
}

/**
 * The engine answers on the main thread, mostly synchronously. Answering a burst back to back would
 * starve I/O and timers — sends, the Official Account's passive-reply deadline, new requests — until
 * the whole burst is answered. So answers are computed one at a time, each in its own turn of the
 * event loop, with everything else that is due running in between.
 */
class Turns {
  private tail: Promise<unknown> = Promise.resolve()

  run<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(() => yieldToEventLoop()).then(task)
    this.tail = run.catch(() => {})
    return run
  }
}

/** One conversation per person per channel, and per person within each group. */
function sessionKey(channel: ChannelName, user: string, room?: string): string {
  return room ? `${channel}:${room}/${user}` : `${channel}:${user}`
}
