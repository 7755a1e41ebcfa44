import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { PROJECT_ROOT } from '../../index/index.js'

const DAY = 86_400_000
const now = Date.now()
const question = (fields: object) => JSON.stringify({ level: 30, event: 'question', user: 'ab12', chat: 'private', docIds: [], ms: 5, ...fields })

function report(lines: string[], ...args: string[]) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'dafu-report-')), 'questions.log')
  writeFileSync(file, lines.join('\n') + '\n')
  return spawnSync(process.execPath, ['--import', 'tsx', 'bot/cli/report.ts', '--log', file, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' })
}

test('lists the unanswered questions of the last N days, most frequent first, the same question counted once', () => {
  const { status, stdout } = report([
    question({ time: now - 1_000, intent: 'notFound', answered: false, question: '垃圾分类怎么罚款？' }),
    question({ time: now - 2_000, intent: 'notFound', answered: false, question: '垃圾分类 怎么罚款' }),
    question({ time: now - 3_000, intent: 'notFound', answered: false, question: '停车费多少' }),
    question({ time: now - 4_000, intent: 'question', answered: true }),
    question({ time: now - 10 * DAY, intent: 'notFound', answered: false, question: '十天前的问题' }),
    '{"level":30,"event":"quest', // cut short by a crash
  ])
  assert.equal(status, 0)
  assert.match(stdout, /last 7 days: 4 questions, 3 unanswered \(75%\), 2 different/)
  const rows = stdout.split('\n').filter((line) => /^\s+\d+\s/.test(line))
  assert.match(rows[0], /^\s+2\s.*垃圾分类怎么罚款$/)
  assert.match(rows[1], /^\s+1\s.*停车费多少$/)
  assert.doesNotMatch(stdout, /十天前/)
})

test('--days widens the window', () => {
  const { stdout } = report([question({ time: now - 10 * DAY, intent: 'notFound', answered: false, question: '十天前的问题' })], '--days', '30')
  assert.match(stdout, /1\s.*十天前的问题/)
})

test('a missing log is an error that says where it looked', () => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'bot/cli/report.ts', '--log', '/nonexistent/questions.log'], { cwd: PROJECT_ROOT, encoding: 'utf8' })
  assert.equal(result.status, 1)
  assert.match(result.stderr, /no question log at \/nonexistent\/questions\.log/)
})

test('without --log it reads every rotated question log in LOG_DIR, older versions’ questions.log too', () => {
  const logDir = mkdtempSync(path.join(tmpdir(), 'dafu-report-dir-'))
  const unanswered = (text: string, ago: number) => question({ time: now - ago, intent: 'notFound', answered: false, question: text })
  writeFileSync(path.join(logDir, 'questions.log'), unanswered('旧版本的问题', 3 * DAY) + '\n')
  writeFileSync(path.join(logDir, 'questions.2026-01-01.1.log'), unanswered('垃圾分类怎么罚款', 2 * DAY) + '\n')
  writeFileSync(path.join(logDir, 'questions.2026-01-02.1.log'), unanswered('垃圾分类怎么罚款', DAY) + '\n')
  writeFileSync(path.join(logDir, 'questions.2026-01-02.2.log'), unanswered('停车费多少', 1_000) + '\n')
  writeFileSync(path.join(logDir, 'other.log'), unanswered('不是问题日志', 1_000) + '\n')
  const { status, stdout, stderr } = spawnSync(process.execPath, ['--import', 'tsx', 'bot/cli/report.ts'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, LOG_DIR: logDir },
  })
  assert.equal(status, 0, stderr)
  assert.match(stdout, /last 7 days: 4 questions, 4 unanswered \(100%\), 3 different/)
  assert.match(stdout, /\s2\s.*垃圾分类怎么罚款/)
  assert.doesNotMatch(stdout, /不是问题日志/)
})
