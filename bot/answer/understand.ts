/**
 * A normalised message → what the user wants. Entities (proposal numbers, sessions, proposers, units,
 * places) are recognised against the documents actually indexed and a gazetteer, not a fixed list, so a
 * new reply's names work as soon as it is ingested. A named entity narrows the search; it never vouches
 * for an answer, and one that matches no reply is said so.
 */
import { chineseNumeral, nouns, splitPlacePrefix, tokenize, type KnowledgeBase, type PlaceMention, type ReplyDocument } from '../../index/index.js'
import { NAMES_REPLIES, NAMES_TEXTS, ownPlace, recogniseEntities, toChineseNumeral, type Entities, type HeldLocal, type Mention } from './entities.js'
import { contentTokens } from './refusal.js'
import { documentWords } from './compose.js'
import { isGenericBody } from './units.js'
import { asksNextSteps } from './next-steps.js'
import type { ConversationState } from './types.js'

export type SectionRequest =
  | { kind: 'cited' }
  /** `marked`: the part's own marker was written (（二）, 二、): only parts marked so, under the cited passage's first */
  | { kind: 'numbered'; numeral: string; digits: string; asked: string; article: boolean; marked?: string[] }
  | { kind: 'named'; name: string }

/** A fact about one reply that is not a passage of its body. */
export type Fact = 'contact' | 'date' | 'docNumber' | 'number' | 'proposers' | 'addressee' | 'unit' | 'result' | 'signer' | 'copies' | 'title' | 'session'

export type Understanding =
  | { intent: 'help' | 'greeting' | 'more' | 'thanks' | 'acknowledged' | 'farewell' }
  /** a part of the reply in the conversation, or of the one the message names (第084号提案的第二部分) */
  | { intent: 'fullSection'; request: SectionRequest; docId?: string }
  /** a part of the text a question finds (广州积分入户指南的第三部分): that text's, when it finds one */
  | { intent: 'partOfFound'; request: SectionRequest; of: Extract<Understanding, { intent: 'question' }> }
  /** the message needs a reply in the conversation and there is none: ask which one is meant */
  | { intent: 'whichReply'; about: 'section' | 'followUp' | 'subject' }
  /** a bare number: an item of the list just shown, or a prompt */
  | { intent: 'pick'; index: number }
  /** named replies that do not exist (number, session, person, unit), or places no reply names */
  | { intent: 'noSuchReply'; missing: Mention[]; mentions: Mention[] }
  | { intent: 'fact'; fact: Fact; docId: string }
  /** the user named one or more replies and asked for nothing more specific */
  | { intent: 'lookup'; docIds: string[]; scope: string }
  /**
   * a question, possibly scoped to the replies it names or the reply just cited; `topic` is what it asks
   * beyond naming them, for the evidence check (the names match every passage in scope)
   */
  | {
      intent: 'question'
      query: string
      docIds?: string[]
      scope?: string
      topic?: string
      fact?: Fact
      scopedBy?: Mention['kind'][]
      /**
       * the names that chose the replies searched (a place, a unit, a number …): true of every passage in
       * scope, so they are no evidence that one answers (攀枝花东区 found in a reply on a crossing's traffic lights)
       */
      scopedWith?: string[]
      /** the places named that tell texts apart: another place's text that names one in passing answers for it only in passages naming it */
      places?: { label: string; stem: string; level: PlaceMention['level'] }[]
      /** villages, roads or schools named that some text names: a text not naming them answers nothing on them (北门路's shelter is not 滨江路's) */
      locals?: HeldLocal[]
      /** replies of places inside the place named, titled by the topic: offered by name if none of its own answers */
      inside?: { label: string; docIds: string[] }
      /** the message as written, when the query is only its topic (路灯 for 路灯的事想打电话问问，找谁): quoted back in a refusal */
      message?: string
      /** asks what the one reply followed up on or named will do next, and nothing else (这段路以后怎么处理): its passages saying so answer */
      nextSteps?: true
      /** the named replies asked for by their proposal's subject (叶某委员关于养老的提案): the subject as written, its words, and the request */
      subject?: { text: string; words: string[]; request: string }
    }

