/** Bytes of a corpus file → raw text, by format. Errors carry a reason a staff member can act on. */
import { readFile } from 'node:fs/promises'
import path from 'node:path'

export const SUPPORTED_EXTENSIONS = ['.txt', '.pdf', '.docx'] as const

export class UnreadableFile extends Error {}

export interface RawText {
  text: string
  /** PDF text layers are hard-wrapped; cleaning must rejoin their lines */
  format: 'txt' | 'pdf' | 'docx'
}

export function isSupported(file: string): boolean {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase())
}

export async function readDocument(file: string): Promise<RawText> {
  return decodeDocument(file, await readFile(file))
}

/** The text of a file already read (ingest hashes the same bytes). */
export async function decodeDocument(file: string, bytes: Buffer): Promise<RawText> {
  if (bytes.length === 0) throw new UnreadableFile('empty file')
  const extension = path.extname(file).toLowerCase()
  if (extension === '.pdf') return { text: await readPdf(bytes), format: 'pdf' }
  if (extension === '.docx') return { text: await readDocx(bytes), format: 'docx' }
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

async function readPdf(bytes: Uint8Array): Promise<string> {
  const { getDocumentProxy, extractText } = await import('unpdf')
  let pages: string[]
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes))
    pages = (await extractText(pdf, { mergePages: false })).text
  } catch (error) {
    const message = (error as Error).message ?? String(error)
    if (/password/i.test(message)) throw new UnreadableFile('encrypted PDF (password protected)')
    throw new UnreadableFile(`corrupt PDF (${message})`)
  }
  const text = pages.join('\n')
  if (!text.trim()) throw new UnreadableFile('PDF has no text layer (scanned image?)')
  return text
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
