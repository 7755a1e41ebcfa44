/**
 * The login lifecycle: the QR code in the terminal (and its URL in the log), login, logout and errors
 * logged, and giving up when a login cannot happen. Without network wechat4u retries in a tight loop
 * forever and a bad service token never logs in: both would look like a bot that merely hangs. So,
 * while logged out, no QR code within `waitMs` or `maxErrors` errors within `errorWindowMs` fail the
 * bot with a message that says what to check.
 */
import qrcodeTerminal from 'qrcode-terminal'
import { ScanStatus, qrcodeValueToImageUrl, type Wechaty } from 'wechaty'
import type { Logger } from '../../conversation/log.js'

export class LoginFailed extends Error {}

export interface LoginWatchOptions {
  puppet: string
  waitMs: number
  logger: Logger
  maxErrors?: number
  errorWindowMs?: number
}

/** Wires the login events of `bot`; `onFail` is called at most once. Returns a function that stops the watch. */
export function watchLogin(bot: Wechaty, options: LoginWatchOptions, onFail: (error: LoginFailed) => void): () => void {
  const { puppet, waitMs, logger, maxErrors = 5, errorWindowMs = 10_000 } = options
  let loggedIn = false
  let stopped = false
  let errorTimes: number[] = []
  let timer: NodeJS.Timeout | undefined

  const stop = () => {
    stopped = true
    clearTimeout(timer)
  }
  const fail = (reason: string) => {
    if (stopped) return
    stop()
    onFail(new LoginFailed(`cannot log in to WeChat with ${puppet}: ${reason}. Check the network connection and WECHATY_PUPPET / WECHATY_PUPPET_SERVICE_TOKEN.`))
  }
  const arm = () => {
    timer = setTimeout(() => fail(`no login QR code and no login within ${waitMs / 1000} s`), waitMs)
  }
  arm()

  bot.on('scan', (qrcode: string, status: ScanStatus) => {
    // A QR code proves the login server answers; the person scanning may take their time.
    clearTimeout(timer)
    if (status !== ScanStatus.Waiting && status !== ScanStatus.Timeout) {
      logger.info({ event: 'scan', status: ScanStatus[status] }, 'login QR code status')
      return
    }
    // On stderr, so that stdout stays one JSON object per line.
    qrcodeTerminal.generate(qrcode, { small: true }, (art) => process.stderr.write(`${art}\n`))
    logger.info({ event: 'scan', status: ScanStatus[status], url: qrcodeValueToImageUrl(qrcode) }, 'scan the QR code with WeChat to log in')
  })
  bot.on('login', (user) => {
    loggedIn = true
    errorTimes = []
    clearTimeout(timer)
    logger.info({ event: 'login', name: user.name() }, 'logged in')
  })
  bot.on('logout', (user, reason?: string) => {
    loggedIn = false
    logger.warn({ event: 'logout', name: user.name(), reason }, 'logged out')
    if (!stopped) arm()
  })
  bot.on('error', (error: Error) => {
    if (loggedIn) {
      logger.error({ event: 'wechat-error', err: error }, 'wechat error')
      return
    }
    // Before login, errors are the failure's details: the one message that says what to check comes from fail().
    logger.debug({ event: 'wechat-error', err: error }, 'wechat error before login')
    const now = Date.now()
    errorTimes = [...errorTimes.filter((time) => time > now - errorWindowMs), now]
    if (errorTimes.length >= maxErrors) fail(`${errorTimes.length} errors within ${errorWindowMs / 1000} s before login, the last: ${error.message}`)
  })
  return stop
}