const END = '[!！。.?？~～]*$'
const HELP = new RegExp(`^(帮助|help|使用说明|怎么用|说明|菜单|你是谁|你能做什么|你会做什么|你能干什么|你会什么|能做什么|有什么用|[?？]+)${END}`, 'i')
const GREETING = new RegExp(`^(你好|您好|hi|hello|哈喽|嗨|在吗|在不在|早上好|上午好|中午好|下午好|晚上好|早安)[呀啊呢吗,，]*${END}`, 'i')
const THANKS = new RegExp(`^(谢谢|谢谢你|谢谢您|多谢|感谢|谢了|thanks|thank you|thx)[啦了呀哈的,，]*${END}`, 'i')
/** "Got it" (好的, 收到, 明白了): nothing to thank for, so no 不客气. */
const ACKNOWLEDGED = new RegExp(`^(好的|好|好吧|行|ok|okay|嗯|嗯嗯|收到|明白|明白了|知道了|了解|了解了)[啦了呀哈的,，]*${END}`, 'i')
const FAREWELL = new RegExp(`^(再见|拜拜|bye|晚安|回头见)[啦了呀哈,，]*${END}`, 'i')
const MORE = new RegExp(`^(更多|下一条|下一个|下一段|继续|还有吗|还有呢|还有别的吗|more|next)${END}`, 'i')
const WHOLE = new RegExp(`^(全文|完整|完整版|全部|整段|原文|看全文|查看全文|全部内容)${END}`)
/** 第三条是什么, 第二部分讲了什么: asking what a part says is asking for the part. */
const WHAT_IT_SAYS = '(?:的?内容|是什么|是啥|说了?(?:些)?什么|讲了?(?:些)?什么|写了?(?:些)?什么|呢)?'
const PART = `([一二三四五六七八九十]+|\\d{1,2})(部分|点|条|项|段)${WHAT_IT_SAYS}${END}`
const NUMBERED = new RegExp(`^第?${PART}`)
/** A part asked for by its own marker, as the reply writes it: （二）, (2), 二、. */
const MARKED = new RegExp(`^(?:[（(]([一二三四五六七八九十]+|\\d{1,2})[)）]|([一二三四五六七八九十]+)、)${WHAT_IT_SAYS}${END}`)
/** A part asked of a reply or text named before it (第084号提案的第二部分, 《…办法》第十条, …的（二）); not 放松一点. */
const PART_OF = new RegExp(`^(.+?)的?(第${PART}|${MARKED.source.slice(1)})`)
/** A bare number: picks from a list just shown ("2", "第2个"). */
const BARE_NUMBER = new RegExp(`^第?\\s*(\\d{1,3}|[一二三四五六七八九十]{1,3})\\s*(个|份|项|条)?${END}`)
/** A section may be asked for by its name ("具体举措") only in a short message, right after a citation. */
const MAX_SECTION_NAME = 12

/** Questions about a reply's contact, date, document or motion number, proposers, unit, result, signer, copies, title or session: answered from that reply's metadata. */
const FACTS: [Fact, RegExp][] = [
  // Whom it was copied to names units too (抄送给了哪些单位): asked first.
  ['copies', /抄送|抄报/],
  // Whom a 会办意见 or 协办函 is written to is a unit (这份函是写给哪个单位的): asked before whom a reply answers.
  ['addressee', /(?:写给|发给|送给|报送|致)(?:哪个|哪家|什么)(?:单位|部门|机构)|(?:会办意见|协办函|函)是?(?:写给|发给|给)(?:谁|哪)/],
  // The first of several proposers leads it (谁领衔提的, 领衔代表是谁).
  ['proposers', /谁提的|谁提出的?|谁写的|提案人|建议人|提出人|谁领衔|领衔[^，。？?]{0,4}(?:谁|哪位)|(哪[几一二两三四五六七八九十]?位|哪个|哪些|什么人)(委员|代表)?提|(?:答复|回复|写)给(?:谁|哪[几一二两三四五六七八九十]?位|哪些)|答复对象|(?:答复|回复)了?(?:哪[几一二两三四五六七八九十]?位|哪个|哪些)(?:委员|代表)|(?:哪[几一二两三四五六七八九十]?位|哪个|哪些|什么人)(?:委员|代表)的(?:提案|建议|议案)/],
  // Which unit signed it (哪个单位落款的, 落款单位) is which one replied; when it was signed (落款是哪天) is its date.
  ['unit', /(哪个|哪家|什么)(部门|单位|机构)(答复|回复|回|印发|发布|落款)|落款(?:单位|的?是?(?:谁|哪个|哪家|什么)(?:部门|单位|机构)?(?![^，。？?]{0,2}(?:天|日|时)))|交(?:给|由)?(?:哪个|哪家|什么)(?:部门|单位|机构)|(答复|回复|文件|通知)是?(哪个|哪家|什么)(部门|单位|机构)的|谁(答复|回复|回|印发|发布)的|(文件|通知|通告|公告|办法|规定|意见)是?(谁|哪个部门|哪个单位)发的|答复单位|承办单位|主办单位|办理单位|发文单位|发文机关|发布机构/],
  ['contact', /找谁|联系谁|联系人|联系方式|联系电话|电话是?多少|(?<![打拨热])电话(?:号码)?(?:是什么)?[？?。！!]*$|(?:打|拨)(?:谁|哪个|什么)的?(?:电话|号码)|怎么联系|如何联系|找哪个部门|谁负责|哪个部门负责|咨询谁/],
  ['date', /(哪天|哪一天|哪年|哪一年|什么时候|何时|几月几[号日]|日期|时间)[^，。？?]{0,4}(答复|回复|复函|回函|发的|发出|发布|印发|出的|写的|签发)|(答复|回复|复函|回函|签发|发布|印发|落款|成文)[^，。？?]{0,4}(哪天|哪一天|哪年|哪一年|什么时候|何时|日期|时间)|是哪天的|哪天的/],
  // A 文号 is the reply's own number (几号文, 哪号文件 ask it too); 第几号 or 编号 may be the motion's.
  ['docNumber', /文号|发文字号|[几哪]号文(?!化|明|艺|物|体|章|字)/],
  ['number', /编号是|编号多少|第几号|几号提案|几号建议|提案号|建议号/],
  // The class a reply is filed under is a letter (A类还是B类, 是不是A类).
  ['result', /办理结果|答复结果|类别|(?:被|有没有|是否|有无)采纳|采纳了(?:吗|没有)?|[是属]?哪一?类答复|[A-Da-d]类(?:还是|或者?)[A-Da-d]类|是不是[A-Da-d]类|是[A-Da-d]类[吗么]/],
  ['signer', /签发人|(?:谁|哪位领导|哪个领导|什么人)(?:签发|审签|签批)|(?:签发|审签|签批)的?(?:是谁|领导)|由谁(?:签发|审签|签批)/],
  ['title', /标题|题目|事由|(?:提案|建议|文件|通知)(?:的)?(?:名称|名字)|叫什么名字|(?:答复|回复|复函|回函|提案|建议|文件|通知)(?:的?(?:名称|名字))?叫(?:什么|啥)|(?:答复|回复|复函|回函)的?是?(?:哪|什么)[条个件份项]?(?:提案|建议)|(?:提案|建议|议案|答复|回复|复函)[^，。？?]{0,2}是?关于(?:什么|啥|哪方面|哪些方面)/],
  // Which session a motion was made at (是答复哪次会议上的建议, 这件提案是哪届政协的): not which meeting passed a regulation.
  ['session', /(?:哪|什么)一?[次届](?:会议?|人代会|人大|政协)?[^，。？?]{0,6}(?:提案|建议|议案)|(?:哪|什么)一?[次届]会议?上?(?:提出|提交|提)的|(?:提案|建议|议案)[^，。？?]{0,6}(?:哪|什么)一?[次届](?:会议?|人代会|人大|政协)?|会议届次/],
]
/** Words that point back at the reply just cited (这件提案, 这份答复, 该建议): without one in the conversation, ask which. */
const REPLY_REFERENCE = /(这|那|该|此|上面|刚才)(件|份|个|条|篇)?(提案|建议|答复|回复|复函|文件|通知)/
const POINTER_START = /^(?:这|那|该|此|它|上面|刚才|前面)/
/** Words that point back at what was just quoted (这段路, 这个项目, 上面说的): searched within that reply. */
const ANAPHORA = new RegExp(`${POINTER_START.source}|这(件|份|个|条|段|项|篇|些)|该(单位|部门|项目)|上面说的|刚才说的`)

