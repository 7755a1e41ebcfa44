/**
 * Personal data out of logged question text: phone numbers, ID numbers, bank cards, e-mails, WeChat and
 * QQ ids, house numbers of addresses. It works on text already folded by normalizeMessage (full-width
 * digits and dashes are ASCII by then) and still allows any separator between digits, because people
 * type 138 1234 5678, 138.1234.5678, 1 3 8 … or +86-138-…
 *
 * Hand-written: no kept library covers Chinese ID/phone/address shapes. It errs towards masking: a
 * number that is not recognisably a date, a year range, a proposal number (届-次-号) or an amount is
 * masked when it has 7 digits or more.
 */
import { normalizeMessage } from '../answer/normalize.js'

/** one separator a person may put between digits: a space, or a dash/dot/slash with optional spaces */
const SEP = String.raw`(?:\s?[-.·—–‐‑_/]\s?|\s)`
/** `n` digits, with separators allowed between any two */
const digits = (n: number | string) => String.raw`\d(?:${SEP}?\d){${typeof n === 'number' ? n - 1 : n}}`
/** a number starts at no letter or digit, nor right after "digit-dash" (the middle of 15-2-152068) */
const START = String.raw`(?<![0-9A-Za-z])(?<![0-9][-.·—–‐‑_/])`
/** long numbers (ID, card) also never start after "digit space": that is the tail of a longer one */
const LONG_START = String.raw`(?<![0-9A-Za-z])(?<![0-9]${SEP})`
const END = String.raw`(?![0-9A-Za-z])`

interface Rule {
  pattern: RegExp
  label: string
  /** numbers only: masked only from this many digits on, and left when a date, amount, proposal number… */
  minDigits?: number
}

const RULES: Rule[] = [
  { pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, label: '[邮箱]' },
  { pattern: /wxid_[A-Za-z0-9_-]+/gi, label: '[微信号]' },
  // A handle named as such: 微信号：zhang_san88, 加我vx zhangsan1990, wechat id: abc123 (6–20 characters, starts with a letter).
  {
    pattern: /(?<=(?:微信|weixin|wechat|vx|v信|wx)\s?(?:号|id)?\s?(?:是|为|:|：)?\s?)[A-Za-z][-_A-Za-z0-9]{5,19}(?![-_A-Za-z0-9])/gi,
    label: '[微信号]',
  },
  { pattern: /(?<=qq\s?(?:号|号码)?\s?(?:是|为|:|：)?\s?)[1-9]\d{4,11}(?!\d)/gi, label: '[QQ号]' },
  // House numbers after a road, lane, estate or building: 路35弄12号402室, 小区5栋1201, 大厦B座1808.
  {
    pattern: new RegExp(String.raw`(?<=(?:[路街巷弄里村苑园坊湾座]|大道|小区|花园|新村|公寓|大厦|广场)\s?)` + houseNumber(), 'g'),
    label: '[门牌]',
  },
  // Mobile: 1[3-9] and 9 digits, with +86 / 0086 / 86 before it.
  { pattern: new RegExp(`${START}(?:(?:\\+|00)?86${SEP}?)?1${SEP}?[3-9](?:${SEP}?\\d){9}${END}`, 'g'), label: '[手机号]' },
  // ID number: 17 digits and a check digit or X (18), or the old 15-digit form.
  { pattern: new RegExp(`${LONG_START}(?:${digits(17)}${SEP}?[0-9Xx]|${digits(15)})${END}`, 'g'), label: '[证件号]' },
  { pattern: new RegExp(`${LONG_START}${digits('15,18')}${END}`, 'g'), label: '[卡号]' },
  // Landline: an optional area code 0xx(x), then 7–8 digits not starting with 0 or 1.
  { pattern: new RegExp(`${START}(?:\\(?0\\d{2,3}\\)?${SEP}?)?[2-9](?:${SEP}?\\d){6,7}${END}`, 'g'), label: '[电话]', minDigits: 7 },
  { pattern: new RegExp(`${START}\\d{3,}(?:${SEP}\\d{3,})*${END}`, 'g'), label: '[号码]', minDigits: 7 },
]

function houseNumber(): string {
  const part = String.raw`(?:\d+|[A-Za-z]|[一二三四五六七八九十百零〇]+)`
  const unit = String.raw`(?:支弄|号楼|单元|弄|号|栋|幢|座|楼|层|室|户)`
  // Number-unit pairs in a row, then an optional bare room number (12号402).
  return String.raw`${part}\s?${unit}(?:\s?[-之]?\s?${part}\s?${unit})*(?:\s?[-之]?\s?\d+(?![\d.%]))?`
}

/** What makes a digit run not personal: its own shape, or the word right before or after it. */
function isNotPersonal(match: string, before: string, after: string): boolean {
  const groups = match.split(/\D+/).filter(Boolean)
  const year = (g: string) => /^(19|20)\d\d$/.test(g)
  const month = (g: string) => Number(g) >= 1 && Number(g) <= 12
  const day = (g: string) => Number(g) >= 1 && Number(g) <= 31
  const isDate = groups.length === 3 && year(groups[0]) && month(groups[1]) && day(groups[2]) && groups[1].length <= 2 && groups[2].length <= 2
  const isYearRange = groups.length === 2 && year(groups[0]) && year(groups[1])
  const isProposalNumber = /^\d{1,2}-\d{1,2}-\d+$/.test(match)
  const isAmount = /^\s?(?:[万亿千百元角%‰]|人|户|次|个|件|项|家|名|笔|份|平方|米|公里|吨|辆|套|张|台|字)/.test(after) || /[¥$]\s?$/.test(before)
  return isDate || isYearRange || isProposalNumber || isAmount
}

/** `text` with personal data replaced by a bracketed label saying what was there ([手机号], [门牌] …). */
export function maskPersonalData(text: string): string {
  let masked = text
  for (const { pattern, label, minDigits } of RULES) {
    masked = masked.replace(pattern, (match: string, offset: number, whole: string) => {
      if (minDigits === undefined) return label
      if (match.replace(/\D/g, '').length < minDigits) return match
      return isNotPersonal(match, whole.slice(Math.max(0, offset - 2), offset), whole.slice(offset + match.length, offset + match.length + 3)) ? match : label
    })
  }
  return masked
}

/** A message as people type it → the text a log may keep: folded like the engine folds it, then masked. */
export function maskMessage(raw: string): string {
  return maskPersonalData(normalizeMessage(raw).text)
}
