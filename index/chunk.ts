/**
 * Cleaned text → chunks that follow the document's own structure. Headings (一、 （一） 1、 （1）) and
 * enumerations (一是… 二是…) open sections; inside a section, chunks are whole paragraphs or even pieces
 * of a long one (see packSentences); a chunk never spans two sections and never cuts a sentence,
 * and carries its section path and its offsets into the cleaned text, so quoting it is verbatim.
 */
import { DATE_LINE, DOCUMENT_KIND, NAME_MAX_LINES, UNIT_LIST_LINE, UNITS_LINE } from './reply.js'
import { chineseNumeral, sentenceSpans } from './text.js'
import type { Chunk } from './types.js'

export interface ChunkOptions {
  /** a chunk grows by whole sentences up to this many characters (bge reads ≤ 512 tokens ≈ 500 characters) */
  maxChars: number
}
export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { maxChars: 300 }
/** A single sentence longer than the model can read is the one case split inside a sentence, at a comma. */
const MODEL_LIMIT_CHARS = 480

/**
 * Heading markers, outermost first: the rank is the depth in the section path. Regulations and policy
 * texts number chapters, sections and articles (第一章 总则, 第三条 …) above the replies' 一、（一）.
 */
const ORDINAL = '第[一二三四五六七八九十百零〇两\\d]+'
const BRACKETED = '[（(][一二三四五六七八九十]+[)）]'
const ARTICLE = new RegExp(`^${ORDINAL}条`)
/**
 * A question of a policy Q&A (问：…？ 答：…, also numbered, Q1:): each question and its answer is a
 * section, under the part (一、) it belongs to and above the lists inside its answer.
 */
const QUESTION = /^(?:\d{1,3}[、．.]\s*)?(?:问题?|提问|Q)\s*\d{0,3}\s*[：:]/i
const HEADINGS: RegExp[] = [
  new RegExp(`^${ORDINAL}章`),
  new RegExp(`^${ORDINAL}节`),
  ARTICLE,
  /^[一二三四五六七八九十]+、/,
  QUESTION,
  new RegExp(`^${BRACKETED}`),
  /^\d{1,2}(?:[、．]|\.(?!\d))/,
  /^[（(]\d{1,2}[)）]/,
  /^[一二三四五六七八九十]+是/,
]
const ENUMERATION_RANK = HEADINGS.length - 1
const QUESTION_RANK = HEADINGS.indexOf(QUESTION)
/** The line after an unmarked question (…可以缓缴吗？) that makes it one: the answer's marker. */
const ANSWER = /^\s*(?:答案?|回答|A)\s*[：:]/i
/** An unmarked question line longer than this is a paragraph that happens to end in a question mark. */
const QUESTION_MAX_CHARS = 100
/** A heading's label stops at its first clause end; the rest of the line is body text. */
const LABEL_END = /[。；;，,：:！？]/
const MAX_LABEL_CHARS = 40
/** A document's name runs over at most NAME_MAX_LINES lines and this many characters: longer, it is a flattened paragraph. */
const NAME_MAX_CHARS = 80
/**
 * The signature and contact lines after the body: a separate "落款" section, not part of the last heading.
 * A date may have lost its 年月日 on the way ("2023526").
 */
const CLOSING_LINE =
  /^(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d{5,6}|.*(联系人|联\s*系\s*人|联系电话|联系地址|邮政编码|邮编|经办人|签发人|抄\s*[报送]|此件公开发布).*)$/
const SIGNATURE_SECTION = '落款'
/**
 * A reply opens with its title line, result and addressee, then acknowledges the proposal, restating
 * its title (您提出的《关于…的建议》收悉，现将办理情况答复如下). That opening matches every question on the
 * proposal's topic in words and meaning, yet answers none: it is a section of its own, "开头", ending
 * with the sentence that says 收悉, that the proposal was handed over to be handled (…交县卫生健康局办理),
 * or announces the reply (答复如下, 函告如下; and a short "…答复如下：" after it), when that sentence
 * comes before any heading and within the first lines. What follows it on the same line is body text.
 * A policy text's preamble ends the same way (为…，根据…，现将…通知如下 / 通告如下 / 告知如下; …提出如下
 * 处理意见，请贯彻执行), unless a sentence of its own comes before the announcement: that one says something.
 * reply.ts's OPENING knows only the reply's forms: for it, a text that opens so is a reply.
 */