/**
 * A message opening by pointing at something said before (那条路…, 这个工程…): asked first thing, or of
 * something the reply in the conversation does not name, it is searched as it stands.
 */
export function opensPointing(text: string): boolean {
  return POINTER_START.test(text)
}

/** What 这件事, 这个问题 or 这项工作 point at is whatever the reply was about. */
const MATTER = /^(?:事|事儿|事情|事项|问题|东西|工作|方面|内容)$/
/**
 * Words asking how a matter is going or what it takes (进展怎么样, 落实了吗, 效果如何, 需要什么材料, 怎么申请),
 * or what a text says (主要说了什么, 要点, 概述), how long it holds (有效期多久, 什么时候施行) and what it costs
 * or where (多少钱, 能网上办吗), of whatever matter: a message of these alone names no subject, so it is about the reply in the
 * conversation, or asks which matter is meant.
 */
const NO_SUBJECT = /^(?:进展|进度|效果|成效|结果|现状|落实|完成|加快|推进|实施|开工|动工|解决|处理|办理|办|办好|办成|做|弄|搞|具体|需要|申请|申报|材料|手续|流程|程序|条件|资格|要求|政策|规定|标准|费用|主要|说|讲|写|概述|概况|要点|重点|大概|大意|意思|核心|有效期|有效|效期|期限|多久|施行|生效|试行|废止|失效|到期|解释|钱|收费|拿到|领到|领取|网上|线上|手机|上网)$/
/**
 * A number or a date alone (2023年, 12345) says when or how many, not of what: every text has some. Numbers
 * joined by a sign (1+16+215) name something, a programme or a rule.
 */
const NUMBER_OR_DATE = /^[0-9０-９]*(?:年度?|月份?|日|号)?$/u
const SIGN = /\p{S}/u
/** Asking what a text says as a whole (主要说了什么, 大意, 要点是什么, 什么内容). */
const SAYS = /主要|大概|大意|要点|重点|核心|概述|概况|内容|(?:说|讲|写)了?(?:些)?(?:什么|啥)/

/** 这件事, 那个问题 after a topic (托管班这件事找谁): pointing at the topic, no word of it. */
const POINTED_MATTER = /(?:这|那|该|此)(?:件|个|项)?(?:事儿|事情|事项|事|问题)/

/** Words of asking and contacting, not of a topic: 「想打电话问问办理情况，找谁」, 「有问题找谁」 name no topic. */
const FOLLOW_UP_WORDS = ['这件事', '那件事', '的事', '事情', '打电话', '联系', '电话', '号码', '拨打', '问问', '咨询', '反馈', '办理', '情况', '经办', '负责', '有问题', '有疑问', '不清楚', '不明白']

/**
 * "2023年的提案", "长宁区科委2024年的答复", "2020年2月的文件": a year or a month asked for with replies and
 * nothing else is when they were dated; one in a question ("2018年公园加了什么") is when something
 * happened, and scopes nothing. A day (2020年2月10日的通知) names a text by its date, not a list.
 */
const DATED = /((?:19|20)\d{2})\s*年(?:\s*(\d{1,2})\s*月)?(?!\s*\d)/u
/** A message that ends asking for replies (…的答复, …的提案有哪些): what they are is what comes before. */
const REPLIES_ASKED_FOR = /(?:答复|回复|复函|提案|建议|议案)(?:有哪些|是什么|怎么样|呢|吗)?[？?。！!]*$/
/** 今年, 去年, 前年: years counted back from today. */
const RELATIVE_YEARS: Record<string, number> = { 今年: 0, 去年: 1, 前年: 2 }

/**
 * Replies or texts asked for by a year counted from today (去年的答复, 今年的提案有哪些) are asked for by that
 * year: the words alone matched a passage saying 去年 in a reply of 2020.
 */
