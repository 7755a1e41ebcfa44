/**
 * Portal metadata blocks: the fields a government information-disclosure page (政府信息公开) prints
 * around a document — 索引号, 主题分类, 公开主体, 发布机构, 成文日期, 文号, 有效性 … — one per line,
 * label and value on two lines, several run together on one line, or as a pipe-delimited table.
 * They describe the document and are not part of it: cleaning takes them out of the text (so they are
 * never quoted) and hands them to the metadata parser as label → value.
 *
 * Labels are recognised by the words disclosure pages use for their fields (a vocabulary of field
 * names, the same on every government portal, not of places or units), matched as the end of the
 * label so that 建议标题, 内容分类 or 建议公开范围 count as well.
 */
/** label (spaces and parenthesised notes dropped, e.g. "主办单位") → value as printed, '' when the page left it empty */
export type PortalFields = Record<string, string>

const FIELD_WORDS = [
  '索引号', '索取号', '分类', '主题词', '关键词', '关键字', '公开主体', '发布机构', '发文机关', '发文单位', '主办单位', '协办单位', '所属机构', '责任部门',
  '成文日期', '成文时间', '发文日期', '印发日期', '发布日期', '发布时间', '生效日期', '实施日期', '废止日期', '提交日期', '文号', '发文字号', '编号',
  '有效性', '效力状态', '时效性', '公开类型', '公开类别', '公开方式', '公开属性', '公开范围', '公开时限', '首次公开', '公开期限', '公开载体',
  '载体类型', '来源', '信息来源', '标题', '名称', '类型', '栏目',
  // and those of the pages tracking motions (建议提案办理): who proposed, in which session, who handles it, when answered
  '提案者', '届次', '承办单位', '办理方式', '答复时间', '答复日期', '事由',
  // and the other dates and times a page stamps itself with
  '生成日期', '创建日期', '创建时间', '更新日期', '更新时间', '录入时间', '编稿时间', '归档时间', '提供日期', '公开日期', '公开时间',
]
/**
 * A page's bare stamp, a label only by itself ("日期: 2023-06-06", "时间:"): ending a longer label it is the
 * text's own (办理时间, 截止日期, 法定供暖时间).
 */
const STAMP_WORD = '(?:日期|时间)'
/**
 * Pages space labels out ("来 源", "联 系 人"), so any label character may be followed by spaces; never by
 * a line break: a heading ending in 答复 above a line starting 类别 is not the label 答复类别.
 */
export const spaced = (word: string) => [...word].join('[ \\t\u3000]*')
export const FIELD_WORD = `(?:${FIELD_WORDS.map(spaced).join('|')})`
/**
 * A label opening a line or a table cell: a field word with up to six Han characters before it
 * (建议标题, 主题分类) and an optional "(…)" note. Later labels on a line may follow a value directly
 * ("…1号索取号:"), so there only the field word itself counts, or the value's tail would join the label;
 * after a space they are whole again ("市教体局 主题分类:", not 分类 with 主题 left on the 发布机构).
 */
const LABEL = `(?:(?:\\p{Script=Han}[ \\u3000]*){0,6}${FIELD_WORD}|${STAMP_WORD})(?:[(（][^)）]{1,10}[)）])?`
/** what follows a label: a colon, or an opening bracket before a date ("发布日期(2020-07-11)") */
const SEPARATOR = '[ \\u3000]*([:：]|[(（](?=\\d))'
const FIELD_AT_START = new RegExp(`^(${LABEL})${SEPARATOR}`, 'u')
const FIELD_LATER = new RegExp(`((?<=[ \\u3000])\\p{Script=Han}{1,6}${FIELD_WORD}|(?<![\\p{Script=Han}])${STAMP_WORD}|${FIELD_WORD})${SEPARATOR}`, 'gu')
const CELL = new RegExp(`^(${LABEL})[ \\u3000]*[:：](.*)$`, 'u')
/** A cell holding a label and nothing else: a table printed without colons ("| 文号 | 湘交函〔2023〕34号 |"). */
const BARE_CELL = new RegExp(`^${LABEL}$`, 'u')
/** A table's rule line ("|---|:---|"). */
const TABLE_RULE = /^\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*(?::?-{3,}:?)?[ \t]*$/u
/** A value continued on further lines ("普绿容" / "〔2019〕" / "44号") is a short piece of a number or date, never a label or a sentence. */
const CONTINUATION = /^[^:：。，,；;]{1,12}$/u
const NUMBERISH = /[\d〔〕[\]]/u
/** Past the head (the lines above the first paragraph of prose), only a run of this many field lines is a block. */
const RUN_ANYWHERE = 3
/** What a label line stands above: a short value, not a sentence nor a salutation ("张三委员:" under an empty 文号). */
const VALUE_LINE = /^(?:[^。！？；!?;:：|]|(?<=\d)[:：](?=\d)){1,60}$/u
/** A paragraph of prose: long, ending a sentence, not a table row. */
const PROSE = /^[^|]{30,}[。！？；!?;]$/u

/**
 * A title line a saved page ran together with its byline: "…的答复的函 2023-06-01 来源:市政府办公厅…".
 * The date and the fields after it are the page's, the text before them the document's.
 */
const BYLINE = new RegExp(`[ \\u3000]+(\\d{4}[-./年]\\d{1,2}[-./月]\\d{1,2}日?)[ \\u3000]+(?=${FIELD_WORD}${SEPARATOR})`, 'u')

/** A list's bullet, which some pages print before each field line ("• 文 号:" / "• 泰水〔2024〕86号"). */
const BULLET = /^\s*[•·●▪◦‣]\s*/u

