/** Bytes of a corpus file → raw text, by format. Errors carry a reason a staff member can act on. */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { MetadataHints, OcrInfo } from './types.js'
import { readDoc } from './readers/doc.js'
import { UnreadableFile } from './readers/errors.js'
import { IMAGE_EXTENSIONS, readImage } from './readers/image.js'
import { OcrSession } from './readers/ocr-session.js'
import { readPdf } from './readers/pdf.js'

export { UnreadableFile } from './readers/errors.js'
export { OCR_CACHE_FOLDER, OcrSession } from './readers/ocr-session.js'

export const SUPPORTED_EXTENSIONS = ['.txt', '.pdf', '.docx', '.doc', '.html', '.htm', ...IMAGE_EXTENSIONS] as const

/** Formats staff meet that no kept library reads: what they are and what to convert them to. */
const NOT_READ: Record<string, string> = {
  '.wps': 'WPS Writer document (.wps) cannot be read: save it as .docx or PDF in WPS Office',
  '.ofd': 'OFD document (.ofd, the Chinese fixed-layout format) cannot be read: export it to PDF with an OFD reader',
  '.tif': 'TIFF image (.tif) cannot be read: save the scan as PDF or PNG',
  '.tiff': 'TIFF image (.tiff) cannot be read: save the scan as PDF or PNG',
}

export interface RawText {
  text: string
  /** how the text is laid out for cleaning: PDF text layers and OCR output are hard-wrapped lines; DOC(X) and HTML give paragraphs */
  format: 'txt' | 'pdf' | 'docx'
  /** present when scanned pages were recognised */
  ocr?: OcrInfo
  /** metadata found outside the text (a saved web page's table and address) */
  hints?: MetadataHints
}

export function isSupported(file: string): boolean {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase())
}

/** Why a file is not read, for the ingest summary. */
export function unsupportedReason(file: string): string {
  const extension = path.extname(file).toLowerCase()
  return `unsupported format: ${NOT_READ[extension] ?? `${extension || 'no extension'} (read are ${SUPPORTED_EXTENSIONS.join(' ')})`}`
}

/** Reads one file; OCR, if needed, runs in a session of its own. */
export async function readDocument(file: string): Promise<RawText> {
  const ocr = new OcrSession()
  try {
    return await decodeDocument(file, await readFile(file), ocr)
  } finally {
    await ocr.close()
  }
}

/** The text of a file already read (ingest hashes the same bytes). Scans are recognised in `ocr`. */
export async function decodeDocument(file: string, bytes: Buffer, ocr: OcrSession): Promise<RawText> {
  if (bytes.length === 0) throw new UnreadableFile('empty file')
  const extension = path.extname(file).toLowerCase()
  if (extension === '.pdf') return { ...(await readPdf(file, bytes, ocr)), format: 'pdf' }
  if ((IMAGE_EXTENSIONS as readonly string[]).includes(extension)) return { ...(await readImage(file, bytes, ocr)), format: 'pdf' }
  if (extension === '.docx') return { text: await readDocx(bytes), format: 'docx' }
  if (extension === '.doc') return { text: await readDoc(bytes), format: 'docx' }
  // cheerio takes ~0.6 s of CPU to import: only a corpus with saved web pages pays it
  if (extension === '.html' || extension === '.htm') return { ...(await import('./readers/html.js')).readHtml(decodeText(bytes)), format: 'docx' }
  return { text: decodeText(bytes), format: 'txt' }
}

/** UTF-8 (with or without BOM) first; government sites still publish GB18030/GBK, its superset decoder reads both. */
export function decodeText(bytes: Uint8Array): string {
  if (looksBinary(bytes)) throw new UnreadableFile('binary content, not a text file')
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes)
    } catch {
      throw new UnreadableFile('text in an unknown encoding (neither UTF-8 nor GB18030)')
    }
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192)
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)
  return !utf16 && head.includes(0)
}

async function readDocx(bytes: Buffer): Promise<string> {
  const mammoth = await import('mammoth')
  try {
    const { value } = await mammoth.extractRawText({ buffer: bytes })
    return value
  } catch (error) {
    throw new UnreadableFile(`corrupt DOCX (${(error as Error).message})`)
  }
}