function withYearsOf(text: string, today: Date): string {
  if (!NAMES_REPLIES.test(text) && !NAMES_TEXTS.test(text)) return text
  return text.replace(/今年|去年|前年/g, (word) => `${today.getFullYear() - RELATIVE_YEARS[word]}年`)
}

/** How a message names replies rather than what it asks of them. */
const FRAMING_WORDS = ['关于', '提案', '代表建议', '建议', '议案', '会办意见', '答复', '回复', '复函', '政协', '人大', '委员', '代表', '的']
/** 关于路灯的提案, 关于元宇宙提案的答复: replies asked for by what their proposal was about. */
const SUBJECT_OF_REPLY = /关于(.{1,30}?)的?(?:那|这)?[件份个篇]?(?:提案|代表建议|建议|议案|答复|回复|复函|会办意见)/u
/** 市人大, 区政协: a level word left alone (对市) would read as a topic. */
const LEVEL_OF_BODY = /[省市区县](?=人大|政协)/

/** 「长宁区科委的答复有几份」 asks for the list (its length is said first), not about a topic. */
const HOW_MANY_REPLIES = /(?:一共|总共|共)?(?:有|答复了|回复了|办理了|提了|提过)?(?:几|多少)(?:份|件|篇)(?:提案|建议|议案|答复|回复)?|(?:几|多少)个(?:提案|建议|议案|答复|回复)/

/** Asks which replies there are (…的提案有哪些, 哪些答复). */
const LISTS_REPLIES = /(?:提案|建议|议案|答复|回复)(?:都)?有哪些|哪些(?:关于.{1,30}?的)?(?:提案|建议|议案|答复|回复)/u

/** What names one reply, not a kind of them. */
const PINS_A_REPLY = new Set<Mention['kind']>(['number', 'proposer', 'title', 'docNumber'])

/** The message asks for what a unit replied or issued (its 答复, its 通知 on 网课), not just about a topic the unit deals with. */
const ASKS_FOR_REPLY = /答复|回复|复函|怎么回应|怎么说的|通知|通告|公告|文件|发的|印发|发布/

/**
 * Words that only say "show me that reply", or who gave it (孙波代表的建议局里怎么答复的, 区里答复了什么): what
 * remains after removing them is the actual question.
 */
const LOOKUP_WORDS = new Set(
  '的 了 吗 呢 啊 吧 请问 请 帮 我 我们 看看 看 查 查询 查一下 一下 给 怎么 怎么样 怎样 如何 说 讲 写 答复 回复 复函 局里 区里 县里 市里 镇里 乡里 省里 部门 单位 他们 人家 那边 这边 提案 建议 代表建议 议案 代表 委员 号 第 关于 是 什么 内容 情况 办理 结果 意见 会办 协办 哪些 哪个 哪件 哪份 哪一件 哪一份 哪篇 有 有没有 那个 这个 全文 提的 提了 提过 提出 提交 都 发 发了 发过 发的 印发 发布 出台 下发 通知 通告 公告 若干 若干意见 若干措施 若干规定'.split(' '),
)