const OPENING_SECTION = '开头'
const ACKNOWLEDGEMENT = /收悉|(?:答复|函告|回复|通知|通告|公告|告知)[^。；！？\s]{0,4}如下|(?:提出|制定|作出)(?:如下|以下)|请(?:认真)?(?:贯彻执行|遵照执行|贯彻落实)|(?:交|转交|交由)[^。，,]{0,10}办理/
const NOTICE_ANNOUNCEMENT = /^(?:通知|通告|公告|告知)/
const OPENING_MAX_LINES = 8
const ANNOUNCEMENT = /^[^。！？；!?;]{0,40}如下\s*[：:]\s*/
/** The formula a notice signs off with, above its signature: 特此通知。 */
const SIGN_OFF = /^特此(?:通知|通告|公告|函告|函复|批复|报告)[。.]?$/u
/**
 * A notice flattened onto one line runs on from 请遵照执行 to what it sends out: 附件：…规定, its signing
 * units, the date, and the name again above the text. All of it opens the text.
 */
const SENT_OUT = new RegExp(
  `^\\s*(?:附件\\s*[：:])?[^。！？；]{0,160}?(?:\\d{4}|[〇○零0一二三四五六七八九]{4})\\s*年\\s*\\S{1,3}\\s*月\\s*\\S{1,3}\\s*日` +
    `(?:\\s*[^。！？；：:\\s]{2,40}(?:\\s[^。！？；：:\\s]{1,20})?${DOCUMENT_KIND.source.replace(/\$$/, '')})?\\s*`,
  'u',
)
/** A line holding a sentence is body text, not part of a title block (a portal's block may run longer than OPENING_MAX_LINES). */
const SENTENCE_END = /[。！？!?；;]/
/**
 * Nor is a long line of clauses: a preamble announcing a table (为贯彻…，根据…，现将…通告如下：) has no
 * sentence end, but an addressee (各区县人民政府，市政府各部门：) or a title is shorter.
 */
const PARAGRAPH = /^(?=.{50})[^，,]*[，,]/
const URL = /https?:\/\/\S+/g
/** A portal's field block runs to some 20 lines; a longer run without a sentence is a table, and body. */
const TITLE_MAX_LINES = 30

/** The signature and contact block: shown as the contact line, never quoted as a passage. */
export function isSignature(chunk: Pick<Chunk, 'section'>): boolean {
  return chunk.section[0] === SIGNATURE_SECTION
}

function isOpening(chunk: Pick<Chunk, 'section'>): boolean {
  return chunk.section[0] === OPENING_SECTION
}

/** A passage that can answer a question: not the opening acknowledgement, not the signature block. */
export function isQuotable(chunk: Pick<Chunk, 'section'>): boolean {
  return !isSignature(chunk) && !isOpening(chunk)
}

/** Enumerated items (一是…) are parts of a section, not sections of their own. */
export function isEnumeration(label: string): boolean {
  return HEADINGS[ENUMERATION_RANK].test(label)
}

/** The heading marker a section label starts with, as a committee member cites it: "二、", "（二）", "3". */
export function headingMarker(label: string): string | undefined {
  const rank = HEADINGS.findIndex((pattern) => pattern.test(label))
  // A question is cited by itself (an unmarked one's label is the question, to its question mark).
  if (rank === QUESTION_RANK || (rank < 0 && /[？?]$/.test(label))) return label
  if (rank < 0 || rank === ENUMERATION_RANK) return undefined
  return HEADINGS[rank].exec(label)![0].replace(/(\d)[、．.]$/, '$1')
}

interface Unit {
  section: string[]
  start: number
  end: number
}

