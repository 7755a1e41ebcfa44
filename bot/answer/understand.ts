/**
 * A normalised message → what the user wants. Entities (proposal numbers, proposers, units, sessions)
 * are recognised against the documents actually indexed, not a fixed list, so a new reply's names
 * work as soon as it is ingested.
 */
import { tokenize, type KnowledgeBase, type ReplyDocument } from '../../index/index.js'
import type { ConversationState } from './types.js'
import { unitAliases } from './units.js'

export type SectionRequest = { kind: 'cited' } | { kind: 'numbered'; numeral: string } | { kind: 'named'; name: string }

export type Understanding =
  | { intent: 'help' | 'greeting' | 'more' }
  | { intent: 'fullSection'; request: SectionRequest }
  /** the user named one or more replies and asked for nothing more specific */
  | { intent: 'lookup'; docIds: string[]; scope: string }
  /** a question, possibly scoped to the replies it names */
  | { intent: 'question'; query: string; docIds?: string[]; scope?: string }

const HELP = /^(帮助|help|使用说明|怎么用|说明|菜单|[?？]+)$/i
const GREETING = /^(你好|您好|hi|hello|哈喽|嗨|在吗|在不在|早上好|上午好|中午好|下午好|晚上好|早安|晚安)[呀啊呢吗!！。~～,，]*$/i
const MORE = /^(更多|下一条|下一个|下一段|继续|还有吗|还有呢|还有别的吗|more|next)[!！。?？]*$/i
const WHOLE = /^(全文|完整|完整版|全部|整段|原文|看全文|查看全文|全部内容)[!！。?？]*$/
const NUMBERED = /^第?([一二三四五六七八九十]+|\d{1,2})(部分|点|条|项|段)$/
/** A section may be asked for by its name ("具体举措") only in a short message, right after a citation. */
const MAX_SECTION_NAME = 12

/** "第084号", "084号提案", "提案84", "第94号建议". */
const NUMBER = /(?:第\s*)?(\d{1,7})\s*号|(?:提案|建议|议案)\s*第?\s*(\d{1,7})(?!\d)/
/** "十五届三次" with or without 第 and 会议. */
const SESSION = /([一二三四五六七八九十]+)届\s*(?:人大|政协)?\s*([一二三四五六七八九十]+)次/
/** Words that only say "show me that reply": what remains after removing them is the actual question. */
const LOOKUP_WORDS = new Set(
  '的 了 吗 呢 啊 吧 请问 请 帮 我 我们 看看 看 查 查询 查一下 一下 给 怎么 怎么样 怎样 如何 说 讲 写 答复 回复 复函 提案 建议 代表 委员 号 第 关于 是 什么 内容 情况 办理 结果 意见 会办 哪些 哪个 有 有没有 那个 这个 全文'.split(' '),
)

export function understand(text: string, kb: KnowledgeBase, state?: ConversationState): Understanding {
  if (HELP.test(text)) return { intent: 'help' }
  if (GREETING.test(text)) return { intent: 'greeting' }
  if (MORE.test(text)) return { intent: 'more' }
  const section = state?.docId ? sectionRequest(text, kb, state.docId) : undefined
  if (section) return { intent: 'fullSection', request: section }

  const found = recogniseEntities(text, kb)
  if (!found) return { intent: 'question', query: text }
  const rest = tokenize(found.rest).filter((token) => !LOOKUP_WORDS.has(token) && /\p{Script=Han}{2,}|\p{L}{3,}/u.test(token))
  return rest.length === 0
    ? { intent: 'lookup', docIds: found.docIds, scope: found.scope }
    : // Within the named replies, their names match every passage: search with the rest of the question.
      { intent: 'question', query: found.rest.replace(/\s+/g, ' ').trim(), docIds: found.docIds, scope: found.scope }
}

function sectionRequest(text: string, kb: KnowledgeBase, docId: string): SectionRequest | undefined {
  if (WHOLE.test(text)) return { kind: 'cited' }
  const numbered = NUMBERED.exec(text)
  if (numbered) return { kind: 'numbered', numeral: toChineseNumeral(numbered[1]) }
  const name = text.replace(/[!！。?？]+$/, '')
  if (name.length < 2 || name.length > MAX_SECTION_NAME) return undefined
  const named = kb.chunksOf(docId).some((chunk) => chunk.section.some((label) => label.includes(name)))
  return named ? { kind: 'named', name } : undefined
}

function toChineseNumeral(numeral: string): string {
  if (!/^\d+$/.test(numeral)) return numeral
  const digits = '零一二三四五六七八九'
  const n = Number(numeral)
  if (n <= 10) return n === 10 ? '十' : digits[n]
  return (n >= 20 ? digits[Math.floor(n / 10)] : '') + '十' + (n % 10 ? digits[n % 10] : '')
}

interface Entities {
  docIds: string[]
  /** how the user named them, for replies ("第084号", "辛洁暐委员") */
  scope: string
  /** the message with the entity mentions removed */
  rest: string
}

/** Every kind of entity the message names narrows the set of replies; none named → undefined. */
function recogniseEntities(text: string, kb: KnowledgeBase): Entities | undefined {
  let docs = kb.documents
  let rest = text
  const scope: string[] = []
  const narrow = (mention: string, label: string, named: ReplyDocument[]) => {
    const kept = docs.filter((doc) => named.includes(doc))
    if (kept.length === 0) return
    docs = kept
    rest = rest.replace(mention, ' ')
    scope.push(label)
  }

  const number = NUMBER.exec(text)
  const digits = number?.[1] ?? number?.[2]
  if (number && digits) narrow(number[0], `第${digits}号`, kb.findDocuments({ number: digits }))
  const session = SESSION.exec(text)
  if (session) {
    const inSession = (doc: ReplyDocument) => !!doc.session?.includes(`${session[1]}届`) && doc.session.includes(`${session[2]}次`)
    narrow(session[0], `${session[1]}届${session[2]}次会议`, kb.documents.filter(inSession))
  }
  const names = namesIn(kb)
  const proposer = longestMention(text, names.proposers)
  if (proposer) narrow(proposer, proposer, kb.findDocuments({ proposer }))
  const unit = longestMention(text, [...names.units.keys()])
  if (unit) narrow(unit, unit, names.units.get(unit)!)

  return scope.length ? { docIds: docs.map((doc) => doc.id), scope: scope.join(' '), rest } : undefined
}

interface Names {
  proposers: string[]
  /** every way of naming a responding unit → the replies it wrote */
  units: Map<string, ReplyDocument[]>
}

/** Derived once per knowledge base: a loaded index never changes, a refreshed one is a new object. */
const namesByIndex = new WeakMap<KnowledgeBase, Names>()

function namesIn(kb: KnowledgeBase): Names {
  let names = namesByIndex.get(kb)
  if (!names) {
    const units = new Map<string, ReplyDocument[]>()
    for (const doc of kb.documents) for (const alias of doc.unit ? unitAliases(doc.unit) : []) units.set(alias, [...(units.get(alias) ?? []), doc])
    names = { proposers: [...new Set(kb.documents.flatMap((doc) => doc.proposers))], units }
    namesByIndex.set(kb, names)
  }
  return names
}

function longestMention(text: string, names: string[]): string | undefined {
  return names.filter((name) => name.length >= 2 && text.includes(name)).sort((a, b) => b.length - a.length)[0]
}