export function understand(message: string, kb: KnowledgeBase, state?: ConversationState, today = new Date()): Understanding {
  const text = withYearsOf(message, today)
  if (HELP.test(text)) return { intent: 'help' }
  if (GREETING.test(text)) return { intent: 'greeting' }
  if (THANKS.test(text)) return { intent: 'thanks' }
  if (ACKNOWLEDGED.test(text)) return { intent: 'acknowledged' }
  if (FAREWELL.test(text)) return { intent: 'farewell' }
  if (MORE.test(text)) return { intent: 'more' }
  const section = sectionRequest(text, kb, state?.docId)
  if (section) return state?.docId ? { intent: 'fullSection', request: section } : { intent: 'whichReply', about: 'section' }
  const partOf = PART_OF.exec(text)
  const part = partOf && partAsked(partOf[1], numberedPart(partOf[2]), kb, state)
  if (part) return part
  const bare = BARE_NUMBER.exec(text)
  if (bare) return { intent: 'pick', index: Number(/^\d+$/.test(bare[1]) ? bare[1] : chineseNumeral(bare[1])) }

  const found = formOnlyListed(text, recogniseEntities(text, kb), kb)
  // What the message asks beyond naming replies (places and unknown bodies included): nothing → a lookup.
  const rest = topicWords(withoutMentions(text, found.mentions))
  // Of the replies inside a place no reply names, those on the topic asked, if one is (云南的学校搬迁 → 都龙小学搬迁).
  const missing = found.mentions
    .filter((m) => m.docs.length === 0 && m.kind !== 'unit')
    .map((m) => (m.inside && rest.length ? { ...m, inside: titledBy(m.inside, rest) } : m))
  if (missing.length > 0 || (found.docs && found.docs.length === 0)) return { intent: 'noSuchReply', missing, mentions: found.mentions }
  const scope = found.mentions.filter((m) => m.docs.length > 0 && m.kind !== 'place').map((m) => m.label).join(' ')
  const [fact, factPattern] = FACTS.find(([, pattern]) => pattern.test(text)) ?? []
  const named = found.docs && scope ? found.docs : undefined

  // What a fact is asked of beyond the names and the reply pointed at (这份答复): for several named replies,
  // names the one whose proposal it is about (水务局答复蜻蛉河那件议案的联系电话).
  const factTopic = fact ? topicWords(withoutMentions(text, found.mentions, [factPattern!, REPLY_REFERENCE])) : []
  const onTopic = named && named.length > 1 && factTopic.length ? titledBy(named, factTopic) : named
  if (fact && onTopic?.length === 1) return { intent: 'fact', fact, docId: onTopic[0].id }
  if (fact && named) return { intent: 'lookup', docIds: named.map((doc) => doc.id), scope }
  // A fact asked of a place's reply and nothing else (鹦鸽镇的提案答复文号): of its own replies (by unit,
  // session or title), the one, or the list. A reply that only mentions the place is not its reply.
  const places = found.mentions.filter((m) => m.kind === 'place')
  const onlyPlaces = found.mentions.every((m) => m.kind === 'place')
  if (fact && onlyPlaces && found.docs && places.length > 0 && factTopic.length === 0) {
    const own = found.docs.filter((doc) => places.every((place) => ownPlace(doc, place.text)))
    if (own.length === 1) return { intent: 'fact', fact, docId: own[0].id }
    if (own.length > 1) return { intent: 'lookup', docIds: own.map((doc) => doc.id), scope: places.map((m) => m.label).join(' ') }
  }
  // 「文号是多少」「这件提案找谁联系」 follow up on the reply in the conversation (or ask which one is meant);
  // 「路灯的事找谁」 names a topic: its reply is searched for, and the answer carries that reply's contact.
  // A reply pointed at (这个答复) that the conversation does not hold is never guessed at; one named by its
  // topic (元宇宙那件提案, 关于路灯的那份答复) is searched for.
  // 这些/这个 before a thing the reply in the conversation never names (这些支持中小企业的政策… after a reply
  // on 健康码) point at something else: the message is asked afresh. 这份答复 always means that reply.
  // So does 下一步怎么做 with no word the reply does not use itself, and 进展怎么样: they ask it of that reply.
  const cited = state?.docId ? kb.getDocument(state.docId) : undefined
  const noSubject = !found.docs && namesNoSubject(text)
  const refersBack = pointsBack(text) || (!!cited && ANAPHORA.test(text) && !pointsElsewhere(cited, text)) || (!!cited && (asksOnlyNextSteps(text, cited) || noSubject))
  // Asked what comes next or how it is going and nothing else, first thing (下一步怎么做, 落实了吗): of which reply?
  const nextOnly = asksNextSteps(text)
  if (!found.docs && !cited && ((nextOnly !== undefined && !namesTopic(nextOnly)) || noSubject)) return { intent: 'whichReply', about: 'subject' }
  // A body named in a request for its replies ("区教委的答复") that no indexed unit is: there is no such reply.
  const unknownBodies = found.mentions.filter((m) => m.kind === 'unit' && m.docs.length === 0)
  const unknownUnit = unknownBodies[0]
  // So is one asked for its reply's contact, date or number (高平市教育局的联系电话, 市民政局的联系人), before it is
  // taken for a follow-up on a topic.
  // Beside other names (政协, a session, a number) too, unless a reply they name may be its: signed by the body's
  // bare name (科技厅), or unsigned and either naming the body (区发改委高度重视) or picked by what names one reply
  // (a number, a proposer, a title): 苍溪县教育局对政协提案的答复 had listed 苍溪县交通运输局's reply. An unsigned one
  // only a place or a kind of motion picked is offered under "no such reply": shown as the body's, it was taken for
  // its answer (本溪市教育局对人大代表建议的答复 had shown an unsigned reply on heating pipes).
  const pinned = found.mentions.some((m) => PINS_A_REPLY.has(m.kind) && m.docs.length > 0)
  const body = unknownUnit && splitPlacePrefix(unknownUnit.label).rest
  const maybeItsReply = named?.some((doc) => unknownUnit?.placeUnsaid?.includes(doc) || (!doc.unit && (pinned || (!!body && doc.text.includes(body)))))
  if (unknownUnit && !maybeItsReply && (rest.length === 0 || ASKS_FOR_REPLY.test(text) || fact)) return { intent: 'noSuchReply', missing: [unknownUnit], mentions: found.mentions }
  if (!found.docs && (fact || refersBack)) {
    const topic = withoutWords(text, [REPLY_REFERENCE, POINTED_MATTER, ANAPHORA, factPattern], FOLLOW_UP_WORDS)
    const hasTopic = !refersBack && namesTopic(topic)
    if (!hasTopic && !state?.docId) return { intent: 'whichReply', about: 'followUp' }
    if (!hasTopic && fact) return { intent: 'fact', fact, docId: state!.docId! }
    // What it says, and nothing more (主要说了什么, 要点是什么): the reply itself, as when it is named.
    if (!hasTopic && SAYS.test(text)) return { intent: 'lookup', docIds: [state!.docId!], scope: `这份${cited ? documentWords(cited).kind : '答复'}` }
    if (!hasTopic) return { intent: 'question', query: text, docIds: [state!.docId!], scope: `这份${cited ? documentWords(cited).kind : '答复'}`, ...(asksOnlyNextSteps(text, cited) ? { nextSteps: true } : {}) }
    return { intent: 'question', query: topic, fact, message: text }
  }
  const dated = rest.length === 0 && (NAMES_REPLIES.test(text) || NAMES_TEXTS.test(text)) ? DATED.exec(text) ?? undefined : undefined
  // Of the replies a place names too (长宁区2025年的提案), never of every place's.
  if (dated) return byDate(kb, dated[1], dated[2], found.docs, found.mentions.filter((m) => m.docs.length > 0).map((m) => m.label).join(' '), found.mentions)
  // A body no reply is signed by, asked about a topic (普陀区教育局对课后托管有什么安排), is not itself the
  // topic: its name (教育) would find and vouch for passages on 科普教育基地. The question is about the topic
  // there, its place kept.
  const asked = unknownBodies.reduce((left, body) => left.replace(body.text, placesIn(body.text, found.mentions)), text)
  const written = asked === text ? {} : { message: text }
  const locals = found.locals ? { locals: found.locals } : {}
  // Replies asked for by what they are about, nothing naming them (区里的答复, 最新的答复, 停车难的提案), are
  // judged on that alone: the words of replies match every reply's 对提案建议的答复.
  if (!found.docs) {
    const onSubject = listedBySubject(asked, kb)
    if (onSubject) return onSubject
    const topic = REPLIES_ASKED_FOR.test(asked) ? asksAbout(asked, false, true) : undefined
    // Asked only by a body that is any government's (政府的回复, 区政府的答复): of which reply?
    if (topic && isGenericBody(topic.replace(/(?:都)?有哪些|是什么|[\s？?。！!]+/gu, ''))) return { intent: 'whichReply', about: 'subject' }
    return { intent: 'question', query: asked, ...written, ...(topic && topic !== asked ? { topic } : {}), ...locals }
  }
  // Listed under all they were named by (普陀区的会办意见), the place too.
  if (rest.length === 0 && named) return { intent: 'lookup', docIds: named.map((doc) => doc.id), scope: [...places.filter((m) => m.docs.length > 0).map((m) => m.label), scope].join(' ') }
  // Replies asked for by a place alone (普陀区的提案答复有哪些): those naming it, its own (by unit, session or title) first.
  // With none of its own, a reply that only mentions it (a city's reply naming the district) is not its
  // reply: there is none, and those mentioning it are offered. A policy text naming a place in its body
  // is often that place's (本市…佛山市各区), so asked for as 文件 they are listed.
  // So is a place sent alone (长宁, 普陀区): it had been searched as its own topic and refused in its own replies.
  const placeAlone = !/[\p{L}\p{N}]/u.test(withoutTexts(text, found.mentions))
  if (rest.length === 0 && unknownBodies.length === 0 && (NAMES_REPLIES.test(text) || NAMES_TEXTS.test(text) || placeAlone)) {
    const own = (doc: ReplyDocument) => places.some((place) => ownPlace(doc, place.text))
    // Then those of the places inside it (保山的答复: its counties' too), which never name it.
    const inside = places.length === 1 ? (places[0].inside ?? []) : []
    const docs = [...found.docs.filter(own), ...found.docs.filter((doc) => !own(doc)), ...inside.filter((doc) => !found.docs!.includes(doc))]
    if (!docs.some(own) && NAMES_REPLIES.test(text)) return { intent: 'noSuchReply', missing: places.map((place) => ({ ...place, docs: [], mentionedBy: docs })), mentions: found.mentions }
    return { intent: 'lookup', docIds: docs.map((doc) => doc.id), scope: places.map((m) => m.label).join(' ') }
  }
  // Search with the whole question (the names help find the passage); judge the evidence on the rest.
  // A fact asked with a topic (上海居住证积分的文件是哪个单位发的) leads the answer, and is no topic itself.
  // A body's place is searched for, but no reason to answer: it was part of a name that matched nothing.
  // So is a place every text names (the city of a corpus of one city's notices): it tells none apart.
  const everywhere = places.filter((place) => place.docs.length === kb.documents.length)
  const unweighed = [...unknownBodies, ...everywhere]
  // The fact asked (答复是哪天) is taken out first: the framing words taken out next would break it up.
  const factless = (words: string) => (fact ? withoutWords(words, [factPattern], FOLLOW_UP_WORDS) || words : words)
  const judgedOn = asksAbout(factless(named ? found.rest : asked), !!named, NAMES_REPLIES.test(text)) ?? (unweighed.length ? withoutTexts(factless(text), unweighed) : undefined)
  const judged = judgedOn ?? (fact ? factless(asked) : undefined)
  return {
    intent: 'question',
    query: asked,
    ...written,
    ...(fact ? { fact } : {}),
    topic: judged,
    docIds: found.docs.map((doc) => doc.id),
    scope: scope || found.mentions.filter((m) => !unknownBodies.includes(m)).map((m) => m.label).join(' '),
    scopedBy: named ? found.mentions.filter((m) => m.docs.length > 0 && m.kind !== 'place').map((m) => m.kind) : undefined,
    scopedWith: found.mentions.filter((m) => m.docs.length > 0).map((m) => m.text),
    places: places.filter((m) => m.docs.length > 0 && !everywhere.includes(m)).map((m) => ({ label: m.label, stem: m.stem!, level: m.level! })),
    ...locals,
    ...insideOnTopic(places, rest),
    ...(named?.length === 1 && asksOnlyNextSteps(withoutMentions(text, found.mentions), named[0]) ? { nextSteps: true } : {}),
    ...(named ? subjectAsked(text, found.mentions) : {}),
  }
}

