/**
 * The bot's one logger (pino): JSON lines on stdout at LOG_LEVEL (pretty only with LOG_PRETTY=1), and
 * the question events, whatever LOG_LEVEL, appended to the question log for `npm run report`:
 * `LOG_DIR/questions.<yyyy-MM-dd>.<n>.log`, readable by the bot's user only (0600), a new file each day
 * or past LOG_MAX_FILE_MB, files beyond LOG_RETENTION_DAYS removed (pino-roll; a day that overflowed
 * into two files counts twice, so it never keeps more than that).
 * Also the privacy rules of what is logged: users appear only as salted hashes, and question text
 * (kept only for unanswered questions) has personal data masked (mask.ts).
 */
import { createHash } from 'node:crypto'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import pino, { type Logger } from 'pino'
import pretty from 'pino-pretty'
import roll from 'pino-roll'
import { DEFAULT_LOG_MAX_FILE_MB, DEFAULT_LOG_RETENTION_DAYS, type BotConfig } from '../config.js'
import type { Intent } from '../answer/types.js'
import { maskMessage } from './mask.js'

export type { Logger }
export const QUESTIONS_LOG = 'questions.log'
/** a file of its own per day: with one file a day, keeping N files keeps N days */
const ROTATION = { frequency: 'daily', dateFormat: 'yyyy-MM-dd' } as const

export interface BotLog {
  logger: Logger
  /** writes out what stdout has buffered and closes the file; call once, before exit */
  close(): Promise<void>
}

export function createLog(config: Pick<BotConfig, 'logLevel' | 'logPretty' | 'logDir'> & Partial<Pick<BotConfig, 'logRetentionDays' | 'logMaxFileMb'>>): BotLog {
  // Synchronous writes: questions are few, and a crash must not lose the ones the report is for.
  const file = roll({
    file: path.join(config.logDir, QUESTIONS_LOG),
    ...ROTATION,
    size: `${config.logMaxFileMb ?? DEFAULT_LOG_MAX_FILE_MB}m`,
    limit: { count: config.logRetentionDays ?? DEFAULT_LOG_RETENTION_DAYS, removeOtherLogFiles: true },
    mkdir: true,
    mode: 0o600,
    sync: true,
  })
  const stdout = config.logPretty ? pretty({ colorize: true, sync: true }) : pino.destination({ dest: 1, sync: false })
  // Opening the rotated file is asynchronous: lines are chained on it, so they keep their order.
  const writeQuestion = (line: string) => void file.then((stream) => stream.write(line))
  const streams: pino.StreamEntry[] = [{ level: 'info', stream: { write: (line: string) => isQuestionLine(line) && writeQuestion(line) } }]
  if (config.logLevel !== 'silent') streams.push({ level: config.logLevel, stream: stdout })
  // The logger's own level must let question events (info) through to the file even when stdout is quieter.
  const level = config.logLevel === 'silent' || pino.levels.values[config.logLevel] > pino.levels.values.info ? 'info' : config.logLevel
  const logger = pino({ level, base: undefined }, pino.multistream(streams))
  file.catch((error: Error) => logger.error({ event: 'question-log-failed', err: error }, `cannot write the question log in ${config.logDir}`))
  return {
    logger,
    close: async () => {
      if ('flushSync' in stdout) stdout.flushSync()
      const stream = await file.catch(() => undefined)
      if (!stream) return
      await new Promise<void>((resolve) => {
        stream.once('close', () => resolve())
        stream.end()
      })
    },
  }
}

/** The question log files in `logDir`, oldest first (rotated ones and, if any, a questions.log of older versions). */
export function questionLogFiles(logDir: string): string[] {
  const { name, ext } = path.parse(QUESTIONS_LOG)
  const rotated = new RegExp(`^${name}(?:\\.(\\d{4}-\\d\\d-\\d\\d))?(?:\\.(\\d+))?\\${ext}$`)
  let names: string[]
  try {
    names = readdirSync(logDir)
  } catch {
    return []
  }
  const order = (file: string) => {
    const [, date = '', number = '0'] = rotated.exec(file)!
    return `${date}/${number.padStart(6, '0')}`
  }
  return names
    .filter((file) => rotated.test(file))
    .sort((a, b) => order(a).localeCompare(order(b)))
    .map((file) => path.join(logDir, file))
}

const isQuestionLine = (line: string) => line.includes('"event":"question"')

/** A stable pseudonym for a WeChat id: never log the id itself. */
export function hashId(salt: string, id: string): string {
  return createHash('sha256').update(salt).update('\0').update(id).digest('hex').slice(0, 16)
}

/** Where a question came from (a field of every question event). */
export type ChannelName = 'wechaty' | 'official-account' | 'wecom' | 'web' | 'cli'

/** One line per question: what `npm run report` reads back. */
export interface QuestionEvent {
  event: 'question'
  channel: ChannelName
  /** hashId of the asker */
  user: string
  chat: 'room' | 'private'
  intent: Intent
  answered: boolean
  docIds: string[]
  ms: number
  /** only for unanswered questions (the report's subject), with personal data masked */
  question?: string
}

/** Intents whose text says nothing about what the corpus lacks (an engine error is logged as an error). */
const NOT_REVIEWED: ReadonlySet<Intent> = new Set(['greeting', 'empty', 'help', 'error', 'clarify'])

export function questionEvent(fields: Omit<QuestionEvent, 'event' | 'question'>, text: string): QuestionEvent {
  const reviewed = !fields.answered && !NOT_REVIEWED.has(fields.intent)
  return { event: 'question', ...fields, ...(reviewed ? { question: maskMessage(text) } : {}) }
}