export function chunkDocument(docId: string, text: string, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Chunk[] {
  const units = withListsJoined(text, sectionUnits(text), options.maxChars).filter((unit) => !isBareHeading(text, unit))
  const pieces = units.flatMap((unit) => packSentences(text, unit, options.maxChars))
  return pieces.map((piece, i) => ({
    id: `${docId}#${i}`,
    docId,
    section: piece.section,
    start: piece.start,
    end: piece.end,
    text: text.slice(piece.start, piece.end),
  }))
}

/**
 * A list announced by a colon (第八条 …应当同时符合下列条件： （一）具有本市户口； （二）上年人均收入低于2万元；…)
 * reads as one passage, cited by the heading that announces it: alone, "（二）上年人均收入低于2万元（含）；"
 * answers nothing and embeds poorly. Its short items join that heading's passage while it fits. So do
 * numbered one-line items under any heading (所需资料 / 一、…； 二、本人近期相片（白底1寸1张）；).
 */
const LIST_ITEM_MAX_CHARS = 60
const LIST_ITEM = '[（(][一二三四五六七八九十\\d]+[)）]|\\d{1,2}[、．.]'
const ITEM_LABEL = new RegExp(`^(?:${LIST_ITEM})`)
/** "…下列条件：" closing a passage, or followed by its first item on the same line. */
const ANNOUNCES_LIST = new RegExp(`[：:]\\s*(?:$|${LIST_ITEM})`)

function withListsJoined(text: string, units: Unit[], maxChars: number): Unit[] {
  const joined: Unit[] = []
  let list: { unit: Unit; section: string[] } | undefined
  for (const unit of units) {
    const item = list && samePath(list.section, unit.section.slice(0, -1)) && unit.end - unit.start <= LIST_ITEM_MAX_CHARS && unit.end - list.unit.start <= maxChars
    if (list && item) {
      list.unit.end = unit.end
      list.unit.section = list.section
      continue
    }
    // Numbered one-line items (一、…；二、…；) join the passage before them when it is their heading's own
    // (its body, the list so far, or a first item): the list reads as one passage, cited by that heading.
    const previous = joined.at(-1)
    const parent = unit.section.slice(0, -1)
    const heads = previous && (samePath(previous.section, parent) || (isListLine(text, previous) && samePath(previous.section.slice(0, -1), parent)))
    if (previous && parent.length > 0 && heads && isListLine(text, unit) && unit.end - previous.start <= maxChars) {
      previous.end = unit.end
      previous.section = parent
      continue
    }
    const own = { ...unit }
    joined.push(own)
    list = undefined
    if (isQuotable(unit) && ANNOUNCES_LIST.test(text.slice(unit.start, unit.end))) {
      // A first item sharing the announcement's passage makes it an item's section; the list is the heading's.
      const section = ITEM_LABEL.test(unit.section.at(-1) ?? '') ? unit.section.slice(0, -1) : unit.section
      list = { unit: own, section }
    }
  }
  return joined
}

/**
 * One numbered line and nothing under it, an item of a list (二、本人近期相片（白底1寸1张）；): a heading
 * has a body below it and no clause end of its own. Short, or ended by a semicolon as list items are.
 */
function isListLine(text: string, unit: Unit): boolean {
  const label = unit.section.at(-1)
  if (!isQuotable(unit) || !label || !headingMarker(label) || ARTICLE.test(label)) return false
  const lines = text.slice(unit.start, unit.end).trim().split('\n').map((line) => line.trim())
  const last = lines.at(-1)!
  return last.startsWith(label) && lines.slice(0, -1).every((line) => unit.section.includes(line.replace(/[：:]$/, ''))) && (last.length <= LIST_ITEM_MAX_CHARS || /[；;]$/.test(last))
}

/**
 * A heading with nothing under it (a text cut short after it, a table lost in conversion): no passage, it answers
 * nothing. One giving its value after a colon (六、收费标准:无) says it; a question (问:…条件?) does not.
 */
const VALUE_GIVEN = /[：:]\s*(?=\S).*[^？?\s]$/u
function isBareHeading(text: string, unit: Unit): boolean {
  const body = text.slice(unit.start, unit.end).trim()
  const heading = unit.section.at(-1)
  return isQuotable(unit) && !!heading && body.startsWith(heading) && isHeadingOnly(body) && !VALUE_GIVEN.test(body)
}

/**
 * Where the name of a document on lines of its own, starting at `start`, ends (-1: no name there). Outside
 * any heading (the title of the text a notice sends out) it opens that text: it names, it answers nothing.
 */
function nameEnd(text: string, start: number): number {
  let name = ''
  let count = 0
  for (const line of lines(text.slice(start))) {
    const words = text.slice(start + line.start, start + line.end).replace(/\s+/gu, '')
    if (!words || LABEL_END.test(words) || ++count > NAME_MAX_LINES) return -1
    name += words
    if (name.length > NAME_MAX_CHARS) return -1
    if (DOCUMENT_KIND.test(name)) return start + line.end
  }
  return -1
}

function samePath(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((label, i) => label === b[i])
}

/** The sections of a text: each heading opens one and it runs to the next heading (at any depth). */
export function sectionUnits(text: string): Unit[] {
  const units: Unit[] = []
  const path: { rank: number; label: string; introduces?: number }[] = []
  let current = null as Unit | null
  const closingStart = findClosing(text)
  const signed = signedBlocks(text)
  const openingEnd = findOpening(text)
  let nameUntil = -1
  /** units holding unmarked headings only, so far (they join the section they introduce) */
  const headingsOnly = new Set<Unit>()
  /** units holding bare numbered headings only, each under the one before: the rank of the last */
  const headingsNested = new Map<Unit, number>()
  /** the rank of the heading each unit opened at */
  const openedAt = new Map<Unit, number>()
  const all = [...lines(text, openingEnd)]
  for (const [i, { start, end }] of all.entries()) {
    const line = text.slice(start, end)
    if (end <= openingEnd) {
      if (!current) {
        current = { section: [OPENING_SECTION], start, end }
        units.push(current)
      }
      current.end = end
      continue
    }
    if (end <= nameUntil) continue
    if (current && isOpening(current)) current = null
    if (start >= closingStart || signed.some((block) => start >= block.start && end <= block.end)) {
      if (!current || !isSignature(current)) {
        current = { section: [SIGNATURE_SECTION], start, end }
        units.push(current)
      }
      current.end = end
      continue
    }
    // What follows a notice's signature is the text it sends out, under headings of its own.
    if (current && isSignature(current)) {
      current = null
      path.length = 0
    }
    const openings = headingsIn(line, ANSWER.test(text.slice(end + 1, end + 12)))
    if (!current && path.length === 0 && openings.length === 0) {
      const named = nameEnd(text, start)
      if (named >= end) {
        current = { section: [OPENING_SECTION], start, end: named }
        units.push(current)
        nameUntil = named
        continue
      }
    }
    const introduced = openings.length === 0 ? unmarkedHeading(text, all, i) : undefined
    if (introduced) {
      const label = line.trim().replace(/[：:]$/, '')
      closeSections(path, introduced)
      path.push({ ...introduced, label })
      // Like a numbered heading with no body of its own, it opens the passage of the heading it introduces.
      if (current && headingsOnly.has(current)) current.end = end
      else {
        current = { section: path.map((p) => p.label), start, end }
        units.push(current)
        headingsOnly.add(current)
      }
      continue
    }
    // Body text before an enumeration inside the first body line (…进行摸排，…拥堵。二是…) is a passage too.
    if (!current && openings[0]?.offset !== 0) {
      current = { section: path.map((p) => p.label), start, end }
      units.push(current)
    }
    for (const opening of openings) {
      closeSections(path, opening)
      path.push(opening)
      const at = start + opening.offset
      if (current && at > current.start) current.end = at
      // A heading with no body of its own (on its line, or before an article on the same line) joins the section it
      // introduces; so do headings alone so far, each under the one before (二、… / （一）…), before one deeper still.
      // Not a shallower one: an item of a list (2、周边居民) introduces no next part (四、).
      const deeper = !!current && (openedAt.get(current) ?? -1) < opening.rank
      const underHeadings = !!current && (headingsNested.get(current) ?? Infinity) < opening.rank
      if (current && (headingsOnly.delete(current) || underHeadings || (deeper && isHeadingOnly(text.slice(current.start, current.end).trimEnd())))) {
        current.section = path.map((p) => p.label)
        current.end = end
        if (isBareLabel(line)) headingsNested.set(current, opening.rank)
        continue
      }
      current = { section: path.map((p) => p.label), start: at, end }
      units.push(current)
      openedAt.set(current, opening.rank)
    }
    if (openings.length === 0 || !isBareLabel(line)) headingsNested.delete(current!)
    current!.end = end
  }
  return units.map((unit) => ({ ...unit, end: trimEnd(text, unit.start, unit.end) })).filter((u) => u.end > u.start)
}

/**
 * A service guide heads its lists with unnumbered lines (所需资料, 办理流程, 符合…条件办理居住证 above
 * 前置条件): a short line with no sentence or clause in it, after a finished sentence or a heading,
 * right above a numbered heading (or above another such line that is). It sits just above the heading
 * it introduces, and its section ends where the numbering goes back out past that heading's level. A
 * date, a line of unit names, a document's name or a line between two headings of one level is not one.
 */
const UNMARKED_HEADING_MAX_CHARS = 30
const UNMARKED_HEADINGS_MAX_RUN = 2
/** A clause, a table's bar or a bracketed note; a colon inside it, or after more than a name's few words (…材料包括：announces a list). */
const NOT_A_HEADING = /[。；;，,！？!?|｜【】\[\]]|[：:].|^.{7,}[：:]$/u

function unmarkedHeading(text: string, all: { start: number; end: number }[], i: number): { rank: number; introduces: number } | undefined {
  const lineAt = (j: number) => text.slice(all[j].start, all[j].end).trim()
  const nonBlank = (from: number, step: 1 | -1) => {
    for (let j = from + step; j >= 0 && j < all.length; j += step) if (lineAt(j)) return j
    return -1
  }
  if (!isUnmarkedHeadingLine(lineAt(i))) return undefined
  // The run of such lines this one belongs to (its line numbers, in order): a table's cells make a longer one.
  const run = [i]
  for (let j = nonBlank(i, -1); j >= 0 && isUnmarkedHeadingLine(lineAt(j)); j = nonBlank(j, -1)) run.unshift(j)
  for (let j = nonBlank(i, 1); j >= 0 && isUnmarkedHeadingLine(lineAt(j)); j = nonBlank(j, 1)) run.push(j)
  const before = nonBlank(run[0], -1)
  const next = nonBlank(run[run.length - 1], 1)
  const afterBreak = before < 0 || /[。；;！？!?：:]$/.test(lineAt(before)) || HEADINGS.some((pattern) => pattern.test(lineAt(before)))
  if (run.length > UNMARKED_HEADINGS_MAX_RUN || !afterBreak || next < 0) return undefined
  const marked = HEADINGS.findIndex((pattern) => pattern.test(lineAt(next)))
  if (marked < 0 || marked === ENUMERATION_RANK) return undefined
  // Between a heading and the next of its list (一、设置时间： / 即日起至2025年10月15日 / 二、销售地点：) it is the
  // first one's body; above a list starting afresh (…二、… / 申报方式 / 一、现场申报) it heads that list.
  if (before >= 0 && HEADINGS.findIndex((pattern) => pattern.test(lineAt(before))) === marked && ordinalOf(lineAt(next)) === ordinalOf(lineAt(before)) + 1) return undefined
  // The outer of two stacked lines sits above the inner one.
  const below = run.length - 1 - run.indexOf(i)
  return { rank: marked - 0.5 * (below + 1), introduces: marked }
}

/** The number a heading's marker gives it (二、 → 2, （十二） → 12, 3. → 3); NaN without one. */
function ordinalOf(line: string): number {
  const numeral = /^[第（(]?([一二三四五六七八九十]+|\d{1,3})/u.exec(line)?.[1]
  if (!numeral) return NaN
  return /\d/u.test(numeral) ? Number(numeral) : chineseNumeral(numeral)
}

function isUnmarkedHeadingLine(line: string): boolean {
  return (
    line.length >= 2 &&
    line.length <= UNMARKED_HEADING_MAX_CHARS &&
    !NOT_A_HEADING.test(line) &&
    !DATE_LINE.test(line) &&
    !UNITS_LINE.test(line) &&
    !DOCUMENT_KIND.test(line) &&
    !HEADINGS.some((pattern) => pattern.test(line))
  )
}

/**
 * The open sections a heading ends: those at its depth or deeper, and the unmarked headings (above) of
 * a deeper list than the one it belongs to.
 */
function closeSections(path: { rank: number; introduces?: number }[], heading: { rank: number; introduces?: number }): void {
  const level = heading.introduces ?? heading.rank
  while (path.length && (path[path.length - 1].rank >= heading.rank || (path[path.length - 1].introduces ?? -1) > level)) path.pop()
}

interface Opening {
  rank: number
  label: string
  offset: number
}

/**
 * Headings inside a line whose layout was flattened (a web page's paragraphs run together, articles
 * separated by spaces): a chapter, an article, a part (一、) or a bracketed item right after a sentence
 * ends or a colon announces them ("…计算。 （二）租住…", "…执行。 第四章 申请与核准 第十三条 …", "…制定如下措施：
 * 一、加大金融支持力度"), and an article or a bracketed item after a chapter's or a part's title on its
 * line ("第三章 保障条件及标准 第七条 …", "一、加大金融支持力度 （一）加大信贷支持。"). Enumerations (二是…)
 * start a sentence inside a line anyway. A part is never followed by another numeral: prose says 一、二月.
 */
const PART = '[一二三四五六七八九十]+、(?![一二三四五六七八九十\\d])'
const INLINE_HEADING = new RegExp(
  [
    `(?<=[。；;！？]\\s?)(?:${ORDINAL}[章节条]|${BRACKETED})`,
    `(?<=[。；;：:！？]\\s?)${PART}`,
    `(?<=(?:^|[。；;：:！？]\\s?)(?:${ORDINAL}[章节]|${PART})\\s*[^\\s。；;]*\\s)(?:${ORDINAL}[章节条]|${BRACKETED})`,
    `(?<=[。；;])[一二三四五六七八九十]+是`,
  ].join('|'),
  'gu',
)

/**
 * Headings at the start of a line and inside it (INLINE_HEADING), each labelled up to the next. A line
 * that asks a question, with its answer (答：) on the next line, is a question heading though unmarked.
 */
function headingsIn(line: string, answerFollows: boolean): Opening[] {
  const starts: { rank: number; offset: number }[] = []
  const rank = HEADINGS.findIndex((pattern) => pattern.test(line))
  if (rank >= 0) starts.push({ rank, offset: 0 })
  else if (answerFollows && /[？?]\s*$/.test(line) && line.trim().length <= QUESTION_MAX_CHARS) starts.push({ rank: QUESTION_RANK, offset: 0 })
  for (const inline of line.matchAll(INLINE_HEADING)) {
    if (inline.index === 0) continue
    starts.push({ rank: HEADINGS.findIndex((pattern) => pattern.test(inline[0])), offset: inline.index })
  }
  return starts.map(({ rank, offset }, i) => ({ rank, offset, label: label(line.slice(offset, starts[i + 1]?.offset).trim(), rank) }))
}

function label(line: string, rank: number): string {
  // An article's first sentence is its body: 第三条 is cited by its number alone.
  const article = ARTICLE.exec(line)
  if (article) return article[0]
  // A question runs to its question mark (问：…，…？), whatever clauses it has.
  const end = rank === QUESTION_RANK ? line.search(/[？?]/) + 1 || line.search(/[。；;]/) : line.search(LABEL_END)
  const text = end > 0 ? line.slice(0, end) : line
  return text.length > MAX_LABEL_CHARS ? text.slice(0, MAX_LABEL_CHARS) + '…' : text
}

function isHeadingOnly(text: string): boolean {
  return !text.includes('\n') && text.length <= MAX_LABEL_CHARS && !/[。；;]/.test(text)
}

/**
 * Offset where the opening ends: the acknowledgement when there is one; else, for a policy text or a
 * reply without one, its title block — the lines before the first sentence (title, 文号, date and
 * portal fields, the addressee "各区教育局："), which name the topic of every passage and answer none.
 * 0 when the text starts with a heading or a sentence.
 */
function findOpening(text: string): number {
  let titleLines = 0
  let bodyLines = 0
  let titleEnd = 0
  let inTitle = true
  for (const { start, end } of lines(text)) {
    const line = text.slice(start, end)
    if (HEADINGS.some((pattern) => pattern.test(line))) return titleEnd
    const words = line.replace(URL, '').trim()
    inTitle &&= !SENTENCE_END.test(words) && !PARAGRAPH.test(words)
    if (inTitle && line.trim()) titleEnd = end
    // The acknowledgement is looked for in the first lines after the title block, however long that is.
    if (inTitle ? ++titleLines > TITLE_MAX_LINES : ++bodyLines > OPENING_MAX_LINES) return inTitle ? 0 : titleEnd
    for (const [n, sentence] of sentenceSpans(line).entries()) {
      const said = ACKNOWLEDGEMENT.exec(line.slice(sentence.start, sentence.end))
      if (!said) continue
      // …报名于6月25-26日进行。现将相关事项通告如下： the notice's body starts with what it says.
      if (n > 0 && NOTICE_ANNOUNCEMENT.test(said[0])) return titleEnd
      // 「…制定如下措施： 一、…（一）…。」: what follows the colon of the announcing sentence is body.
      const from = sentence.start + said.index
      const colon = /[：:]\s*/.exec(line.slice(from, sentence.end))
      if (colon) return start + from + colon.index + colon[0].length
      const rest = line.slice(sentence.end)
      return start + sentence.end + ((ANNOUNCEMENT.exec(rest) ?? SENT_OUT.exec(rest))?.[0].length ?? 0)
    }
  }
  return titleEnd
}

/** Offset where the trailing signature/contact block begins (text length when there is none). */
function findClosing(text: string): number {
  const all = [...lines(text)]
  let start = text.length
  let i = all.length - 1
  for (; i >= 0; i--) {
    const line = text.slice(all[i].start, all[i].end)
    // A part numbered in words (六、收费标准:无, （七）办理地点) is the body's last part, however short; items
    // numbered 1. may be the list of attachments.
    const signatureLike = isClosingLine(line) || (isShortBare(line) && !PART_IN_WORDS.test(line)) || UNIT_LIST_LINE.test(line)
    if (!signatureLike) break
    start = all[i].start
  }
  // Under such a part's bare heading, its value (四、办理地点 / 市民服务中心二楼窗口) runs to the signing unit or the date.
  const heading = i >= 0 ? text.slice(all[i].start, all[i].end) : ''
  if (PART_IN_WORDS.test(heading) && isShortBare(heading)) {
    for (let j = i + 1; j < all.length; j++) {
      const line = text.slice(all[j].start, all[j].end)
      if (isClosingLine(line) || UNIT_LIST_LINE.test(line) || UNITS_LINE.test(line) || ATTACHMENTS.test(line)) break
      start = j + 1 < all.length ? all[j + 1].start : text.length
    }
  }
  // Only a block that has a date or a contact line is a signature, or the list of attachments a text
  // ends with (附件：1.…申请表): it names forms and answers nothing. A short last line alone is body text.
  const block = text.slice(start)
  return block.split('\n').some(isClosingLine) || ATTACHMENTS.test(block) ? start : text.length
}

const ATTACHMENTS = /^\s*附件\s*[：:]/u

/** A heading and nothing else: short, without a clause, nor a value after a colon (五、收费依据:无). */
function isBareLabel(line: string): boolean {
  return isShortBare(line.trim()) && !/[：:]/.test(line)
}

/** A short line without a sentence's or a clause's mark: a unit, a date, a label, a bare heading. */
function isShortBare(line: string): boolean {
  return line.length <= 30 && !/[。；;，,！？]/.test(line)
}
const PART_IN_WORDS = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十百]+条)/u

