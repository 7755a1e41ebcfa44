/**
 * Cleaned reply text → metadata. Replies to 提案 / 代表建议, and the 会办意见 / 协办函 a co-handling unit sends
 * to the lead unit, share one layout: a heading naming session and number, a salutation, an opening sentence
 * ("…提出的《…》的提案收悉，现将办理情况答复如下"), the body, a signature (unit, date) and a contact block.
 * Each field is read from its own wording only; a field whose wording is not in the text stays absent.
 */
import { HAN } from './text.js'
import type { Contact, ReplyMetadata } from './types.js'

type Kinds = Array<[kind: string, pattern: RegExp]>

const H = HAN.source
const NUMERAL = '[一二三四五六七八九十]+'
/** Names of answering bodies end in one of these; anything else (a website name such as 上海普陀) is not a unit. */
const UNIT_NAME = `${H}{1,40}(?:委员会|办公室|办公厅|办事处|政府|街道|中心|局|委|办|厅|处|院|部|署|所|站|镇|乡)`
/** Page fields print dates as "2023-10-18", "2019年11月08日" or "2020/07/11". */
const DATE_VALUE = '(\\d{4}\\s*[年./-]\\s*\\d{1,2}\\s*[月./-]\\s*\\d{1,2})'
/** "提出的", "提交的", "所提": the verb that links a proposer to the motion in the opening sentence. */
const PROPOSED = '(?:提出|提交|所提)的?'

/** Web tables space labels out ("联 系 人"), so any label character may be followed by spaces. */
const spaced = (word: string) => [...word].join('\\s*')

/**
 * A labelled field: "标签：值", "标签: |值|" (a table cell), "标签:\n值" (value on the next line), "标签(值)".
 * `value` holds exactly one capture group.
 */
function labelled(labels: string[], value: string): RegExp {
  return new RegExp(`(?:${labels.map(spaced).join('|')})\\s*[:：(（][ \\t]*(?:\\|[ \\t]*)?(?:\\n[ \\t]*)?${value}`, 'mu')
}

/** The opening sentence acknowledges receipt ("…收悉") or, without one, announces the answer ("答复情况如下:"); it ends the head. */
const OPENING = /收悉|(?:答复|函告)(?:情况)?如下/u
/** A salutation is a bare name line ("张三、李四委员：", "区科委", "团区委"); "尊敬的" is courtesy, not name. */
const SALUTATION = new RegExp(`^(?:尊敬的)?([${H}、，,·]{2,40}?)[:：]?$`, 'u')
/** The heading sits just above the opening when there is no salutation; headings name a 会议 or end in 答复/意见/函. */
const HEADING_LINE = /会议|(?:答复|意见|函)$/u
/** A greeting line between salutation and opening belongs to neither. */
const GREETING = /^(?:您|你)好[!！,，]?$/u
/** 您/你们/贵委 in the opening mean the addressee proposed the motion. */
const PRONOUN = /^(?:您|你|贵)/u
/** "程磊等委员", "叶俊杰三位委员", "余思彦代表": the title after the names is not a name. */
const PROPOSER_SUFFIX = /等?(?:[\d一二三四五六七八九十]+[位名])?(?:委员|代表)$/u
/** The opening's subject: the words right before 提出的 ("张蓉委员", "您", "贵组" after "您好!", "张三委员" after "你委转来的"). */
const PROPOSER = new RegExp(`(?:^|[，。！!,；;：:的])\\s*([^，。！!,；;：:的]*?)${PROPOSED}`, 'u')

/** "长宁区政协第十五届三次会议", "区七届人大六次会议", "市政协十四届三次会议"; the place stops at 对/的/于/在/关, which precede it in headings. */
const SESSION = new RegExp(
  `(?:(?:(?![对的于在关])${H}){0,6}[省市区县])?(?:政协|人大)?第?${NUMERAL}届(?:人大|人民代表大会)?第?${NUMERAL}次会议`,
  'u',
)
/** "第084号提案", "第144033提案" (号 dropped), "(第94号建议)": a number counts only when it numbers a motion. */
const NUMBER = /第\s*(\d+)\s*号?\s*(?:提案|代表建议|建议|议案)/u
/** 办理结果 and 签发人 often share one line ("解决或采纳 签发人:詹镭"), so their values stop at a space. */
const RESULT = labelled(['办理结果'], '([^\\s|]+)')
const SIGNER = labelled(['签发人'], '([^\\s|]+)')

