/**
 * Chinese word segmentation with jieba and this domain's dictionary (userdict.txt), for the keyword
 * index and for questions. Numbers and Latin words are kept whole ("91.02%", "aigc"), which jieba
 * would split digit by digit.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_DICT, DEFAULT_STOP_WORD_DICT, cutForSearch, load, tag } from 'nodejs-jieba'

const HERE = path.dirname(fileURLToPath(import.meta.url))
export const USER_DICT = path.join(HERE, 'userdict.txt')
/**
 * jieba's idf table (6 MB) serves only its keyword extraction, which nothing here uses, yet loading it
 * was half of jieba's start (≈1.0 → 0.56 s); cppjieba refuses an empty one, so this holds a single line.
 */
const UNUSED_IDF_DICT = path.join(HERE, 'keyword-extraction-idf.utf8')

/** Runs of Han characters go to jieba; numbers (with . and %) and Latin words are tokens as they are. */
const TOKEN_RUNS = /(\p{Script=Han}+)|(\d+(?:\.\d+)?%?|[A-Za-z][A-Za-z0-9]*)/gu

let stopWords: Set<string> | null = null

/** Loads jieba's dictionaries (≈0.6 s); call once at start so the first question does not pay for it. */
export function loadSegmenter(): void {
  if (stopWords) return
  load({ userDict: USER_DICT, idfDict: UNUSED_IDF_DICT })
  stopWords = new Set(readFileSync(DEFAULT_STOP_WORD_DICT, 'utf8').split(/\r?\n/).filter(Boolean))
}

export function segmenterLoaded(): boolean {
  return stopWords !== null
}

/** Search tokens: jieba's search mode also yields the parts of long words (长宁区 → 长宁, 长宁区). */
export function tokenize(text: string): string[] {
  loadSegmenter()
  const tokens: string[] = []
  for (const [, han, other] of text.matchAll(TOKEN_RUNS)) {
    if (other) tokens.push(other.toLowerCase())
    else for (const word of cutForSearch(han, true)) if (!stopWords!.has(word)) tokens.push(word)
  }
  return tokens
}

/** The words jieba tags as nouns (路, 项目, 中小企业, 长者食堂) and where each starts: what a message is about, not how it asks. */
export function nouns(text: string): { word: string; at: number }[] {
  return wordSpans(text).flatMap(({ word, start, tag: kind }) => (/^(?:n|j|vn)/.test(kind) ? [{ word, at: start }] : []))
}

export interface WordSpan {
  word: string
  start: number
  end: number
  /** jieba's part of speech (ns a place, nr a person, x a word its dictionary lacks …) */
  tag: string
}

/** jieba's words of a text with their parts of speech and where each stands. */
export function wordSpans(text: string): WordSpan[] {
  loadSegmenter()
  const spans: WordSpan[] = []
  let at = 0
  for (const { word, tag: pos } of tag(text)) {
    const start = text.indexOf(word, at)
    if (start < 0) continue
    spans.push({ word, start, end: start + word.length, tag: pos })
    at = start + word.length
  }
  return spans
}

/** How often jieba's dictionary counts each of these words (absent: not in it). */
export function dictionaryFrequencies(words: ReadonlySet<string>): Map<string, number> {
  const found = new Map<string, number>()
  for (const line of readFileSync(DEFAULT_DICT, 'utf8').split('\n')) {
    const [word, frequency] = line.split(' ')
    if (words.has(word)) found.set(word, Number(frequency))
  }
  return found
}