/**
 * A contact or date line is short: a paragraph that mentions a 邮编 or an 经办人 (an article on a station,
 * a procedure's step) is body. A distribution list (抄送：…) may run long.
 */
const CLOSING_LINE_MAX = 100
const DISTRIBUTION = /^\s*抄\s*[报送]/

function isClosingLine(line: string): boolean {
  return (line.length <= CLOSING_LINE_MAX || DISTRIBUTION.test(line)) && CLOSING_LINE.test(line)
}

/**
 * Signatures inside a text: a transmittal notice (关于印发…的通知) is signed by its units, one or two
 * to a line, above the date, and the text it sends out follows. Lines of unit names and then a date
 * line alone (with the 特此通知 above them); a unit named in a sentence is not one.
 */
function signedBlocks(text: string): { start: number; end: number }[] {
  const blocks: { start: number; end: number }[] = []
  let from = -1
  let signOff = -1
  for (const { start, end } of lines(text)) {
    const line = text.slice(start, end)
    if (UNITS_LINE.test(line)) {
      if (from < 0) from = signOff >= 0 ? signOff : start
      continue
    }
    if (from >= 0 && DATE_LINE.test(line)) blocks.push({ start: from, end })
    from = -1
    // 特此通知。 right above the units signs off with them.
    signOff = SIGN_OFF.test(line.trim()) ? start : -1
  }
  return blocks
}

