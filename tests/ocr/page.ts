/**
 * Makes "scans" from known text: an A4 page typeset like a government reply (one Chinese font, 28
 * characters a line), then degraded as a scanner and a stamp would — a slight skew, speckle, and a
 * red seal over the signature. Seeded, so the same text and seed give the same page. Also wraps pages
 * into PDFs: image-only (a scanned file) or with a real text layer (a born-digital page), for the mixed case.
 * Needs a font with Chinese glyphs (Debian's fonts-wqy-zenhei, installed by .ci/run).
 */
import { existsSync } from 'node:fs'
import { GlobalFonts, PDFDocument, createCanvas, loadImage, type SKRSContext2D } from '@napi-rs/canvas'

/** PDF pages are drawn with the same 2D API as canvases (the typings only declare the DOM subset). */
const pageContext = (pdf: PDFDocument, width: number, height: number) => pdf.beginPage(width, height) as unknown as SKRSContext2D

const FONT_FILES = ['/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc']
const A4_INCHES = { width: 8.27, height: 11.69 }
const POINTS_PER_INCH = 72

export interface PageOptions {
  seed?: number
  dpi?: number
  /** degrees, the page as fed crooked into the scanner */
  skew?: number
  /** share of pixels turned into dark specks */
  speckle?: number
  seal?: boolean
}

/** The font family to typeset Chinese with; throws with what to install when there is none. */
export function chineseFont(): string {
  const family = GlobalFonts.families.find((f) => /WenQuanYi Zen Hei$|Noto Serif CJK SC|Noto Sans CJK SC/.test(f.family))
  if (family) return family.family
  for (const file of FONT_FILES) if (existsSync(file)) GlobalFonts.registerFromPath(file)
  const registered = GlobalFonts.families.find((f) => /WenQuanYi Zen Hei$|Noto Serif CJK SC/.test(f.family))
  if (!registered) throw new Error('no Chinese font: apt-get install fonts-wqy-zenhei')
  return registered.family
}

/** Paragraphs → lines as they fall on the page, each ≤ the text width. */
export function layoutLines(ctx: SKRSContext2D, paragraphs: string[], width: number): string[] {
  const lines: string[] = []
  for (const paragraph of paragraphs) {
    let line = '　　'
    for (const char of paragraph) {
      if (ctx.measureText(line + char).width > width) {
        lines.push(line)
        line = ''
      }
      line += char
    }
    lines.push(line)
  }
  return lines.map((line) => line.trimStart())
}

/** Paragraphs typeset on as many A4 pages as they need; returns each page's PNG and the lines on it. */
export function renderPages(paragraphs: string[], options: PageOptions = {}): { png: Buffer; lines: string[] }[] {
  const { dpi = 200, skew = 0.6, speckle = 0.002, seal = true, seed = 1 } = options
  const random = mulberry32(seed)
  const width = Math.round(A4_INCHES.width * dpi)
  const height = Math.round(A4_INCHES.height * dpi)
  const fontSize = (16 / POINTS_PER_INCH) * dpi
  const margin = width * 0.15
  const lineHeight = fontSize * 1.75
  const font = `${fontSize}px "${chineseFont()}"`
  const measure = createCanvas(10, 10).getContext('2d')
  measure.font = font
  const lines = layoutLines(measure, paragraphs, width - 2 * margin)
  const perPage = Math.floor((height - 2 * margin) / lineHeight)
  const pages: { png: Buffer; lines: string[] }[] = []
  for (let first = 0; first < lines.length; first += perPage) {
    const pageLines = lines.slice(first, first + perPage)
    const canvas = createCanvas(width, height)
    const ctx = canvas.getContext('2d')
    ctx.fillStyle = '#fff'
    ctx.fillRect(0, 0, width, height)
    ctx.translate(width / 2, height / 2)
    ctx.rotate(((random() < 0.5 ? -1 : 1) * skew * Math.PI) / 180)
    ctx.translate(-width / 2, -height / 2)
    ctx.fillStyle = '#1a1a1a'
    ctx.font = font
    ctx.textBaseline = 'top'
    pageLines.forEach((line, i) => ctx.fillText(line, margin, margin + i * lineHeight))
    if (seal) drawSeal(ctx, width - margin - fontSize * 4, margin + (pageLines.length - 2) * lineHeight, fontSize * 2.6)
    ctx.setTransform(1, 0, 0, 1, 0, 0)
    addSpeckle(ctx, width, height, speckle, random)
    pages.push({ png: canvas.toBuffer('image/png'), lines: pageLines })
  }
  return pages
}

/** A round red stamp, partly transparent, as pressed over the signature. */
function drawSeal(ctx: SKRSContext2D, x: number, y: number, radius: number): void {
  ctx.save()
  // Ink over toner darkens, it does not cover: text under the seal stays dark, as on a real stamped page.
  ctx.globalCompositeOperation = 'multiply'
  ctx.globalAlpha = 0.85
  ctx.strokeStyle = '#d21f1f'
  ctx.fillStyle = '#d21f1f'
  ctx.lineWidth = radius * 0.07
  ctx.beginPath()
  ctx.arc(x, y, radius, 0, 2 * Math.PI)
  ctx.stroke()
  ctx.font = `${radius * 0.5}px "${chineseFont()}"`
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillText('★', x, y)
  ctx.font = `${radius * 0.28}px "${chineseFont()}"`
  ctx.fillText('办理专用章', x, y + radius * 0.55)
  ctx.restore()
}

function addSpeckle(ctx: SKRSContext2D, width: number, height: number, share: number, random: () => number): void {
  ctx.fillStyle = '#333'
  const count = Math.round(width * height * share * 0.05)
  for (let i = 0; i < count; i++) {
    const size = 1 + random() * 2.5
    ctx.fillRect(random() * width, random() * height, size, size)
  }
}

/** A scanned PDF: each page only an image, no text layer. */
export async function imagePdf(pngs: Buffer[]): Promise<Buffer> {
  const pdf = new PDFDocument({ encodingQuality: 85 })
  const size = { width: A4_INCHES.width * POINTS_PER_INCH, height: A4_INCHES.height * POINTS_PER_INCH }
  for (const png of pngs) {
    const image = await loadImage(png)
    const ctx = pageContext(pdf, size.width, size.height)
    ctx.drawImage(image, 0, 0, size.width, size.height)
    pdf.endPage()
  }
  return pdf.close()
}

/** A PDF whose pages are either text (typeset, with a text layer) or a scan image, in the order given. */
export async function mixedPdf(pages: ({ text: string[] } | { png: Buffer })[]): Promise<Buffer> {
  const pdf = new PDFDocument({ encodingQuality: 85 })
  const size = { width: A4_INCHES.width * POINTS_PER_INCH, height: A4_INCHES.height * POINTS_PER_INCH }
  for (const page of pages) {
    const ctx = pageContext(pdf, size.width, size.height)
    if ('png' in page) {
      ctx.drawImage(await loadImage(page.png), 0, 0, size.width, size.height)
    } else {
      ctx.font = `16px "${chineseFont()}"`
      ctx.fillStyle = '#000'
      layoutLines(ctx, page.text, size.width * 0.7).forEach((line, i) => ctx.fillText(line, size.width * 0.15, 90 + i * 28))
    }
    pdf.endPage()
  }
  return pdf.close()
}

/** Small fast deterministic PRNG (mulberry32): the same seed gives the same page. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
