/**
 * `npx tsx tests/ocr/make-set.ts`: (re)makes the OCR test set in tests/ocr/set/ — the first page of
 * five corpus replies typeset as A4 pages, each skewed, speckled and stamped with a red seal (seeded,
 * so the set is reproducible), in one image-only PDF as a scanner would produce, with the exact text
 * of each page beside it. `npm run bench` recognises it and reports character error rate and speed.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { DEFAULT_CORPUS_DIR } from '../../index/index.js'
import { imagePdf, renderPages } from './page.js'

export const SET_DIR = path.join(import.meta.dirname, 'set')
export const SET_PDF = path.join(SET_DIR, 'scans.pdf')
export const SET_TRUTH = path.join(SET_DIR, 'truth.json')
const PAGES = 5

/** A corpus file's body paragraphs: from the first real sentence on (saved pages open with portal fields). */
export function corpusParagraphs(file: string): string[] {
  const lines = readFileSync(path.join(DEFAULT_CORPUS_DIR, file), 'utf8')
    .split('\n')
    .map((line) => line.replace(/[\s\u3000]+/g, ' ').trim())
    .filter((line) => line && !/^(source|partial)\s*:/i.test(line))
  return lines.slice(Math.max(0, lines.findIndex((line) => line.length >= 20)))
}

async function main(): Promise<void> {
  const files = readdirSync(DEFAULT_CORPUS_DIR).sort()
  // Spread over the corpus: different units, cities and layouts.
  const chosen = Array.from({ length: PAGES }, (_, i) => files[Math.floor((i * files.length) / PAGES)])
  const pages = chosen.map((file, i) => ({ file, ...renderPages(corpusParagraphs(file), { seed: i + 1 })[0] }))
  mkdirSync(SET_DIR, { recursive: true })
  writeFileSync(SET_PDF, await imagePdf(pages.map((page) => page.png)))
  writeFileSync(SET_TRUTH, JSON.stringify(pages.map(({ file, lines }) => ({ file, text: lines.join('\n') })), null, 1) + '\n')
  console.log(`${pages.length} pages → ${path.relative(process.cwd(), SET_PDF)}`)
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
