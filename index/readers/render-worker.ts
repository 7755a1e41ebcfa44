/**
 * Worker thread: turns a scanned PDF page or an image into the binarised page OCR reads. Decoding and
 * drawing a page image costs as much as recognising it, so it runs here, beside the OCR worker, and
 * the main thread stays free (the next page is prepared while the previous one is recognised).
 */
import { parentPort } from 'node:worker_threads'
import { createCanvas, loadImage, type Image } from '@napi-rs/canvas'
import { binarisedPage, canvasPixels, type Pixels } from './page-image.js'
import { OCR_DPI, MAX_IMAGE_SIDE, type RenderRequest, type RenderResponse } from './render-protocol.js'

type PdfDocument = Awaited<ReturnType<typeof import('unpdf').getDocumentProxy>>
let open: { key: string; pdf: Promise<PdfDocument> } | undefined

async function pdfPage(key: string, bytes: Uint8Array, page: number): Promise<Buffer> {
  const { getDocumentProxy, extractImages, createIsomorphicCanvasFactory } = await import('unpdf')
  // Tells unpdf's pdf.js build which canvas to draw with.
  await createIsomorphicCanvasFactory(() => import('@napi-rs/canvas'))
  if (open?.key !== key) {
    void open?.pdf.then((pdf) => pdf.loadingTask.destroy())
    open = { key, pdf: getDocumentProxy(bytes) }
  }
  const pdf = await open.pdf
  const proxy = await pdf.getPage(page)
  const [pageWidth, pageHeight] = [proxy.view[2] - proxy.view[0], proxy.view[3] - proxy.view[1]]
  // A scanner's page is one image filling the page: its pixels are the page, without drawing it
  // (pdf.js drawing a full-page image is ~5× slower than decoding it).
  const images = proxy.rotate === 0 ? await extractImages(pdf, page) : []
  const [scan] = images
  if (images.length === 1 && Math.abs(scan.width / scan.height - pageWidth / pageHeight) < 0.02) {
    const dpi = (scan.width / pageWidth) * 72
    // Scans far from OCR_DPI are resampled to it: tesseract reads small text poorly and large pages slowly.
    return Math.abs(dpi / OCR_DPI - 1) <= 0.25 ? binarisedPage(scan, dpi) : binarisedPage(scaled(scan, OCR_DPI / dpi), OCR_DPI)
  }
  const viewport = proxy.getViewport({ scale: OCR_DPI / 72 })
  const canvas = whiteCanvas(Math.round(viewport.width), Math.round(viewport.height))
  // pdf.js types its canvas as the DOM one; @napi-rs/canvas implements the same 2D API.
  await proxy.render({ canvas: canvas as never, canvasContext: canvas.getContext('2d') as never, viewport }).promise
  proxy.cleanup()
  return binarisedPage(canvasPixels(canvas), OCR_DPI)
}

async function image(bytes: Uint8Array): Promise<Buffer> {
  const picture = await loadImage(Buffer.from(bytes))
  // Phone photos are far larger than a 200 dpi page; tesseract's time grows with the pixels.
  const scale = Math.min(1, MAX_IMAGE_SIDE / Math.max(picture.width, picture.height))
  return binarisedPage(canvasPixels(drawn(picture, scale)), OCR_DPI)
}

function whiteCanvas(width: number, height: number) {
  const canvas = createCanvas(Math.max(1, width), Math.max(1, height))
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  return canvas
}

function drawn(picture: Image, scale: number) {
  const canvas = whiteCanvas(Math.round(picture.width * scale), Math.round(picture.height * scale))
  canvas.getContext('2d').drawImage(picture, 0, 0, canvas.width, canvas.height)
  return canvas
}

/** Decoded pixels scaled by `factor` (the canvas's native resampling). */
function scaled({ data, width, height, channels }: Pixels, factor: number): Pixels {
  const source = createCanvas(width, height)
  const ctx = source.getContext('2d')
  const rgba = ctx.createImageData(width, height)
  const grey = channels === 1 ? 0 : 1
  for (let p = 0, i = 0, o = 0; p < width * height; p++, i += channels, o += 4) {
    rgba.data[o] = data[i]
    rgba.data[o + 1] = data[i + grey]
    rgba.data[o + 2] = data[i + 2 * grey]
    rgba.data[o + 3] = 255
  }
  ctx.putImageData(rgba, 0, 0)
  const target = whiteCanvas(Math.round(width * factor), Math.round(height * factor))
  target.getContext('2d').drawCanvas(source, 0, 0, target.width, target.height)
  return canvasPixels(target)
}

parentPort!.on('message', async (request: RenderRequest) => {
  let response: RenderResponse
  try {
    const page = request.kind === 'pdf' ? await pdfPage(request.key, request.bytes, request.page) : await image(request.bytes)
    response = { id: request.id, page }
  } catch (error) {
    response = { id: request.id, error: (error as Error).message ?? String(error) }
  }
  parentPort!.postMessage(response)
})