/**
 * Where the motion's title is printed, most explicit first: a table field naming it as the motion's title,
 * the opening sentence's 《…》, its quotes, its bare "关于…" phrase, and last a page's generic 标题 field.
 */
const TITLE_PATTERNS = [
  labelled(['建议标题', '提案标题'], '([^|\\n]+?)\\s*(?:\\||$)'),
  new RegExp(`${PROPOSED}(?:关于)?《(.+?)》`, 'u'),
  // The lookahead makes the quotes the ones closing before 收悉, so nested quotes stay inside the title.
  new RegExp(`${PROPOSED}(?:关于)?["“](.+?)["”](?=[^"“”]{0,12}收悉)`, 'u'),
  new RegExp(`${PROPOSED}(关于.+?)(?:的?(?:提案|代表建议))?已?收悉`, 'u'),
  labelled(['标题'], '([^|\\n]+?)\\s*(?:\\||$)'),
]

/** A signature is a line holding only a unit name above the signing date; only its year is required, as dates get garbled ("20203月26"). */
const SIGNATURE_UNIT = new RegExp(`^(${UNIT_NAME})\\s+\\d{4}`, 'mu')
/** Headings such as "上海市长宁区人民政府程家桥街道办事处对…的答复" name the answering unit before 对. */
const HEADING_UNIT = new RegExp(`^(${UNIT_NAME})(?:关于)?对`, 'mu')
/** Pages without a signature may name the unit in a field ("来源:市工信局", "联系单位及电话:…管理局 68118611"). */
const UNIT_LABEL = labelled(['来源', '公开主体', '发布机构', '联系单位及电话', '联系单位'], `(${UNIT_NAME})`)

/** The signing date stands on its own line (possibly after the unit), last in the reply. */
const SIGNATURE_DATE = new RegExp(`^(?:${UNIT_NAME}\\s+)?(\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2})\\s*日\\s*$`, 'gmu')
/** Without a signature, the page's own dates are the next best: when it was written, else published. */
const PAGE_DATE = labelled(['成文日期', '发布日期', '发布时间'], DATE_VALUE)

const CONTACT_LABELS: Record<keyof Contact, string[]> = {
  name: ['联系人姓名', '联系人', '经办人'],
  phone: ['联系电话', '联系单位及电话', '电话'],
  address: ['联系地址', '地址'],
  postcode: ['邮政编码', '邮编'],
}
/** Contact fields often share a line with no separator left, so a value also ends where the next label starts. */
const VALUE_END = `(?=[\\s|;；,，。)）]|$|${Object.values(CONTACT_LABELS).flat().map(spaced).join('|')})`
const CONTACT_PATTERNS: Record<keyof Contact, RegExp> = {
  name: labelled(CONTACT_LABELS.name, `([^\\s|;；,，。:：)）]+?)${VALUE_END}`),
  // "联系单位及电话" prints the unit before the number; extensions ("52564588-7817") are part of the number.
  phone: labelled(CONTACT_LABELS.phone, `(?:${UNIT_NAME}\\s*)?(\\d[\\d－-]{4,}\\d)`),
  address: labelled(CONTACT_LABELS.address, `([^\\s|;；,，。:：)）]+?)${VALUE_END}`),
  postcode: labelled(CONTACT_LABELS.postcode, '(\\d{6})(?!\\d)'),
}

/**
 * Kind rule: the document's own form wins — a 会办意见 or 协办函 (named in its heading, or "现将会办意见函告如下")
 * answers the lead unit, not the proposer. Otherwise the kind is that of the motion answered, read from the
 * session (人大 → 代表建议, 政协 → 提案), else the salutation (…代表 / …委员), else the opening sentence.
 */
