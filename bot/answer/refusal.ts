/**
 * Whether passages really answer the question (the engine asks it of the passages it would show, and of
 * each of them alone). Residents rarely use the reply's words, so the decision rests first on meaning:
 * the best cosine similarity of the question with one of the passages (the same bge model; the best
 * single sentence was measured too and separated no better, see README). Word coverage (how many of the
 * question's content words the passages contain) can add to weak semantic evidence, but never vetoes
 * strong semantic evidence. The three constants are fitted by `npm run eval -- --calibrate` on the tune
 * split and stored in refusal.json.
 */
import { readFileSync } from 'node:fs'
import { tokenize, type Hit } from '../../index/index.js'

export interface Calibration {
  /** semantic similarity at or above which the passages answer, whatever the words */
  semanticAlone: number
  /** below it, semantic + coverageWeight × coverage must reach threshold */
  coverageWeight: number
  threshold: number
}

export const CALIBRATION_FILE = new URL('./refusal.json', import.meta.url)

export function loadCalibration(): Calibration {
  const { semanticAlone, coverageWeight, threshold } = JSON.parse(readFileSync(CALIBRATION_FILE, 'utf8')) as Calibration
  return { semanticAlone, coverageWeight, threshold }
}

/** Words that shape a question but say nothing about its topic. */
const QUESTION_WORDS = new Set(
  '什么 怎么 怎么样 怎样 如何 多少 几 哪些 哪里 哪个 哪儿 吗 呢 吧 啊 呀 有没有 有 没有 是否 是 能 能否 能不能 可以 会 请问 请 问 一下 我 我们 你 你们 想 要 知道 了解 情况 现在 目前 最近 今年 具体 相关 方面 关于 哪 谁 为什么 咋 啥 是啥 意思 什么意思 告诉 说说 讲讲 一共'.split(' '),
)

export function contentTokens(question: string): string[] {
  return [...new Set(tokenize(question).filter((token) => !QUESTION_WORDS.has(token)))]
}

export interface Evidence {
  /** best cosine similarity of the question with a passage */
  dense: number
  /**
   * share of the question's content words found in the top passages (with their titles and headings),
   * each word weighted by its rarity in the corpus: 人民政府 found says little, 放假 missing says much
   */
  coverage: number
}

/** `given`: the names the search was narrowed to (scopedWith): every passage judged holds them, so they count neither way. */
export function evidence(hits: Hit[], question: string, weight: (token: string) => number, given: string[] = [], top = 3): Evidence {
  const known = new Set(given.flatMap(contentTokens))
  const tokens = contentTokens(question).filter((token) => !known.has(token))
  const dense = Math.max(0, ...hits.map((hit) => hit.dense ?? 0))
  // Words as jieba cuts the passages, not substrings: 事 is not found in 事项, nor 网上 in 上网上报.
  const words = new Set(tokenize(hits.slice(0, top).map((hit) => [hit.doc.title, hit.doc.unit, ...hit.chunk.section, hit.chunk.text].join(' ')).join(' ')))
  const total = tokens.reduce((sum, token) => sum + weight(token), 0)
  const covered = tokens.filter((token) => words.has(token)).reduce((sum, token) => sum + weight(token), 0)
  const coverage = total > 0 ? covered / total : 0
  return { dense, coverage }
}

/** How far the evidence lies past the boundary of answering (negative: short of it). */
export function margin({ dense, coverage }: Evidence, calibration: Calibration): number {
  return Math.max(dense - calibration.semanticAlone, dense + calibration.coverageWeight * coverage - calibration.threshold)
}

export function isAnswerable(evidence: Evidence, calibration: Calibration): boolean {
  return margin(evidence, calibration) >= 0
}
