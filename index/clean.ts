/**
 * Raw document text → cleaned text: one paragraph per line, hard-wrapped lines rejoined, web-page
 * leftovers dropped and the page's metadata block set apart. Only whitespace, leftovers and that block
 * are removed; every character of content survives, in order, so passages quoted from the cleaned text
 * are verbatim.
 */
import { FIELD_WORD, splitPortalBlock, type PortalFields } from './portal.js'
import { DATE_LINE, UNITS_LINE } from './reply.js'
import { inSimplified } from './script.js'
import { CJK, HAN, SENTENCE_END, displayWidth, lastSignificant } from './text.js'

export interface CleanedText {
  text: string
  sourceUrl?: string
  partial: boolean
  /** the page's metadata block (索引号, 发布机构, 文号 …), taken out of the text: metadata, never a passage */
  portal: PortalFields
  /** printed in traditional characters, read simplified (script.ts) */
  traditional: boolean
}

/** Lines from the page around the reply, not part of it. */
const LEFTOVER_LINES = [
  /tab按钮切换浏览/,
  /^(当前位置|您当前的位置)/,
  /^(验证码|全部评论|打印本页|关闭窗口|返回顶部|【打印】|【关闭】)$/,
  /^留言与评论/,
  /^分享(到)?[:：]?.{0,20}$/,
  /Copyright|版权所有/i,
]
/**
 * Page widgets that share a line with real content ("来源:市工信局 浏览次数:… 字号:[ ]", "阅读次数: 来源:…"), up
 * to the next field of the page, if any ("浏览次数: 字体:[ ] 信息来源: 市住房和城乡建设局").
 */
const LEFTOVER_FRAGMENTS = [new RegExp(`(?:^|\\s+)(?:浏览次数|阅读次数|访问次数|点击次数|浏览量|阅读量|访问量|点击量|字号|字体|视力保护色)[:：].*?(?=\\s*${FIELD_WORD}\\s*[:：]|$)`, 'gu'), /!\[[^\]]*\]\([^)]*\)/g]
/** PDF running footers: "- 3 -", "第 3 页 共 5 页". */
const PAGE_NUMBER = /^[-—–\s]*\d{1,3}[-—–\s]*$|^第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?$/

/** What a line broken mid-sentence ends with: a word, a number, a comma or an opening mark (not a table's "|"). */
const MID_SENTENCE = /[\p{Script=Han}A-Za-z0-9，、,“‘（(《]/u
/** "办理结果：", "联系人：": a short label and a colon start a field of their own. */
const OPENS_FIELD = /^\p{Script=Han}{2,6}[:：]/u
const HEADER = /^(source|partial)\s*:\s*(.*)$/i
const BARE_ADDRESS = /^https?:\/\/\S+$/i
/**
 * The address labelled as where the text was copied from (来源：https://…, 原文链接: …): the source, like a bare one.
 * Not a portal field: the page's own 来源 (来源:区住房和城乡建设局) names its publisher further down.
 */
const LABELLED_ADDRESS = /^(?:来源|原文|原文链接|原文地址|网址|链接|出处)\s*[:：]\s*(https?:\/\/\S+)$/iu
/** A line that opens a structural unit, so the line before it ends a paragraph. */
const OPENS_SECTION = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．](?!\d))/
/**
 * A web page that lost its line breaks still indents each paragraph with ideographic spaces: a run of
 * them after a sentence, or before a heading, starts a new line. (Elsewhere, as between a label and
 * its value, it is only a space.)
 */
const INDENT_RUN = '[\\s\\u3000]*\\u3000{2,}[\\s\\u3000]*'
const PARAGRAPH_INDENT = new RegExp(`(?<=[。；！？])${INDENT_RUN}|${INDENT_RUN}(?=${OPENS_SECTION.source.slice(1)}|第[一二三四五六七八九十百]+[章节条])`, 'u')

export function cleanText(raw: string, format: 'txt' | 'pdf' | 'docx' = 'txt'): CleanedText {
  const { text: simplified, traditional } = inSimplified(raw)
  const lines = simplified.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n')
  const { sourceUrl, partial, body } = readHeader(lines)
  const { fields: portal, body: kept } = splitPortalBlock(body.flatMap((line) => line.split(PARAGRAPH_INDENT)).map(stripLeftovers).flatMap(signatureApart).filter((line) => line !== '' && !PAGE_NUMBER.test(line)))
  const wrapped = format === 'pdf' || looksHardWrapped(kept)
  const paragraphs = wrapped ? rejoin(kept).map(tidyWrappedSpaces) : kept
  return { text: dropRepeatedRuns(paragraphs).join('\n'), sourceUrl, partial, portal, traditional }
}

/** The last sentence of a line, then two words: a signing unit and its date, if they are. */
const SIGNED_AT_END = /^(.*[。！!])\s+([^\s。！!]+)\s+([^。！!]+)$/u

/**
 * A page that lost its line breaks ends its last paragraph with the signature (…更加美好。 赤水市建设局
 * 二00七年七月十七日): the unit and the date go on lines of their own, as they were signed.
 */
