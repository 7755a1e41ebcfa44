/** A photo or scan of a reply page (.png, .jpg): OCR. */
import { UnreadableFile } from './errors.js'
import type { OcrPage, OcrSession } from './ocr-session.js'
import { scannedText, unreadableScan } from './scanned-text.js'
import type { OcrInfo } from '../types.js'

export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg'] as const

export async function readImage(file: string, bytes: Uint8Array, ocr: OcrSession): Promise<{ text: string; ocr: OcrInfo }> {
  let recognised: OcrPage[]
  try {
    recognised = await ocr.recognise(file, { kind: 'image', bytes })
  } catch (error) {
    throw new UnreadableFile(`unreadable image (${(error as Error).message})`)
  }
  const scanned = scannedText(recognised)
  const text = scanned.pages.get(1)
  if (!text) throw unreadableScan(recognised, 'image')
  return { text, ocr: scanned.ocr }
}