/** Of the replies inside the one place named (保山's counties'), those titled by the topic asked: offered if its own do not answer. */
function insideOnTopic(places: Mention[], topic: string[]): { inside?: { label: string; docIds: string[] } } {
  const docs = places.length === 1 && topic.length ? titledBy(places[0].inside ?? [], topic) : []
  return docs.length ? { inside: { label: places[0].label, docIds: docs.map((doc) => doc.id) } } : {}
}

/**
 * Replies listed or counted by their subject (关于路灯的提案有几份, 关于养老的建议有哪些): those whose proposal's
 * title holds a word of it. Searched, the question quoted passages instead of saying which replies.
 */
function listedBySubject(text: string, kb: KnowledgeBase): Understanding | undefined {
  if (!HOW_MANY_REPLIES.test(text) && !LISTS_REPLIES.test(text)) return undefined
  const { subject } = subjectAsked(text, [])
  if (!subject) return undefined
  const docs = titledBy(kb.documents, subject.words)
  return docs.length ? { intent: 'lookup', docIds: docs.map((doc) => doc.id), scope: subject.request } : undefined
}

/** 叶某委员关于养老的提案: the words of the subject the named replies are asked for by, and the request as written. */
function subjectAsked(text: string, mentions: Mention[]): { subject?: { text: string; words: string[]; request: string } } {
  const asked = SUBJECT_OF_REPLY.exec(text)
  const written = asked ? withoutTexts(asked[1], mentions).replace(/\s+/gu, '') : ''
  const words = topicWords(written)
  if (!asked || words.length === 0) return {}
  const start = Math.min(asked.index, ...mentions.map((m) => text.indexOf(m.text)).filter((at) => at >= 0))
  return { subject: { text: written, words, request: text.slice(start, asked.index + asked[0].length) } }
}

