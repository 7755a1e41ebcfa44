/**
 * Whether the best passages really answer the question. The top cosine score alone cannot tell
 * (answerable and out-of-corpus questions overlap in 0.47–0.78 here), so it is combined with how many
 * of the question's content words the passages contain. The two constants are fitted by
 * `npm run eval -- --calibrate` on the tuning half of the question set and stored in refusal.json.
 */
import { readFileSync } from 'node:fs'
import { placeNames, tokenize, type Hit } from '../../index/index.js'

export interface Calibration {
  coverageWeight: number
  threshold: number
}

export const CALIBRATION_FILE = new URL('./refusal.json', import.meta.url)

export function loadCalibration(): Calibration {
  const { coverageWeight, threshold } = JSON.parse(readFileSync(CALIBRATION_FILE, 'utf8')) as Calibration
  return { coverageWeight, threshold }
}

/** Words that shape a question but say nothing about its topic. */
const QUESTION_WORDS = new Set(
  '什么 怎么 怎么样 怎样 如何 多少 几 哪些 哪里 哪个 哪儿 吗 呢 吧 啊 呀 有没有 有 没有 是否 是 能 能否 能不能 可以 会 请问 请 问 一下 我 我们 你 你们 想 要 知道 了解 情况 现在 目前 最近 今年 具体 相关 方面 关于 哪 谁 为什么 咋 啥 是啥 意思 什么意思 告诉 说说 讲讲 一共'.split(' '),
)

export function contentTokens(question: string): string[] {
  return [...new Set(tokenize(question).filter((token) => !QUESTION_WORDS.has(token)))]
}

export interface Evidence {
  /** best cosine similarity among the hits */
  dense: number
  /** share of the question's content words found in the top passages (with their titles and headings) */
  coverage: number
  /** places the question names that none of the top passages' replies mention */
  missingPlaces: string[]
}

const PLACES = readFileSync(new URL('./places.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => !line.startsWith('#'))
  .flatMap((line) => line.split(/\s+/))
  .filter(Boolean)

export function evidence(hits: Hit[], question: string, top = 3): Evidence {
  const tokens = contentTokens(question)
  const dense = Math.max(0, ...hits.map((hit) => hit.dense ?? 0))
  const text = hits
    .slice(0, top)
    .map((hit) => [hit.doc.title, hit.doc.unit, ...hit.chunk.section, hit.chunk.text].join(' '))
    .join(' ')
    .toLowerCase()
  const coverage = tokens.length ? tokens.filter((token) => text.includes(token)).length / tokens.length : 0
  const docs = hits.slice(0, top).map((hit) => hit.doc.text)
  const missingPlaces = placeNames(question, PLACES).filter((place) => !docs.some((doc) => doc.includes(place)))
  return { dense, coverage, missingPlaces }
}

export function isAnswerable({ dense, coverage, missingPlaces }: Evidence, calibration: Calibration): boolean {
  return missingPlaces.length === 0 && dense + calibration.coverageWeight * coverage >= calibration.threshold
}
