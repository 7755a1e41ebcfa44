/**
 * The console's ingest: one at a time, run in this process, its progress kept for the page to poll,
 * and the new build served as soon as it is published (LiveKnowledge.refresh), without a restart.
 */
import { IngestLocked, ingest, type IngestProgress } from '../../../index/index.js'
import type { LiveKnowledge } from '../../live-knowledge.js'
import type { Logger } from '../../conversation/log.js'

export interface IngestState {
  /** why it ran, for the page: the files uploaded or removed, or a rebuild */
  reason?: string
  running: boolean
  /** set once a run has ended */
  ok?: boolean
  done: number
  total: number
  /** what is happening now, for the page */
  message: string
  /** the outcome, once ended */
  result?: string
}

export interface IngestJobOptions {
  corpusDir: string
  indexDir: string
  knowledge: Pick<LiveKnowledge, 'current' | 'refresh'>
  logger: Logger
}

export class IngestJob {
  private current: IngestState = { running: false, done: 0, total: 0, message: '尚未在本次运行中更新答复库' }
  private run: Promise<void> = Promise.resolve()

  constructor(private readonly options: IngestJobOptions) {}

  get state(): IngestState {
    return this.current
  }

  /** Resolves when the current (or last) run has ended. */
  get finished(): Promise<void> {
    return this.run
  }

  /** Starts an ingest unless one is running; says whether it started. */
  start(reason: string): boolean {
    if (this.current.running) return false
    this.current = { reason, running: true, done: 0, total: 0, message: '准备中…' }
    this.run = this.execute(reason)
    return true
  }

  private async execute(reason: string): Promise<void> {
    const { corpusDir, indexDir, knowledge, logger } = this.options
    try {
      const summary = await ingest({ corpusDir, indexDir, onProgress: (progress) => this.progress(progress) })
      await knowledge.refresh()
      const served = knowledge.current.buildId
      const ok = summary.published && summary.buildId === served
      const result = !summary.published
        ? `没有可收录的文件，答复库未变（仍为版本 ${served}）。`
        : ok
          ? `完成：${summary.documents} 篇答复，${summary.chunks} 段（新处理 ${summary.embedded} 段，沿用 ${summary.reused} 段），用时 ${summary.seconds} 秒；现在使用版本 ${served}。`
          : `新版本 ${summary.buildId} 已生成，但载入失败，仍使用版本 ${served}，请查看日志。`
      const skipped = summary.skipped.length ? ` 跳过 ${summary.skipped.length} 个文件（原因见索引状态）。` : ''
      this.current = { reason, running: false, ok, done: 1, total: 1, message: '已结束', result: result + skipped }
      logger.info({ event: 'console-ingest', published: summary.published, build: summary.buildId, documents: summary.documents, chunks: summary.chunks, seconds: summary.seconds }, 'corpus re-ingested from the web console')
    } catch (error) {
      const message = error instanceof IngestLocked ? '另一次更新（命令行 npm run ingest 或 #刷新）正在进行，请稍后再试。' : `更新失败：${(error as Error).message}`
      this.current = { reason, running: false, ok: false, done: 0, total: 0, message: '已结束', result: message }
      logger.error({ event: 'console-ingest-failed', err: error }, 'console ingest failed')
    }
  }

  private progress(progress: IngestProgress): void {
    const at = (message: string, done = 0, total = 0) => (this.current = { ...this.current, done, total, message })
    if (progress.phase === 'read') at(`读取文件 ${progress.done}/${progress.total}：${progress.file}`, progress.done, progress.total)
    else if (progress.phase === 'embed') at(`计算段落向量 ${progress.done}/${progress.total}`, progress.done, progress.total)
    else at('写入索引…')
  }
}
