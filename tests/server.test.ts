/**
 * The shared HTTP server and `npm start` with a webhook channel: /healthz says whether the bot can
 * answer, and a signed plaintext message posted to a started bot (the README's curl line) is answered.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import pino from 'pino'
import { parseXml } from '../bot/channels/callback/xml.js'
import { startHttpServer } from '../bot/server.js'
import { PROJECT_ROOT } from '../index/index.js'
import { evalIndex } from './eval/corpus-index.js'
import { signedQuery, textMessage } from './support/wechat-callback.js'

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

test('npm start with CHANNELS=official-account and only MP_TOKEN: prints its URL, answers a signed message, stops on SIGTERM', { timeout: 120_000 }, async () => {
  const indexDir = await evalIndex()
  const logDir = mkdtempSync(path.join(tmpdir(), 'dafu-main-'))
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, CHANNELS: 'official-account', MP_TOKEN: 'curl-token', PORT: '0', HOST: '127.0.0.1', INDEX_DIR: indexDir, LOG_DIR: logDir, LOG_LEVEL: 'info', USER_HASH_SALT: 'x' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stdout += chunk))
  const exited = once(child, 'exit').then(([code]) => code as number)
  try {
    const deadline = Date.now() + 90_000
    while (!stdout.includes('"event":"ready"')) {
      assert.equal(child.exitCode, null, `npm start exited: ${stdout}`)
      assert.ok(Date.now() < deadline, `no start: ${stdout}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const url = /official-account: (http:\/\/127\.0\.0\.1:\d+\/wechat\/mp)/.exec(stdout)?.[1]
    assert.ok(url, `the URL is printed: ${stdout}`)
    assert.equal((await fetch(new URL('/healthz', url))).status, 200)
    const response = await fetch(`${url}${signedQuery('curl-token')}`, { method: 'POST', body: textMessage('oCURL', '你好') })
    assert.equal(response.status, 200)
    assert.match(parseXml(await response.text()).Content, /答复助手/)
    child.kill('SIGTERM')
    assert.equal(await exited, 0)
  } finally {
    child.kill('SIGKILL')
    rmSync(logDir, { recursive: true, force: true })
  }
})
