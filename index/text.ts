/** Character classes shared by cleaning, chunking and segmentation. */

/** Han ideographs, CJK punctuation and full-width forms: text where spaces are layout, not meaning. */
export const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\u3000-\u303F\uFF00-\uFFEF]/u

/** Han ideographs only (no punctuation). */
export const HAN = /\p{Script=Han}/u

/** Punctuation that can end a sentence (Chinese and ASCII forms). */
export const SENTENCE_END = /[。！？；!?;…]/u

/** Closing quotes and brackets that may follow a sentence end: "…的建议。”" still ends there. */
export const CLOSERS = /[”’」』）)】》"']/u

/** Display width: a CJK character is two columns, ASCII one. Used to tell short lines from full ones. */
export function displayWidth(line: string): number {
  let width = 0
  for (const ch of line) width += CJK.test(ch) ? 2 : 1
  return width
}

/** The last meaningful character of a line, looking through closing quotes and brackets. */
export function lastSignificant(line: string): string {
  const chars = [...line.trimEnd()]
  while (chars.length > 1 && CLOSERS.test(chars[chars.length - 1])) chars.pop()
  return chars[chars.length - 1] ?? ''
}

/** A sentence runs to its end mark (and any closing quotes) or to a line break. */
const SENTENCE = /[^。！？；!?;\n]*(?:[。！？；!?;]+[”’」』）)】》"]*|\n|$)/g

/** Sentence spans of `text`, contiguous and covering it: joining them gives the text back. */
export function sentenceSpans(text: string): { start: number; end: number }[] {
  return [...text.matchAll(SENTENCE)].filter((m) => m[0]).map((m) => ({ start: m.index, end: m.index + m[0].length }))
}

/** The digits of Chinese numerals, 零 to 九. */
export const CHINESE_DIGITS = '零一二三四五六七八九'

/**
 * 二十二 → 22, 一百零五 → 105, 两千 → 2000: a number written in Chinese numerals, up to 9 999 (a count, a
 * heading's ordinal, a month or a day). Hand-written: no kept library reads Chinese numerals.
 */
export function chineseNumeral(numeral: string): number {
  const units: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }
  let total = 0
  let digit = 0
  for (const char of numeral.replace(/两/g, '二').replace(/〇/g, '零')) {
    if (char in units) {
      // 十 alone, or opening a number (十五), is one ten.
      total += (digit || 1) * units[char]
      digit = 0
    } else digit = CHINESE_DIGITS.indexOf(char)
  }
  return total + digit
}
