/**
 * The wechaty channel: translates wechaty messages for the conversation layer and delivers its
 * replies. Which messages are for the bot is decided here (messages.ts); everything after that —
 * dedupe, rate limit, order, answer, commands, logging — is the conversation layer's. Replies go out
 * through this account's send pacer, in parts WeChat accepts; in a group the first part @-mentions
 * the asker.
 */
import { WechatyBuilder, type Message, type OfficialPuppetNpmName, type Wechaty } from 'wechaty'
import type { BotConfig } from '../../config.js'
import type { LiveKnowledge } from '../../live-knowledge.js'
import type { Logger } from '../../conversation/log.js'
import type { AnswerEngine } from '../../answer/types.js'
import type { BotStats } from '../../conversation/admin.js'
import { Conversation, type Outbound } from '../../conversation/conversation.js'
import { SendPacer, type PacingStats } from '../../conversation/pacing.js'
import { KeyedSerial } from '../../conversation/serial.js'
import { LoginFailed, watchLogin } from './login.js'
import { classify } from './messages.js'

type Puppet = Wechaty['puppet']

export interface StartBotOptions {
  config: Readonly<BotConfig>
  engine: AnswerEngine
  knowledge: Pick<LiveKnowledge, 'current' | 'refresh'>
  logger: Logger
  /** the conversation layer shared with other channels; a bot of its own by default */
  conversation?: Conversation
  /** a puppet instance (the tests pass wechaty-puppet-mock); by default the module `config.puppet` names */
  puppet?: Puppet
}

export interface BotHandle {
  readonly wechaty: Wechaty
  /** rejects with LoginFailed when a login cannot happen (no network, bad token); never resolves */
  readonly failed: Promise<never>
  stats(): BotStats
  /** what became of the replies: sent, failed, dropped as stale or over the queue bound */
  sending(): PacingStats
  /** Stops taking messages, finishes those in hand, sends what is queued, stops wechaty. Idempotent. */
  stop(): Promise<void>
}

/** Room replies start with "@name ": room parts are cut this much shorter to stay under the limit. */
const MENTION_ALLOWANCE = 24
/** A message still in hand at shutdown after this long is abandoned (a stuck engine must not block the exit). */
const DRAIN_TIMEOUT_MS = 15_000

export async function startBot({ config, engine, knowledge, logger, puppet, conversation: shared }: StartBotOptions): Promise<BotHandle> {
  const wechaty = WechatyBuilder.build(
    puppet
      ? { puppet }
      : { name: config.sessionFile, puppet: installedPuppet(config.puppet), puppetOptions: config.puppetToken ? { token: config.puppetToken } : {} },
  )
  const startedAt = Date.now()
  const conversation = shared ?? new Conversation({ config, engine, knowledge, logger })
  const pacer = SendPacer.forChannel(config, logger, 'wechaty')

  let reportFailure: (error: LoginFailed) => void = () => {}
  const failed = new Promise<never>((_, reject) => (reportFailure = reject))
  failed.catch(() => {}) // the caller may not listen; an unobserved rejection must not crash the process
  const stopLoginWatch = watchLogin(wechaty, { puppet: config.puppet, waitMs: config.loginWaitSeconds * 1000, logger }, reportFailure)

  // Reading a message is asynchronous (is the bot mentioned?): read each person's messages in turn,
  // so they reach the conversation layer in the order they came.
  const arrival = new KeyedSerial()
  let accepting = true
  wechaty.on('message', (msg: Message) => {
    if (!accepting) return
    const arrivedAt = Date.now()
    const unreadable = (error: unknown) => logger.error({ event: 'message-failed', channel: 'wechaty', err: error }, 'unreadable message')
    try {
      arrival.run(msg.talker().id, () => translate(msg, arrivedAt)).catch(unreadable)
    } catch (error) {
      unreadable(error)
    }
  })

  async function translate(msg: Message, arrivedAt: number): Promise<void> {
    const incoming = await classify(msg, { startedAt, groupKeyword: config.groupKeyword })
    const talker = msg.talker()
    const room = msg.room()
    if (incoming.kind === 'ignore') {
      logger.debug({ event: 'ignored', channel: 'wechaty', user: conversation.hash(talker.id), reason: incoming.reason }, 'message ignored')
      return
    }
    const where = { channel: 'wechaty', chat: room ? 'room' : 'private', user: conversation.hash(talker.id) }
    let first = true
    const outbound: Outbound = {
      maxPart: config.maxMessageChars - (room ? MENTION_ALLOWANCE : 0),
      measure: 'chars',
      send: (parts) =>
        Promise.all(
          parts.map((part, i) => {
            const mention = room && first
            first = false
            return pacer.send(room?.id ?? talker.id, arrivedAt, async () => {
              try {
                await (room ? (mention ? room.say(part, talker) : room.say(part)) : talker.say(part))
                logger.info({ event: 'send', ...where, part: i + 1, parts: parts.length, chars: part.length }, 'sent')
              } catch (error) {
                logger.error({ event: 'send-failed', ...where, part: i + 1, parts: parts.length, err: error }, 'send failed')
                throw error
              }
            })
          }),
        ),
    }
    const content = incoming.kind === 'text' ? { kind: 'text' as const, text: incoming.text } : { kind: 'media' as const }
    // Not awaited: the conversation layer keeps the order from here, and this person's next message can be read meanwhile.
    void conversation.receive({ channel: 'wechaty', user: talker.id, room: room?.id, messageId: msg.id, content }, outbound)
  }

  // A puppet whose start hangs (a service puppet with a wrong token) must not outlast the login wait.
  await Promise.race([wechaty.start(), failed])
  logger.info({ event: 'start', channel: 'wechaty', puppet: puppet ? puppet.constructor.name : config.puppet }, 'bot started')

  let stopping: Promise<void> | undefined
  return {
    wechaty,
    failed,
    stats: () => conversation.stats(),
    sending: () => pacer.stats(),
    stop: () =>
      (stopping ??= (async () => {
        accepting = false
        stopLoginWatch()
        await Promise.race([arrival.idle().then(() => conversation.idle()), delay(DRAIN_TIMEOUT_MS)])
        await pacer.flush()
        await wechaty.stop()
        const { questions, answered } = conversation.stats()
        logger.info({ event: 'stop', channel: 'wechaty', questions, answered, ...pacer.stats() }, 'bot stopped')
      })()),
  }
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
