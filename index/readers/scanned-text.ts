/**
 * Recognised pages → the text to index and what to tell about it. Pages whose confidence is below
 * LOW_CONFIDENCE are left out (they would be quoted verbatim, errors and all) and listed instead.
 */
import type { OcrInfo } from '../types.js'
import { UnreadableFile } from './errors.js'
import { LOW_CONFIDENCE } from './ocr.js'
import type { OcrPage } from './ocr-session.js'

export interface ScannedText {
  /** text of each readable page, by page number */
  pages: Map<number, string>
  ocr: OcrInfo
}

export function scannedText(pages: OcrPage[]): ScannedText {
  const read = pages.filter((page) => page.text)
  const kept = read.filter((page) => page.confidence >= LOW_CONFIDENCE)
  const low = read.filter((page) => page.confidence < LOW_CONFIDENCE)
  const meanConfidence = kept.length ? Math.round(kept.reduce((sum, page) => sum + page.confidence, 0) / kept.length) : 0
  return {
    pages: new Map(kept.map((page) => [page.page, page.text])),
    ocr: { pages: kept.length, meanConfidence, lowConfidencePages: low.map((page) => page.page) },
  }
}

/** Why a scan gave nothing to index. */
export function unreadableScan(pages: OcrPage[], what: string): UnreadableFile {
  const read = pages.filter((page) => page.text)
  if (read.length === 0) return new UnreadableFile(`no text recognised in the ${what} (blank, or not a scan of text?)`)
  const confidence = Math.round(read.reduce((sum, page) => sum + page.confidence, 0) / read.length)
  return new UnreadableFile(`${what} recognised with too low confidence to quote (${confidence} %, needs ${LOW_CONFIDENCE} %): rescan it at 300 dpi or get the original file`)
}
