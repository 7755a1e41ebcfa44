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

/** The channels `npm start` can run (CHANNELS, comma-separated). */
export const CHANNEL_NAMES = ['wechaty', 'official-account', 'wecom', 'web'] as const
export type StartableChannel = (typeof CHANNEL_NAMES)[number]

export interface BotConfig {
  /** channels to start; webhook channels share one HTTP server on `port` */
  channels: readonly StartableChannel[]
  port: number
  host: string
  indexDir: string
  corpusDir: string
  /** wechaty puppet module name, e.g. wechaty-puppet-wechat4u or wechaty-puppet-service */
  puppet: string
  /** token of a service puppet (wechaty-puppet-service, padlocal); unused by wechat4u */
  puppetToken?: string
  /** WeChat contact ids allowed to run #刷新 and #状态 */
  adminIds: readonly string[]
  rateLimitPerMinute: number
  /** per recipient: the least time between two messages to one person or group */
  sendIntervalMs: number
  /** per channel account: at most this many messages started per second, all recipients together */
  sendRatePerSecond: number
  /** per channel account: replies waiting beyond this are refused (and logged) instead of queued */
  sendQueueMax: number
  /** a reply whose message arrived longer ago than this is dropped (and logged), not sent late */
  replyMaxAgeSeconds: number
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
  /** Official Account (公众号): Token, EncodingAESKey (safe/compatible mode), AppID and AppSecret (customer-service messages) */
  mpToken?: string
  mpAesKey?: string
  mpAppId?: string
  mpAppSecret?: string
  mpApiBase: string
  /** WeCom (企业微信) self-built app: callback Token and EncodingAESKey, CorpID, AgentId and the app's Secret */
  wecomToken?: string
  wecomAesKey?: string
  wecomCorpId?: string
  wecomAgentId?: number
  wecomSecret?: string
  wecomApiBase: string
  /** wechaty's memory card, where a web puppet keeps its login across restarts: session cookies, keep it private */
  sessionFile: string
  /** web console staff login (CONSOLE_USER / CONSOLE_PASSWORD); staff pages are disabled unless both are set */
  consoleUser?: string
  consolePassword?: string
  /** signs the console's cookies; random per process when unset (staff then log in again after a restart) */
  consoleCookieSecret: string
  /** per uploaded file, and files per upload */
  uploadMaxMb: number
  uploadMaxFiles: number
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

  const optional = (key: string) => text(key, '') || undefined
  const aesKey = (key: string) => {
    const value = optional(key)
    // 43 characters of base64: the 32-byte AES key without its trailing '='.
    if (value && !/^[A-Za-z0-9+/]{43}$/.test(value)) problems.push(`${key}: expected the 43-character EncodingAESKey from the admin console`)
    return value
  }
  const channels = text('CHANNELS', 'wechaty').split(/[,，\s]+/).filter(Boolean)
  for (const name of channels) {
    if (!(CHANNEL_NAMES as readonly string[]).includes(name)) problems.push(`CHANNELS=${name}: expected some of ${CHANNEL_NAMES.join(', ')}`)
  }

  const logLevel = text('LOG_LEVEL', 'info').toLowerCase()
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) problems.push(`LOG_LEVEL=${logLevel}: expected one of ${LOG_LEVELS.join(', ')}`)
  const salt = text('USER_HASH_SALT', '')

  const config: BotConfig = {
    channels: [...new Set(channels)] as StartableChannel[],
    port: integer('PORT', 8080, 0),
    host: text('HOST', '0.0.0.0'),
    indexDir: path.resolve(text('INDEX_DIR', DEFAULT_INDEX_DIR)),
    corpusDir: path.resolve(text('CORPUS_DIR', DEFAULT_CORPUS_DIR)),
    puppet: text('WECHATY_PUPPET', 'wechaty-puppet-wechat4u'),
    puppetToken: text('WECHATY_PUPPET_SERVICE_TOKEN', '') || undefined,
    adminIds: text('ADMIN_IDS', '').split(/[,，\s]+/).filter(Boolean),
    rateLimitPerMinute: integer('RATE_LIMIT_PER_MINUTE', 10, 1),
    sendIntervalMs: integer('SEND_INTERVAL_MS', 1000, 0),
    sendRatePerSecond: integer('SEND_RATE_PER_SECOND', 5, 1),
    sendQueueMax: integer('SEND_QUEUE_MAX', 2000, 1),
    replyMaxAgeSeconds: integer('REPLY_MAX_AGE_SECONDS', 120, 1),
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
    mpToken: optional('MP_TOKEN'),
    mpAesKey: aesKey('MP_AES_KEY'),
    mpAppId: optional('MP_APP_ID'),
    mpAppSecret: optional('MP_APP_SECRET'),
    mpApiBase: text('MP_API_BASE', 'https://api.weixin.qq.com').replace(/\/+$/, ''),
    wecomToken: optional('WECOM_TOKEN'),
    wecomAesKey: aesKey('WECOM_AES_KEY'),
    wecomCorpId: optional('WECOM_CORP_ID'),
    wecomAgentId: env.WECOM_AGENT_ID?.trim() ? integer('WECOM_AGENT_ID', 0, 1) : undefined,
    wecomSecret: optional('WECOM_SECRET'),
    wecomApiBase: text('WECOM_API_BASE', 'https://qyapi.weixin.qq.com').replace(/\/+$/, ''),
    sessionFile: path.resolve(text('WECHATY_NAME', path.join(STATE_DIR, 'wechat-session'))),
    consoleUser: text('CONSOLE_USER', '') || undefined,
    consolePassword: env.CONSOLE_PASSWORD || undefined,
    consoleCookieSecret: text('CONSOLE_COOKIE_SECRET', '') || randomBytes(32).toString('hex'),
    uploadMaxMb: integer('UPLOAD_MAX_MB', 20, 1),
    uploadMaxFiles: integer('UPLOAD_MAX_FILES', 10, 1),
    ...overrides,
  }
  problems.push(...missingForChannels(config))
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`)
  return Object.freeze({ ...config, adminIds: Object.freeze([...config.adminIds]), channels: Object.freeze([...config.channels]) })
}

/** What a chosen channel cannot run without: named, so the start fails with the keys to set. */
function missingForChannels(config: BotConfig): string[] {
  const missing = (channel: string, keys: Record<string, unknown>) =>
    Object.entries(keys)
      .filter(([, value]) => value === undefined)
      .map(([key]) => `${key} is required for CHANNELS=${channel}`)
  const problems: string[] = []
  if (config.channels.includes('official-account')) {
    problems.push(...missing('official-account', { MP_TOKEN: config.mpToken }))
    // The AppID is what a safe-mode message is encrypted for.
    if (config.mpAesKey) problems.push(...missing('official-account with MP_AES_KEY', { MP_APP_ID: config.mpAppId }))
    if (config.mpAppSecret) problems.push(...missing('official-account with MP_APP_SECRET', { MP_APP_ID: config.mpAppId }))
  }
  if (config.channels.includes('wecom')) {
    problems.push(...missing('wecom', { WECOM_TOKEN: config.wecomToken, WECOM_AES_KEY: config.wecomAesKey, WECOM_CORP_ID: config.wecomCorpId, WECOM_AGENT_ID: config.wecomAgentId, WECOM_SECRET: config.wecomSecret }))
  }
  return problems
}
