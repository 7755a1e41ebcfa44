/**
 * Reply texts for WeChat: plain text (no Markdown), verbatim passages with their citation, the
 * contact person of each cited reply once, and the fixed lines (help, welcome, not found).
 */
import { headingMarker, sentenceSpans, type Chunk, type ReplyDocument } from '../../index/index.js'

/** WeChat shows long texts poorly and the web protocol truncates very long ones; longer content goes to "更多". */
export const MAX_REPLY_CHARS = 1500
/** A passage is shown at most this long, cut at sentence boundaries around its best sentence. */
export const MAX_PASSAGE_CHARS = 220
export const HOTLINE = '12345市民服务热线'
export const EXAMPLE_QUESTION = '长宁有什么创业扶持？'

export const HELP_TEXT = [
  '我是答复助手，根据政府部门对政协提案、人大代表建议的书面答复原文回答问题，每段都注明出处和联系人。',
  '可以这样问：',
  `· ${EXAMPLE_QUESTION}`,
  '· 网办率是多少？',
  '· 084号提案的答复怎么说的？',
  '· 辛洁暐委员的提案',
  '· 区科委关于概念验证中心的答复',
  '看到答复后，回复“更多”看其他段落，回复“全文”看该部分全文。',
].join('\n')
export const GREETING_TEXT = `您好，我是答复助手，可以查政府部门对提案和代表建议的答复。试试问：${EXAMPLE_QUESTION}`
export const EMPTY_TEXT = `请用文字输入您的问题，例如：${EXAMPLE_QUESTION}（回复“帮助”查看用法）`
export const NO_MORE_TEXT = '没有更多相关段落了。可以换个说法再问，或回复“帮助”查看用法。'
export const NOTHING_CITED_TEXT = '请先提一个问题，看到答复后再回复“更多”或“全文”。'
export const TRUNCATED_NOTE = '（您的消息较长，我只根据开头部分作答。）'


export function notFoundText(question: string, scope?: string, missingPlaces: string[] = []): string {
  const what = scope ? `${scope}的答复中` : '现有的答复文件中'
  const about = missingPlaces.length ? `涉及${missingPlaces.join('、')}` : `与“${shorten(question, 30)}”相关`
  return `抱歉，${what}没有找到${about}的内容，我不便作答。如需咨询，可拨打${HOTLINE}，或回复“帮助”查看可以问什么。`
}

/** "二、（二）3": the heading markers of a section path, as a committee member would cite it. */
export function sectionMarkers(section: string[]): string {
  if (section.length === 0) return '开头'
  const markers = section.map(headingMarker).filter(Boolean)
  return markers.length ? markers.join('') : section[0]
}

/** The reply's own name: 对长宁区政协第十五届三次会议第084号提案的答复, or the proposal title. */
export function replyTitle(doc: ReplyDocument): string {
  if (doc.number) {
    const motion = doc.kind === '代表建议' || doc.session?.includes('人大') ? '代表建议' : '提案'
    const form = doc.kind === '会办意见' || doc.kind === '协办函' ? doc.kind : '答复'
    return `对${doc.session ?? ''}第${doc.number}号${motion}的${form}`
  }
  return doc.title ? `关于“${doc.title}”的${doc.kind === '会办意见' ? '会办意见' : '答复'}` : doc.file
}

export function formatDate(date?: string): string | undefined {
  const match = date && /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : undefined
}

/** Text recognised from a scan may hold recognition errors: the reader is told, once per citation. */
export const OCR_NOTE = '（据扫描件识别，以原件为准）'

export function citation(doc: ReplyDocument, section: string[]): string {
  const place = [doc.unit, `《${replyTitle(doc)}》`].filter(Boolean).join('')
  return `【来源】${place} ${sectionMarkers(section)}${doc.date ? ` · ${formatDate(doc.date)}` : ''}${doc.ocr?.pages ? OCR_NOTE : ''}`
}

export function contactLine(doc: ReplyDocument): string {
  const c = doc.contact
  const parts = [
    c?.name && `联系人 ${c.name}`,
    c?.phone && `电话 ${c.phone}`,
    (c?.address || c?.postcode) && `地址 ${[c?.address, c?.postcode].filter(Boolean).join(' ')}`,
  ].filter(Boolean)
  const who = doc.unit ?? replyTitle(doc)
  const line = parts.length ? `【联系】${who} ${parts.join(' · ')}` : `【联系】${who}（答复未载联系人，可拨打${HOTLINE}）`
  return doc.sourceUrl ? `${line}\n【原文】${doc.sourceUrl}` : line
}

/** Each cited reply's contact once, in the order first cited. */
export function contactBlock(docs: ReplyDocument[]): string {
  return [...new Map(docs.map((doc) => [doc.id, doc])).values()].map(contactLine).join('\n')
}

export interface Excerpt {
  /** verbatim slice of the chunk */
  text: string
  clippedStart: boolean
  clippedEnd: boolean
}

/** The sentences around the one that shares most words with the question, up to `maxChars`. */
export function excerpt(chunk: Chunk, questionTokens: string[], maxChars = MAX_PASSAGE_CHARS): Excerpt {
  const sentences = sentenceSpans(chunk.text).map(({ start, end }) => chunk.text.slice(start, end))
  if (chunk.text.length <= maxChars || sentences.length === 1) return { text: chunk.text, clippedStart: false, clippedEnd: false }
  const overlap = (s: string) => questionTokens.filter((token) => s.includes(token)).length
  let best = 0
  sentences.forEach((s, i) => (overlap(s) > overlap(sentences[best]) ? (best = i) : undefined))
  let [from, to] = [best, best + 1]
  const length = () => sentences.slice(from, to).join('').length
  while (true) {
    if (to < sentences.length && length() + sentences[to].length <= maxChars) to++
    else if (from > 0 && length() + sentences[from - 1].length <= maxChars) from--
    else break
  }
  const text = sentences.slice(from, to).join('').trim()
  return { text, clippedStart: from > 0, clippedEnd: to < sentences.length }
}

export function quote(piece: Excerpt): string {
  return `${piece.clippedStart ? '…' : ''}${piece.text}${piece.clippedEnd ? '…' : ''}`
}

function shorten(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) + '…' : text
}
