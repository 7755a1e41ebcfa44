/**
 * `npm start`: the bot on the channels CHANNELS names (default wechaty). Reads the configuration
 * (environment, or `.env`); for webhook channels (official-account, wecom) starts one HTTP server on
 * PORT first — /healthz says 503 until the knowledge base is loaded — and prints its URL; builds the
 * index from the corpus when there is none yet and serves it live (a new ingest is picked up without
 * a restart); then starts wechaty if chosen. Every channel talks through one conversation layer over
 * one knowledge base. SIGINT/SIGTERM stop it cleanly with exit code 0; a login that cannot happen or a
 * failed start exits with 1 and a message that says why.
 */
import { IndexMissing, ingestInChildProcess } from '../index/index.js'
import { ConfigError, loadConfig, loadEnvFile, type BotConfig } from './config.js'
import { createAnswerEngine } from './answer/engine.js'
import { LiveKnowledge } from './live-knowledge.js'
import { createLog } from './conversation/log.js'
import { Conversation } from './conversation/conversation.js'
import type { BotHandle } from './channels/wechaty/bot.js'
import { MP_PATH, officialAccountChannel } from './channels/official-account/index.js'
import { WECOM_PATH, wecomChannel } from './channels/wecom/index.js'
import { webChannel } from './channels/web/index.js'
import { startHttpServer } from './server.js'

/** Past this, a shutdown that hangs (a puppet that never stops) is cut short. */
const SHUTDOWN_TIMEOUT_MS = 20_000
/** A failed start has nothing to drain: it only closes the log, and never waits longer than this. */
const FAILED_START_EXIT_MS = 2_000

let config: Readonly<BotConfig>
try {
  loadEnvFile()
  config = loadConfig()
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `cannot read the configuration: ${(error as Error).message}`)
  process.exit(1)
}

const log = createLog(config)
const { logger } = log
if (config.userHashSaltIsRandom) logger.warn({ event: 'config' }, 'USER_HASH_SALT is not set: user hashes in the logs change at every start')

let live: LiveKnowledge | undefined
let bot: BotHandle | undefined
let http: { url: string; close(): Promise<void> } | undefined
let exiting = false

// The knowledge base is opened after the HTTP server is up: until then these throw, and the server answers 503.
const served = () => {
  if (!live) throw new Error('the knowledge base is not loaded yet')
  return live
}
const engine = createAnswerEngine(() => served().current, { onError: (err) => logger.error({ event: 'engine-error', err }, 'answer failed') })
const knowledge = { get current() { return served().current }, refresh: () => served().refresh() }
const conversation = new Conversation({ config, engine, knowledge, logger })
const webhooks = [
  ...(config.channels.includes('official-account') ? [officialAccountChannel({ config, conversation, logger })] : []),
  ...(config.channels.includes('wecom') ? [wecomChannel({ config, conversation, logger })] : []),
]
const webConsole = config.channels.includes('web') ? webChannel({ engine, knowledge, config, logger, logDir: config.logDir }) : undefined
const httpChannels = [...webhooks, ...(webConsole ? [webConsole] : [])]

async function shutdown(code: number, reason: string): Promise<void> {
  if (exiting) {
    // A second Ctrl-C: the operator does not want to wait.
    process.exit(code || 1)
  }
  exiting = true
  logger.info({ event: 'shutdown', reason }, 'shutting down')
  setTimeout(() => process.exit(code || 1), SHUTDOWN_TIMEOUT_MS).unref()
  try {
    await http?.close()
    await bot?.stop()
    await conversation.idle()
    await Promise.all(webhooks.map((channel) => channel.flush()))
  } catch (error) {
    logger.error({ event: 'shutdown-failed', err: error }, 'error while stopping')
  }
  live?.close()
  await log.close()
  process.exit(code)
}

async function openKnowledge(): Promise<LiveKnowledge> {
  try {
    return await LiveKnowledge.open(config.indexDir, { logger })
  } catch (error) {
    if (!(error instanceof IndexMissing)) throw error
    // No build yet, or only a damaged one with no good one to fall back on (IndexDamaged names the file).
    console.log(`${error.situation}: building the index from ${config.corpusDir} …`)
  }
  const summary = await ingestInChildProcess({ corpusDir: config.corpusDir, indexDir: config.indexDir })
  const skipped = summary.skipped.map(({ file, reason }) => `\n  skipped ${file}: ${reason}`).join('')
  if (!summary.published) throw new Error(`nothing could be indexed in ${config.corpusDir}${skipped}`)
  console.log(`indexed ${summary.documents} documents, ${summary.chunks} chunks in ${summary.seconds} s (build ${summary.buildId})${skipped}`)
  return LiveKnowledge.open(config.indexDir, { logger })
}

/**
 * A start that cannot succeed (no network, a wrong token, no index): one clear message, in the log and
 * on stderr, and exit 1 at once; the stack trace only at LOG_LEVEL=debug. Not logged in, nothing is
 * queued, so there is no graceful stop to wait for (a broken puppet's stop may itself hang).
 */
async function failStart(event: string, message: string, error: unknown): Promise<void> {
  if (exiting) return
  exiting = true
  setTimeout(() => process.exit(1), FAILED_START_EXIT_MS).unref()
  logger.debug({ event, err: error }, message)
  logger.fatal({ event }, message)
  console.error(message)
  live?.close()
  await log.close()
  process.exit(1)
}

process.on('SIGINT', () => void shutdown(0, 'SIGINT'))
process.on('SIGTERM', () => void shutdown(0, 'SIGTERM'))
// A stray rejection deep in a puppet must not take the bot down; once started, it is logged like any
// other error. Before that (a service puppet that cannot resolve its token rejects inside wechaty-token)
// and while a failed start exits, only at debug: the one message that matters comes from failStart.
process.on('unhandledRejection', (reason) => logger[bot && !exiting ? 'error' : 'debug']({ event: 'unhandled-rejection', err: reason }, 'unhandled rejection'))

try {
  if (httpChannels.length > 0) {
    http = await startHttpServer({ port: config.port, host: config.host, channels: httpChannels, ready: () => !!live && !exiting, logger })
    const PATHS: Record<string, string> = { wecom: WECOM_PATH, 'official-account': MP_PATH, web: '/' }
    const paths = httpChannels.map((channel) => `${channel.name}: ${http!.url}${PATHS[channel.name] ?? ''}`)
    console.log(`答复助手 listening on ${http.url} — ${paths.join(', ')}, health: ${http.url}/healthz`)
  }
  live = await openKnowledge()
  if (config.channels.includes('wechaty')) {
    // wechaty takes ~2 s of CPU to import: a bot on the webhook channels alone does not pay it
    const { startBot } = await import('./channels/wechaty/bot.js')
    bot = await startBot({ config, engine, knowledge: live, logger, conversation })
    bot.failed.catch((error: Error) => failStart('login-failed', error.message, error))
  }
  logger.info({ event: 'ready', channels: config.channels }, 'answering')
} catch (error) {
  await failStart('start-failed', `答复助手 cannot start: ${(error as Error).message}`, error)
}
