/**
 * Reply texts for WeChat: plain text (no Markdown), verbatim passages with their citation, the
 * contact person of each cited reply once, and the fixed lines (help, welcome, not found).
 */
import { headingMarker, sentenceSpans, type Chunk, type ReplyDocument } from '../../index/index.js'
import { motionOf } from './entities.js'
import { isCourtesy } from './refusal.js'

/** WeChat shows long texts poorly and the web protocol truncates very long ones; longer content goes to "更多". */
export const MAX_REPLY_CHARS = 1500
/** A passage is shown at most this long, cut at sentence boundaries around its best sentence. */
export const MAX_PASSAGE_CHARS = 220
export const HOTLINE = '12345市民服务热线'

/** What this corpus can be asked, taken from its own replies: the help text never names a reply that is not there. */
export interface Examples {
  topic?: string
  number?: string
  person?: string
  unit?: string
}

export function examplesFrom(docs: ReplyDocument[]): Examples {
  const titled = docs.find((doc) => doc.title && doc.title.length <= 24)
  const numbered = docs.find((doc) => doc.number)
  const proposed = docs.find((doc) => doc.proposers.length > 0)
  const answered = docs.find((doc) => doc.unit)
  const motion = (doc: ReplyDocument) => (doc.kind === '代表建议' || doc.session?.includes('人大') ? '建议' : '提案')
  return {
    topic: titled && `“${titled.title}”是怎么答复的？`,
    number: numbered && `${numbered.number}号${motion(numbered)}的答复`,
    person: proposed && `${proposed.proposers[0]}${motion(proposed) === '建议' ? '代表' : '委员'}的${motion(proposed)}`,
    unit: answered && `${answered.unit}的答复`,
  }
}

export function helpText(examples: Examples): string {
  const lines = [examples.topic, examples.number, examples.person, examples.unit].filter(Boolean).map((line) => `· ${line}`)
  return [
    '我是答复助手，根据政府部门对政协提案、人大代表建议的书面答复原文回答问题，每段都注明出处和联系人。',
    ...(lines.length ? ['可以这样问：', ...lines] : ['可以直接提问，或告诉我提案（建议）编号、提出人、答复单位。']),
    '看到答复后，回复“更多”看其他段落，回复“全文”看该部分全文，也可以问“这份答复找谁联系”。',
  ].join('\n')
}

export function greetingText(examples: Examples): string {
  return `您好，我是答复助手，可以查政府部门对提案和代表建议的答复。${examples.topic ? `试试问：${examples.topic}` : '回复“帮助”查看用法。'}`
}

export function emptyText(examples: Examples): string {
  return `请用文字输入您的问题${examples.topic ? `，例如：${examples.topic}` : ''}（回复“帮助”查看用法）`
}
/** A question naming no subject (需要什么材料, 进展怎么样), with no reply in the conversation. */
export function whichSubjectText(examples: Examples): string {
  return `请问您问的是哪件事？请在问题里说明具体事项${examples.topic ? `（例如：${examples.topic}）` : ''}。也可以先问一件事，再接着问它的进展、材料或联系人。`
}
export const NO_MORE_TEXT = '没有更多相关段落了。可以换个说法再问，或回复“帮助”查看用法。'
export const NOTHING_CITED_TEXT = '请先提一个问题，看到答复后再回复“更多”或“全文”。'
export const TRUNCATED_NOTE = '（您的消息较长，我只根据开头部分作答。）'
export const THANKS_TEXT = '不客气。还有其他问题可以继续问我。'
export const ACKNOWLEDGED_TEXT = '好的。还有其他问题可以继续问我。'
export const FAREWELL_TEXT = `再见。以后有问题随时来问；需要人工咨询可拨打${HOTLINE}。`
export const WHICH_REPLY_TEXT = '请问您指的是哪一份答复？可以先问一个问题，或告诉我提案（建议）编号、提出人或答复单位，再问这一份的全文、某一部分、联系人、日期或提出人。'


/**
 * `oneReply`: the question was asked of one reply, which stays the conversation's: its whole text is a 全文
 * away. `kind`: what the texts searched are called (答复, 文件, 答复或文件).
 */
export function notFoundText(question: string, scope?: string, oneReply = false, kind = '答复'): string {
  const what = !scope ? '现有的答复文件中' : /^这份|答复$/.test(scope) ? `${scope}中` : `${scope}的${kind}中`
  const whole = oneReply ? `回复“全文”可查看这份${kind}的原文。` : ''
  return `抱歉，${what}没有找到与“${shorten(question, 30)}”相关的内容，我不便作答。${whole}${HOTLINE_HINT}`
}

/** Places no text is the own of, asked about: the texts that name them in passing (another place's) do not answer either. */
export function placeNotFoundText(question: string, places: string[], kind: string): string {
  const named = places.join('、')
  return `抱歉，没有找到${named}的${kind}；提到${named}的${kind}中也没有与“${shorten(question, 30)}”相关的内容，我不便作答。${HOTLINE_HINT}`
}

const HOTLINE_HINT = `如需咨询，可拨打${HOTLINE}，或回复“帮助”查看可以问什么。`

/**
 * A reply that was asked for by what it is (number, session, proposer, unit) and does not exist, or places
 * no reply names. `missingKind`, `offersKind`: what the corpus's texts and the offered ones are called
 * (答复, 文件, 答复或文件); no `missingKind` when what was asked names a text itself (《…》, 2023年88号文件).
 */
