/**
 * Staff login for the console: one account from the environment, sessions held in memory (a restart
 * logs staff out), and a lockout per client address after repeated wrong passwords.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** Wrong passwords allowed within the window before the address is locked out for LOCKOUT_MS. */
const MAX_FAILURES = 5
const FAILURE_WINDOW_MS = 15 * 60_000
const LOCKOUT_MS = 15 * 60_000
/** A staff session ends after this long without a request. */
const SESSION_IDLE_MS = 8 * 60 * 60_000
/** Past this many tracked addresses, entries whose window has passed are dropped. */
const TRACKED_MAX = 10_000

export type LoginResult = { ok: true; session: string } | { ok: false; lockedUntil?: number }

interface Failures {
  times: number[]
  lockedUntil?: number
}

export class StaffAuth {
  private readonly sessions = new Map<string, number>()
  private readonly failures = new Map<string, Failures>()

  constructor(
    private readonly account: { user?: string; password?: string },
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return !!this.account.user && !!this.account.password
  }

  /** When `client` is locked out, until when. */
  lockedUntil(client: string): number | undefined {
    const until = this.failures.get(client)?.lockedUntil
    return until && until > this.now() ? until : undefined
  }

  login(client: string, user: string, password: string): LoginResult {
    if (!this.enabled) return { ok: false }
    const locked = this.lockedUntil(client)
    if (locked) return { ok: false, lockedUntil: locked }
    // Both compared in full, whatever the first one gives: the response time says nothing about which was wrong.
    const right = [same(user, this.account.user!), same(password, this.account.password!)].every(Boolean)
    if (!right) return { ok: false, lockedUntil: this.fail(client) }
    this.failures.delete(client)
    const session = token()
    this.sessions.set(session, this.now())
    return { ok: true, session }
  }

  /** Whether `session` is a live staff session; each request keeps it alive. */
  check(session: string | undefined): boolean {
    if (!this.enabled || !session) return false
    const last = this.sessions.get(session)
    if (last === undefined) return false
    if (this.now() - last > SESSION_IDLE_MS) {
      this.sessions.delete(session)
      return false
    }
    this.sessions.set(session, this.now())
    return true
  }

  logout(session: string | undefined): void {
    if (session) this.sessions.delete(session)
  }

  private fail(client: string): number | undefined {
    const now = this.now()
    if (this.failures.size > TRACKED_MAX) this.prune(now)
    const entry = this.failures.get(client) ?? { times: [] }
    entry.times = [...entry.times.filter((time) => now - time < FAILURE_WINDOW_MS), now]
    if (entry.times.length >= MAX_FAILURES) entry.lockedUntil = now + LOCKOUT_MS
    this.failures.set(client, entry)
    return entry.lockedUntil
  }

  private prune(now: number): void {
    for (const [client, entry] of this.failures) {
      if ((entry.lockedUntil ?? 0) < now && entry.times.every((time) => now - time >= FAILURE_WINDOW_MS)) this.failures.delete(client)
    }
  }
}

export const token = (): string => randomBytes(24).toString('base64url')

/** Constant-time comparison of two strings of any length. */
export function same(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest()
  return timingSafeEqual(digest(a), digest(b))
}