/** The lines of a text; a line that `cut` falls inside comes as two, before and after it. */
function* lines(text: string, cut = -1): Generator<{ start: number; end: number }> {
  let start = 0
  while (start < text.length) {
    const newline = text.indexOf('\n', start)
    const end = newline === -1 ? text.length : newline
    if (cut > start && cut < end) {
      yield { start, end: cut }
      yield { start: cut, end }
    } else yield { start, end }
    start = end + 1
  }
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--
  return end
}

/**
 * Splits a section into passages that read alone: whole paragraphs, packed together while they fit in
 * maxChars; a paragraph longer than that is cut between sentences into pieces of even length (no
 * stub of one sentence at its end); a short title line without a sentence end opens the passage after it.
 * Texts without headings (policy texts, articles) are one section, so this is all their structure.
 */
function packSentences(text: string, unit: Unit, maxChars: number): Unit[] {
  const segments = paragraphs(text, unit.start, unit.end).flatMap((paragraph) => evenPieces(text, paragraph, maxChars))
  const pieces: Unit[] = []
  for (const segment of segments) {
    const last = pieces[pieces.length - 1]
    const fits = last && segment.end - last.start <= maxChars
    const titleLine = last && isHeadingOnly(text.slice(last.start, last.end)) && segment.end - last.start <= MODEL_LIMIT_CHARS
    if (last && (fits || titleLine) && !segment.inside) last.end = segment.end
    else pieces.push({ section: unit.section, start: segment.start, end: segment.end })
  }
  return pieces.map((p) => ({ ...p, end: trimEnd(text, p.start, p.end) })).filter((p) => p.end > p.start)
}