export function noSuchReplyText({ asked, places, missingKind, offers, offersHeading }: { asked: string[]; places: string[]; missingKind: string; offers: string[]; offersHeading: string }): string {
  const lines = [
    asked.length ? `抱歉，没有找到${asked.join('、')}${missingKind ? `的${missingKind}` : ''}。` : `抱歉，现有的答复文件中没有找到涉及${places.join('、')}的内容，我不便作答。`,
    ...(offers.length ? [offersHeading, ...offers.map((offer, i) => `${i + 1}. ${offer}`), '回复序号可查看其中一份。'] : []),
    HOTLINE_HINT,
  ]
  return lines.join('\n')
}

/** "二、（二）3": the heading markers of a section path, as a committee member would cite it; 正文 for body text under no heading. */
export function sectionMarkers(section: string[]): string {
  if (section.length === 0) return '正文'
  const markers = section.map(headingMarker).filter(Boolean)
  return markers.length ? markers.join('') : section[0]
}

/** The reply's own name: 对长宁区政协第十五届三次会议第084号提案的答复, or the proposal title; a policy text's own name. */
export function replyTitle(doc: ReplyDocument): string {
  if (!doc.structured && doc.title) return doc.title
  if (doc.number) {
    const motion = motionOf(doc) === '建议' ? '代表建议' : '提案'
    const form = doc.kind === '会办意见' || doc.kind === '协办函' ? doc.kind : '答复'
    return `对${doc.session ?? ''}第${doc.number}号${motion}的${form}`
  }
  // 对“关于…的建议”的答复, not 关于“关于…”.
  if (doc.title) return `${doc.title.startsWith('关于') ? '对' : '关于'}“${doc.title}”的${doc.kind === '会办意见' ? '会办意见' : '答复'}`
  // No title found: its first line names it better than a file name a resident never saw; an addressee
  // opening it (各州、市、县、区人民政府，省直各委、办、厅、局：) names whom it is sent to, so the line after.
  const lines = doc.text.split('\n').map((line) => line.trim()).filter(Boolean)
  const first = /[:：]$/u.test(lines[0] ?? '') && lines[1] ? lines[1] : lines[0]
  return first ? (first.length > UNTITLED_NAME_MAX ? `${first.slice(0, UNTITLED_NAME_MAX)}…` : first) : doc.file
}

const UNTITLED_NAME_MAX = 30

/** How a document is spoken of: a policy text is nobody's 答复, and its unit is the one that issued it. */
export function documentWords(doc: ReplyDocument): { kind: '答复' | '文件'; unit: string; date: string } {
  return doc.structured ? { kind: '答复', unit: '答复单位', date: '答复日期' } : { kind: '文件', unit: '发文单位', date: '日期' }
}

export function formatDate(date?: string): string | undefined {
  const match = date && /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : undefined
}

/** Text recognised from a scan may hold recognition errors: the reader is told, once per citation. */
export const OCR_NOTE = '（据扫描件识别，以原件为准）'
/** A text printed in traditional characters is quoted simplified: the reader is told, once per citation. */
export const SIMPLIFIED_NOTE = '（原文为繁体字，引文已转为简体）'

export function citation(doc: ReplyDocument, section: string[]): string {
  const place = [doc.unit, `《${replyTitle(doc)}》`].filter(Boolean).join('')
  return `【来源】${place} ${sectionMarkers(section)}${doc.date ? ` · ${formatDate(doc.date)}` : ''}${doc.ocr?.pages ? OCR_NOTE : ''}${doc.traditional ? SIMPLIFIED_NOTE : ''}`
}

function contactLine(doc: ReplyDocument): string {
  const c = doc.contact
  const parts = [
    c?.name && `联系人 ${c.name}`,
    c?.phone && `电话 ${c.phone}`,
    c?.address && `地址 ${[c.address, c.postcode].filter(Boolean).join(' ')}`,
    // A postcode alone is no address, and is labelled as what it is.
    !c?.address && c?.postcode && `邮编 ${c.postcode}`,
  ].filter(Boolean)
  // Only the unit's own name stands here: a title or a file name would misname who answers the phone.
  const source = documentWords(doc).kind
  if (parts.length === 0) return doc.unit ? `【联系】${doc.unit}（${source}未载联系人，可拨打${HOTLINE}）` : `【联系】${source}未载明单位和联系人，可拨打${HOTLINE}`
  return `【联系】${[doc.unit, parts.join(' · ')].filter(Boolean).join(' ')}`
}

/** Each unit's contact once (two replies of one unit with the same contact make one line), then each reply's source link. */
export function contactBlock(docs: ReplyDocument[]): string {
  const unique = [...new Map(docs.map((doc) => [doc.id, doc])).values()]
  const contacts = new Map(unique.map((doc) => [contactKey(doc), contactLine(doc)]))
  const sources = [...new Set(unique.map((doc) => doc.sourceUrl).filter(Boolean))].map((url) => `【原文】${url}`)
  return [...contacts.values(), ...sources].join('\n')
}

function contactKey(doc: ReplyDocument): string {
  return doc.unit || doc.contact?.name || doc.contact?.phone ? [doc.unit, doc.contact?.name, doc.contact?.phone].join('|') : doc.id
}

export interface Excerpt {
  /** verbatim slice of the chunk */
  text: string
  clippedStart: boolean
  clippedEnd: boolean
}

/**
 * The sentences around the one that shares most words with the question, up to `maxChars`. Never around a
 * courtesy (感谢您对我市公交事业发展的关心): it shares the topic's words and says nothing.
 */
export function excerpt(chunk: Chunk, questionTokens: string[], maxChars = MAX_PASSAGE_CHARS): Excerpt {
  const sentences = sentenceSpans(chunk.text).map(({ start, end }) => chunk.text.slice(start, end))
  if (chunk.text.length <= maxChars || sentences.length === 1) return { text: chunk.text, clippedStart: false, clippedEnd: false }
  const overlap = (s: string) => (isCourtesy(s) ? -1 : questionTokens.filter((token) => s.includes(token)).length)
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
