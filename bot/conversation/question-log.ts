/**
 * Reading the question log back (its rotated files, one JSON question event per line): what
 * `npm run report` prints and what the web console charts. Lines cut short by a crash are skipped.
 */
import { createReadStream, existsSync } from 'node:fs'
import { createInterface } from 'node:readline'
import type { QuestionEvent } from './log.js'

export const DAY_MS = 86_400_000

/** A logged question: pino adds the time. */
export type LoggedQuestion = QuestionEvent & { time: number }

export interface Unanswered {
  question: string
  count: number
  last: number
}

/** The question events logged since `since` (ms), file by file in the order given; none when there is no log yet. */
export async function readQuestions(files: string[], since: number): Promise<LoggedQuestion[]> {
  const events: LoggedQuestion[] = []
  for (const file of files.filter((f) => existsSync(f))) events.push(...(await readFile(file, since)))
  return events
}

async function readFile(file: string, since: number): Promise<LoggedQuestion[]> {
  const events: LoggedQuestion[] = []
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    let event: Partial<LoggedQuestion>
    try {
      event = JSON.parse(line)
    } catch {
      continue // a line cut short by a crash: skip it, keep the rest
    }
    if (event.event === 'question' && typeof event.time === 'number' && event.time >= since) events.push(event as LoggedQuestion)
  }
  return events
}

/** Spacing and final punctuation aside, the same question asked twice is one question. */
const sameQuestion = (text: string) => text.replace(/\s+/g, '').replace(/[？?。.！!~～…]+$/, '')

/** The unanswered questions, the same question counted once, most frequent (then most recent) first. */
export function unansweredQuestions(events: LoggedQuestion[]): Unanswered[] {
  const byText = new Map<string, Unanswered>()
  for (const event of events) {
    if (event.answered || !event.question) continue
    const key = sameQuestion(event.question)
    const entry = byText.get(key) ?? { question: key, count: 0, last: 0 }
    byText.set(key, { ...entry, count: entry.count + 1, last: Math.max(entry.last, event.time) })
  }
  return [...byText.values()].sort((a, b) => b.count - a.count || b.last - a.last)
}
