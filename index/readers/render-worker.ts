/**
 * Worker thread: renders a PDF page or decodes an image, and binarises it for OCR. pdf.js rendering
 * of a scanned page takes as long as recognising it, so it runs here, beside the OCR worker, and the
 * main thread stays free (the next page renders while the previous one is recognised).
 */
import { parentPort } from 'node:worker_threads'
import { createCanvas, loadImage } from '@napi-rs/canvas'
import { binarisedPage } from './page-image.js'
import { OCR_DPI, MAX_IMAGE_SIDE, type RenderRequest, type RenderResponse } from './render-protocol.js'

type PdfDocument = Awaited<ReturnType<typeof import('unpdf').getDocumentProxy>>
let open: { key: string; pdf: Promise<PdfDocument> } | undefined

async function pdfPage(key: string, bytes: Uint8Array, page: number): Promise<Buffer> {
  const { getDocumentProxy, createIsomorphicCanvasFactory } = await import('unpdf')
  // Tells unpdf's pdf.js build which canvas to draw embedded images with.
  await createIsomorphicCanvasFactory(() => import('@napi-rs/canvas'))
  if (open?.key !== key) {
    void open?.pdf.then((pdf) => pdf.loadingTask.destroy())
    open = { key, pdf: getDocumentProxy(bytes) }
  }
  const proxy = await (await open.pdf).getPage(page)
  const viewport = proxy.getViewport({ scale: OCR_DPI / 72 })
  const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height))
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  // pdf.js types its canvas as the DOM one; @napi-rs/canvas implements the same 2D API.
  await proxy.render({ canvas: canvas as never, canvasContext: ctx as never, viewport }).promise
  proxy.cleanup()
  return binarisedPage(canvas, OCR_DPI)
}

async function image(bytes: Uint8Array): Promise<Buffer> {
  const picture = await loadImage(Buffer.from(bytes))
  // Phone photos are far larger than a 200 dpi page; tesseract's time grows with the pixels.
  const scale = Math.min(1, MAX_IMAGE_SIDE / Math.max(picture.width, picture.height))
  const canvas = createCanvas(Math.max(1, Math.round(picture.width * scale)), Math.max(1, Math.round(picture.height * scale)))
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.drawImage(picture, 0, 0, canvas.width, canvas.height)
  return binarisedPage(canvas, OCR_DPI)
}

parentPort!.on('message', async (request: RenderRequest) => {
  let response: RenderResponse
  try {
    const png = request.kind === 'pdf' ? await pdfPage(request.key, request.bytes, request.page) : await image(request.bytes)
    response = { id: request.id, png }
  } catch (error) {
    response = { id: request.id, error: (error as Error).message ?? String(error) }
  }
  parentPort!.postMessage(response)
})
