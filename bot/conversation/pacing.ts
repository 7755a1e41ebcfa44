/**
 * Send pacing, shared by every channel: each channel's account sends through one pacer.
 *  - per recipient, in order, one at a time, at least `recipientIntervalMs` apart (a person's parts
 *    arrive in order and not as a burst);
 *  - across recipients concurrently, but at most `ratePerSecond` sends started per second (WeChat
 *    flags accounts that send in bursts; the message APIs have their own quotas);
 *  - at most `maxQueued` waiting: a reply beyond that is refused at once ('overflow'), not queued
 *    without bound;
 *  - a reply whose message arrived more than `maxAgeMs` ago when its turn comes is dropped ('stale')
 *    and counted, not sent late: an answer minutes after the question only confuses.
 * Recipients take turns (round robin), so one long answer cannot hold back everyone else's.
 * Hand-written: the kept queue libraries (p-queue, bottleneck) are not dependencies here, and none
 * drops by age of the original message.
 */
import type { BotConfig } from '../config.js'
import type { ChannelName, Logger } from './log.js'

export type SendOutcome = 'sent' | 'stale' | 'overflow'

export interface PacingOptions {
  ratePerSecond: number
  recipientIntervalMs: number
  maxQueued: number
  maxAgeMs: number
  /** logs each drop (the channel name only: recipients are ids and are never logged) */
  logger?: Logger
  channel?: string
}

export interface PacingStats {
  sent: number
  failed: number
  stale: number
  overflow: number
  queued: number
}

interface Job {
  since: number
  deliver: () => Promise<void>
  resolve: (outcome: SendOutcome) => void
  reject: (error: unknown) => void
}

export class SendPacer {
  /** waiting jobs per recipient; Map order is the round-robin order */
  private readonly queues = new Map<string, Job[]>()
  private readonly busy = new Set<string>()
  /** earliest start of the next send per recipient (only while it matters) */
  private readonly notBefore = new Map<string, number>()
  private globalNotBefore = 0
  private queued = 0
  private inFlight = 0
  private timer?: NodeJS.Timeout
  private idleWaiters: (() => void)[] = []
  private readonly counts = { sent: 0, failed: 0, stale: 0, overflow: 0 }

  constructor(private readonly options: PacingOptions) {}

  /** A channel's pacer with the limits the configuration sets. */
  static forChannel(config: Pick<BotConfig, 'sendRatePerSecond' | 'sendIntervalMs' | 'sendQueueMax' | 'replyMaxAgeSeconds'>, logger: Logger, channel: ChannelName): SendPacer {
    return new SendPacer({
      ratePerSecond: config.sendRatePerSecond,
      recipientIntervalMs: config.sendIntervalMs,
      maxQueued: config.sendQueueMax,
      maxAgeMs: config.replyMaxAgeSeconds * 1000,
      logger,
      channel,
    })
  }

  /**
   * Queues one message to `recipient`; `since` is when the message being answered arrived (ms epoch).
   * Resolves with what became of it; rejects when the delivery itself failed.
   */
  send(recipient: string, since: number, deliver: () => Promise<void>): Promise<SendOutcome> {
    if (this.queued >= this.options.maxQueued) {
      this.drop('overflow', 0)
      return Promise.resolve('overflow')
    }
    return new Promise<SendOutcome>((resolve, reject) => {
      const jobs = this.queues.get(recipient)
      const job = { since, deliver, resolve, reject }
      if (jobs) jobs.push(job)
      else this.queues.set(recipient, [job])
      this.queued++
      this.pump()
    })
  }

  stats(): PacingStats {
    return { ...this.counts, queued: this.queued }
  }

  /** Resolves when nothing is waiting or being sent. */
  flush(): Promise<void> {
    if (this.queued === 0 && this.inFlight === 0) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  private pump(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    const now = Date.now()
    let wait = Infinity
    for (const [recipient, jobs] of this.queues) {
      if (this.busy.has(recipient)) continue
      while (jobs.length > 0 && now - jobs[0].since > this.options.maxAgeMs) {
        const job = jobs.shift()!
        this.queued--
        this.drop('stale', now - job.since)
        job.resolve('stale')
      }
      if (jobs.length === 0) {
        this.queues.delete(recipient)
        continue
      }
      const ready = Math.max(this.notBefore.get(recipient) ?? 0, this.globalNotBefore)
      if (ready > now) {
        wait = Math.min(wait, ready - now)
        continue
      }
      const job = jobs.shift()!
      this.queued--
      // To the back of the line: the others take their turn before this recipient's next part.
      this.queues.delete(recipient)
      if (jobs.length > 0) this.queues.set(recipient, jobs)
      this.start(recipient, job, now)
    }
    if (wait < Infinity) this.timer = setTimeout(() => this.pump(), wait)
    this.settleIdle()
  }

  private start(recipient: string, job: Job, now: number): void {
    this.busy.add(recipient)
    this.inFlight++
    this.globalNotBefore = now + 1000 / this.options.ratePerSecond
    // Through a promise, so that a delivery throwing synchronously is a failed send like any other.
    Promise.resolve().then(job.deliver).then(
      () => {
        this.counts.sent++
        job.resolve('sent')
      },
      (error: unknown) => {
        this.counts.failed++
        job.reject(error)
      },
    ).finally(() => {
      this.busy.delete(recipient)
      this.inFlight--
      if (this.options.recipientIntervalMs > 0) this.notBefore.set(recipient, Date.now() + this.options.recipientIntervalMs)
      this.forgetPastIntervals()
      this.pump()
    })
  }

  private drop(reason: 'stale' | 'overflow', ageMs: number): void {
    this.counts[reason]++
    this.options.logger?.warn({ event: 'send-dropped', channel: this.options.channel, reason, ageMs, [reason]: this.counts[reason] }, reason === 'stale' ? 'reply too old, dropped' : 'send queue full, reply dropped')
  }

  /** Keeps the per-recipient intervals map as small as the set of recently served recipients. */
  private forgetPastIntervals(): void {
    if (this.notBefore.size < 1000) return
    const now = Date.now()
    for (const [recipient, at] of this.notBefore) if (at <= now) this.notBefore.delete(recipient)
  }

  private settleIdle(): void {
    if (this.queued > 0 || this.inFlight > 0) return
    const waiters = this.idleWaiters
    this.idleWaiters = []
    for (const resolve of waiters) resolve()
  }
}
