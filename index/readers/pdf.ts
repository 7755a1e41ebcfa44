/**
 * PDF: the text layer of each page through pdf.js (unpdf); pages without one are scans and go to OCR.
 * A PDF with both keeps its pages in order, each read the way it can be.
 */
import { UnreadableFile } from './errors.js'
import type { OcrPage, OcrSession } from './ocr-session.js'
import { scannedText, unreadableScan } from './scanned-text.js'
import type { OcrInfo } from '../types.js'

export async function readPdf(file: string, bytes: Uint8Array, ocr: OcrSession): Promise<{ text: string; ocr?: OcrInfo }> {
  const { getDocumentProxy, extractText } = await import('unpdf')
  let layers: string[]
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes))
    layers = (await extractText(pdf, { mergePages: false })).text
    await pdf.loadingTask.destroy()
  } catch (error) {
    const message = (error as Error).message ?? String(error)
    if (/password/i.test(message)) throw new UnreadableFile('encrypted PDF (password protected)')
    throw new UnreadableFile(`corrupt PDF (${message})`)
  }
  const scans = layers.flatMap((layer, i) => (layer.trim() ? [] : [i + 1]))
  if (scans.length === 0) return { text: layers.join('\n') }
  let recognised: OcrPage[]
  try {
    recognised = await ocr.recognise(file, { kind: 'pdf', bytes, pages: scans })
  } catch (error) {
    throw new UnreadableFile(`scanned pages could not be read (${(error as Error).message})`)
  }
  const scanned = scannedText(recognised)
  const pages = layers.map((layer, i) => (layer.trim() ? layer : scanned.pages.get(i + 1) ?? ''))
  const text = pages.join('\n')
  if (!text.trim()) throw unreadableScan(recognised, scans.length > 1 ? 'scanned pages' : 'scanned page')
  return { text, ocr: scanned.ocr }
}
