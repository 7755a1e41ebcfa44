/**
 * Every outgoing message goes through one queue: sent one at a time, in order, with at least
 * `intervalMs` between the end of one send and the start of the next, because WeChat flags accounts
 * that send in bursts. A failed send rejects its own promise and the queue goes on.
 */
import { setTimeout as sleep } from 'node:timers/promises'

export class SendQueue {
  private tail: Promise<unknown> = Promise.resolve()
  private lastSentAt = -Infinity
  private waiting = 0

  constructor(private readonly intervalMs: number) {}

  push<T>(send: () => Promise<T>): Promise<T> {
    this.waiting++
    const run = this.tail.then(async () => {
      const wait = this.lastSentAt + this.intervalMs - Date.now()
      if (wait > 0) await sleep(wait)
      try {
        return await send()
      } finally {
        this.lastSentAt = Date.now()
        this.waiting--
      }
    })
    this.tail = run.catch(() => {})
    return run
  }

  /** messages pushed and not yet sent */
  get size(): number {
    return this.waiting
  }

  /** Resolves when everything pushed so far has been sent or has failed. */
  async flush(): Promise<void> {
    await this.tail
  }
}
