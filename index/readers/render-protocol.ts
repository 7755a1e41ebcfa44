/** Messages between the main thread and the render worker, and the resolution both assume. */

/** Pages are rendered for OCR at this resolution: 16 pt body text becomes ~44 px high, where tesseract reads Chinese well. */
export const OCR_DPI = 200
/** Longest side of an image handed to OCR (an A4 page at 200 dpi is 2339 px high). */
export const MAX_IMAGE_SIDE = 2400

export type RenderRequest =
  | { id: number; kind: 'pdf'; key: string; bytes: Uint8Array; page: number }
  | { id: number; kind: 'image'; bytes: Uint8Array }

/** `page`: the binarised page as a PGM image */
export type RenderResponse = { id: number; page: Buffer } | { id: number; error: string }
