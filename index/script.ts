/**
 * Mirror sites copy government pages in traditional characters (鎮康縣交通運輸局), some with pinyin printed
 * after characters (會(huì)). Residents ask in simplified characters and the facts are read by simplified
 * patterns, so such a text is read and quoted simplified (OpenCC, the converter questions go through too);
 * the citation says so. Only the script changes, never a word.
 */
import * as OpenCC from 'opencc-js/t2cn'
import { HAN } from './text.js'

/** Traditional characters to simplified, character by character: the texts here, and the questions (bot/answer/normalize.ts). */
export const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' })

/**
 * Share of Han characters that simplification changes, above which a text is in traditional characters.
 * Not fitted: measured over the 509 texts of every set, simplified ones change at most 0.35 % (a name's
 * rare character), the traditional mirrors 32–36 %.
 */
const TRADITIONAL_SHARE = 0.1
/** A syllable with its tone mark in brackets, as a mirror prints after a character: (huì), (zhèn). */
const PINYIN = /[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]/gu

export function inSimplified(text: string): { text: string; traditional: boolean } {
  const han = [...text].filter((char) => HAN.test(char))
  const simplified = [...toSimplified(han.join(''))]
  const changed = han.filter((char, i) => simplified[i] !== char).length
  if (han.length === 0 || changed / han.length < TRADITIONAL_SHARE) return { text, traditional: false }
  return { text: simplifiedScript(text), traditional: true }
}

/** A traditional text (or a span of one) as it is read: simplified, the mirror's pinyin left out. */
export function simplifiedScript(text: string): string {
  return toSimplified(text.replace(PINYIN, ''))
}
