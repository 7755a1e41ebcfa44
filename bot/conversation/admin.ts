/**
 * Staff commands. `#刷新` re-ingests the corpus in a child process (the bot keeps answering) and serves the new build; `#状态` tells what
 * is served and how the bot is doing. Both only for the WeChat contact ids in ADMIN_IDS: anyone else
 * gets a polite refusal (not an answer search for "#刷新", which would only find nothing). `#我的ID`
 * works for everyone, in private only: it is how staff learn the id to put in ADMIN_IDS.
 */
import { IngestLocked, ingestInChildProcess, type IngestSummary } from '../../index/index.js'
import type { LiveKnowledge } from '../live-knowledge.js'
import type { Logger } from './log.js'
import { ADMIN_ONLY, REFRESH_BUSY, REFRESH_STARTED } from './texts.js'

export type Command = 'refresh' | 'status' | 'whoami'

const COMMANDS: Record<string, Command> = { '#刷新': 'refresh', '#状态': 'status', '#我的ID': 'whoami' }

export function parseCommand(text: string): Command | undefined {
  return COMMANDS[text.trim().replace(/^＃/, '#').toUpperCase()]
}

export interface BotStats {
  startedAt: number
  questions: number
  answered: number
}

export interface AdminOptions {
  corpusDir: string
  indexDir: string
  adminIds: readonly string[]
  knowledge: Pick<LiveKnowledge, 'current' | 'refresh'>
  stats: () => BotStats
  logger: Logger
}

export class Admin {
  private refreshing = false

  constructor(private readonly options: AdminOptions) {}

  isAdmin(contactId: string): boolean {
    return this.options.adminIds.includes(contactId)
  }

  /** The reply to `command` from `contactId`; `notify` sends a message before it, as a refresh takes a while. */
  async run(command: Command, contactId: string, inRoom: boolean, notify: (text: string) => Promise<void>): Promise<string> {
    if (command === 'whoami') return inRoom ? '请私聊我发送 #我的ID。' : `您的微信联系人 ID：${contactId}\n（管理员请把它填入 ADMIN_IDS）`
    if (!this.isAdmin(contactId)) return ADMIN_ONLY
    return command === 'status' ? this.status() : this.refresh(notify)
  }

  private status(): string {
    const kb = this.options.knowledge.current
    const { startedAt, questions, answered } = this.options.stats()
    return [
      '答复助手状态',
      `答复库版本：${kb.buildId}`,
      `收录答复：${kb.manifest.documents} 篇，${kb.manifest.chunks} 段`,
      `建库时间：${new Date(kb.manifest.builtAt).toLocaleString('zh-CN', { dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' })}`,
      `已运行：${duration(Date.now() - startedAt)}`,
      `已回答问题：${answered}（共收到 ${questions} 个）`,
    ].join('\n')
  }

  private async refresh(notify: (text: string) => Promise<void>): Promise<string> {
    if (this.refreshing) return REFRESH_BUSY
    this.refreshing = true
    const { corpusDir, indexDir, knowledge, logger } = this.options
    try {
      await notify(REFRESH_STARTED)
      const summary = await ingestInChildProcess({ corpusDir, indexDir })
      logger.info({ event: 'admin-refresh', published: summary.published, build: summary.buildId, documents: summary.documents, chunks: summary.chunks, seconds: summary.seconds }, 'corpus re-ingested')
      // Serve the new build now rather than when the watcher notices, so the reply tells the truth.
      await knowledge.refresh()
      return refreshReport(summary, knowledge.current.buildId)
    } catch (error) {
      if (error instanceof IngestLocked) return '另一次更新（命令行 npm run ingest）正在进行，请稍后再试。'
      logger.error({ event: 'admin-refresh-failed', err: error }, 'refresh failed')
      return `更新失败：${(error as Error).message}\n仍使用版本 ${knowledge.current.buildId}。`
    } finally {
      this.refreshing = false
    }
  }
}

function refreshReport(summary: IngestSummary, served: string): string {
  const lines = !summary.published
    ? [`没有可收录的文件，答复库未变，仍使用版本 ${served}。`]
    : summary.buildId === served
      ? [
          `答复库已更新：${summary.documents} 篇答复，${summary.chunks} 段（新处理 ${summary.embedded} 段，沿用 ${summary.reused} 段），用时 ${summary.seconds} 秒。`,
          `现在使用版本 ${served}。`,
        ]
      : [`新版本 ${summary.buildId} 已生成，但载入失败，仍使用版本 ${served}，请查看日志。`]
  const skipped = summary.skipped.slice(0, 5).map(({ file, reason }) => `跳过 ${file}：${reason}`)
  const more = summary.skipped.length > 5 ? [`……另有 ${summary.skipped.length - 5} 个文件被跳过`] : []
  return [...lines, ...skipped, ...more].join('\n')
}

function duration(ms: number): string {
  const minutes = Math.floor(ms / 60_000)
  const [days, hours] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60)]
  return `${days ? `${days} 天 ` : ''}${days || hours ? `${hours} 小时 ` : ''}${minutes % 60} 分`
}