/**
 * A reply's form (会办意见) lists the replies written in it only when nothing else is asked: in a question
 * (…单位提供的会办意见…网办率是多少) it is a word of the question, and scopes nothing.
 */
function formOnlyListed(text: string, found: Entities, kb: KnowledgeBase): Entities {
  const forms = found.mentions.filter((m) => m.kind === 'form')
  if (forms.length === 0 || topicWords(withoutMentions(text, found.mentions)).length === 0) return found
  return recogniseEntities(withoutTexts(text, forms), kb)
}

/** The message without its mentions and the words that only frame a request for replies. */
function withoutMentions(text: string, mentions: Mention[], patterns: RegExp[] = []): string {
  return withoutWords(withoutTexts(text, mentions), [...patterns, HOW_MANY_REPLIES, LEVEL_OF_BODY, NAMES_TEXTS], FRAMING_WORDS)
}

/**
 * The text with every occurrence of these names blanked out, found in the text as written: two names
 * may overlap (会议22号 and 十届四次会议 in 十届四次会议22号), and blanking one must not hide the other.
 */
export function withoutNames(text: string, names: string[]): string {
  const blank = new Array<boolean>(text.length).fill(false)
  for (const name of names.filter(Boolean)) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) blank.fill(true, at, at + name.length)
  }
  return text
    .split('')
    .map((char, i) => (blank[i] ? ' ' : char))
    .join('')
}

/** The message with these mentions blanked out, as written. */
function withoutTexts(text: string, mentions: Mention[]): string {
  return withoutNames(text, mentions.map((m) => m.text))
}

/** The places named inside a body's name (普陀区 in 普陀区教育局), or nothing. */
function placesIn(name: string, mentions: Mention[]): string {
  return mentions.filter((m) => m.kind === 'place' && name.includes(m.text)).map((m) => m.text).join('')
}

/**
 * What the evidence is judged on: for replies named by number, proposer or unit, what the message asks
 * beyond their names. A message that names replies only by a place (沙河市政协关于老旧小区停车难的提案答复了
 * 什么) is judged on its topic alone: its framing (关于, 提案, 答复, 政协 …) matches the opening of every
 * reply of that place, which restates its own proposal in the same words.
 */
function asksAbout(text: string, named: boolean, namesReplies: boolean): string | undefined {
  if (named) return text
  if (!namesReplies) return undefined
  return withoutWords(text, [], FRAMING_WORDS) || text
}

/** 这个答复 / 那件提案 with nothing before it in its clause that names a topic. */
function pointsBack(text: string): boolean {
  const reference = REPLY_REFERENCE.exec(text)
  if (!reference) return false
  const clause = text.slice(0, reference.index).split(/[，,。？?！!；;]/u).at(-1) ?? ''
  return !namesTopic(withoutWords(clause, [], FOLLOW_UP_WORDS))
}

/**
 * Whether 这/那 points at something the reply never names: the first noun after it (这些支持中小企业的政策 →
 * 中小企业) is not in its title, unit or text. 这段路 after a reply on 白塔段道路 points at its road, however
 * the rest is worded (以后怎么处理).
 */
function pointsElsewhere(doc: ReplyDocument | undefined, text: string): boolean {
  const pointer = ANAPHORA.exec(text)
  const referent = pointer && nouns(text).find(({ word, at }) => at >= pointer.index + pointer[0].length && !MATTER.test(word) && !FOLLOW_UP_WORDS.includes(word) && contentTokens(word).length > 0)?.word
  return !!referent && !namedIn(doc, referent)
}

/** Whether the reply names this word itself, in its title, unit or text. */
function namedIn(doc: ReplyDocument | undefined, word: string): boolean {
  return [doc?.title, doc?.unit, doc?.text].some((field) => field?.includes(word))
}

/** Who is asked to act (省里, 你们, 相关部门): the body that replied, whatever the reply calls itself. */
const ACTOR = /^(?:[省市区县镇乡村街][里上]|政府|部门|单位|你们|他们|相关部门|有关部门)$/

/** 这段路以后怎么处理, 这件事省里下一步怎么办: what comes next is asked, of nothing the reply does not name itself. */
function asksOnlyNextSteps(text: string, doc: ReplyDocument | undefined): boolean {
  const rest = asksNextSteps(text)
  if (rest === undefined || !doc) return false
  return contentTokens(rest).every((word) => MATTER.test(word) || ACTOR.test(word) || /^[这那该此它]/u.test(word) || namedIn(doc, word))
}