export function splitPortalBlock(lines: string[]): { fields: PortalFields; body: string[] } {
  const fields: PortalFields = {}
  const portal = new Set<number>()
  const headEnd = lines.findIndex((line) => PROSE.test(line))
  const isHead = (i: number) => headEnd === -1 || i < headEnd
  lines = labelLinesWithColons(lines.map((line, i) => (isHead(i) ? withColons(line.replace(BULLET, '')) : line)), isHead)
  lines.forEach((line, i) => {
    if (isHead(i) && TABLE_RULE.test(line)) portal.add(i)
  })
  for (let i = 0; i < lines.length; ) {
    const end = fieldLinesFrom(lines, i)
    const inHead = isHead(i)
    const byline = inHead && end === i ? BYLINE.exec(lines[i]) : null
    if (byline) {
      for (const [label, value] of [['发布日期', byline[1]], ...inlinePairs(lines[i].slice(byline.index + byline[0].length))]) fields[label] ||= value
      lines[i] = lines[i].slice(0, byline.index)
    }
    if (end === i || !(inHead || lines.slice(i, end).filter(isFieldLine).length >= RUN_ANYWHERE)) {
      i++
      continue
    }
    for (let j = i; j < end; j++) portal.add(j)
    for (const [label, value] of Object.entries(readFields(lines.slice(i, end)))) fields[label] ||= value
    i = end
  }
  return { fields, body: lines.filter((_, i) => !portal.has(i)) }
}

/**
 * A head table row printed without colons, as one with them: each label cell followed by a value gets
 * its colon (only in the head, above the first paragraph of prose: a table in the body whose first
 * column says 类型 or 来源 is the document's).
 */
function withColons(line: string): string {
  if (!line.includes('|')) return line
  const cells = line.split('|')
  const bare = (cell: string | undefined) => cell !== undefined && BARE_CELL.test(cell.trim())
  return cells.map((cell, i) => (bare(cell) && cells[i + 1]?.trim() && !bare(cells[i + 1]) ? `${cell.trim()}:` : cell)).join('|')
}

/**
 * A head block printed as label lines without colons, each above its value ("建议提案编号" / "2024085",
 * "办理类型" / "B"): where the head holds two such labels or more, each gets its colon. One alone may be a
 * heading (垃圾分类) above the text.
 */
function labelLinesWithColons(lines: string[], isHead: (i: number) => boolean): string[] {
  const labels = lines.flatMap((line, i) => (isHead(i) && !line.includes('|') && BARE_CELL.test(line.trim()) && i + 1 < lines.length && VALUE_LINE.test(lines[i + 1]) ? [i] : []))
  return labels.length < 2 ? lines : lines.map((line, i) => (labels.includes(i) ? `${line.trim()}:` : line))
}

/** The end (exclusive) of the run of field lines starting at `start`, each label-only line taking its value lines with it. */
function fieldLinesFrom(lines: string[], start: number): number {
  let i = start
  while (i < lines.length && isFieldLine(lines[i])) {
    const labelOnly = /[:：]$/u.test(lines[i]) && !lines[i].includes('|')
    i++
    if (!labelOnly) continue
    if (i < lines.length && !isFieldLine(lines[i]) && VALUE_LINE.test(lines[i])) i++
    while (i < lines.length && !isFieldLine(lines[i]) && CONTINUATION.test(lines[i]) && NUMBERISH.test(lines[i])) i++
  }
  return i
}

function isFieldLine(line: string): boolean {
  if (line.includes('|')) return tableCells(line).some((cell) => CELL.test(cell))
  return FIELD_AT_START.test(line)
}

function tableCells(line: string): string[] {
  return line.split('|').map((cell) => cell.trim())
}

/** label → value from a block's lines: "a:1 b:2" on one line, "a:" above its value lines, or table cells "a: | 1 | b: | 2". */
function readFields(block: string[]): PortalFields {
  const fields: PortalFields = {}
  let pending: string | undefined
  for (const line of block) {
    if (!isFieldLine(line)) {
      // A value line, or a continuation of one ("〔2019〕" after "普绿容").
      if (pending !== undefined) fields[pending] = (fields[pending] ?? '') + line.trim()
      continue
    }
    const pairs = line.includes('|') ? tablePairs(line) : inlinePairs(line)
    for (const [label, value] of pairs) fields[label] ||= value
    const [lastLabel, lastValue] = pairs.at(-1) ?? []
    pending = lastLabel && !lastValue && !line.includes('|') ? lastLabel : undefined
  }
  return fields
}

function inlinePairs(line: string): Array<[string, string]> {
  const first = FIELD_AT_START.exec(line)
  if (!first) return []
  const offset = first[0].length
  const labels = [
    { label: first[1], bracket: first[2] !== ':' && first[2] !== '：', at: 0, from: offset },
    ...[...line.slice(offset).matchAll(FIELD_LATER)].map((match) => ({
      label: match[1], bracket: match[2] !== ':' && match[2] !== '：', at: offset + match.index, from: offset + match.index + match[0].length,
    })),
  ]
  return labels.map(({ label, bracket, from }, i): [string, string] => {
    const value = line.slice(from, labels[i + 1]?.at ?? line.length).trim()
    return [labelKey(label), bracket ? value.replace(/[)）]$/u, '') : value]
  })
}

function tablePairs(line: string): Array<[string, string]> {
  const cells = tableCells(line)
  const pairs: Array<[string, string]> = []
  cells.forEach((cell, i) => {
    const match = CELL.exec(cell)
    if (!match) return
    const next = cells[i + 1] ?? ''
    pairs.push([labelKey(match[1]), match[2].trim() || (CELL.test(next) ? '' : next)])
  })
  return pairs
}

function labelKey(label: string): string {
  return label.replace(/[(（][^)）]*[)）]/gu, '').replace(/[ \u3000]/gu, '')
}
