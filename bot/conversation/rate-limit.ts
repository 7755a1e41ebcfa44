/**
 * Per-user limit of `limit` questions in any sliding `windowMs`. The first message over the limit gets
 * one notice ('notice'), the following ones nothing ('drop') until the user is under the limit again:
 * a flooder is told once, and the bot never floods back.
 */
export type RateDecision = 'allow' | 'notice' | 'drop'

interface UserWindow {
  /** times of the allowed messages still inside the window, oldest first */
  times: number[]
  noticed: boolean
}

export class RateLimiter {
  private readonly users = new Map<string, UserWindow>()
  private lastSweep = 0

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  take(user: string, now = Date.now()): RateDecision {
    this.sweep(now)
    const window = this.users.get(user) ?? { times: [], noticed: false }
    this.users.set(user, window)
    while (window.times.length > 0 && window.times[0] <= now - this.windowMs) window.times.shift()
    if (window.times.length < this.limit) {
      window.times.push(now)
      window.noticed = false
      return 'allow'
    }
    if (window.noticed) return 'drop'
    window.noticed = true
    return 'notice'
  }

  /** Forgets a user at once (someone who unsubscribed). */
  forget(user: string): void {
    this.users.delete(user)
  }

  /** users tracked: bounded by those active in the last window or two */
  get size(): number {
    return this.users.size
  }

  /** Forgets users quiet for a whole window, at most once a window, so memory follows activity. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return
    this.lastSweep = now
    for (const [user, window] of this.users) {
      if ((window.times.at(-1) ?? -Infinity) <= now - this.windowMs) this.users.delete(user)
    }
  }
}