/**
 * A question that names no subject: only words of how a matter goes or what it takes (落实了吗, 需要什么材料),
 * or of replies (关于的提案); or only numbers and dates (2023年), but for replies asked for by their date (2023年的提案).
 */
function namesNoSubject(text: string): boolean {
  const words = contentTokens(text)
  return words.every((word) => NO_SUBJECT.test(word) || MATTER.test(word) || FRAMING_WORDS.includes(word)) || (words.every((word) => NUMBER_OR_DATE.test(word)) && !SIGN.test(text))
}

/** Those of the replies whose proposal's title holds one of these words. */
function titledBy(docs: ReplyDocument[], words: string[]): ReplyDocument[] {
  return docs.filter((doc) => words.some((word) => doc.title?.includes(word)))
}

/** Whether words are left that say what the message is about (not how it asks). */
function namesTopic(text: string): boolean {
  return topicWords(text).some((word) => contentTokens(word).length > 0)
}

/** The replies (named or placed, else all) dated in that year or month; none is an honest "no such reply", never another's. */
function byDate(kb: KnowledgeBase, year: string, month: string | undefined, named: ReplyDocument[] | undefined, scope: string, mentions: Mention[]): Understanding {
  const prefix = month ? `${year}-${month.padStart(2, '0')}` : year
  const dated = (named ?? kb.documents).filter((doc) => doc.date?.startsWith(prefix))
  const when = `${year}年${month ? `${Number(month)}月` : ''}`
  const label = `${scope ? `${scope} ` : ''}${when}`
  if (dated.length === 0) return { intent: 'noSuchReply', missing: [{ kind: 'year', text: when, label, docs: [] }], mentions }
  return { intent: 'lookup', docIds: dated.map((doc) => doc.id), scope: label }
}

/** The text without what these patterns match and without these words: what is left to search for. */
function withoutWords(text: string, patterns: Array<RegExp | undefined>, words: string[]): string {
  const left = patterns.reduce((rest: string, pattern) => (pattern ? rest.replace(new RegExp(pattern.source, 'g'), ' ') : rest), text)
  return words.reduce((rest, word) => rest.replaceAll(word, ' '), left).replace(/[\s，,。？?！!、]+/gu, ' ').trim()
}

function topicWords(text: string): string[] {
  return tokenize(text.replace(WHEN_SAYING, ' ')).filter((token) => !LOOKUP_WORDS.has(token) && !PREPOSITION_AND_LEVEL.test(token) && /\p{Script=Han}{2,}|\p{L}{3,}/u.test(token))
}

/** 答复建议时说了什么: "when" before what was said, which jieba glues to it (时说). */
const WHEN_SAYING = /时(?=说|讲|写|答复|回复|提到)/gu

/** A preposition jieba glues to the level word of a session named after it (水利局对|市八届人大…): no topic. */
const PREPOSITION_AND_LEVEL = /^[对向给在][省市区县]$/u

function sectionRequest(text: string, kb: KnowledgeBase, docId: string | undefined): SectionRequest | undefined {
  if (WHOLE.test(text)) return { kind: 'cited' }
  if (NUMBERED.test(text) || MARKED.test(text)) return numberedPart(text)
  if (!docId) return undefined
  const name = text.replace(/[!！。?？]+$/, '')
  if (name.length < 2 || name.length > MAX_SECTION_NAME) return undefined
  const named = kb.chunksOf(docId).some((chunk) => chunk.section.some((label) => label.includes(name)))
  return named ? { kind: 'named', name } : undefined
}

/** 第三部分, 第十条是什么, （二）: the part asked for, by its number. */
function numberedPart(text: string): SectionRequest {
  const marked = MARKED.exec(text)
  const [number, unit] = marked ? [marked[1] ?? marked[2], ''] : NUMBERED.exec(text)!.slice(1, 3)
  const numeral = toChineseNumeral(number)
  const inDigits = /^\d+$/.test(number)
  const digits = inDigits ? String(Number(number)) : String(chineseNumeral(numeral))
  const request = { kind: 'numbered' as const, numeral, digits, asked: text.replace(/[!！。.?？~～]+$/, ''), article: unit === '条' }
  if (!marked) return request
  const bracketed = inDigits ? digits : numeral
  return { ...request, marked: marked[2] ? [`${numeral}、`] : [`（${bracketed}）`, `(${bracketed})`] }
}

/**
 * A part of what the words before it name: of the one reply or text named or pointed back at (这份答复),
 * a list to choose from when they name several, an honest "no such reply", or the text a question on them
 * finds. Words that name nothing of these ask for no part.
 */
function partAsked(named: string, request: SectionRequest, kb: KnowledgeBase, state: ConversationState | undefined): Understanding | undefined {
  const of = understand(named, kb, state)
  switch (of.intent) {
    case 'lookup':
      return of.docIds.length === 1 ? { intent: 'fullSection', request, docId: of.docIds[0] } : of
    case 'question': {
      if (of.docIds?.length === 1 && !of.topic) return { intent: 'fullSection', request, docId: of.docIds[0] }
      // A place alone (长宁区的第二部分) names all its texts, not one: they are listed.
      const beyondNames = topicWords(withoutNames(named, of.scopedWith ?? []))
      return beyondNames.length || !of.docIds ? { intent: 'partOfFound', request, of } : { intent: 'lookup', docIds: of.docIds, scope: named }
    }
    case 'noSuchReply':
    case 'whichReply':
      return of
    default:
      return undefined
  }
}

