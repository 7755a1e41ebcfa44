/**
 * The bot's one logger (pino): JSON lines on stdout at LOG_LEVEL (pretty only with LOG_PRETTY=1), and
 * the question events, whatever LOG_LEVEL, appended to `LOG_DIR/questions.log` for `npm run report`.
 * Also the privacy rules of what is logged: users appear only as salted hashes, and question text
 * (kept only for unanswered questions) has phone-number-like digit runs masked.
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import pino, { type Logger } from 'pino'
import pretty from 'pino-pretty'
import type { BotConfig } from '../config.js'
import type { Intent } from '../answer/types.js'

export type { Logger }
export const QUESTIONS_LOG = 'questions.log'

export interface BotLog {
  logger: Logger
  questionsFile: string
  /** writes out what stdout has buffered and closes the file; call once, before exit */
  close(): Promise<void>
}

export function createLog(config: Pick<BotConfig, 'logLevel' | 'logPretty' | 'logDir'>): BotLog {
  const questionsFile = path.join(config.logDir, QUESTIONS_LOG)
  // Synchronous: questions are few, and a crash must not lose the ones the report is for.
  const file = pino.destination({ dest: questionsFile, mkdir: true, append: true, sync: true })
  const stdout = config.logPretty ? pretty({ colorize: true, sync: true }) : pino.destination({ dest: 1, sync: false })
  const streams: pino.StreamEntry[] = [{ level: 'info', stream: { write: (line: string) => isQuestionLine(line) && file.write(line) } }]
  if (config.logLevel !== 'silent') streams.push({ level: config.logLevel, stream: stdout })
  // The logger's own level must let question events (info) through to the file even when stdout is quieter.
  const level = config.logLevel === 'silent' || pino.levels.values[config.logLevel] > pino.levels.values.info ? 'info' : config.logLevel
  const logger = pino({ level, base: undefined }, pino.multistream(streams))
  return {
    logger,
    questionsFile,
    close: () => {
      if ('flushSync' in stdout) stdout.flushSync()
      return new Promise<void>((resolve) => {
        file.once('close', () => resolve())
        file.end()
      })
    },
  }
}

const isQuestionLine = (line: string) => line.includes('"event":"question"')

/** A stable pseudonym for a WeChat id: never log the id itself. */
export function hashId(salt: string, id: string): string {
  return createHash('sha256').update(salt).update('\0').update(id).digest('hex').slice(0, 16)
}

/**
 * Masks digit runs that could be a phone or id number: 7 or more digits, possibly in groups of 3+
 * joined by a space or hyphen (138 1234 5678, 021-62290000). Proposal numbers such as 15-2-152068
 * keep their short groups and stay readable.
 */
export function maskNumbers(text: string): string {
  return text.replace(/(?<!\d)\d{3,}(?:[ -]\d{3,})*(?!\d)/g, (run) => (run.replace(/\D/g, '').length >= 7 ? '[号码]' : run))
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
  /** only for unanswered questions (the report's subject), with numbers masked */
  question?: string
}

/** Intents whose text says nothing about what the corpus lacks (an engine error is logged as an error). */
const NOT_REVIEWED: ReadonlySet<Intent> = new Set(['greeting', 'empty', 'help', 'error', 'clarify'])

export function questionEvent(fields: Omit<QuestionEvent, 'event' | 'question'>, text: string): QuestionEvent {
  const reviewed = !fields.answered && !NOT_REVIEWED.has(fields.intent)
  return { event: 'question', ...fields, ...(reviewed ? { question: maskNumbers(text) } : {}) }
}
