/**
 * The web console, an HTTP channel on the shared server: for everyone the question page (`/?q=…`),
 * the reply list (`/replies`, filters in the query) and each reply (`/replies/<id>`); for staff
 * (`/admin…`, login from CONSOLE_USER / CONSOLE_PASSWORD) the index status, uploads and ingest,
 * removing a reply, and what residents asked. Server-rendered HTML, every value escaped by `html`.
 * Its routes live in their own fastify scope, so its body parsers, cookies and error page do not
 * touch the other channels.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import fastifyCookie from '@fastify/cookie'
import fastifyFormbody from '@fastify/formbody'
import fastifyMultipart from '@fastify/multipart'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { SUPPORTED_EXTENSIONS } from '../../../index/index.js'
import type { AnswerEngine } from '../../answer/types.js'
import type { BotConfig } from '../../config.js'
import { hashId, questionEvent, questionLogFiles, type Logger } from '../../conversation/log.js'
import { DAY_MS, readQuestions, unansweredQuestions } from '../../conversation/question-log.js'
import { RateLimiter } from '../../conversation/rate-limit.js'
import type { LiveKnowledge } from '../../live-knowledge.js'
import type { HttpChannel } from '../../server.js'
import { StaffAuth, same, token } from './auth.js'
import { perDay } from './chart.js'
import { html, type Html } from './html.js'
import { IngestJob } from './ingest-job.js'
import { page } from './layout.js'
import { askPage, parseHighlight, replyListPage, replyPage, type ReplyFilters } from './public-pages.js'
import { disabledPage, ingestPage, loginPage, questionsPage, statusPage, uploadPage } from './staff-pages.js'
import { UploadRejected, insideFolder, saveUploads, type UploadedFile } from './uploads.js'


export interface WebChannelDeps {
  engine: AnswerEngine
  knowledge: Pick<LiveKnowledge, 'current' | 'refresh'>
  config: Pick<BotConfig, 'corpusDir' | 'indexDir' | 'consoleUser' | 'consolePassword' | 'consoleCookieSecret' | 'uploadMaxMb' | 'uploadMaxFiles' | 'userHashSalt' | 'rateLimitPerMinute'>
  logger: Logger
  /** where the question log's rotated files are (LOG_DIR): the staff pages chart them */
  logDir: string
}

const MAX_QUESTION_CHARS = 500
const SESSION_COOKIE = 'dafu_staff'
const CSRF_COOKIE = 'dafu_csrf'
const DEFAULT_DAYS = 14
const TOP_UNANSWERED = 20
const UPLOAD = '/admin/upload'
const PROGRESS = '/admin/ingest/progress'
const COOKIE = { signed: true, httpOnly: true, sameSite: 'strict', path: '/', secure: 'auto' } as const

/** Only these files are served under /static/, read once: no request path reaches the file system. */
const ASSETS = new Map(
  [
    ['console.css', 'text/css; charset=utf-8'],
    ['console.js', 'text/javascript; charset=utf-8'],
  ].map(([name, type]) => [name, { type, body: readFileSync(new URL(`./assets/${name}`, import.meta.url)) }]),
)

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
}

class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly title: string,
    message: string,
  ) {
    super(message)
  }
}

export function webChannel(deps: WebChannelDeps): HttpChannel {
  return {
    name: 'web',
    register: async (app) => {
      await app.register((scope) => routes(scope, deps))
    },
  }
}