function signatureApart(line: string): string[] {
  const [, body, unit, date] = SIGNED_AT_END.exec(line) ?? []
  return body && UNITS_LINE.test(unit) && DATE_LINE.test(date) ? [body, unit, date] : [line]
}

function readHeader(lines: string[]): { sourceUrl?: string; partial: boolean; body: string[] } {
  let sourceUrl: string | undefined
  let partial = false
  let i = 0
  for (; i < lines.length; i++) {
    const line = lines[i].trim()
    if (!line) continue
    // A text saved from a page often starts with its address alone on the line, labelled or not.
    const address = BARE_ADDRESS.test(line) ? line : LABELLED_ADDRESS.exec(line)?.[1]
    if (address && !sourceUrl) {
      sourceUrl = address
      continue
    }
    const match = HEADER.exec(line)
    if (!match) break
    if (match[1].toLowerCase() === 'source') sourceUrl = match[2].split(/\s/)[0] || undefined
    else partial = /^(yes|true|1)$/i.test(match[2].trim())
  }
  return { sourceUrl, partial, body: lines.slice(i) }
}

function stripLeftovers(line: string): string {
  let kept = line.replace(/[\s\u3000]+/g, ' ').trim()
  if (LEFTOVER_LINES.some((pattern) => pattern.test(kept))) return ''
  for (const fragment of LEFTOVER_FRAGMENTS) kept = kept.replace(fragment, '')
  // A table row of one cell ("…的答复函 |", "| 李某代表: …2025年7月25日 |") is its text; not a label's
  // cell ("关键词: |"), whose value was left empty.
  return kept.replace(/^[|\s]+$/, '').replace(/^\|?\s*([^|]*[^|:：\s])\s*\|$/, '$1').trim()
}

/**
 * A text is hard-wrapped (PDF copy, fixed-width TXT) when most of its long lines stop mid-sentence;
 * web text has one paragraph per line, ending in 。.
 */
function looksHardWrapped(lines: string[]): boolean {
  const long = lines.filter((line) => displayWidth(line) >= 30)
  if (long.length < 5) return false
  const open = long.filter((line) => MID_SENTENCE.test(line.slice(-1))).length
  return open / long.length >= 0.5
}

function endsParagraph(line: string): boolean {
  const last = lastSignificant(line)
  return SENTENCE_END.test(last) || last === '：' || last === ':'
}

/** Joins wrapped lines: a paragraph ends at a sentence end, a short (not full-width) line, or before a heading, a field or a signature. */
function rejoin(lines: string[]): string[] {
  const fullWidth = percentile(lines.map(displayWidth), 0.8)
  const paragraphs: string[] = []
  let current = ''
  lines.forEach((line, i) => {
    current = joinWrapped(current, line)
    const next = lines[i + 1]
    const short = displayWidth(line) < fullWidth * 0.75
    // A signature (the unit on its line above the date) is never the end of the line before it.
    const signatureNext = next !== undefined && (DATE_LINE.test(next) || (UNITS_LINE.test(next) && DATE_LINE.test(lines[i + 2] ?? '')))
    if (next === undefined || endsParagraph(line) || short || OPENS_SECTION.test(next) || OPENS_FIELD.test(next) || signatureNext) {
      paragraphs.push(current)
      current = ''
    }
  })
  return paragraphs
}

function joinWrapped(before: string, after: string): string {
  // Only two Latin words need a space between them; Chinese lines join directly.
  const needsSpace = /[A-Za-z0-9]$/.test(before) && /^[A-Za-z]/.test(after)
  return before + (needsSpace ? ' ' : '') + after
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0
}

/**
 * In a PDF text layer, spaces between Chinese and digits or Latin ("2024年 4月 30日", "第 084 号") are
 * kerning and go; a space between two Chinese words ("解决或采纳 签发人") or two Latin words separates
 * fields and stays. Web text keeps its spaces: there "管理局 68118611" separates a name from a number.
 */
function tidyWrappedSpaces(paragraph: string): string {
  return paragraph.replace(/ +/g, (spaces, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? ''
    const after = whole[offset + spaces.length] ?? ''
    const bothLatin = !CJK.test(before) && !CJK.test(after)
    return before && after && (bothLatin || (HAN.test(before) && HAN.test(after))) ? ' ' : ''
  })
}

/**
 * Pages that print text twice: a repost with the body repeated (a run of ≥ 3 paragraphs seen before),
 * or a heading repeated on the next line. Either repeat is dropped.
 */
function dropRepeatedRuns(paragraphs: string[]): string[] {
  const kept: string[] = []
  let i = 0
  while (i < paragraphs.length) {
    const run = longestEarlierRun(paragraphs, i)
    const skip = run >= 3 ? run : paragraphs[i] === paragraphs[i - 1] ? 1 : 0
    if (skip) {
      i += skip
    } else {
      kept.push(paragraphs[i])
      i += 1
    }
  }
  return kept
}

function longestEarlierRun(paragraphs: string[], at: number): number {
  let best = 0
  for (let j = 0; j < at; j++) {
    let length = 0
    while (j + length < at && at + length < paragraphs.length && paragraphs[j + length] === paragraphs[at + length]) length++
    best = Math.max(best, length)
  }
  return best
}