/** The lines of a span, without their surrounding whitespace. */
function paragraphs(text: string, start: number, end: number): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = []
  for (const line of lines(text.slice(start, end))) {
    const from = skipSpace(text, start + line.start)
    const to = trimEnd(text, from, start + line.end)
    if (to > from) spans.push({ start: from, end: to })
  }
  return spans
}

/**
 * A paragraph as one segment, or cut between sentences into as few pieces as maxChars allows, with the
 * longest piece as short as possible (so the pieces are of about equal length, no stub at the end).
 * `inside` marks the pieces after the first: they continue a paragraph and join nothing before them.
 */
function evenPieces(text: string, paragraph: { start: number; end: number }, maxChars: number): { start: number; end: number; inside: boolean }[] {
  if (paragraph.end - paragraph.start <= maxChars) return [{ ...paragraph, inside: false }]
  const spans = [...sentences(text, paragraph.start, paragraph.end)]
  const fewest = greedy(spans, maxChars).length
  // The smallest cap that still needs no more pieces than maxChars does: found by bisection.
  let [low, high] = [Math.ceil((paragraph.end - paragraph.start) / fewest), maxChars]
  while (low < high) {
    const mid = Math.floor((low + high) / 2)
    if (greedy(spans, mid).length <= fewest) high = mid
    else low = mid + 1
  }
  return greedy(spans, high).map((piece, i) => ({ start: skipSpace(text, piece.start), end: piece.end, inside: i > 0 }))
}

/** Sentences packed in order, a piece closed when the next sentence would take it past `cap`. */
function greedy(spans: { start: number; end: number }[], cap: number): { start: number; end: number }[] {
  const pieces: { start: number; end: number }[] = []
  for (const span of spans) {
    const last = pieces[pieces.length - 1]
    if (last && span.end - last.start <= cap) last.end = span.end
    else pieces.push({ ...span })
  }
  return pieces
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at])) at++
  return at
}

function* sentences(text: string, start: number, end: number): Generator<{ start: number; end: number }> {
  for (const sentence of sentenceSpans(text.slice(start, end))) {
    yield* splitOverlong(start + sentence.start, start + sentence.end, text)
  }
}

function* splitOverlong(start: number, end: number, text: string): Generator<{ start: number; end: number }> {
  while (end - start > MODEL_LIMIT_CHARS) {
    const window = text.slice(start, start + MODEL_LIMIT_CHARS)
    const comma = Math.max(window.lastIndexOf('，'), window.lastIndexOf(','), window.lastIndexOf('、'))
    const cut = comma > 0 ? start + comma + 1 : start + MODEL_LIMIT_CHARS
    yield { start, end: cut }
    start = cut
  }
  yield { start, end }
}
