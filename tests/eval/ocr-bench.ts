/**
 * OCR quality and speed on the test set of tests/ocr/set (made by tests/ocr/make-set.ts): the
 * image-only PDF goes through the same reader as a corpus file (render worker → binarise → tesseract),
 * without cache. Character error rate = edit distance / characters of the true text, whitespace ignored.
 * Run alone with `npx tsx tests/eval/ocr-bench.ts`; `npm run bench` includes it.
 */
import { readFileSync } from 'node:fs'
import { OcrSession } from '../../index/read.js'
import { SET_PDF, SET_TRUTH } from '../ocr/make-set.js'

export interface OcrBench {
  pages: number
  /** character error rate over all pages, and per page */
  cer: number
  cerPerPage: number[]
  meanConfidence: number
  /** wall time of the whole set / pages, model loading included, and the time until the first page was done */
  secondsPerPage: number
  firstPageSeconds: number
  /** per page after the first, once the model is loaded: the rate of a long scan */
  laterPageSeconds: number
  /** CPU time of all threads (main, render worker, tesseract worker) per page: what the work costs, whatever else runs */
  cpuSecondsPerPage: number
}

export async function ocrBench(): Promise<OcrBench> {
  const truth = JSON.parse(readFileSync(SET_TRUTH, 'utf8')) as { file: string; text: string }[]
  const bytes = readFileSync(SET_PDF)
  let firstPage = 0
  const started = performance.now()
  const cpu = process.cpuUsage()
  const session = new OcrSession({ onPage: ({ done }) => (firstPage ||= done === 1 ? performance.now() - started : 0) })
  const pages = await session.recognise('scans.pdf', { kind: 'pdf', bytes, pages: truth.map((_, i) => i + 1) }).finally(() => session.close())
  const seconds = (performance.now() - started) / 1000
  const { user, system } = process.cpuUsage(cpu)
  const squeeze = (text: string) => [...text.replace(/\s+/g, '')]
  let errors = 0
  let characters = 0
  const cerPerPage = pages.map((page, i) => {
    const distance = editDistance(squeeze(page.text), squeeze(truth[i].text))
    errors += distance
    characters += squeeze(truth[i].text).length
    return round(distance / squeeze(truth[i].text).length, 4)
  })
  return {
    pages: pages.length,
    cer: round(errors / characters, 4),
    cerPerPage,
    meanConfidence: round(pages.reduce((sum, page) => sum + page.confidence, 0) / pages.length, 1),
    secondsPerPage: round(seconds / pages.length, 2),
    firstPageSeconds: round(firstPage / 1000, 2),
    laterPageSeconds: round((seconds - firstPage / 1000) / Math.max(1, pages.length - 1), 2),
    cpuSecondsPerPage: round((user + system) / 1e6 / pages.length, 2),
  }
}

/** Levenshtein distance over characters (two rows; hand-written, no kept library computes it). */
function editDistance(a: string[], b: string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]
}

function round(value: number, digits: number): number {
  return Math.round(value * 10 ** digits) / 10 ** digits
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await ocrBench()
  console.log(JSON.stringify(result, null, 1))
}
