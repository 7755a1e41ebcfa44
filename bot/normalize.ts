/**
 * A raw WeChat message → the question text the engine works on: full-width forms folded (ＮＦＫＣ),
 * traditional characters simplified (長寧區 → 长宁区), whitespace collapsed, huge pastes cut.
 */
import * as OpenCC from 'opencc-js/t2cn'

/** Questions are short; a long paste is answered from its beginning, and the reply says so. */
export const MAX_QUESTION_CHARS = 200

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' })

export interface NormalizedMessage {
  text: string
  truncated: boolean
  /** false when nothing is left to search with (empty, whitespace, emoji or punctuation only) */
  meaningful: boolean
}

export function normalizeMessage(raw: string): NormalizedMessage {
  const folded = toSimplified(raw.normalize('NFKC')).replace(/\s+/g, ' ').trim()
  const truncated = [...folded].length > MAX_QUESTION_CHARS
  const text = truncated ? cutAtSentence(folded) : folded
  return { text, truncated, meaningful: /[\p{L}\p{N}]/u.test(text) }
}

function cutAtSentence(text: string): string {
  const head = [...text].slice(0, MAX_QUESTION_CHARS).join('')
  const end = Math.max(...['。', '？', '！', '?', '!', '\n'].map((mark) => head.lastIndexOf(mark)))
  return end > MAX_QUESTION_CHARS / 2 ? head.slice(0, end + 1) : head
}