async function routes(app: FastifyInstance, { engine, knowledge, config, logger, logDir }: WebChannelDeps): Promise<void> {
  const auth = new StaffAuth({ user: config.consoleUser, password: config.consolePassword })
  const job = new IngestJob({ corpusDir: config.corpusDir, indexDir: config.indexDir, knowledge, logger })
  const questionLimit = new RateLimiter(config.rateLimitPerMinute)
  await app.register(fastifyCookie, { secret: config.consoleCookieSecret })
  await app.register(fastifyFormbody)
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.uploadMaxMb * 1024 * 1024, files: config.uploadMaxFiles, fields: 4, fieldSize: 1024, parts: config.uploadMaxFiles + 4 },
  })

  app.addHook('onSend', async (_request, reply) => {
    reply.headers(SECURITY_HEADERS)
  })

  const send = (reply: FastifyReply, title: string, main: Html, staff?: { csrf: string }, status = 200) =>
    reply.code(status).type('text/html; charset=utf-8').send(page({ title, main, staff }))

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error instanceof HttpError ? error.statusCode : error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500
    if (status >= 500) logger.error({ event: 'web-error', url: request.url.split('?')[0], err: error }, 'web console error')
    const title = error instanceof HttpError ? error.title : status === 413 ? '内容过大' : status < 500 ? '请求有误' : '出错了'
    const message = error instanceof HttpError ? error.message : status < 500 ? '这个请求无法处理，请返回上一页重试。' : '服务器处理时出了问题，已记录，请稍后再试。'
    return send(reply, title, html`<h1>${title}</h1><p class="card">${message}</p><p><a href="/">返回首页</a></p>`, undefined, status)
  })

  // ---- CSRF: a random token in a signed, httpOnly cookie, repeated in every form; a POST must carry both.
  const csrfToken = (request: FastifyRequest, reply: FastifyReply): string => {
    const existing = unsigned(request, CSRF_COOKIE)
    if (existing) return existing
    const fresh = token()
    reply.setCookie(CSRF_COOKIE, fresh, COOKIE)
    return fresh
  }
  const csrfValid = (request: FastifyRequest, sent: unknown): boolean => {
    const expected = unsigned(request, CSRF_COOKIE)
    return !!expected && typeof sent === 'string' && same(sent, expected)
  }

  /** Starts an ingest and shows its progress page (post/redirect/get: reloading that page posts nothing again). */
  const startIngest = (reply: FastifyReply, reason: string) => reply.redirect(job.start(reason) ? '/admin/ingest' : '/admin/ingest?busy=1', 303)
  const form = (request: FastifyRequest): Record<string, unknown> => (request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {})

  // ---- for everyone
  app.get('/static/:name', async (request, reply) => {
    const asset = ASSETS.get((request.params as { name: string }).name)
    if (!asset) throw notFound()
    return reply.type(asset.type).header('cache-control', 'public, max-age=3600').send(asset.body)
  })

  app.get('/', async (request, reply) => {
    const question = text((request.query as Record<string, unknown>).q)?.slice(0, MAX_QUESTION_CHARS)
    const kb = knowledge.current
    if (!question) return send(reply, '提问', askPage(kb, ''))
    const user = hashId(config.userHashSalt, request.ip)
    // The same per-person limit as the chat channels; a page always answers, so every question over it gets the notice.
    if (questionLimit.take(user) !== 'allow') throw new HttpError(429, '请稍候', '您的提问有点多，请稍等一分钟再问，谢谢理解。')
    const started = performance.now()
    const turn = await engine.respond(question)
    const fields = { channel: 'web' as const, user, chat: 'private' as const, intent: turn.intent, answered: turn.reply.answered, docIds: turn.docIds, ms: Math.round(performance.now() - started) }
    logger.info(questionEvent(fields, question), 'question')
    return send(reply, question, askPage(kb, question, turn))
  })

  app.get('/replies', async (request, reply) => {
    const query = request.query as Record<string, unknown>
    const filters: ReplyFilters = Object.fromEntries(
      (['session', 'year', 'kind', 'unit', 'proposer', 'number', 'title'] as const).map((key) => [key, text(query[key])]),
    )
    return send(reply, '答复目录', replyListPage(knowledge.current, filters))
  })

  app.get('/replies/:id', async (request, reply) => {
    const kb = knowledge.current
    const doc = kb.getDocument((request.params as { id: string }).id)
    if (!doc) throw notFound('没有这份答复，可能已被删除或编号有误。')
    return send(reply, doc.title ?? doc.file, replyPage(kb, doc, parseHighlight((request.query as Record<string, unknown>).hl)))
  })

  // ---- staff
  app.get('/admin/login', async (request, reply) => {
    if (!auth.enabled) return send(reply, '员工页面未启用', disabledPage(), undefined, 403)
    return send(reply, '员工登录', loginPage(csrfToken(request, reply)))
  })

  app.post('/admin/login', async (request, reply) => {
    if (!auth.enabled) return send(reply, '员工页面未启用', disabledPage(), undefined, 403)
    const body = form(request)
    if (!csrfValid(request, body._csrf)) throw CSRF_REJECTED
    const result = auth.login(request.ip, text(body.user) ?? '', typeof body.password === 'string' ? body.password : '')
    if (result.ok) {
      logger.info({ event: 'console-login', client: hashId(config.userHashSalt, request.ip) }, 'staff logged in to the web console')
      reply.setCookie(SESSION_COOKIE, result.session, COOKIE)
      return reply.redirect('/admin', 303)
    }
    logger.warn({ event: 'console-login-failed', client: hashId(config.userHashSalt, request.ip), locked: !!result.lockedUntil }, 'wrong console login')
    const error = result.lockedUntil
      ? `错误次数过多，已暂时锁定，请在 ${new Date(result.lockedUntil).toLocaleTimeString('zh-CN', { hourCycle: 'h23' })} 之后再试。`
      : '用户名或密码不正确。'
    return send(reply, '员工登录', loginPage(csrfToken(request, reply), error), undefined, result.lockedUntil ? 429 : 401)
  })

  app.post('/admin/logout', async (request, reply) => {
    if (!csrfValid(request, form(request)._csrf)) throw CSRF_REJECTED
    auth.logout(unsigned(request, SESSION_COOKIE))
    reply.clearCookie(SESSION_COOKIE, { path: '/' })
    return reply.redirect('/', 303)
  })

  // Every page below needs a staff session; every form below but the upload (whose token comes inside
  // its multipart body, checked before any file is read) needs its CSRF token.
  await app.register(async (admin) => {
    admin.addHook('preHandler', async (request, reply) => {
      if (!auth.enabled) return send(reply, '员工页面未启用', disabledPage(), undefined, 403)
      if (!auth.check(unsigned(request, SESSION_COOKIE))) {
        if (request.method === 'GET' && request.routeOptions.url !== PROGRESS) return reply.redirect('/admin/login', 303)
        throw new HttpError(403, '请先登录', '登录已过期，请重新登录。')
      }
      if (request.method === 'POST' && request.routeOptions.url !== UPLOAD && !csrfValid(request, form(request)._csrf)) throw CSRF_REJECTED
    })
    const session = (request: FastifyRequest, reply: FastifyReply) => ({ csrf: csrfToken(request, reply) })

    admin.get('/admin', async (request, reply) => {
      const kb = knowledge.current
      const known = new Set([...Object.keys(kb.manifest.files), ...kb.manifest.skipped.map((s) => s.file)])
      const pending = corpusFiles(config.corpusDir).filter((file) => !known.has(file))
      const staff = session(request, reply)
      return send(reply, '索引状态', statusPage({ kb, csrf: staff.csrf, job: job.state, pending }), staff)
    })

    const limits = { maxMb: config.uploadMaxMb, maxFiles: config.uploadMaxFiles, extensions: SUPPORTED_EXTENSIONS }
    admin.get(UPLOAD, async (request, reply) => {
      const staff = session(request, reply)
      return send(reply, '上传', uploadPage(staff.csrf, limits), staff)
    })

    admin.post(UPLOAD, async (request, reply) => {
      let saved: string[]
      try {
        saved = await saveUploads(config.corpusDir, await readUpload(request, (sent) => csrfValid(request, sent)))
      } catch (error) {
        if (error === CSRF_REJECTED) throw error
        const code = (error as { code?: string }).code
        const message =
          error instanceof UploadRejected ? error.message
          : code === 'FST_REQ_FILE_TOO_LARGE' ? `文件过大：每个文件不超过 ${limits.maxMb} MB。`
          : code === 'FST_FILES_LIMIT' ? `文件过多：一次最多 ${limits.maxFiles} 个。`
          : undefined
        if (!message) throw error
        const staff = session(request, reply)
        return send(reply, '上传', uploadPage(staff.csrf, limits, `${message}没有保存任何文件。`), staff, error instanceof UploadRejected ? 400 : 413)
      }
      logger.info({ event: 'console-upload', files: saved }, 'files uploaded from the web console')
      return startIngest(reply, `上传 ${saved.join('、')}`)
    })

    admin.post('/admin/ingest', async (_request, reply) => startIngest(reply, '重建索引'))

    admin.get('/admin/ingest', async (request, reply) => {
      const busy = text((request.query as Record<string, unknown>).busy) && '另一次更新正在进行：刚才的改动要等它结束后再点“重建索引”才生效。'
      return send(reply, '更新答复库', ingestPage(job.state, busy), session(request, reply))
    })

    admin.get(PROGRESS, async (_request, reply) => {
      const { running, ok, done, total, message, result } = job.state
      return reply.header('cache-control', 'no-store').send({ running, ok, done, total, message, result, build: knowledge.current.buildId })
    })

    admin.post('/admin/replies/:id/remove', async (request, reply) => {
      const doc = knowledge.current.getDocument((request.params as { id: string }).id)
      if (!doc) throw notFound('没有这份答复，可能已被删除。')
      await rm(insideFolder(config.corpusDir, doc.file), { force: true })
      logger.info({ event: 'console-remove', file: doc.file }, 'reply removed from the web console')
      return startIngest(reply, `删除 ${doc.file}`)
    })

    admin.get('/admin/questions', async (request, reply) => {
      const asked = Number(text((request.query as Record<string, unknown>).days))
      const days = Number.isInteger(asked) && asked >= 1 && asked <= 366 ? asked : DEFAULT_DAYS
      const events = await readQuestions(questionLogFiles(logDir), Date.now() - days * DAY_MS)
      return send(reply, '居民提问', questionsPage(days, perDay(events, days), unansweredQuestions(events), TOP_UNANSWERED), session(request, reply))
    })
  })

  // Any other address: a page, not fastify's JSON 404 (static routes of other channels still win over this one).
  app.get('/*', async () => {
    throw notFound()
  })
}

