import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { ConfigError, loadConfig, loadEnvFile } from '../bot/config.js'
import { hashId } from '../bot/conversation/log.js'

test('defaults: a real login puppet, 10 questions a minute, a 1 s send interval', () => {
  const config = loadConfig({}, {})
  assert.equal(config.puppet, 'wechaty-puppet-wechat4u')
  assert.equal(config.rateLimitPerMinute, 10)
  assert.equal(config.sendIntervalMs, 1000)
  assert.deepEqual(config.adminIds, [])
  assert.equal(config.logRetentionDays, 30)
  assert.ok(Object.isFrozen(config))
})

test('environment values are parsed, overrides win', () => {
  const config = loadConfig({ sendIntervalMs: 0 }, { ADMIN_IDS: 'wxid_a, wxid_b', RATE_LIMIT_PER_MINUTE: '3', SEND_INTERVAL_MS: '500', LOG_PRETTY: '1', LOG_RETENTION_DAYS: '90', LOG_MAX_FILE_MB: '5' })
  assert.deepEqual(config.adminIds, ['wxid_a', 'wxid_b'])
  assert.equal(config.rateLimitPerMinute, 3)
  assert.equal(config.sendIntervalMs, 0)
  assert.equal(config.logPretty, true)
  assert.equal(config.logRetentionDays, 90)
  assert.equal(config.logMaxFileMb, 5)
})

test('a .env file fills in what the environment does not set, and a missing one is no error', () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'dafu-env-')), '.env')
  writeFileSync(file, 'GROUP_KEYWORD=问答\nSEND_INTERVAL_MS=250\n')
  process.env.SEND_INTERVAL_MS = '750'
  try {
    loadEnvFile(file)
    loadEnvFile(`${file}.missing`)
    const config = loadConfig()
    assert.equal(config.groupKeyword, '问答')
    assert.equal(config.sendIntervalMs, 750)
  } finally {
    delete process.env.GROUP_KEYWORD
    delete process.env.SEND_INTERVAL_MS
  }
})

test('bad values are refused with the key named', () => {
  assert.throws(() => loadConfig({}, { RATE_LIMIT_PER_MINUTE: 'ten', LOG_LEVEL: 'loud', LOG_RETENTION_DAYS: '0' }), (error: Error) => {
    assert.ok(error instanceof ConfigError)
    assert.match(error.message, /RATE_LIMIT_PER_MINUTE=ten/)
    assert.match(error.message, /LOG_LEVEL=loud/)
    assert.match(error.message, /LOG_RETENTION_DAYS=0/)
    return true
  })
})

test('user ids are hashed with the salt: stable, and different under another salt', () => {
  assert.equal(hashId('s1', 'wxid_abc'), hashId('s1', 'wxid_abc'))
  assert.notEqual(hashId('s1', 'wxid_abc'), hashId('s2', 'wxid_abc'))
  assert.doesNotMatch(hashId('s1', 'wxid_abc'), /wxid/)
})

test('channels: wechaty by default; webhook channels name the keys they cannot run without', () => {
  assert.deepEqual(loadConfig({}, {}).channels, ['wechaty'])
  const both = loadConfig({}, { CHANNELS: 'official-account, wecom', MP_TOKEN: 't', WECOM_TOKEN: 't', WECOM_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', WECOM_CORP_ID: 'ww1', WECOM_AGENT_ID: '1000002', WECOM_SECRET: 's', PORT: '9000' })
  assert.deepEqual(both.channels, ['official-account', 'wecom'])
  assert.equal(both.wecomAgentId, 1000002)
  assert.equal(both.port, 9000)
  assert.equal(both.mpApiBase, 'https://api.weixin.qq.com')
  assert.throws(() => loadConfig({}, { CHANNELS: 'wechaty,wecom,telegram', MP_AES_KEY: 'short' }), (error: Error) => {
    assert.match(error.message, /CHANNELS=telegram/)
    assert.match(error.message, /WECOM_TOKEN is required for CHANNELS=wecom/)
    assert.match(error.message, /MP_AES_KEY: expected the 43-character EncodingAESKey/)
    return true
  })
  assert.throws(() => loadConfig({}, { CHANNELS: 'official-account' }), /MP_TOKEN is required/)
  assert.throws(() => loadConfig({}, { CHANNELS: 'official-account', MP_TOKEN: 't', MP_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C' }), /MP_APP_ID is required/)
})
