/**
 * The one HTTP server of the webhook channels (Official Account, WeCom, and the web console): fastify,
 * with each channel registering its own routes, and `GET /healthz` for the supervisor or load
 * balancer — 200 once the knowledge base is loaded, 503 before (and while shutting down). Until then
 * the channels' routes answer 503 too, so WeChat retries rather than getting a half-started bot.
 */
import Fastify, { type FastifyInstance } from 'fastify'
import type { Logger } from './conversation/log.js'

/** A channel served over HTTP: registers its routes on the shared fastify app. */
export interface HttpChannel {
  name: string
  register(app: FastifyInstance): Promise<void> | void
}

export interface HttpServerOptions {
  port: number
  host?: string
  channels: HttpChannel[]
  ready: () => boolean
  logger: Logger
}

export async function startHttpServer({ port, host = '0.0.0.0', channels, ready, logger }: HttpServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  // fastify's own request logging would log query strings, which carry openids: requests are logged by the channels.
  const app = Fastify({ logger: false, return503OnClosing: true })
  const startedAt = Date.now()
  app.addHook('onRequest', async (request, reply) => {
    if (!ready() && request.url !== '/healthz') return reply.code(503).send({ ok: false, reason: 'starting' })
  })
  app.get('/healthz', async (_request, reply) =>
    reply.code(ready() ? 200 : 503).send({ ok: ready(), channels: channels.map((channel) => channel.name), uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) }),
  )
  // Before the channels register, so that their scopes inherit it: 4xx as fastify or a channel set it, else 500.
  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500
    if (status === 500) logger.error({ event: 'http-error', err: error }, 'request failed')
    else logger.info({ event: 'http-refused', status, reason: error.message }, 'request refused')
    return reply.code(status).send(status === 500 ? 'internal error' : error.message)
  })
  for (const channel of channels) await channel.register(app)
  await app.listen({ port, host })
  const address = app.server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  const url = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${actualPort}`
  logger.info({ event: 'http-listen', url, channels: channels.map((channel) => channel.name) }, 'HTTP server listening')
  return { url, close: () => app.close() }
}
