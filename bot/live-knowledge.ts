/**
 * The knowledge base being served, swapped without a restart when an ingest publishes a new build.
 * The index's `CURRENT` file names the build; an ingest replaces it atomically. A change is noticed
 * by fs.watch on the index folder, or by a periodic check where watching misses events (network
 * file systems, some containers). The new build is opened in the background while questions keep
 * being answered from the old one, then the reference is swapped; a build that fails to open is
 * logged and the old one stays.
 */
import { readFileSync, watch, type FSWatcher } from 'node:fs'
import path from 'node:path'
import { KnowledgeBase, currentPointer } from '../index/index.js'
import type { Logger } from './conversation/log.js'

export interface LiveKnowledgeOptions {
  logger: Logger
  pollMs?: number
  /** an ingest touches CURRENT more than once (write, rename): wait for it to settle */
  debounceMs?: number
}

export class LiveKnowledge {
  private served: KnowledgeBase
  private checking: Promise<void> | null = null
  private recheck = false
  /** a build that failed to open is not retried until CURRENT names another */
  private failedBuild?: string
  private watcher?: FSWatcher
  private readonly poll: NodeJS.Timeout
  private debounce?: NodeJS.Timeout

  private constructor(
    readonly indexDir: string,
    first: KnowledgeBase,
    private readonly logger: Logger,
    pollMs: number,
    private readonly debounceMs: number,
  ) {
    this.served = first
    this.poll = setInterval(() => void this.refresh(), pollMs).unref()
    this.watch()
  }

  static async open(indexDir: string, { logger, pollMs = 30_000, debounceMs = 300 }: LiveKnowledgeOptions): Promise<LiveKnowledge> {
    const first = await KnowledgeBase.open(indexDir)
    logger.info({ event: 'index-open', build: first.buildId, documents: first.documents.length, chunks: first.chunks.length }, 'index opened')
    if (first.refused) {
      logger.error({ event: 'index-damaged', build: first.refused.buildId, serving: first.buildId, reason: first.refused.reason }, 'index build refused as damaged; serving the previous good build')
    }
    const live = new LiveKnowledge(indexDir, first, logger, pollMs, debounceMs)
    live.failedBuild = first.refused?.buildId
    return live
  }

  get current(): KnowledgeBase {
    return this.served
  }

  /** For the answer engine, which asks for the knowledge base at each question. */
  readonly get = (): KnowledgeBase => this.served

  /** Serves the build CURRENT names, if it is not served already. Never rejects; concurrent calls share one check. */
  refresh(): Promise<void> {
    if (this.checking) {
      this.recheck = true
      return this.checking
    }
    this.checking = (async () => {
      do {
        this.recheck = false
        await this.loadIfChanged()
      } while (this.recheck)
    })().finally(() => {
      this.checking = null
    })
    return this.checking
  }

  close(): void {
    clearInterval(this.poll)
    clearTimeout(this.debounce)
    this.watcher?.close()
  }

  private async loadIfChanged(): Promise<void> {
    const named = this.namedBuild()
    if (!named || named === this.served.buildId || named === this.failedBuild) return
    const started = performance.now()
    try {
      const next = await KnowledgeBase.open(this.indexDir)
      // The named build is damaged: the served one verified when it was opened, so it stays (not the older fallback).
      if (next.refused) throw new Error(next.refused.reason)
      const previous = this.served
      this.served = next
      this.failedBuild = undefined
      this.logger.info(
        { event: 'index-switch', from: previous.buildId, to: next.buildId, documents: next.documents.length, chunks: next.chunks.length, ms: Math.round(performance.now() - started) },
        'now serving a new index build',
      )
    } catch (error) {
      this.failedBuild = named
      this.logger.error({ event: 'index-load-failed', build: named, serving: this.served.buildId, err: error }, 'new index build failed to open; still serving the previous one')
    }
  }

  private namedBuild(): string | undefined {
    try {
      return readFileSync(currentPointer(this.indexDir), 'utf8').trim() || undefined
    } catch {
      return undefined
    }
  }

  private watch(): void {
    const pointer = path.basename(currentPointer(this.indexDir))
    const fallBack = (error: unknown) =>
      this.logger.warn({ event: 'index-watch-failed', err: error }, 'cannot watch the index folder; relying on the periodic check')
    try {
      this.watcher = watch(this.indexDir, { persistent: false }, (_event, file) => {
        if (file && file !== pointer) return
        clearTimeout(this.debounce)
        this.debounce = setTimeout(() => void this.refresh(), this.debounceMs)
      })
      this.watcher.on('error', (error) => {
        fallBack(error)
        this.watcher?.close()
      })
    } catch (error) {
      fallBack(error)
    }
  }
}
