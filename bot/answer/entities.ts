/**
 * What a message names that picks out replies: a proposal or suggestion number, a session, a proposer,
 * a responding unit, a place. Each mention is checked against the documents actually indexed; a mention
 * that matches none is kept as `unmatched`, because a question about a reply that does not exist must
 * be told so, never answered from another reply.
 */
import { pinyin } from 'pinyin-pro'
import { CHINESE_DIGITS, chineseNumeral, findPlaces, isWithin, liesApart, splitPlacePrefix, wordSpans, type KnowledgeBase, type PlaceMention, type ReplyDocument } from '../../index/index.js'
import { localNames, namesLocal } from './local-names.js'
import { BODY_NAMES, unitAliases } from './units.js'

export interface Mention {
  kind: 'number' | 'docNumber' | 'title' | 'session' | 'assembly' | 'form' | 'proposer' | 'unit' | 'place' | 'year'
  /** as written in the message */
  text: string
  /** how replies name it, for the user ("第999号", "十六届五次会议", "张三委员") */
  label: string
  /** the replies it picks out; empty when none does */
  docs: ReplyDocument[]
  /** for a place: the gazetteer stem, which documents write with or without its ending */
  stem?: string
  /** for a place: its level in the gazetteer */
  level?: PlaceMention['level']
  /** for a session of a level no reply has (市政协十五届三次会议): the replies of that session at other levels, to offer */
  otherLevels?: ReplyDocument[]
  /** for a unit: a name several units share (区科委 of two districts), which yields to what else the message names */
  shared?: boolean
  /** for a place no reply is the own of (by unit, session or title): the replies that only mention it, to offer */
  mentionedBy?: ReplyDocument[]
  /**
   * for a place: the replies of places inside it that do not name it (a province's counties), listed after its
   * own when its replies are asked for, offered when none names it, never searched for its questions
   */
  inside?: ReplyDocument[]
  /** for a body asked with a place none of its replies is of: those whose place neither unit nor session says (科技厅), which may be */
  placeUnsaid?: ReplyDocument[]
}

export interface Entities {
  mentions: Mention[]
  /** the replies every matched mention allows, or undefined when the message names none */
  docs?: ReplyDocument[]
  /** the message with the mentions that scope the search removed (places stay: they are also topic words) */
  rest: string
  /** villages, roads, schools the message names that some text names too, with those texts: only they answer for them */
  locals?: HeldLocal[]
}

/** A village, road or school the message names, and the texts that name it too (none: it is missing). */
export interface HeldLocal {
  text: string
  docIds: string[]
}

/**
 * A number is a proposal or suggestion number only where the text says so: next to 提案/建议/议案/答复,
 * after a session (会议第12号), or as the whole message ("第84号"). 9号线, 3号楼, 9号文件 and 135路 are not.
 * Some counties number them by session and item, up to twelve digits (第10040047号, JY050005040004号).
 */