const CSRF_REJECTED = new HttpError(403, '表单已过期', '表单已过期或来源不明（CSRF 校验失败）。请返回、刷新页面后重新提交。')
const notFound = (message = '没有这个页面。') => new HttpError(404, '找不到', message)

/** A query or form value as one trimmed string (repeated keys and empty values are ignored). */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined
}

function unsigned(request: FastifyRequest, name: string): string | undefined {
  const cookie = request.cookies[name]
  if (!cookie) return undefined
  const result = request.unsignCookie(cookie)
  return result.valid && result.value ? result.value : undefined
}

/** The upload's files; the CSRF field must come first (the form puts it first), so no file is read for a forged request. */
async function readUpload(request: FastifyRequest, csrfValid: (sent: unknown) => boolean): Promise<UploadedFile[]> {
  const files: UploadedFile[] = []
  let verified = false
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (part.fieldname === '_csrf') verified = csrfValid(part.value)
      continue
    }
    if (!verified) throw CSRF_REJECTED
    const bytes = await part.toBuffer()
    if (part.filename) files.push({ original: part.filename, bytes })
  }
  if (!verified) throw CSRF_REJECTED
  return files
}

function corpusFiles(corpusDir: string): string[] {
  try {
    return readdirSync(corpusDir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort()
  } catch {
    return []
  }
}
