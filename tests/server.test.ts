/** The shared HTTP server: /healthz says whether the bot can answer (`npm start` itself: system/start.test.ts). */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import pino from 'pino'
import { startHttpServer } from '../bot/server.js'

test('/healthz is 503 until the knowledge base is loaded, then 200; channel routes wait too', async () => {
  let ready = false
  const channel = { name: 'probe', register: (app: import('fastify').FastifyInstance) => void app.get('/probe', async () => 'answered') }
  const server = await startHttpServer({ port: 0, host: '127.0.0.1', channels: [channel], ready: () => ready, logger: pino({ level: 'silent' }) })
  try {
    assert.equal((await fetch(`${server.url}/healthz`)).status, 503)
    assert.equal((await fetch(`${server.url}/probe`)).status, 503)
    ready = true
    const health = await fetch(`${server.url}/healthz`)
    assert.equal(health.status, 200)
    assert.deepEqual(((await health.json()) as { ok: boolean; channels: string[] }).channels, ['probe'])
    assert.equal(await (await fetch(`${server.url}/probe`)).text(), 'answered')
  } finally {
    await server.close()
  }
})
