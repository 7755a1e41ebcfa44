/**
 * `npm start` as a process: the mock puppet named in the environment like any other puppet, a webhook
 * channel on a free port, over an index built from the fixture corpus.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { parseXml } from '../../bot/channels/callback/xml.js'
import { PROJECT_ROOT, ingest } from '../../index/index.js'
import { fixtureCorpus } from '../support/corpus-index.js'
import { signedQuery, textMessage } from '../support/wechat-callback.js'

const { corpusDir, indexDir } = fixtureCorpus()
const root = path.dirname(corpusDir)

before(() => ingest({ corpusDir, indexDir }), { timeout: 180_000 })
after(() => rmSync(root, { recursive: true, force: true }))

function startMain(name: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env, WECHATY_PUPPET: 'wechaty-puppet-mock', INDEX_DIR: indexDir, CORPUS_DIR: corpusDir, LOG_DIR: path.join(root, name, 'log'),
      WECHATY_NAME: path.join(root, name, 'session'), LOG_LEVEL: 'info', WECHATY_LOG: 'silent', USER_HASH_SALT: 'x', ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const exited = once(child, 'exit').then(([code]) => code as number)
  const until = async (what: string, done: () => boolean) => {
    for (const deadline = Date.now() + 90_000; !done(); await new Promise((resolve) => setTimeout(resolve, 100))) {
      assert.equal(child.exitCode, null, `npm start exited before ${what}: ${stdout}${stderr}`)
      assert.ok(Date.now() < deadline, `no ${what}: ${stdout}${stderr}`)
    }
  }
  return { child, exited, until, output: () => ({ stdout, stderr }) }
}

test('npm start stops cleanly with exit code 0 on SIGTERM', { timeout: 120_000 }, async () => {
  const main = startMain('sigterm', {})
  await main.until('start', () => main.output().stdout.includes('"event":"start"'))
  main.child.kill('SIGTERM')
  assert.equal(await main.exited, 0)
  assert.match(main.output().stdout, /"event":"stop"/)
})

test('npm start exits with 1 and says why when no login comes', { timeout: 120_000 }, async () => {
  const main = startMain('no-login', { LOGIN_WAIT_SECONDS: '5' })
  assert.equal(await main.exited, 1)
  const { stdout, stderr } = main.output()
  assert.match(stderr, /^[^\n]*cannot log in to WeChat with wechaty-puppet-mock: no login QR code and no login within 5 s[^\n]*\n$/, 'one line on stderr')
  assert.doesNotMatch(stdout + stderr, /\n\s+at |\\n\s+at |unhandled/, 'no stack trace, no unhandled rejection at the default log level')
  const fatal = stdout.split('\n').filter((line) => line.includes('"level":60'))
  assert.equal(fatal.length, 1)
})

test('npm start with CHANNELS=official-account and only MP_TOKEN: prints its URL, answers a signed message, stops on SIGTERM', { timeout: 120_000 }, async () => {
  const main = startMain('official-account', { CHANNELS: 'official-account', MP_TOKEN: 'curl-token', PORT: '0', HOST: '127.0.0.1' })
  try {
    await main.until('ready', () => main.output().stdout.includes('"event":"ready"'))
    const { stdout } = main.output()
    const url = /official-account: (http:\/\/127\.0\.0\.1:\d+\/wechat\/mp)/.exec(stdout)?.[1]
    assert.ok(url, `the URL is printed: ${stdout}`)
    assert.equal((await fetch(new URL('/healthz', url))).status, 200)
    const response = await fetch(`${url}${signedQuery('curl-token')}`, { method: 'POST', body: textMessage('oCURL', '你好') })
    assert.equal(response.status, 200)
    assert.match(parseXml(await response.text()).Content, /答复助手/)
    main.child.kill('SIGTERM')
    assert.equal(await main.exited, 0)
  } finally {
    main.child.kill('SIGKILL')
  }
})
