/**
 * The web console for tests: a small copy of corpus/ in a temporary folder, indexed by the real
 * ingest, served live, behind a bare fastify app on 127.0.0.1 (the shared server is another channel's).
 * Also a tiny browser-like HTTP client that keeps cookies and reads a page's CSRF token.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Fastify from 'fastify'
import { createAnswerEngine } from '../../bot/answer/engine.js'
import type { AnswerEngine } from '../../bot/answer/types.js'
import { loadConfig, type BotConfig } from '../../bot/config.js'
import { createLog, type BotLog } from '../../bot/conversation/log.js'
import { webChannel } from '../../bot/channels/web/index.js'
import { LiveKnowledge } from '../../bot/live-knowledge.js'
import { DEFAULT_CORPUS_DIR, ingest } from '../../index/index.js'

/** A few replies: one with every field (contact, date, unit), others lacking some, from different units. */
export const CONSOLE_CORPUS = [
  'changning-cppcc-15-3-084-reply.txt',
  '015_shanghai_bgt_zx14-1-0286_yiwangtongguan.txt',
  '024_changning_jianguanwei_minjian_chengshigengxin.txt',
]
/** an empty file: ingest skips it, and the status page must say why */
export const SKIPPED_FILE = 'empty.txt'
export const STAFF = { user: 'staff', password: 'correct horse battery staple' }

export interface ConsoleWorld {
  root: string
  corpusDir: string
  indexDir: string
  live: LiveKnowledge
  engine: AnswerEngine
  log: BotLog
  /** where the question log is written */
  logDir: string
  /** a console on its own port with `overrides` on the shared knowledge base (fresh login state each) */
  serve(overrides?: Partial<BotConfig>): Promise<string>
  close(): Promise<void>
}

export async function consoleWorld(): Promise<ConsoleWorld> {
  const root = mkdtempSync(path.join(tmpdir(), 'dafu-web-'))
  const corpusDir = path.join(root, 'corpus')
  const indexDir = path.join(root, 'index')
  mkdirSync(corpusDir)
  for (const file of CONSOLE_CORPUS) copyFileSync(path.join(DEFAULT_CORPUS_DIR, file), path.join(corpusDir, file))
  writeFileSync(path.join(corpusDir, SKIPPED_FILE), '')
  await ingest({ corpusDir, indexDir })
  const logDir = path.join(root, 'log')
  const log = createLog({ logLevel: 'silent', logPretty: false, logDir })
  const live = await LiveKnowledge.open(indexDir, { logger: log.logger, debounceMs: 50 })
  const engine = createAnswerEngine(live.get)
  const apps: ReturnType<typeof Fastify>[] = []
  return {
    root,
    corpusDir,
    indexDir,
    live,
    engine,
    log,
    logDir,
    async serve(overrides = {}) {
      const config = loadConfig({ indexDir, corpusDir, consoleUser: STAFF.user, consolePassword: STAFF.password, userHashSalt: 'test salt', ...overrides }, {})
      const app = Fastify()
      await webChannel({ engine, knowledge: live, config, logger: log.logger, logDir }).register(app)
      apps.push(app)
      return app.listen({ host: '127.0.0.1', port: 0 })
    },
    async close() {
      await Promise.all(apps.map((app) => app.close()))
      live.close()
      await log.close()
      rmSync(root, { recursive: true, force: true })
    },
  }
}

/** fetch with a cookie jar; never follows redirects, so tests see them. */
export class Client {
  private readonly cookies = new Map<string, string>()

  constructor(readonly base: string) {}

  async request(pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '))
    const response = await fetch(new URL(pathname, this.base), { ...init, headers, redirect: 'manual' })
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const at = pair.indexOf('=')
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)]
      if (value && !/max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.set(name, value)
      else this.cookies.delete(name)
    }
    return response
  }

  async page(pathname: string): Promise<{ status: number; body: string }> {
    const response = await this.request(pathname)
    return { status: response.status, body: await response.text() }
  }

  /** Posts a urlencoded form, with the CSRF token of `formPage` unless `fields._csrf` is given. */
  async post(pathname: string, fields: Record<string, string>, formPage = '/admin'): Promise<Response> {
    const body = new URLSearchParams({ _csrf: await this.csrf(formPage), ...fields })
    return this.request(pathname, { method: 'POST', body })
  }

  async csrf(formPage: string): Promise<string> {
    const { body } = await this.page(formPage)
    const match = /name="_csrf" value="([^"]+)"/.exec(body)
    if (!match) throw new Error(`no CSRF token on ${formPage}`)
    return match[1]
  }

  async login(user = STAFF.user, password = STAFF.password): Promise<Response> {
    return this.post('/admin/login', { user, password }, '/admin/login')
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name)
  }
}

/** Polls the progress endpoint until the console's ingest has ended; returns its last state. */
export async function ingestEnded(client: Client, timeoutMs = 120_000): Promise<{ running: boolean; ok?: boolean; result?: string; build: string }> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const state = await (await client.request('/admin/ingest/progress')).json()
    if (!state.running) return state
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('the ingest did not end in time')
}
