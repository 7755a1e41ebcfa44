/**
 * The bot's configuration: the one place that reads the environment. Every key has a default except
 * the secrets; a bad value stops the start with a message naming the key, instead of a bot that
 * misbehaves later.
 */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { DEFAULT_CORPUS_DIR, DEFAULT_INDEX_DIR, PROJECT_ROOT, STATE_DIR } from '../index/index.js'

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

export interface BotConfig {
  indexDir: string
  corpusDir: string
  /** wechaty puppet module name, e.g. wechaty-puppet-wechat4u or wechaty-puppet-service */
  puppet: string
  /** token of a service puppet (wechaty-puppet-service, padlocal); unused by wechat4u */
  puppetToken?: string
  /** WeChat contact ids allowed to run #刷新 and #状态 */
  adminIds: readonly string[]
  rateLimitPerMinute: number
  sendIntervalMs: number
  maxMessageChars: number
  sessionIdleMinutes: number
  sessionMax: number
  /** a group message starting with this word is answered as if the bot were @-mentioned */
  groupKeyword: string
  /** how long to wait for a login QR code or a login before giving up (no network, bad token) */
  loginWaitSeconds: number
  logLevel: LogLevel
  logPretty: boolean
  logDir: string
  /** question log files (one a day) kept before the oldest is removed */
  logRetentionDays: number
  /** a day's question log continues in a new file past this size: retention × this bounds the disk used */
  logMaxFileMb: number
  /** salts the hashed user ids in the logs; random per process when unset (hashes then change at each start) */
  userHashSalt: string
  userHashSaltIsRandom: boolean
  /** wechaty's memory card, where a web puppet keeps its login across restarts: session cookies, keep it private */
  sessionFile: string
}

/** how many days of question log are kept (LOG_RETENTION_DAYS) */
export const DEFAULT_LOG_RETENTION_DAYS = 30
export const DEFAULT_LOG_MAX_FILE_MB = 20

export class ConfigError extends Error {}

/** Loads `.env` from the project root into process.env, when there is one (real env vars win). */
export function loadEnvFile(file = path.join(PROJECT_ROOT, '.env')): void {
  if (existsSync(file)) process.loadEnvFile(file)
}

/** The configuration from `env` (process.env by default), with `overrides` on top: tests pass both. */
export function loadConfig(overrides: Partial<BotConfig> = {}, env: NodeJS.ProcessEnv = process.env): Readonly<BotConfig> {
  const problems: string[] = []
  const text = (key: string, fallback: string) => env[key]?.trim() || fallback
  const integer = (key: string, fallback: number, min: number) => {
    const raw = env[key]?.trim()
    if (!raw) return fallback
    const value = Number(raw)
    if (Number.isInteger(value) && value >= min) return value
    problems.push(`${key}=${raw}: expected a whole number ≥ ${min}`)
    return fallback
  }
  const flag = (key: string) => ['1', 'true', 'yes'].includes(text(key, '').toLowerCase())

  const logLevel = text('LOG_LEVEL', 'info').toLowerCase()
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) problems.push(`LOG_LEVEL=${logLevel}: expected one of ${LOG_LEVELS.join(', ')}`)
  const salt = text('USER_HASH_SALT', '')

  const config: BotConfig = {
    indexDir: path.resolve(text('INDEX_DIR', DEFAULT_INDEX_DIR)),
    corpusDir: path.resolve(text('CORPUS_DIR', DEFAULT_CORPUS_DIR)),
    puppet: text('WECHATY_PUPPET', 'wechaty-puppet-wechat4u'),
    puppetToken: text('WECHATY_PUPPET_SERVICE_TOKEN', '') || undefined,
    adminIds: text('ADMIN_IDS', '').split(/[,，\s]+/).filter(Boolean),
    rateLimitPerMinute: integer('RATE_LIMIT_PER_MINUTE', 10, 1),
    sendIntervalMs: integer('SEND_INTERVAL_MS', 1000, 0),
    maxMessageChars: integer('MAX_MESSAGE_CHARS', 1500, 200),
    sessionIdleMinutes: integer('SESSION_IDLE_MINUTES', 30, 1),
    sessionMax: integer('SESSION_MAX', 5000, 1),
    groupKeyword: text('GROUP_KEYWORD', '答复助手'),
    loginWaitSeconds: integer('LOGIN_WAIT_SECONDS', 60, 5),
    logLevel: logLevel as LogLevel,
    logPretty: flag('LOG_PRETTY'),
    logDir: path.resolve(text('LOG_DIR', path.join(STATE_DIR, 'log'))),
    logRetentionDays: integer('LOG_RETENTION_DAYS', DEFAULT_LOG_RETENTION_DAYS, 1),
    logMaxFileMb: integer('LOG_MAX_FILE_MB', DEFAULT_LOG_MAX_FILE_MB, 1),
    userHashSalt: salt || randomBytes(16).toString('hex'),
    userHashSaltIsRandom: !salt,
    sessionFile: path.resolve(text('WECHATY_NAME', path.join(STATE_DIR, 'wechat-session'))),
    ...overrides,
  }
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`)
  return Object.freeze({ ...config, adminIds: Object.freeze([...config.adminIds]) })
}
