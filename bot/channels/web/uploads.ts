/**
 * Files uploaded by staff into the corpus folder. All or nothing: every file of an upload is checked
 * (name, type, content signature) before any is written; each is written under a hidden temporary
 * name (ingest skips dot files) and renamed into place, so ingest never reads half a file. No name
 * from a request is used as a path: it is reduced to one safe file name inside the corpus folder.
 */
import { randomBytes } from 'node:crypto'
import { rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { SUPPORTED_EXTENSIONS } from '../../../index/index.js'

const MAX_NAME_CHARS = 80

export class UploadRejected extends Error {}

export interface UploadedFile {
  /** the name as sent by the browser */
  original: string
  bytes: Buffer
}

/**
 * The last component of `name`, with anything but letters, digits and a little punctuation replaced,
 * no leading dots, at most MAX_NAME_CHARS before a supported extension; undefined when nothing usable is left.
 */
export function safeFileName(name: string): string | undefined {
  const last = name.normalize('NFC').split(/[/\\]/).pop() ?? ''
  const extension = path.extname(last).toLowerCase()
  if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(extension)) return undefined
  const base = last
    .slice(0, last.length - extension.length)
    .replace(/[^\p{L}\p{N}\-_.()（）〔〕【】 ]/gu, '_')
    .replace(/^[\s.]+|\s+$/g, '')
    .slice(0, MAX_NAME_CHARS)
  return /[\p{L}\p{N}]/u.test(base) ? `${base}${extension}` : undefined
}

/** Whether the bytes look like what the extension says (PDF, DOCX is a zip, text has no NUL bytes). */
export function contentMatches(file: string, bytes: Buffer): boolean {
  const extension = path.extname(file).toLowerCase()
  if (extension === '.pdf') return bytes.subarray(0, 5).toString('latin1') === '%PDF-'
  if (extension === '.docx') return bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
  return bytes.length > 0 && (utf16 || !bytes.includes(0))
}

/** A path inside `dir` for `name`, refusing anything that would land elsewhere. */
export function insideFolder(dir: string, name: string): string {
  const folder = path.resolve(dir)
  const target = path.resolve(folder, name)
  if (path.dirname(target) !== folder || path.basename(target) !== name) throw new UploadRejected(`不安全的文件名：${name}`)
  return target
}

/** Checks every file, then writes them all into `corpusDir`; returns the names written. */
export async function saveUploads(corpusDir: string, files: UploadedFile[]): Promise<string[]> {
  if (files.length === 0) throw new UploadRejected('没有选择文件。')
  const named = files.map(({ original, bytes }) => {
    const name = safeFileName(original)
    if (!name) throw new UploadRejected(`不支持的文件：${original}（只收 ${SUPPORTED_EXTENSIONS.join(' ')}）`)
    if (!contentMatches(name, bytes)) throw new UploadRejected(`文件内容与类型不符：${original}`)
    return { name, target: insideFolder(corpusDir, name), bytes }
  })
  const names = named.map((file) => file.name)
  const repeated = names.find((name, i) => names.indexOf(name) !== i)
  if (repeated) throw new UploadRejected(`同一次上传中有两个文件都叫 ${repeated}`)
  const temporary = named.map((file) => ({ ...file, temp: insideFolder(corpusDir, `.upload-${randomBytes(6).toString('hex')}`) }))
  try {
    for (const { temp, bytes } of temporary) await writeFile(temp, bytes, { flag: 'wx' })
    for (const { temp, target } of temporary) await rename(temp, target)
  } finally {
    await Promise.all(temporary.map(({ temp }) => rm(temp, { force: true })))
  }
  return names
}
