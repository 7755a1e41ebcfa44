/**
 * `npm run report -- [--days N] [--log FILE] [--top N]`: the questions the bot could not answer in the
 * last N days, most frequent first, from its question log (every rotated file in LOG_DIR, or one FILE).
 * What the corpus is missing, in the words of the people who asked.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig, loadEnvFile } from '../config.js'
import { questionLogFiles } from '../conversation/log.js'
import { DAY_MS, readQuestions, unansweredQuestions } from '../conversation/question-log.js'

function options(): { days: number; top: number; logs: string[]; where: string } {
  const { values } = parseArgs({
    options: { days: { type: 'string', default: '7' }, top: { type: 'string', default: '20' }, log: { type: 'string' } },
  })
  const days = Number(values.days)
  const top = Number(values.top)
  if (!(days > 0) || !Number.isInteger(top) || top < 1) throw new Error('usage: npm run report -- [--days N] [--top N] [--log FILE]')
  if (values.log) {
    const log = path.resolve(values.log)
    return { days, top, logs: existsSync(log) ? [log] : [], where: log }
  }
  loadEnvFile()
  const { logDir } = loadConfig()
  return { days, top, logs: questionLogFiles(logDir), where: logDir }
}

try {
  const { days, top, logs, where } = options()
  if (logs.length === 0) throw new Error(`no question log at ${where}: the bot has not logged a question yet (or LOG_DIR points elsewhere)`)
  const events = await readQuestions(logs, Date.now() - days * DAY_MS)
  const questions = events.length
  const unanswered = unansweredQuestions(events)
  const total = unanswered.reduce((sum, entry) => sum + entry.count, 0)
  const share = questions ? ` (${Math.round((100 * total) / questions)}%)` : ''
  console.log(`last ${days} days: ${questions} questions, ${total} unanswered${share}, ${unanswered.length} different`)
  if (unanswered.length > 0) {
    console.log(`\n count  last asked        question`)
    for (const { question, count, last } of unanswered.slice(0, top)) {
      const when = new Date(last).toLocaleString('zh-CN', { dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' })
      console.log(`${String(count).padStart(6)}  ${when.padEnd(16)}  ${question}`)
    }
    if (unanswered.length > top) console.log(`  … and ${unanswered.length - top} more (--top N shows more)`)
  }
} catch (error) {
  console.error((error as Error).message)
  process.exitCode = 1
}