const NUMBER_IN_CONTEXT: RegExp[] = [
  /(?:提案|建议|议案|答复|复函)\s*(?:第\s*)?0*(\d{1,12})(?:\s*号)?(?![\d号线楼路栋室期条款])/,
  // 号 is often dropped before the motion word ("144033提案", as replies write 第144033提案): the word must then follow the digits at once.
  // Digits right after a 文号's bracket (舞教〔2022106号, its 〕 lost) are the 文号's year and serial, not a motion's number.
  // A code may precede the digits (第B132号) and parts follow them (第237-7号, 16-3-45号, 第6.11号), as replies print them.
  /(?:第\s*(?:[A-Za-z]{1,4})?|(?<![〔［[(（\d-－.．]))0*(\d{1,12}(?:[-－.．]\d{1,4}){0,2})(?:\s*号\s*(?:的\s*)?|)(?:代表)?(?:提案|建议|议案|答复|复函|会办)/,
  /(?:会议|次会)\s*第?\s*0*(\d{1,12})\s*号(?![线楼路栋室文])/,
  /^第?\s*0*(\d{1,12})\s*号$/,
  // By its 编号: 提案编号142028, 编号为142028的提案.
  /(?:提案|建议|议案)\s*编号\s*(?:为|是|[:：])?\s*0*(\d{1,12})/,
  /编号\s*(?:为|是|[:：])?\s*0*(\d{1,12})\s*号?\s*的?\s*(?:提案|建议|议案|答复)/,
]
/** The same in Chinese numerals (第二十二号提案): its digits are converted. */
const NUMERAL_NUMBER = /第\s*([一二三四五六七八九十百千零〇两]{1,8})\s*号\s*(?:的\s*)?(?:代表)?(?:提案|建议|议案|答复|复函|会办)/
/** A document by its 文号: 〔2023〕5号, [2023]5号, 2023年5号文件, 沪府办〔2023〕8号, 兰政字〔2012〕30-17号. */
const DOC_NUMBER = /(?:[\p{Script=Han}]{1,6})?[〔［\[(（]\s*(\d{4})\s*[〕］\])）]\s*第?\s*(\d{1,4}(?:[-－]\d{1,4})?)\s*号|(\d{4})\s*年\s*(?:第\s*)?(\d{1,4})\s*号\s*文/u
/** "十五届三次", "第15届第3次", "第十届委员会第四次会议": a session, with or without 会议. */
const SESSION = /第?\s*([一二三四五六七八九十]+|\d{1,2})\s*届\s*(人大|人民代表大会|政协)?\s*(?:委员会)?\s*(?:第\s*)?([一二三四五六七八九十]+|\d{1,2})\s*次(?:\s*会议)?/
/**
 * A term of a congress or CPPCC without its sitting (第六届人大, 市政协十三届, 七届人民代表大会): the replies of
 * any sitting of that term. The body is written after it, or before it (BODY_BEFORE): 第三届进博会 is no term.
 */
const TERM = /第?\s*([一二三四五六七八九十]+|\d{1,2})\s*届\s*(人大|人民代表大会|政协)?/
/** A people's congress or CPPCC named with its level (区人大, 市政协). */
const BODY_LEVEL = /([省市区县])(?:人大|人民代表大会|政协)/
/**
 * One named without a level for its motions (人大建议, 政协委员的提案): every deputy's suggestion, or every
 * proposal. Not the national ones (全国人大常委会 is a topic), nor either named in a topic.
 */
const BODY_MOTIONS = /(?<!全国)(人大|人民代表大会|政协)(?:代表|委员)?的?(?:提案|代表建议|建议|议案|答复|回复)/
/** The level of a reply's session: 区政协十四届…, 市十五届人大…, 秦皇岛市第十四届人民代表大会…, 政协马关县第十届委员会… */
const SESSION_LEVEL = /([省市区县])第?[一二三四五六七八九十\d]+届/

function levelOf(session: string | undefined): string | undefined {
  return session ? (BODY_LEVEL.exec(session) ?? SESSION_LEVEL.exec(session))?.[1] : undefined
}

/** The level of the congress or CPPCC a reply answers: its session's, else its unit's (潼关县民政局 answering 政协十届三次会议). */
function assemblyLevel(doc: ReplyDocument): string | undefined {
  return levelOf(doc.session) ?? (doc.unit ? unitLevel(doc.unit) : undefined)
}

/** Whether a reply's session is of this level (市, 区 …), or says none; any reply when no level is asked. */
function atLevel(doc: ReplyDocument, level: string | undefined): boolean {
  return !level || [level, undefined].includes(levelOf(doc.session))
}

/** The kind of motion a message's body word names: 人大 a deputy's 建议, 政协 a 提案. */
function motionNamedIn(text: string): '提案' | '建议' | undefined {
  return /人大|人民代表大会/.test(text) ? '建议' : /政协/.test(text) ? '提案' : undefined
}
/** The forms a unit writes to the lead unit instead of a reply to the proposer. */
const FORM = /会办意见|协办函|协办意见/
/** The body a session belongs to, when written before it (市政协十三届四次会议, 区人大二届六次会议). */
const BODY_BEFORE = /(人大|人民代表大会|政协)\s*(?:第\s*)?$/
/** The level written before a session (市政协十三届…, 区第十五届…, 长宁区十五届…). */
const LEVEL_BEFORE = /([省市区县])\s*(?:人大|人民代表大会|政协)?\s*(?:第\s*)?$/
/** 委员 and 代表 after a name: a person who could have made a proposal or suggestion. */
const PERSON_TITLE = /^(?:委员|代表|同志)$/
/** A verb of proposing after a name and before 的 (李明提的提案, 王小明提出的建议): that person proposed it. */
const PROPOSED = /^(?:提|提出|提交|所提|写)$/
const NAME_TAGS = /^(?:nr\w*|x)$/
/** How jieba tags a given name it does not know as one: a name, an adverb (立新/d), a verb, an adjective, unknown. */
const GIVEN_NAME_TAGS = /^(?:nr\w*|d|v|a|x|zg)$/
/** A count of the people named before it (两位, 三名, 10位). */
const COUNT_OF_PEOPLE = /^(?:[两二三四五六七八九十\d]+|几)[位名]$/u

interface PlaceReplies {
  docs: ReplyDocument[]
  inside: ReplyDocument[]
}

interface Names {
  /** longest first, so the first one a message contains is its longest mention */
  proposers: string[]
  /** every way of naming a responding unit → the units and their replies */
  units: Map<string, Shared>
  /** the keys of `units`, longest first */
  aliases: string[]
  /** what each reply says about itself and in its text, to tell whether any reply names a place */
  haystacks: Map<ReplyDocument, string>
  /** the words of each reply's source host and file name: portals and staff spell places in pinyin (www.jingan.gov.cn, 021_sichuan_…) */
  spelled: Map<ReplyDocument, string[]>
  /** the places the replies are about, named in full in a unit, title or session (舞钢市…局 → 舞钢): their short forms are places in a message */
  ownPlaces: Set<string>
  /** place level, stem and level word → the replies that name it and those inside it, filled as places are asked about (a scan of every text once per place) */
  placeDocs: Map<string, PlaceReplies>
  /** each reply's 文号 with its first lines, and its text, without whitespace, made when a 文号 is first asked about */
  squeezed?: Map<ReplyDocument, { head: string; body: string }>
  /** each reply's title and text in letters and digits only, made when a title in 《》 is first asked about */
  lettered?: Map<ReplyDocument, { title: string; text: string }>
}

/** Derived once per knowledge base: a loaded index never changes, a refreshed one is a new object. */
const namesByIndex = new WeakMap<KnowledgeBase, Names>()

function namesIn(kb: KnowledgeBase): Names {
  let names = namesByIndex.get(kb)
  if (names) return names
  const units: Names['units'] = new Map()
  for (const doc of kb.documents) {
    for (const alias of doc.unit ? unitAliases(doc.unit) : []) {
      const entry = units.get(alias) ?? { units: new Set(), docs: [] }
      entry.units.add(doc.unit!)
      entry.docs.push(doc)
      units.set(alias, entry)
    }
  }
  const haystacks = new Map(kb.documents.map((doc) => [doc, [doc.unit, doc.title, doc.session, doc.sourceUrl, doc.file, doc.text].join('\n')]))
  const spelled = new Map(kb.documents.map((doc) => [doc, [...hostLabels(doc.sourceUrl), ...doc.file.toLowerCase().split(/[^a-z]+/)].filter(Boolean)]))
  const longestFirst = (list: string[]) => list.filter((name) => name.length >= 2).sort((a, b) => b.length - a.length)
  const proposers = longestFirst([...new Set(kb.documents.flatMap((doc) => doc.proposers))])
  const inFull = (places: PlaceMention[]) => places.filter((place) => place.text !== place.stem).map((place) => place.stem)
  const ownPlaces = new Set(kb.documents.flatMap((doc) => [...inFull(splitPlacePrefix(doc.unit ?? '').places), ...[doc.title, doc.session].flatMap((field) => (field ? inFull(findPlaces(field)) : []))]))
  names = { proposers, units, aliases: longestFirst([...units.keys()]), haystacks, spelled, ownPlaces, placeDocs: new Map() }
  namesByIndex.set(kb, names)
  return names
}

/** Whether a reply answers a 提案 (the CPPCC's) or a 建议 (a people's congress deputy's), when it says. */
export function motionOf(doc: ReplyDocument): '提案' | '建议' | undefined {
  if (doc.kind === '代表建议' || /人大|人民代表大会/.test(doc.session ?? '')) return '建议'
  if (doc.kind === '提案' || /政协|政治协商/.test(doc.session ?? '')) return '提案'
  return undefined
}

/** Words naming replies to motions (答复, 提案) rather than texts in general. */
export const NAMES_REPLIES = /答复|回复|复函|提案|建议|议案/
/** A place's texts asked for as documents (广州的文件有哪些): policy texts are nobody's 答复. */
export const NAMES_TEXTS = /(?:政策)?文件|政策/

export function recogniseEntities(message: string, kb: KnowledgeBase): Entities {
  const names = namesIn(kb)
  // A text named by its own title in 《》 is that text; the title's words name nothing else.
  const title = titleMention(message, kb, names)
  const mentions: Mention[] = title ? [title] : []
  const text = title ? message.replace(title.text, ' ') : message
  const docNumber = DOC_NUMBER.exec(text)
  // The serial of a 文号 (云民政法〔2019〕14号答复的…) is not a motion's number.
  const number = numberMention(docNumber ? text.replace(docNumber[0], ' ') : text)
  if (number) {
    const motion = /建议/.test(number.text) ? '建议' : /提案/.test(number.text) ? '提案' : ''
    // 区人大0124号建议 is the district congress's: the city congress's suggestion 0124 is not it.
    const level = BODY_LEVEL.exec(text)
    const numbered = kb.findDocuments({ number: number.digits }).filter((doc) => atLevel(doc, level?.[1]))
    // 第22号提案 is the CPPCC's 22nd, not the people's congress's, nor is 市人大0234号建议 市政协's 0234: a reply
    // of the other kind is never taken for it (it is offered, as a number one digit away is).
    const kind = motionNamedIn(text) ?? motion
    const ofKind = numbered.filter((doc) => [kind, undefined].includes(motionOf(doc)))
    const label = `${level ? level[0] : ''}第${number.digits}号${motion}`
    mentions.push({ kind: 'number', text: number.text, label, docs: kind ? ofKind : numbered })
  }
  if (docNumber) {
    const [year, serial] = [docNumber[1] ?? docNumber[3], docNumber[2] ?? docNumber[4]]
    // The issuer's code before the year (郑政, 京政办发) tells 郑政〔2008〕22号 from 豫政〔2008〕22号.
    const issuer = docNumber[1] ? /^\p{Script=Han}*/u.exec(docNumber[0])![0] : ''
    const written = new RegExp(`(\\p{Script=Han}{0,6})[〔［\\[(（]${year}[〕］\\])）]第?0*${serial}号`, 'gu')
    const holds = (text: string) => [...text.matchAll(written)].some(([, code]) => sameIssuer(issuer, code))
    // Its own: the parsed 文号, or one in its first lines (a portal block, a heading); a text citing it in
    // its body (根据郑政〔2008〕22号…) is not it, and is offered.
    names.squeezed ??= new Map(kb.documents.map((doc) => [doc, squeezedHeadAndBody(doc)]))
    const squeezed = names.squeezed
    const own = kb.documents.filter((doc) => holds(squeezed.get(doc)!.head))
    const citing = own.length ? [] : kb.documents.filter((doc) => holds(squeezed.get(doc)!.body))
    const label = issuer ? docNumber[0].replace(/\s+/g, '') : `${year}年${serial}号文件`
    mentions.push({ kind: 'docNumber', text: docNumber[0], label, docs: own, ...(citing.length ? { mentionedBy: citing } : {}) })
  }
  // Every proposer the message names (孙建红、李清河委员): a place inside a name (清河 of 李清河) is none.
  const proposers = mentionsOf(text, names.proposers)
  const places = findPlaces(text, names.ownPlaces).filter((place) => !proposers.some(({ name, at }) => place.start >= at && place.end <= at + name.length))
  const termOnly = TERM.exec(text)
  const session = SESSION.exec(text) ?? (termOnly && (termOnly[2] || BODY_BEFORE.test(text.slice(0, termOnly.index))) ? termOnly : null)
  if (session) {
    const [th, times] = [toChineseNumeral(session[1]), session[3] && toChineseNumeral(session[3])]
    // 十届 is not read inside 二十届, nor 三次 inside 十三次.
    const [term, sitting] = [`${th}届`, `${times}次`].map((part) => new RegExp(`(?<![一二三四五六七八九十])${part}`))
    // A people's congress session is not the CPPCC's of the same numbers (第十五届人大第二次会议, 区政协十五届二次会议).
    const before = text.slice(0, session.index)
    const body = session[2] ?? BODY_BEFORE.exec(before)?.[1]
    const motion = motionNamedIn(body ?? '')
    // 市政协十三届五次会议 is the city's: a district's session of the same numbers is not it.
    const level = LEVEL_BEFORE.exec(before)?.[1]
    const sameNumbers = kb.documents.filter((doc) => !!doc.session && term.test(doc.session) && (!times || sitting.test(doc.session)) && (!motion || motionOf(doc) === motion))
    const ofLevel = sameNumbers.filter((doc) => atLevel(doc, level))
    const bodyLabel = body ? (body === '政协' ? '政协' : '人大') : ''
    const label = `${level ?? ''}${bodyLabel}${th}届${times ? `${times}次会议` : ''}`
    mentions.push({ kind: 'session', text: session[0], label, docs: ofLevel, ...(ofLevel.length ? {} : { otherLevels: sameNumbers }) })
  } else {
    // 县人大, 市政协 without a session: that level's congress or CPPCC, whichever session.
    const assembly = BODY_LEVEL.exec(text)
    const anyLevel = BODY_MOTIONS.exec(text)
    if (!assembly && anyLevel) {
      const motion = motionNamedIn(anyLevel[1])
      mentions.push({ kind: 'assembly', text: anyLevel[1], label: motion === '建议' ? '人大' : '政协', docs: kb.documents.filter((doc) => motionOf(doc) === motion) })
    }
    if (assembly) {
      const motion = motionNamedIn(assembly[0])
      // The level word of 潼关县政协 is the place's ending too: the place keeps it, and the label says whose.
      const place = places.find((one) => one.end === assembly.index + 1)
      const written = place ? assembly[0].slice(1) : assembly[0]
      const label = `${place?.text ?? assembly[1]}${motion === '建议' ? '人大' : '政协'}`
      mentions.push({ kind: 'assembly', text: written, label, docs: kb.documents.filter((doc) => motionOf(doc) === motion && assemblyLevel(doc) === assembly[1]) })
    }
  }
  // A reply's own form (会办意见, 协办函): the replies written in it.
  const form = FORM.exec(text)
  if (form) {
    const kind = form[0] === '会办意见' ? '会办意见' : '协办函'
    mentions.push({ kind: 'form', text: form[0], label: kind, docs: kb.documents.filter((doc) => doc.kind === kind) })
  }
  for (const { name } of proposers) mentions.push({ kind: 'proposer', text: name, label: name, docs: kb.findDocuments({ proposer: name }) })
  if (proposers.length === 0) for (const person of personMentions(text)) mentions.push({ kind: 'proposer', text: person.name, label: person.label, docs: [] })
  // Asked for a body's replies (区发改委的答复, 发改委对台胞台属提案的答复), the policy texts it issued are none
  // of them: a body that only issued texts has signed no reply here, and an unsigned one may be its own.
  const repliesAsked = NAMES_REPLIES.test(text) && !NAMES_TEXTS.test(text)
  mentions.push(...unitMentions(text, names, places).map((m) => (repliesAsked ? { ...m, docs: m.docs.filter((doc) => doc.structured) } : m)))
  mentions.push(...placeMentions(names, places, mentions, text))
  // A village, estate, school or park no text names is missing as a place is (bot/answer/local-names.ts);
  // not one named by a place whose replies are here (岐山公园 where 岐山县's bodies replied: 岐山's parks).
  const locals = onceEach(localNames(text)).filter((local) => !names.ownPlaces.has(local.name))
  const held: HeldLocal[] = []
  for (const local of locals) {
    const docIds = [...names.haystacks].filter(([, haystack]) => namesLocal(haystack, local)).map(([doc]) => doc.id)
    if (docIds.length) held.push({ text: local.text, docIds })
    else mentions.push({ kind: 'place', text: local.text, label: local.text, stem: local.text, level: 'street', docs: [] })
  }
  // A name several units share, beside a session or a place none of them replied to, may be an unsigned
  // reply's body (普陀区政协…会议…区科委的会办意见): the other names decide, and it is a word of the question.
  const shared = mentions.find((m) => m.shared)
  if (shared && !everyAllows(mentions.filter((m) => m !== shared && m.docs.length > 0), shared.docs)) mentions.splice(mentions.indexOf(shared), 1)

  const scoping = mentions.filter((m) => m.kind !== 'unit' || m.docs.length > 0)
  const heldLocals = held.length ? { locals: held } : {}
  if (scoping.length === 0) return { mentions, rest: message, ...heldLocals }
  let docs = kb.documents
  let rest = message
  for (const mention of scoping) {
    const allowed = new Set(mention.docs)
    docs = docs.filter((doc) => allowed.has(doc))
    // A place or a title says what the question is about as much as where to look: it stays in what is judged.
    if (mention.kind !== 'place' && mention.kind !== 'title') rest = rest.replace(mention.text, ' ')
  }
  return { mentions, docs, rest: rest.replace(/\s+/g, ' ').trim(), ...heldLocals }
}

/** Lines at the top of a text where its own 文号 stands on a line of its own (after a source line and a title). */
const OWN_NUMBER_LINES = 5
const NUMBER_LINE = /^\s*\p{Script=Han}{0,8}\s*[〔［\[(（]\s*\d{4}\s*[〕］\])）]/u

/** A text's own 文号 (parsed, or opening one of its first lines), and its text, without whitespace. */
function squeezedHeadAndBody(doc: ReplyDocument): { head: string; body: string } {
  const squeeze = (text: string) => text.replace(/\s+/g, '')
  const numberLines = doc.text.split('\n').filter((line) => line.trim()).slice(0, OWN_NUMBER_LINES).filter((line) => NUMBER_LINE.test(line))
  return { head: squeeze([doc.docNumber ?? '', ...numberLines].join('\n')), body: squeeze(doc.text) }
}

/**
 * Whether two issuers' codes before a 文号's year are one: either may be missing, or carry words before
 * it (根据郑政, 请问郑政), so they agree when they end alike, in two characters at least (郑政 is not 豫政,
 * 京政办发 not 京政发).
 */
function sameIssuer(asked: string, written: string): boolean {
  if (!asked || !written) return true
  let common = 0
  while (common < Math.min(asked.length, written.length) && asked.at(-1 - common) === written.at(-1 - common)) common++
  return common >= Math.min(2, asked.length, written.length)
}

/** Whether some of these replies are allowed by every one of these mentions. */
function everyAllows(mentions: Mention[], docs: ReplyDocument[]): boolean {
  return docs.some((doc) => mentions.every((m) => m.docs.includes(doc)))
}

const TITLE = /《([^《》]{4,80})》/
const QUALIFIER = /[(（][^()（）]{1,10}[)）]$/u

/**
 * A title in 《》: the texts whose own title holds it (关于支持个体工商户复工复业的通知 is 温州市市场监督管理局
 * 关于支持个体工商户复工复业的通知). One that texts only cite (《上海市培育“元宇宙”新赛道行动方案》 in a reply)
 * names none of them: the question is searched as written. One that no text has or cites is not here.
 */
function titleMention(text: string, kb: KnowledgeBase, names: Names): Mention | undefined {
  const match = TITLE.exec(text)
  if (!match) return undefined
  // Letters and digits only: a message's punctuation is normalised, a text's is as published.
  const squeeze = (s: string | undefined) => (s ?? '').replace(/[^\p{L}\p{N}]/gu, '')
  // A title's closing qualifier ((试行), （新）, （2019年修订）) is often left out when it is cited.
  names.lettered ??= new Map(kb.documents.map((doc) => [doc, { title: squeeze(doc.title?.replace(QUALIFIER, '')), text: squeeze(doc.text) }]))
  const lettered = names.lettered
  const asked = squeeze(match[1])
  // Its own: the title after the issuer's name, or quoted in it (关于印发《…》的通知); not one it begins
  // (《成都市居住证》, the permit, is not 成都市居住证办理指南).
  const own = kb.documents.filter((doc) => lettered.get(doc)!.title.endsWith(asked) || !!doc.title?.includes(match[0]))
  if (own.length === 0 && kb.documents.some((doc) => lettered.get(doc)!.text.includes(asked))) return undefined
  return { kind: 'title', text: match[0], label: match[0], docs: own }
}

function numberMention(text: string): { text: string; digits: string } | undefined {
  for (const pattern of NUMBER_IN_CONTEXT) {
    const match = pattern.exec(text)
    if (match) return { text: match[0], digits: match[1].replace(/－/gu, '-') }
  }
  const written = NUMERAL_NUMBER.exec(text)
  return written ? { text: written[0], digits: String(chineseNumeral(written[1])) } : undefined
}

/**
 * Names before 委员/代表 (张三委员, 李四等代表) or before a verb of proposing and 的 (李明提的提案) as jieba reads
 * them: a one-character surname it tags as a name followed by a short word (王/大锤, 周/海涛), or a word it
 * tags as a name — never a word such as 政协 or 人大. Not before 的 alone: 候车亭的建议 is about a bus shelter,
 * which jieba tags as a name.
 */
function personMentions(text: string): { name: string; label: string }[] {
  const words = wordSpans(text)
  const people: { name: string; label: string }[] = []
  words.forEach(({ word }, i) => {
    const proposed = PROPOSED.test(word) && words[i + 1]?.word === '的'
    if (!PERSON_TITLE.test(word) && !proposed) return
    const title = proposed ? '' : word
    // Past a count (两位委员, 等三位代表) to the last name listed.
    let j = i - 1
    if (COUNT_OF_PEOPLE.test(words[j]?.word ?? '')) j--
    if (words[j]?.word === '等') j--
    const [before, last] = [words[j - 1], words[j]]
    const han = (w?: { word: string }) => !!w && /^\p{Script=Han}+$/u.test(w.word)
    let name: string | undefined
    // The surname first: jieba cuts 周海涛 into 周/海涛 and tags both as names, 刘加林 into 刘/加林, a bare morpheme
    // (zg) and a place; not 市/人大 nor 区/政协, whose first word is a noun. Opening the message or a list's item,
    // a surname jieba takes for another word (张/q 立新/d, 谢/v 辉/nr) is one too, before a given name of one or two
    // characters that is no noun, pronoun or number.
    const listed = !words[j - 2] || !han(words[j - 2])
    const surname = han(before) && han(last) && before.word.length === 1 && last.word.length <= 2
    if (surname && (/^(?:nr|zg)/.test(before.tag) || (listed && GIVEN_NAME_TAGS.test(last.tag)))) name = before.word + last.word
    else if (han(last) && NAME_TAGS.test(last.tag) && last.word.length >= 2 && last.word.length <= 4) name = last.word
    if (name) people.push({ name, label: title ? `${name}${title}` : `提出人为${name}` })
  })
  return people
}

/**
 * A unit the message names. An alias that several units share (科委 when two districts have one) is all
 * of them, unless the place named before it tells them apart: 沙河市交通局 is the 交通局 that signed a
 * reply to 沙河市's people's congress. A government body that no indexed unit is, named in a message, is
 * kept unmatched.
 */
function unitMentions(text: string, names: Names, places: PlaceMention[]): Mention[] {
  const mention = longestMention(text, names.aliases)
  if (mention) {
    const { name: alias, at } = mention
    const before = places.find((place) => place.end === at)
    // 市科委 is the city's 科委, not a district's: a level word before the name (or opening it, 区科委) says whose.
    const leading = /^[省市区县]/.test(alias) && names.units.has(alias.slice(1)) ? alias[0] : undefined // not 市 of 市场监管局
    const level = before ? undefined : (leading ?? /[省市区县]$/.exec(text.slice(0, at))?.[0])
    const shared = names.units.get(alias)!
    const { units, docs } = placed(level ? keeping(shared, (doc) => [level, undefined].includes(unitLevel(doc.unit!))) : shared, before, names)
    const written = leading || !level ? alias : level + alias
    if (level && units.size === 0) return [{ kind: 'unit', text: written, label: written, docs: [] }]
    // None of them the place's (平江县交通局), or the one unit another place's (石林县教育体育局 is that
    // county's bureau, not 平江县教育体育局 found by its bare name; 长宁区科委 is not 上海市科委, however often
    // its reply's title says 上海): that place's body replied nothing here.
    if (before && (units.size === 0 || !docs.every((doc) => placeOfBody(doc, before.stem, names)))) {
      const placeUnsaid = docs.filter((doc) => !placeOfUnitOrSession(doc))
      return [{ kind: 'unit', text: before.text + alias, label: before.text + alias, docs: [], ...(placeUnsaid.length ? { placeUnsaid } : {}) }]
    }
    // Every one of them is that body: asked for their replies, each is listed under its own name; asked a
    // topic, their replies are searched, each passage cited with its unit. Never one of them taken for it.
    if (units.size > 1) return [{ kind: 'unit', text: written, label: written, docs, shared: true }]
    const [unit] = units
    return [{ kind: 'unit', text: before && !unit.includes(before.stem) ? before.text + alias : alias, label: unit, docs }]
  }
  // 人社部门 is "the 人社 departments", not the ministry 人社部.
  const body = BODY_NAMES.find((name) => new RegExp(`${name}(?!门)`).test(text))
  if (!body) {
    const government = governmentOf(text, places, names)
    return government.length ? government : bodyShaped(text, names)
  }
  // A street or town the gazetteer knows (长寿路街道) is a place, not an unknown body.
  if (places.some((place) => place.text.endsWith(body))) return []
  const start = text.indexOf(body)
  const named = places.find((place) => place.end === start)
  // As written, with the place or level word before it (长宁区教育局, 区卫健委).
  const from = named && named.end === start ? named.start : /[省市区县]/.test(text[start - 1] ?? '') ? start - 1 : start
  const label = text.slice(from, start + body.length)
  return [{ kind: 'unit', text: label, label, docs: issuedBy(names, label) }]
}

/**
 * A name no table knows, shaped as a body's (税务局, 团区委, 消防救援支队, 档案馆, 志愿者协会), that a message
 * opens with and asks the replies of (…的答复, …关于…, …对政协提案的答复): a body with no reply here unless it issued one. It
 * had been searched as words, and 「税务局的答复」 quoted a reply's 对提案建议的答复 on the similarity of 答复.
 */
const BODY_SHAPED = /^(?:请问|我想(?:看|查|问)(?:一下)?|查(?:一下|询)?|看(?:一下|看)?)?((?:(?!关于|有关|对)\p{Script=Han}){1,12}?(?:局|委|办|厅|署|院|所|馆|支队|大队|协会|学会|商会|联合会|公司|集团))(?=的?(?:答复|回复|复函|会办意见|办理意见)|关于|对[^，。？?]{0,20}?的?(?:答复|回复|复函))/u

function bodyShaped(text: string, names: Names): Mention[] {
  const label = BODY_SHAPED.exec(text)?.[1]
  return label ? [{ kind: 'unit', text: label, label, docs: issuedBy(names, label) }] : []
}

/**
 * The texts whose title names this body as its issuer (温州市人民政府关于印发…的通知), though another body
 * signed them: a district's office forwarding the city's notice is the text's unit, the city government
 * still issued what it forwards. 政府 and 人民政府 are one body.
 */
function issuedBy(names: Names, body: string): ReplyDocument[] {
  const plain = (name: string) => name.replace(/人民政府/g, '政府')
  const issuer = plain(body)
  return [...names.haystacks.keys()].filter((doc) => !!doc.title && (plain(doc.title).startsWith(issuer) || plain(doc.title).includes(`${issuer}关于`)))
}

/** 人民政府, 政府办 and the like name no body by themselves; after a place (太白县政府) they name its government. */
const GOVERNMENT = /^(?:人民)?政府(?:办公厅|办公室|办)?/
const BARE_GOVERNMENT = /^[省市区县](?:人民)?政府$/

/**
 * A place's government that no indexed unit is (太白县政府, where only a town under it replied). One an
 * indexed unit's name begins with (上海市人民政府 for its 办公厅) is left to the search, as before.
 */
function governmentOf(text: string, places: PlaceMention[], names: Names): Mention[] {
  for (const place of places) {
    const government = GOVERNMENT.exec(text.slice(place.end))
    if (!government) continue
    const label = place.text + government[0]
    if (names.aliases.some((alias) => alias.startsWith(label))) return []
    // A text signed by its level's government alone (市政府) is that place's when it names the place most.
    const signedBare = [...names.haystacks.keys()].filter((doc) => !!doc.unit && BARE_GOVERNMENT.test(doc.unit) && placeOfBody(doc, place.stem, names))
    return [{ kind: 'unit', text: label, label, docs: [...new Set([...issuedBy(names, label), ...signedBare])] }]
  }
  return []
}

/** Units sharing an alias, and their replies. */
type Shared = { units: Set<string>; docs: ReplyDocument[] }

function keeping(shared: Shared, keep: (doc: ReplyDocument) => boolean): Shared {
  const docs = shared.docs.filter(keep)
  return { units: new Set(docs.map((doc) => doc.unit!)), docs }
}

/** The level of a unit: its innermost place's (长宁区… → 区), else the level word its name opens with (市工信局 → 市). */
function unitLevel(unit: string): string | undefined {
  const { places, rest } = splitPlacePrefix(unit)
  const word = places.length ? places.at(-1)!.text.slice(-1) : rest.charAt(0)
  return /^[省市区县]$/.test(word) ? word : undefined
}

/** Of units sharing an alias, those whose replies are the named place's own (a unit signed without it, 交通局, replying to 沙河市's congress). */
function placed(shared: Shared, place: PlaceMention | undefined, names: Names): Shared {
  return shared.units.size === 1 || !place ? shared : keeping(shared, (doc) => placeOfBody(doc, place.stem, names))
}

/**
 * Whether the place is where the reply's body sits: the innermost place of its unit's name (杭州市西湖区科学
 * 技术局 sits in 西湖区: it is not 杭州市's 科技局), else its session's (a 交通局 answering 沙河市's congress),
 * else, for a unit signed with only its level (市工信局), the place of that level its text names most (the
 * city a city's bureau writes about), or if it names none, the one its portal's host or file name spells
 * (市水利局 on guangde.gov.cn). Not its title, which names the places a proposal is about.
 */
function placeOfBody(doc: ReplyDocument, place: string, names: Names): boolean {
  const said = placeOfUnitOrSession(doc)
  if (said) return said.fromUnit ? said.stem === place : doc.session!.includes(place)
  const level = doc.unit ? unitLevel(doc.unit) : undefined
  if (!level) return false
  const most = mostNamed(doc, PLACE_LEVELS[level])
  return most !== undefined ? most === place : spells(doc, place, names)
}

/**
 * A place's name as portals may spell it in their host names: 静安 → jingan. A character read several ways is
 * spelled each way (于都 is yudu, not yudou; 长宁 changning, not zhangning): which one a place's name takes is in
 * no dictionary of words.
 */
function spellingsOf(stem: string): string[] {
  let spellings = spellingsByStem.get(stem)
  if (!spellings) {
    spellings = [...stem].reduce((partial: string[], char) => {
      const readings = [...new Set(pinyin(char, { toneType: 'none', type: 'array', multiple: true }))]
      return partial.flatMap((spelled) => readings.map((reading) => spelled + reading))
    }, [''])
    spellingsByStem.set(stem, spellings)
  }
  return spellings
}
const spellingsByStem = new Map<string, string[]>()

/** Whether a text's host or file name spells the place (yudu.gov.cn for 于都). */
function spells(doc: ReplyDocument, stem: string, names: Names): boolean {
  const labels = names.spelled.get(doc)!
  return spellingsOf(stem).some((spelling) => labels.includes(spelling))
}

/** The place a reply's unit names (its innermost), or else one its session names. */
function placeOfUnitOrSession(doc: ReplyDocument): BodyPlace | undefined {
  if (!bodyPlaces.has(doc)) {
    const innermost = splitPlacePrefix(doc.unit ?? '').places.at(-1)
    const inSession = !innermost && doc.session ? findPlaces(doc.session)[0] : undefined
    bodyPlaces.set(doc, innermost ? { text: innermost.text, stem: innermost.stem, fromUnit: true } : inSession && { text: inSession.text, stem: inSession.stem, fromUnit: false })
  }
  return bodyPlaces.get(doc)
}
type BodyPlace = { text: string; stem: string; fromUnit: boolean }
/** Read once per reply: every place named in a message is checked against every reply. */
const bodyPlaces = new WeakMap<ReplyDocument, BodyPlace | undefined>()

/**
 * Whether the reply's body sits in a place inside this one (马关县交通运输局 in 文山 and in 云南). Such a reply
 * is listed for the larger place but never answers for it: a county's rules are not its province's.
 */
function sitsWithin(doc: ReplyDocument, outerStem: string): boolean {
  const body = placeOfUnitOrSession(doc)
  return !!body && body.stem !== outerStem && isWithin(body.text, outerStem)
}

/** The gazetteer's levels that a body's level word (市工信局, 区科委) serves. */
const PLACE_LEVELS: Record<string, PlaceMention['level']> = { 省: 'province', 市: 'city', 区: 'district', 县: 'district' }
const mostNamedByDoc = new WeakMap<ReplyDocument, Map<string, string | undefined>>()

/** The place of this level a text names most often (its stem), when one is named more than any other. */
function mostNamed(doc: ReplyDocument, level: PlaceMention['level']): string | undefined {
  const known = mostNamedByDoc.get(doc) ?? new Map<string, string | undefined>()
  mostNamedByDoc.set(doc, known)
  if (!known.has(level)) {
    const counts = new Map<string, number>()
    // A short form jieba reads as a person's name is doubtful as the place a text is about: 惠民 (惠民县) in 惠民项目.
    const places = findPlaces(doc.text).filter((place) => place.level === level && place.tag !== 'nr')
    // A text about a place writes it in full at least once (沿河县): a short form only ever bare may be a word
    // (沿河道路, "the road along the river"), and names no place the text is about.
    const inFull = new Set(places.filter((place) => place.text !== place.stem).map((place) => place.stem))
    for (const place of places) if (inFull.has(place.stem)) counts.set(place.stem, (counts.get(place.stem) ?? 0) + 1)
    const [first, second] = [...counts].sort((a, b) => b[1] - a[1])
    // Named once is in passing (禁放范围东至惠阳河, where 东至 is also a county): not what the text is about.
    known.set(level, first && first[1] >= 2 && (!second || first[1] > second[1]) ? first[0] : undefined)
  }
  return known.get(level)
}

/** Whether a reply is the place's own: its unit, session or title names it. */
export function ownPlace(doc: ReplyDocument, place: string): boolean {
  return [doc.unit, doc.session, doc.title].some((field) => field?.includes(place))
}

/**
 * Whether a text that names a place is another place's: not the place's own (by unit, session or title),
 * and signed by a body of another place of that level (越秀区政务服务中心's guide, which lists the other
 * districts' offices) or of a place that neither holds it nor lies in it (上海市长宁区…'s reply naming
 * 杭州, where it went to find investors), or naming another place of that level most (a district's
 * enrolment rules name their district throughout, and the neighbouring districts once, in a list). A
 * text naming no place of that level, or this one most, may be the place's: found by its source or file
 * name, or written from inside it.
 */
export function anotherPlacesText(doc: ReplyDocument, place: { stem: string; level: PlaceMention['level'] }): boolean {
  if (ownPlace(doc, place.stem)) return false
  const signers = splitPlacePrefix(doc.unit ?? '').places
  if (signers.some((other) => other.level === place.level || liesApart(other.stem, place.stem))) return true
  const most = mostNamed(doc, place.level)
  return most !== undefined && most !== place.stem
}

/** Places the message names, each once however often it names it, with the replies that name it anywhere (unit, title, session, source, text). */
function placeMentions(names: Names, places: PlaceMention[], others: Mention[], text: string): Mention[] {
  return onceEach(withTheirQualifiers(places))
    .filter((place) => !excluded(text, place))
    .filter((place) => !others.some((m) => m.kind === 'unit' && m.docs.length > 0 && m.text.includes(place.text)))
    .map((place) => {
      const { docs, inside } = placeReplies(place, names)
      return { kind: 'place' as const, text: place.text, label: place.text, stem: place.stem, level: place.level, docs, ...(inside.length ? { inside } : {}) }
    })
}

/**
 * A place written right after the city or province it lies in (平顶山舞钢, 河南省舞钢市) is that place: the
 * outer name only qualifies it, and texts on 舞钢 need not name 平顶山 (it had been refused as 没有找到涉及平顶山的内容).
 */
function withTheirQualifiers(places: PlaceMention[]): PlaceMention[] {
  return places.reduce((folded: PlaceMention[], place) => {
    const outer = folded.at(-1)
    if (outer?.end !== place.start || !isWithin(place.text, outer.stem)) return [...folded, place]
    return [...folded.slice(0, -1), { ...place, text: outer.text + place.text, start: outer.start }]
  }, [])
}

/** Each name once, however often the message writes it. */
function onceEach<T extends { text: string }>(names: T[]): T[] {
  return names.filter((name, i) => names.findIndex((other) => other.text === name.text) === i)
}

/**
 * A place the message leaves out (湖北以外的企业, 除湖北外): the question is about everywhere else, and no
 * text need name it. It had been refused as 没有找到涉及湖北的内容.
 */
function excluded(text: string, place: PlaceMention): boolean {
  const after = text.slice(place.end)
  return /^(?:以外|之外)/.test(after) || (text.slice(0, place.start).endsWith('除') && /^外/.test(after))
}

/**
 * A place's name right before 乡, 镇 or 村 is a township's or a village's of that name (同江市银川乡), not the
 * place asked about (宁夏银川市); and written with its level (长宁县), it is not a place of another level of
 * that name (上海's 长宁区). Texts naming only those do not cover it.
 */
const TOWNSHIP_AFTER = '[乡镇村]|街道|社区|嘎查|苏木'
const LEVEL_AFTER = `[省市区县旗州盟]|${TOWNSHIP_AFTER}`

/** The replies that name a place, and those of places inside it that do not; found once per place. */
function placeReplies({ text, stem, level }: Pick<PlaceMention, 'text' | 'stem' | 'level'>, names: Names): PlaceReplies {
  // The level word the message wrote after the name (县 of 长宁县, 市 of 宁夏银川市), if any.
  const written = level === 'street' ? undefined : /^[省市区县旗州盟]$/u.exec(text.slice(text.lastIndexOf(stem) + stem.length))?.[0]
  const key = `${level}:${stem}:${written ?? ''}`
  let replies = names.placeDocs.get(key)
  if (!replies) {
    const bare = new RegExp(level === 'street' ? stem : `${stem}(?!${written ? LEVEL_AFTER : TOWNSHIP_AFTER})`, 'u')
    const levels = written && { own: new RegExp(`${stem}${written}`, 'u'), other: new RegExp(`${stem}(?!${written})[省市区县旗州盟]`, 'u') }
    // Written with its level, it is named so, or bare (长宁的, a file named changning) in a text that never
    // names another level of that name (长宁区).
    const naming = ([doc, haystack]: [ReplyDocument, string]) => {
      if (levels && levels.own.test(haystack)) return true
      if (levels && levels.other.test(haystack)) return false
      return bare.test(haystack) || spells(doc, stem, names)
    }
    const docs = [...names.haystacks].filter(naming).map(([doc]) => doc)
    replies = { docs, inside: [...names.haystacks.keys()].filter((doc) => !docs.includes(doc) && sitsWithin(doc, stem)) }
    names.placeDocs.set(key, replies)
  }
  return replies
}

function hostLabels(url: string | undefined): string[] {
  try {
    return url ? new URL(url).hostname.split('.') : []
  } catch {
    return []
  }
}

/** Each of these names the text holds, longest first, where no longer one already stands. */
function mentionsOf(text: string, candidates: string[]): { name: string; at: number }[] {
  const found: { name: string; at: number }[] = []
  for (const name of candidates) {
    const at = text.indexOf(name)
    if (at >= 0 && !found.some((one) => at < one.at + one.name.length && one.at < at + name.length)) found.push({ name, at })
  }
  return found
}

/**
 * The first of `candidates` (longest first) that the text names, and where. One that starts with a bare
 * level word (区科委, 县教育体育局) is the district's or county's own only where no name stands before that
 * word: in 石林县教育体育局 it is the end of 石林县, not 平江县's bureau.
 */
function longestMention(text: string, candidates: string[]): { name: string; at: number } | undefined {
  for (const name of candidates) {
    const levelWord = /^[省市区县]/.test(name)
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      if (!levelWord || !/\p{Script=Han}/u.test(text[at - 1] ?? '')) return { name, at }
    }
  }
  return undefined
}

export function toChineseNumeral(numeral: string): string {
  if (!/^\d+$/.test(numeral)) return numeral
  const n = Number(numeral)
  if (n <= 10) return n === 10 ? '十' : CHINESE_DIGITS[n]
  return (n >= 20 ? CHINESE_DIGITS[Math.floor(n / 10)] : '') + '十' + (n % 10 ? CHINESE_DIGITS[n % 10] : '')
}
