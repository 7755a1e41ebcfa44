/**
 * Messages the webhook channels send on their own initiative (the Official Account's customer-service
 * messages, WeCom's message/send): through the channel's send pacer, one log line per part with the
 * person hashed.
 */
import type { BotConfig } from '../../config.js'
import type { Logger } from '../../conversation/log.js'
import { SendPacer } from '../../conversation/pacing.js'

export interface ApiSenderOptions {
  channel: 'official-account' | 'wecom'
  config: Pick<BotConfig, 'sendRatePerSecond' | 'sendIntervalMs' | 'sendQueueMax' | 'replyMaxAgeSeconds'>
  logger: Logger
  hash: (id: string) => string
  /** the API call that sends one text message to one person */
  post: (user: string, content: string) => Promise<unknown>
}

export function createApiSender({ channel, config, logger, hash, post }: ApiSenderOptions) {
  const pacer = SendPacer.forChannel(config, logger, channel)
  return {
    pacer,
    /** Sends `parts` to `user` in order; `since` is when the message being answered arrived. */
    send(user: string, since: number, parts: string[]) {
      const where = { event: 'send', channel, user: hash(user), parts: parts.length }
      return Promise.all(
        parts.map((part, i) =>
          pacer.send(user, since, async () => {
            try {
              await post(user, part)
              logger.info({ ...where, part: i + 1, bytes: Buffer.byteLength(part) }, 'sent')
            } catch (error) {
              logger.error({ ...where, event: 'send-failed', part: i + 1, err: error }, 'send failed')
              throw error
            }
          }),
        ),
      )
    },
  }
}
