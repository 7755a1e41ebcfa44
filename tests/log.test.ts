import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { createLog, questionEvent, questionLogFiles } from '../bot/conversation/log.js'

const fields = { channel: 'wechaty' as const, user: 'ab12', chat: 'private' as const, intent: 'notFound' as const, answered: false, docIds: [], ms: 3 }

test('question events go to a dated question log readable by its owner only; other events do not', async () => {
  const logDir = path.join(mkdtempSync(path.join(tmpdir(), 'dafu-log-')), 'log')
  const log = createLog({ logLevel: 'silent', logPretty: false, logDir })
  log.logger.info(questionEvent(fields, '我的电话13812345678，停车费多少'), 'question')
  log.logger.info({ event: 'send', to: 'someone' }, 'sent')
  await log.close()

  const [file, ...more] = questionLogFiles(logDir)
  assert.deepEqual(more, [])
  assert.match(path.basename(file), /^questions\.\d{4}-\d\d-\d\d\.1\.log$/)
  assert.equal(statSync(file).mode & 0o777, 0o600)
  const lines = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line))
  assert.deepEqual(lines.map((line) => [line.event, line.question]), [['question', '我的电话[手机号],停车费多少']])
})

test('files beyond LOG_RETENTION_DAYS are removed when the log rotates', async () => {
  const logDir = mkdtempSync(path.join(tmpdir(), 'dafu-log-'))
  const old = ['2020-01-01', '2020-01-02', '2020-01-03', '2020-01-04'].map((day) => `questions.${day}.1.log`)
  for (const name of old) writeFileSync(path.join(logDir, name), '{}\n')
  // Past LOG_MAX_FILE_MB a day continues in a new file: that rotation also applies the retention.
  const log = createLog({ logLevel: 'silent', logPretty: false, logDir, logRetentionDays: 2, logMaxFileMb: 1 })
  const event = questionEvent(fields, '停车费多少'.repeat(40))
  const rolled = new Promise<void>((resolve) => {
    const check = setInterval(() => {
      if (questionLogFiles(logDir).length <= 3) {
        clearInterval(check)
        resolve()
      }
    }, 20)
  })
  for (let i = 0; i < 2000; i++) log.logger.info(event, 'question')
  await rolled
  await log.close()
  const kept = readdirSync(logDir).sort()
  assert.ok(!kept.includes(old[0]) && !kept.includes(old[1]), kept.join())
  assert.ok(kept.length <= 3, kept.join())
})
