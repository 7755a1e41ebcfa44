/**
 * `npm run report -- [--days N] [--log FILE] [--top N]`: the questions the bot could not answer in the
 * last N days, most frequent first, from its question log. What the corpus is missing, in the words
 * of the people who asked.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig, loadEnvFile } from '../config.js'
import { QUESTIONS_LOG } from '../conversation/log.js'
import { DAY_MS, readQuestions, unansweredQuestions } from '../conversation/question-log.js'

function options(): { days: number; top: number; log: string } {
  const { values } = parseArgs({
    options: { days: { type: 'string', default: '7' }, top: { type: 'string', default: '20' }, log: { type: 'string' } },
  })
  const days = Number(values.days)
  const top = Number(values.top)
  if (!(days > 0) || !Number.isInteger(top) || top < 1) throw new Error('usage: npm run report -- [--days N] [--top N] [--log FILE]')
  if (values.log) return { days, top, log: path.resolve(values.log) }
  loadEnvFile()
  return { days, top, log: path.join(loadConfig().logDir, QUESTIONS_LOG) }
}

try {
  const { days, top, log } = options()
  if (!existsSync(log)) throw new Error(`no question log at ${log}: the bot has not logged a question yet (or LOG_DIR points elsewhere)`)
  const events = await readQuestions(log, Date.now() - days * DAY_MS)
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
