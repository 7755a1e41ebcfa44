/**
 * A raw WeChat message → the question text the engine works on: full-width forms folded (ＮＦＫＣ),
 * traditional characters simplified (長寧區 → 长宁区), whitespace collapsed, huge pastes cut.
 */
import { toSimplified } from '../../index/index.js'

/** Questions are short; a long paste is answered from its beginning, and the reply says so. */
export const MAX_QUESTION_CHARS = 200

export interface NormalizedMessage {
  text: string
  truncated: boolean
  /** false when nothing is left to search with (empty, whitespace, emoji or punctuation only) */
  meaningful: boolean
}

/**
 * `known` tells which characters the corpus itself uses: those are never converted, so a name such as
 * 辛洁暐 (whose 暐 OpenCC would simplify) still matches the reply that prints it.
 */
export function normalizeMessage(raw: string, known: (char: string) => boolean = () => false): NormalizedMessage {
  const folded = simplify(raw.normalize('NFKC'), known).replace(/\s+/g, ' ').trim()
  const truncated = [...folded].length > MAX_QUESTION_CHARS
  const text = truncated ? cutAtSentence(folded) : folded
  return { text, truncated, meaningful: /[\p{L}\p{N}]/u.test(text) }
}

function simplify(text: string, known: (char: string) => boolean): string {
  const converted = toSimplified(text)
  const before = [...text]
  const after = [...converted]
  if (before.length !== after.length) return converted
  return after.map((char, i) => (known(before[i]) ? before[i] : char)).join('')
}

function cutAtSentence(text: string): string {
  const head = [...text].slice(0, MAX_QUESTION_CHARS).join('')
  const end = Math.max(...['。', '？', '！', '?', '!', '\n'].map((mark) => head.lastIndexOf(mark)))
  return end > MAX_QUESTION_CHARS / 2 ? head.slice(0, end + 1) : head
}