const FORWARDED_KINDS: Kinds = [
  ['会办意见', /会办意见(?:函告|$)/mu],
  ['协办函', /协办(?:函|意见)(?:函告|$)/mu],
]
const MOTION_KINDS: Kinds = [
  ['代表建议', /人大|人民代表大会|代表$|代表建议/u],
  ['提案', /政协|委员$|提案/u],
]

export function parseReply(text: string): { metadata: ReplyMetadata; structured: boolean } {
  const lines = text.split('\n')
  const at = lines.findIndex((line) => OPENING.test(line))
  const opening = lines[at] ?? ''
  const head = at >= 0 ? lines.slice(0, at + 1).join('\n') : text
  const addressee = at >= 0 ? salutationAbove(lines, at) : undefined
  const session = head.match(SESSION)?.[0]
  const forwardedKind = kindOf(FORWARDED_KINDS, [head])
  const number = capture(head, NUMBER)
  const metadata: ReplyMetadata = {
    session,
    kind: forwardedKind ?? kindOf(MOTION_KINDS, [session, addressee, opening]),
    number,
    result: capture(text, RESULT),
    signer: capture(text, SIGNER),
    proposers: proposersOf(opening, forwardedKind ? undefined : addressee),
    addressee,
    title: firstCapture(head, TITLE_PATTERNS),
    unit: capture(text, SIGNATURE_UNIT) ?? capture(head, HEADING_UNIT) ?? capture(text, UNIT_LABEL),
    date: signatureDate(text) ?? isoDate(capture(text, PAGE_DATE)),
    contact: contactOf(text),
  }
  // A reply shows itself by its opening (the salutation sits above it), its motion number or its 办理结果.
  const structured = Boolean(opening || number || metadata.result)
  return { metadata: withoutAbsent(metadata), structured }
}

function capture(source: string, pattern: RegExp): string | undefined {
  return pattern.exec(source)?.[1]?.trim() || undefined
}

function firstCapture(source: string, patterns: RegExp[]): string | undefined {
  for (const pattern of patterns) {
    const value = capture(source, pattern)
    if (value) return value
  }
  return undefined
}

/** The nearest line above the opening, past a greeting, when it is a name line and not the heading. */
function salutationAbove(lines: string[], at: number): string | undefined {
  let i = at - 1
  while (i >= 0 && GREETING.test(lines[i])) i--
  const name = SALUTATION.exec(lines[i] ?? '')?.[1]
  return name && !HEADING_LINE.test(name) ? name : undefined
}

function kindOf(kinds: Kinds, sources: Array<string | undefined>): string | undefined {
  for (const source of sources) {
    const found = source && kinds.find(([, pattern]) => pattern.test(source))
    if (found) return found[0]
  }
  return undefined
}

/**
 * The proposers are named before 提出的 in the opening ("张蓉委员提出的…"); when it says 您/你们/贵委 instead,
 * they are the addressee — which the caller withholds for a 会办意见/协办函, addressed to a unit.
 */
function proposersOf(opening: string, addressee: string | undefined): string[] {
  const subject = capture(opening, PROPOSER)
  const named = subject && !PRONOUN.test(subject) ? subject : addressee
  if (!named) return []
  return named
    .replace(PROPOSER_SUFFIX, '')
    .split(/[、，,]/u)
    .map((name) => name.trim())
    .filter(Boolean)
}

function signatureDate(text: string): string | undefined {
  const dates = [...text.matchAll(SIGNATURE_DATE)]
  return isoDate(dates.at(-1)?.[1])
}

/** "2019年 10月14日", "2025年03月27日", "2023-10-18" → YYYY-MM-DD; an impossible month or day is left absent. */
function isoDate(value: string | undefined): string | undefined {
  const [year, month, day] = value?.match(/\d+/gu)?.map(Number) ?? []
  if (!day || month < 1 || month > 12 || day > 31) return undefined
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function contactOf(text: string): Contact | undefined {
  const entries = Object.entries(CONTACT_PATTERNS).map(([field, pattern]) => [field, capture(text, pattern)])
  const contact = withoutAbsent(Object.fromEntries(entries) as Contact)
  return Object.keys(contact).length > 0 ? contact : undefined
}

/** Absent means no key at all, so callers and deepStrictEqual see only what the text said. */
function withoutAbsent<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T
}
