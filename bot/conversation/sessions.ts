/**
 * What each conversation remembers for 更多/全文, keyed by contact (or contact within a room). An entry
 * idle longer than `idleMs` is gone, and at most `max` are kept, least recently used dropped first.
 * A Map iterates in insertion order and every write re-inserts, so the stalest entries are always
 * first: eviction only ever looks at the front.
 */
export class SessionStore<T> {
  private readonly entries = new Map<string, { value: T; touched: number }>()

  constructor(
    private readonly max: number,
    private readonly idleMs: number,
  ) {}

  get(key: string, now = Date.now()): T | undefined {
    const entry = this.entries.get(key)
    if (entry && now - entry.touched <= this.idleMs) return entry.value
    this.entries.delete(key)
    return undefined
  }

  set(key: string, value: T, now = Date.now()): void {
    this.entries.delete(key)
    this.entries.set(key, { value, touched: now })
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.max && now - entry.touched <= this.idleMs) break
      this.entries.delete(oldest)
    }
  }

  delete(key: string): void {
    this.entries.delete(key)
  }

  get size(): number {
    return this.entries.size
  }
}
