/**
 * The answer engine: one message and the conversation's state in, the reply to send and the new state
 * out. WeChat, `ask` and `chat` all go through `respond`; it never throws.
 */
import { headingMarker, isEnumeration, isQuotable, type Chunk, type Hit, type KnowledgeBase, type ReplyDocument } from '../../index/index.js'
import {
  ACKNOWLEDGED_TEXT, FAREWELL_TEXT, MAX_REPLY_CHARS, NOTHING_CITED_TEXT, NO_MORE_TEXT, THANKS_TEXT, TRUNCATED_NOTE, WHICH_REPLY_TEXT,
  citation, contactBlock, documentWords, emptyText, examplesFrom, excerpt, formatDate, greetingText, helpText, noSuchReplyText, notFoundText, placeNotFoundText, quote, replyTitle, whichSubjectText,
  type Examples,
} from './compose.js'
import { anotherPlacesText, motionOf, type Mention } from './entities.js'
import { factSource } from './fact-source.js'
import { nearReplies } from './near-replies.js'
import { nextStepWords, statesNextSteps } from './next-steps.js'
import { normalizeMessage } from './normalize.js'
import { splitMessage } from '../conversation/split.js'
import { contentTokens, framingClausesAsked, framingClausesLast, evidence, holdingKindFirst, isAnswerable, lacksKind, loadCalibration, margin, type Calibration, type Evidence } from './refusal.js'
import type { AnswerEngine, ContactView, ConversationState, Intent, PassageCandidate, PassageView, Reply, Turn } from './types.js'
import { opensPointing, understand, withoutNames, type Fact, type SectionRequest, type Understanding } from './understand.js'

/** Passages ranked per question; the rest are kept for "更多". */
const RANKED = 12
const PER_REPLY = 3
/**
 * A second or third passage is shown only when its own scores come close to the best ones: fused
 * (rank) scores cannot tell, since with few candidates every rank looks close.
 */
const CLOSE_KEYWORD_SHARE = 0.5
const CLOSE_DENSE_GAP = 0.05
/**
 * A reply is quoted beside the one with the strongest evidence only when its own margin past the
 * boundary of answering is at least this share of the best one's. Chosen on the tune splits of ours and
 * the four other sets (README "Understanding a message"): the largest of 0.1/0.15/0.2/0.25/0.3 that keeps
 * every labelled reply quoted with room for the CPU difference (at 0.25 one would be dropped).
 */
const NEIGHBOUR_SHARE = 0.15
const LOOKUP_LIST_MAX = 8
/** Replies offered when the one asked for does not exist. */
const OFFERS_MAX = 5

const FRESH: ConversationState = { ranked: [], shown: 0 }
const ERROR_TEXT = '抱歉，处理您的消息时出了点问题，请稍后再试。'

export interface EngineOptions {
  calibration?: Calibration
  /** told about a failure the user only sees as an apology (the bot logs it) */
  onError?: (error: unknown) => void
}

export function createAnswerEngine(knowledge: () => KnowledgeBase, options: EngineOptions = {}): AnswerEngine {
  const calibration = options.calibration ?? loadCalibration()
  return {
    async respond(message, state = FRESH) {
      try {
        return await respond(knowledge(), calibration, message, state)
      } catch (error) {
        options.onError?.(error)
        return turn('error', plain(ERROR_TEXT), state)
      }
    },
  }
}

async function respond(kb: KnowledgeBase, calibration: Calibration, message: string, state: ConversationState): Promise<Turn> {
  const input = normalizeMessage(message ?? '', (char) => kb.usesCharacter(char))
  const examples = examplesOf(kb)
  if (!input.meaningful) return turn('empty', plain(emptyText(examples)), state)
  const understood = understand(input.text, kb, state)
  const result = await (() => {
    switch (understood.intent) {
      case 'help':
        return turn('help', plain(helpText(examples)), state)
      case 'greeting':
        return turn('greeting', plain(greetingText(examples)), state)
      case 'thanks':
        return turn('greeting', plain(THANKS_TEXT), state)
      case 'acknowledged':
        return turn('greeting', plain(ACKNOWLEDGED_TEXT), state)
      case 'farewell':
        return turn('greeting', plain(FAREWELL_TEXT), state)
      case 'whichReply':
        return turn('clarify', plain(understood.about === 'subject' ? whichSubjectText(examples) : WHICH_REPLY_TEXT), state)
      case 'pick':
        return pick(kb, state, understood.index)
      case 'noSuchReply':
        return noSuchReply(kb, understood.missing, understood.mentions)
      case 'fact':
        return fact(kb, understood.docId, understood.fact, state)
      case 'more':
        return more(kb, state)
      case 'fullSection':
        return fullSection(kb, understood.docId ? { ...FRESH, docId: understood.docId } : state, understood.request)
      case 'partOfFound':
        return partOfFound(kb, calibration, understood.of, understood.request)
      case 'lookup':
        return lookup(kb, understood.docIds, understood.scope)
      case 'question':
        return question(kb, calibration, understood)
    }
  })()
  if (input.truncated) leading(result.reply, TRUNCATED_NOTE)
  return result
}

/** The texts searched were chosen by the places the question names, not by a reply's number, proposer, unit or session. */
function scopedByPlaceOnly({ scopedWith, scopedBy }: Extract<Understanding, { intent: 'question' }>): boolean {
  return !!scopedWith?.length && !scopedBy?.length
}

/** `offering`: the replies found are only offered by name, nothing quoted: the passages of several may vouch for them together. */
async function question(kb: KnowledgeBase, calibration: Calibration, asked: Extract<Understanding, { intent: 'question' }>, offering = false): Promise<Turn> {
  const { query, scope, topic, fact, scopedWith, subject } = asked
  // Named replies asked for by a subject (叶某委员关于养老的提案): those whose proposal is about it; if
  // none is, there is no such reply, and a passage of theirs on it is quoted only as that.
  const onSubject = subject && asked.docIds?.filter((id) => about(kb.getDocument(id), subject.words))
  const otherSubject = onSubject?.length === 0 ? subject : undefined
  const docIds = onSubject?.length ? onSubject : asked.docIds
  const filters = docIds ? { docIds } : undefined
  // Inside the texts a place's name chose, that name sides with no passage but those repeating it (a
  // preamble, a signature, a closing article, a list naming the place beside the asked thing). In one
  // text the search goes on without it, the judging with it; among several, the search keeps it (it
  // helps the first stage find the texts on the topic) but the second stage looks for the other words.
  // Nor do the words that only shape a question (什么, 怎么, 有没有) tell one sentence from another.
  const placeScoped = !!docIds && scopedByPlaceOnly(asked)
  const placeChoseOne = placeScoped && docIds.length === 1
  const unnamed = placeScoped ? withoutNames(query, scopedWith!) : query
  const searched = await kb.search(placeChoseOne ? unnamed : query, { k: RANKED, filters, rerankQuery: contentTokens(unnamed).join(' ') })
  // Of replies about something else, a passage is quoted for what it says on the subject, not on the request.
  const asks = otherSubject?.text ?? topic ?? query
  const ranked = await withFramingAsked(kb, query, placeChoseOne ? await withSimilarity(kb, query, searched) : searched, asks)
  // Another place's text that names a place asked about in passing (a district's rules listing its
  // neighbours) answers for it only where it names it: the rest states its own place's rules. (Never
  // answering from it cost right answers on every set where a text names other places in its story.)
  const ofPlaces = (hit: Hit) => (asked.places ?? []).every((place) => !anotherPlacesText(hit.doc, place) || hit.chunk.text.includes(place.stem))
  // A village, road or school named is one some text names (else it was said to be missing): only such texts answer for it.
  const ofLocals = (hit: Hit) => (asked.locals ?? []).every((local) => local.docIds.includes(hit.doc.id))
  const { ordered: hits, bestReplyLacks } = holdingKindFirst(framingClausesLast(distinct(ranked.filter((hit) => isQuotable(hit.chunk) && ofPlaces(hit) && ofLocals(hit))), asks), asks)
  const best = hits.slice(0, PER_REPLY)
  const close = closeToBest(best)
  // The evidence is that of the passages that would be quoted, never of the best match anywhere in the
  // list: one reply's strong match must not vouch for another reply's passage. A scope only narrows the
  // search: inside it the passages must still answer what is asked beyond the names, whose meaning
  // (长宁区科委…的答复) would otherwise match every passage of the named replies.
  const judgedOn = otherSubject?.text ?? topic
  const judged = judgedOn ? await withSimilarity(kb, judgedOn, ranked) : ranked
  const evidenceOf = (passages: Hit[]) => evidence(withOpenings(judged, passages), judgedOn ?? query, (token) => kb.termWeight(token), scopedWith)
  const found = evidenceOf(best)
  const alone = hits.map((hit) => evidenceOf([hit]))
  const candidates = best.map((hit, i): PassageCandidate => ({ docId: hit.doc.id, evidence: alone[i], close: i === 0 || close(hit) }))
  // Asked what the reply in the conversation will do next, its passages saying so answer (next-steps.ts);
  // else the passages that pass the evidence check.
  const steps = asked.nextSteps ? hits.filter((hit) => statesNextSteps(hit.chunk.text)).slice(0, PER_REPLY) : []
  const passes = passing(candidates, calibration)
  const quotable = otherSubject ? passes : quoted(candidates, calibration)
  // Passages none of which passes alone are quoted on their own evidence together, never on another reply's.
  const vouched = (passages: Hit[]) => offering || passes.length > 0 || isAnswerable(evidenceOf(passages), calibration)
  const chosen = quotable.map((i) => best[i])
  // Asked for a time, a sum or a count that the reply on the topic does not state, another reply's is no answer
  // (its fine is for another offence), however close its passage.
  const shown = steps.length ? steps : isAnswerable(found, calibration) && vouched(chosen) && !bestReplyLacks ? chosen : []
  if (shown.length === 0) return { ...(await notAnswered(kb, calibration, asked, docIds, otherSubject)), evidence: found, candidates }
  // Asked for a number to call about it, passages on the topic are no answer when neither their reply nor they
  // give one: a phone is what is asked, as a sum is for 多少钱 (so it goes with the answer kinds). Asked which
  // department (找哪个部门批), a passage naming it answers.
  const phoneless = fact === 'contact' && PHONE_ASKED.test(asked.message ?? query) && !shown.some((hit) => hit.doc.contact?.phone || PHONE_NUMBER.test(hit.chunk.text))
  const judgedEvidence: Evidence = phoneless ? { ...found, holdsKind: false } : found
  if (phoneless && lacksKind(judgedEvidence, calibration)) return { ...factTurn(kb, shown[0].doc, 'contact', { ranked: [], shown: 0 }), evidence: judgedEvidence }
  // "更多" goes on after the quoted passages with the other ranked ones that pass the check on their own.
  const further = passing(hits.map((hit, i) => ({ docId: hit.doc.id, evidence: alone[i] })), calibration).map((i) => hits[i])
  const order = [...shown, ...further.filter((hit) => !shown.includes(hit))]
  const state: ConversationState = { query, ranked: order.map((hit) => hit.chunk.id), shown: shown.length }
  const answer = passagesTurn(kb, 'question', shown.map(asScored), state, steps.length ? shown.flatMap((hit) => nextStepWords(hit.chunk.text)) : undefined)
  // A fact asked with a topic (路灯那件提案是哪天答复的) comes first; a contact is in the contact line already.
  // The topic found passages of several texts: which one it names is not known, so each one's fact is
  // given under its name (长宁那份产业新政哪天印发的 had been dated by another 长宁 reply quoted first).
  if (fact && fact !== 'contact') {
    const quotedTexts = shown.map((hit) => hit.doc).filter((doc, i, docs) => docs.findIndex((other) => other.id === doc.id) === i)
    leading(answer.reply, quotedTexts.map((doc) => factLine(doc, fact).line).join('\n'))
  }
  if (otherSubject) leading(answer.reply, `抱歉，没有找到${otherSubject.request}。${scope}的${kindsOf(kb.documentsOf(docIds ?? []))}中与“${otherSubject.text}”有关的段落如下：`)
  return { ...answer, evidence: judgedEvidence, candidates }
}

/**
 * Nothing passed for a question: said so for the texts searched, with the replies it may be about offered
 * (unsigned ones, or the named ones when asked for a subject they are not about).
 */
async function notAnswered(
  kb: KnowledgeBase,
  calibration: Calibration,
  asked: Extract<Understanding, { intent: 'question' }>,
  docIds: string[] | undefined,
  otherSubject: Extract<Understanding, { intent: 'question' }>['subject'],
): Promise<Turn> {
  const { query, scope, message } = asked
  const scopeDocs = kb.documentsOf(docIds ?? [])
  // A reply named or followed up on stays the one in the conversation: 「文号是多少」 may come next.
  const named = docIds?.length === 1 && !otherSubject ? { docId: docIds[0] } : {}
  const offers = await unscopedOffers(kb, calibration, asked)
  const lacking = asked.scopedBy?.includes('unit') ? '答复单位' : '提出人'
  const unscoped = `以下答复未载明${lacking}，内容与此相关：`
  // Else the replies of the places inside the one named, on its topic (保山的学校要合并吗 → 龙陵's).
  const inside = offers.length || otherSubject ? [] : kb.documentsOf(asked.inside?.docIds ?? [])
  // Named replies about something else are no such reply: those that may be it are offered, else the named ones.
  const listed = otherSubject && offers.length === 0 ? scopeDocs : [...offers, ...inside]
  // Places every searched text names only in passing, being another place's: none is theirs.
  const strangers = (asked.places ?? []).filter((place) => scopeDocs.length > 0 && scopeDocs.every((doc) => anotherPlacesText(doc, place)))
  const text = otherSubject
    ? noSuchReplyText({ asked: [otherSubject.request], places: [], missingKind: '', offers: listed.map(describe), offersHeading: offers.length ? unscoped : `${scope}的${kindsOf(scopeDocs)}有：` })
    : strangers.length
      ? placeNotFoundText(message ?? query, strangers.map((place) => place.label), kindsOf(scopeDocs))
      : [
          notFoundText(message ?? query, scope, docIds?.length === 1, kindsOf(scopeDocs)),
          ...offerLines(offers, unscoped),
          ...offerLines(inside, `${asked.inside?.label}所辖地方的答复中与此有关的有：`),
          ...(!docIds && opensPointing(message ?? query) ? [WHICH_ONE_HINT] : []),
        ].join('\n')
  // Inside the one reply named, whose answer is not there, its unit's contact is the one to ask (or 12345);
  // not that of a place's only reply, which the resident did not ask about (金山区的社区食堂 → its 科委's).
  const own = named.docId && !strangers.length && !scopedByPlaceOnly(asked) ? kb.getDocument(named.docId) : undefined
  const reply = plain(own ? `${text}\n\n${contactBlock([own])}` : text)
  if (own) reply.contacts = [contactView(own)]
  return turn('notFound', reply, { ...FRESH, query, ...named, listed: listed.map((doc) => doc.id) })
}

/** 那条路… asked with nothing in the conversation it may point at: the reply it is about may be named. */
const WHICH_ONE_HINT = '如果问的是某一份答复里说的事，可以先告诉我是哪一份（地点、提案编号、提出人或答复单位），再接着问。'

/** Opens an answer with this line, before its passages (and before what already leads it). */
function leading(reply: Reply, line: string): void {
  reply.text = `${line}\n\n${reply.text}`
  reply.lead = reply.lead ? `${line}\n${reply.lead}` : line
}

/**
 * A question asking a text's rules when they take effect, why they were made or who interprets them is
 * answered by the clause saying so, which shares few words and little meaning with the question and may
 * rank anywhere in a long text: the best hit's text's clause comes first.
 */
async function withFramingAsked(kb: KnowledgeBase, query: string, hits: Hit[], asks: string): Promise<Hit[]> {
  const best = hits.find((hit) => isQuotable(hit.chunk))
  if (!best) return hits
  const clauses = framingClausesAsked(kb.chunksOf(best.doc.id).filter(isQuotable), asks)
  if (clauses.length === 0) return hits
  const ids = new Set(clauses.map((chunk) => chunk.id))
  const known = new Map(hits.map((hit) => [hit.chunk.id, hit]))
  const missing = clauses.filter((chunk) => !known.has(chunk.id))
  const similar = await kb.similarities(query, missing)
  const pulled = clauses.map((chunk) => known.get(chunk.id) ?? { chunk, doc: best.doc, fused: 0, dense: similar[missing.indexOf(chunk)] })
  return [...pulled, ...hits.filter((hit) => !ids.has(hit.chunk.id))]
}

/**
 * Scoped by a unit or a proposer and not answered there: replies that name no unit (or no proposer) of
 * their own, which may well be that body's, are searched for the topic; those answering it are offered
 * by name, never quoted under the scope asked.
 */
async function unscopedOffers(kb: KnowledgeBase, calibration: Calibration, { topic, scopedBy }: Extract<Understanding, { intent: 'question' }>): Promise<ReplyDocument[]> {
  if (!topic || !scopedBy?.length || !scopedBy.every((kind) => kind === 'unit' || kind === 'proposer')) return []
  const lacking = kb.documents.filter((doc) => (scopedBy.includes('unit') ? !doc.unit : true) && (scopedBy.includes('proposer') ? doc.proposers.length === 0 : true))
  if (lacking.length === 0) return []
  const elsewhere = await question(kb, calibration, { intent: 'question', query: topic, docIds: lacking.map((doc) => doc.id) }, true)
  if (!elsewhere.reply.answered) return []
  return [...new Set(elsewhere.docIds)].map((id) => kb.getDocument(id)!).slice(0, OFFERS_MAX)
}

function offerLines(offers: ReplyDocument[], heading: string): string[] {
  return offers.length ? [heading, ...offers.map((doc, i) => `${i + 1}. ${describe(doc)}`), '回复序号可查看其中一份。'] : []
}

/**
 * Whether a reply's proposal (or a text itself) may be about these words, by its title: one holding a
 * two-character piece of them (科创街区 of a title on 科创生态圈), or one without a title. Lenient on purpose:
 * only a title sharing nothing with the subject says the reply is about something else.
 */
function about(doc: ReplyDocument | undefined, words: string[]): boolean {
  const title = doc?.title?.toLowerCase()
  return !title || words.some((word) => [...word.toLowerCase()].some((char, i, chars) => i > 0 && title.includes(chars[i - 1] + char)))
}

/**
 * These passages as judged, with the openings of their replies: an opening restates the proposal, so it
 * counts for its reply's passages. Not one that only addresses the text (区政府各委、办、局,各街道办事处,
 * 新泾镇政府:): it names whom a notice is sent to, and had vouched for any passage on a question naming one of them.
 */
function withOpenings(judged: Hit[], passages: Hit[]): Hit[] {
  const restates = (hit: Hit) => !isQuotable(hit.chunk) && !ADDRESSEES.test(hit.chunk.text)
  return judged.filter((hit) => passages.some((one) => one.chunk.id === hit.chunk.id || (restates(hit) && one.doc.id === hit.doc.id)))
}

/** One line ending in a colon: whom a text is sent to (各区县人民政府，市政府各委、办、局：), or a salutation. */
const ADDRESSEES = /^\s*[^。！？!?\n]{1,200}[:：]\s*$/u

/** The hits with their similarity to `text` instead of to the whole question. */
async function withSimilarity(kb: KnowledgeBase, text: string, hits: Hit[]): Promise<Hit[]> {
  const dense = await kb.similarities(text, hits.map((hit) => hit.chunk))
  return hits.map((hit, i) => ({ ...hit, dense: dense[i] }))
}

/**
 * Of the best passages of an answered question, those quoted (their positions): the ones that answer it
 * on their own evidence when there are any, then the passages of the same replies whose scores come close
 * to them (one article of a regulation often answers with the next); else the first and those of its
 * reply close to it (the answer then rests on what they say together). Another reply is never quoted for
 * being close: 「小公司想上市有人指导吗」 quoted a 公交候车亭 coordination meeting (公交广告公司) beside the
 * passage on listing.
 */
export function quoted(candidates: PassageCandidate[], calibration: Calibration): number[] {
  const alone = passing(candidates, calibration)
  const close = candidates.flatMap((candidate, i) => (candidate.close && !lacksKind(candidate.evidence, calibration) ? [i] : []))
  if (alone.length === 0) return close.filter((i) => candidates[i].docId === candidates[close[0]].docId)
  const replies = new Set(alone.map((i) => candidates[i].docId))
  return [...alone, ...close.filter((i) => !alone.includes(i) && replies.has(candidates[i].docId))]
}

/**
 * The positions of the passages that pass the check on their own, but for those of a neighbouring
 * reply: one barely past the boundary beside a reply far past it is a neighbouring topic, not a second answer.
 */
function passing(passages: Pick<PassageCandidate, 'docId' | 'evidence'>[], calibration: Calibration): number[] {
  const margins = passages.map((passage) => margin(passage.evidence, calibration))
  const alone = margins.flatMap((m, i) => (m >= 0 ? [i] : []))
  if (alone.length === 0) return []
  const best = Math.max(...alone.map((i) => margins[i]))
  const replyMargin = (docId: string) => Math.max(...alone.filter((i) => passages[i].docId === docId).map((i) => margins[i]))
  return alone.filter((i) => replyMargin(passages[i].docId) >= NEIGHBOUR_SHARE * best)
}

/** A loaded index never changes: its examples are taken once. */
const examplesByIndex = new WeakMap<KnowledgeBase, Examples>()

function examplesOf(kb: KnowledgeBase): Examples {
  let examples = examplesByIndex.get(kb)
  if (!examples) examplesByIndex.set(kb, (examples = examplesFrom(kb.documents)))
  return examples
}

/** The same text under two file names (or repeated in one reply) is quoted once. */
function distinct(hits: Hit[]): Hit[] {
  const seen = new Set<string>()
  return hits.filter((hit) => {
    const key = hit.chunk.text.replace(/\s+/g, '')
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function closeToBest(hits: Hit[]): (hit: Hit) => boolean {
  const bestKeyword = Math.max(...hits.map((h) => h.keyword ?? 0))
  const bestDense = Math.max(...hits.map((h) => h.dense ?? 0))
  return (hit) => (hit.keyword ?? 0) >= bestKeyword * CLOSE_KEYWORD_SHARE || (hit.dense ?? 0) >= bestDense - CLOSE_DENSE_GAP
}

function more(kb: KnowledgeBase, state: ConversationState): Turn {
  if (state.sectionFrom !== undefined && state.docId && state.section) return sectionPage(kb, state, state.docId, state.section, state.sectionFrom)
  if (state.ranked.length === 0) return turn('more', plain(state.docId ? NO_MORE_TEXT : NOTHING_CITED_TEXT), state)
  const next = state.ranked.slice(state.shown, state.shown + PER_REPLY).map((id) => kb.getChunk(id)).filter((c): c is Chunk => !!c)
  if (next.length === 0) return turn('more', plain(NO_MORE_TEXT), state)
  return passagesTurn(kb, 'more', next.map((chunk) => ({ chunk, score: 0 })), { ...state, shown: state.shown + next.length })
}

function lookup(kb: KnowledgeBase, docIds: string[], scope: string): Turn {
  const docs = kb.documentsOf(docIds)
  if (docs.length === 1) return overview(kb, docs[0])
  const lines = docs.slice(0, LOOKUP_LIST_MAX).map((doc, i) => `${i + 1}. ${describe(doc)}`)
  const example = docs.find((doc) => doc.number)
  const text = [
    `找到${docs.length}份与“${scope}”有关的${kindsOf(docs)}：`,
    ...lines,
    example ? `回复序号（例如“1”）或编号（例如“${example.number}号”）可查看其中一份，或直接问具体问题。` : '回复序号（例如“1”）可查看其中一份，或直接问具体问题。',
  ].join('\n')
  const firstChunks = docs.map((doc) => bodyChunks(kb, doc.id)[0]).filter((c): c is Chunk => !!c)
  const listed = docs.slice(0, LOOKUP_LIST_MAX).map((doc) => doc.id)
  return turn('lookup', { answered: true, text, passages: [], contacts: [] }, { ranked: firstChunks.map((c) => c.id), shown: 0, listed }, docs.map((d) => d.id))
}

/** "2" after a list: that item. A bare number with no list before it is not taken for a proposal number. */
function pick(kb: KnowledgeBase, state: ConversationState, index: number): Turn {
  const docId = state.listed?.[index - 1]
  const doc = docId ? kb.getDocument(docId) : undefined
  if (doc) return overview(kb, doc)
  const example = kb.documents.find((d) => d.number)
  const hint = state.listed?.length ? `请回复1到${state.listed.length}之间的序号，` : '请说明您要查的是什么，'
  return turn('clarify', plain(`${hint}例如“第${example?.number ?? '1'}号提案”，或直接提问。`), state)
}

/** Replies asked for by what they are, that do not exist: say what was looked for, and offer near ones. */
function noSuchReply(kb: KnowledgeBase, missing: Mention[], mentions: Mention[]): Turn {
  // A place that only some replies mention has no reply of its own: that is what was not found; nor has one
  // whose places inside it have (云南本级).
  const containing = missing.find((m) => m.inside?.length)
  const namedOnly = (m: Mention) => m.kind !== 'place' || !!m.mentionedBy || m === containing
  // A place named beside what is missing (马关县第23号提案) is part of what was looked for, covered or not.
  const placesNamed = mentions.filter((m) => m.kind === 'place' && !m.mentionedBy && (m.docs.length > 0 || missing.some((other) => other.kind !== 'place')))
  const asked = missing.filter(namedOnly).map((m) => (m === containing ? `${m.label}本级` : withPlaces(m.label, placesNamed)))
  const places = missing.filter((m) => !namedOnly(m)).map((m) => m.label)
  // Every part matched some reply, but no reply matches them all: said as one name, the places before the rest
  // (天津北辰区 and 北辰区人大 are 天津北辰区人大).
  if (asked.length === 0 && places.length === 0) {
    const [placed, others] = [mentions.filter((m) => m.kind === 'place'), mentions.filter((m) => m.kind !== 'place')]
    const labels = (ms: Mention[]) => ms.map((m) => m.label).filter((label, _, all) => !all.some((other) => other !== label && other.includes(label)))
    asked.push(others.length ? withPlaces(labels(others).join(' '), placed) : labels(placed).join(' '))
  }
  const offers = nearReplies(kb, missing, mentions).slice(0, OFFERS_MAX)
  const state: ConversationState = { ...FRESH, listed: offers.map((doc) => doc.id) }
  // A title or a 文号 (《…》, 2023年88号文件) names a text itself; a number, a session or a proposer is a
  // reply's; a body or a 文号 may be a policy text's too.
  const namesItself = missing.some((m) => m.kind !== 'place') && missing.every((m) => m.kind === 'title' || m.kind === 'docNumber')
  const missingKind = namesItself ? '' : missing.every((m) => m.kind === 'unit' || m.kind === 'docNumber' || m.kind === 'year') ? kindsOf(kb.documents) : '答复'
  const mentioning = missing.find((m) => m.mentionedBy)
  const unsigned = missing.some((m) => m.kind === 'unit') && offers.length > 0 && offers.every((doc) => !doc.unit)
  const offersHeading = mentioning
    ? `提到${mentioning.label}的${kindsOf(offers)}有：`
    : containing
      ? `${containing.label}所辖地方的${kindsOf(offers)}有：`
      : unsigned
        ? `以下${kindsOf(offers)}未载明答复单位：`
        : `现有相近的${kindsOf(offers)}有：`
  return turn('notFound', plain(noSuchReplyText({ asked, places, missingKind, offers: offers.map(describe), offersHeading })), state)
}

/** A label with the places named beside it, unless it names them: 乙区 and 区政协三届三次会议 are 乙区政协三届三次会议. */
function withPlaces(label: string, places: Mention[]): string {
  return places.reduceRight((written, place) => (written.includes(place.text) ? written : joined(place.text, written)), label)
}

/**
 * A place before a label, what both write said once: 长宁区 + 区政协 → 长宁区政协, 安阳北关区 + 北关区政协 →
 * 安阳北关区政协. One character is shared only if it is a level word.
 */
function joined(place: string, label: string): string {
  for (let n = Math.min(place.length, label.length); n > 0; n--) {
    const shared = label.slice(0, n)
    if (place.endsWith(shared) && (n > 1 || /^[省市区县]$/u.test(shared))) return place + label.slice(n)
  }
  return place + label
}

/** What these are called: 答复, 文件 (policy texts are nobody's 答复), or 答复或文件. */
function kindsOf(docs: ReplyDocument[]): string {
  return (['答复', '文件'] as const).filter((kind) => docs.some((doc) => documentWords(doc).kind === kind)).join('或') || '答复'
}

/** The contact, date, document number, proposers, unit or session of one reply, from its own text. */
function fact(kb: KnowledgeBase, docId: string, asked: Fact, state: ConversationState): Turn {
  const doc = kb.getDocument(docId)
  return doc ? factTurn(kb, doc, asked, state) : turn('clarify', plain(WHICH_REPLY_TEXT), state)
}

/** The fact, then the reply's own words stating it, quoted and cited like any answer's passage. */
function factTurn(kb: KnowledgeBase, doc: ReplyDocument, asked: Fact, state: ConversationState): Turn {
  const { line, answered } = factLine(doc, asked)
  const source = answered ? factSource(doc, kb.chunksOf(doc.id), asked) : undefined
  if (!source) return turn('fact', { answered, text: [line, contactBlock([doc])].join('\n'), passages: [], contacts: [contactView(doc)] }, { ...state, docId: doc.id }, [doc.id])
  const answer = passagesTurn(kb, 'fact', [{ chunk: source.chunk, score: 1 }], state, source.words)
  leading(answer.reply, line)
  return answer
}

/** Words asking for a number to call, not only whom or which department (找谁, 找哪个部门). */
const PHONE_ASKED = /电话|号码|联系方式|怎么联系|如何联系/
/** A telephone number in a passage: 0851-85281257, 84607566, 13912345678 (not a sum: 1000000元). */
const PHONE_NUMBER = /(?<!\d)(?:0\d{2,3}[-－—]?)?\d{7,8}(?![\d元万亿%％])|(?<!\d)1[3-9]\d{9}(?!\d)/

/** The line stating one fact of a reply, or saying that the reply does not state it. */
function factLine(doc: ReplyDocument, asked: Fact): { line: string; answered: boolean } {
  const name = `${doc.unit ?? ''}《${replyTitle(doc)}》`
  const date = formatDate(doc.date)
  const { kind, unit: unitLabel, date: dateLabel } = documentWords(doc)
  const docNumberLine = doc.docNumber && `${name}的文号：${doc.docNumber}`
  const motionNumberLine = doc.number && `${name}的编号：第${doc.number}号${doc.session ? `（${doc.session}）` : ''}`
  const facts: Record<Fact, string | undefined> = {
    contact: doc.contact?.name || doc.contact?.phone ? name : undefined,
    date: date && `${name}的${dateLabel}：${date}`,
    docNumber: docNumberLine,
    number: motionNumberLine ?? docNumberLine,
    proposers: doc.proposers.length ? `${name}，提出人：${doc.proposers.join('、')}` : undefined,
    addressee: doc.addressee && `${name}的收文对象：${doc.addressee}`,
    unit: doc.unit && `《${replyTitle(doc)}》的${unitLabel}：${doc.unit}`,
    result: doc.result && `${name}的办理结果：${doc.result}`,
    signer: doc.signer && `${name}的签发人：${doc.signer}`,
    copies: doc.copiedTo && `${name}的抄送单位：${doc.copiedTo}`,
    session: doc.session && `${name}答复的是${doc.session}的${motionOf(doc) ?? '提案（建议）'}${doc.number ? `（第${doc.number}号）` : ''}`,
    // A reply's title is its proposal's; a text's is its own (already in its name).
    title: doc.structured ? doc.title && `${name}答复的${motionOf(doc) ?? '提案（建议）'}：《${doc.title}》` : `${doc.unit ? `${doc.unit}的` : ''}${kind}标题：《${replyTitle(doc)}》`,
  }
  const missing: Record<Fact, string> = {
    contact: `这份${kind}没有写明联系人和电话。`,
    date: `这份${kind}没有写明日期。`,
    docNumber: `这份${kind}没有写明文号。${motionNumberLine ? `它答复的是第${doc.number}号${motionOf(doc) ?? '提案（建议）'}。` : ''}`,
    number: `这份${kind}没有写明文号或编号。`,
    proposers: `这份${kind}没有写明提出人。`,
    addressee: `这份${kind}没有写明收文对象。`,
    unit: `这份${kind}没有写明${unitLabel}。`,
    result: `这份${kind}没有写明办理结果。`,
    signer: `这份${kind}没有写明签发人。`,
    copies: `这份${kind}没有写明抄送单位。`,
    session: `这份${kind}没有写明会议届次。`,
    title: `这份${kind}没有写明所答复的提案（建议）的标题。`,
  }
  const line = facts[asked] ?? `${name}\n${missing[asked]}`
  return { line, answered: !!facts[asked] }
}

/** One named reply: what it is, its first substantive passage, whom to contact. */
function overview(kb: KnowledgeBase, doc: ReplyDocument): Turn {
  const body = bodyChunks(kb, doc.id)
  const first = body.find((chunk) => chunk.section.length > 0) ?? body[0]
  const facts = [
    doc.proposers.length ? `提出人：${doc.proposers.join('、')}` : undefined,
    doc.result ? `办理结果：${doc.result}` : undefined,
    doc.partial ? '（公开文本不完整）' : undefined,
  ].filter(Boolean)
  const header = [describe(doc), facts.join(' · ')].filter(Boolean).join('\n')
  const state: ConversationState = { ranked: body.map((c) => c.id), shown: first ? body.indexOf(first) + 1 : 0 }
  if (!first) return turn('lookup', { answered: true, text: `${header}\n${contactBlock([doc])}`, passages: [], contacts: [contactView(doc)] }, state, [doc.id])
  const result = passagesTurn(kb, 'lookup', [{ chunk: first, score: 1 }], state)
  leading(result.reply, header)
  return result
}

function fullSection(kb: KnowledgeBase, state: ConversationState, request: SectionRequest): Turn {
  const docId = state.docId!
  const section = requestedSection(kb, docId, state.section ?? [], request)
  if (!section) {
    const asked = request.kind === 'named' ? request.name : request.kind === 'numbered' ? request.asked : '所引段落'
    // Named, since the message may have named it by its topic only (元宇宙的第三条).
    const doc = kb.getDocument(docId)
    const name = doc ? `${doc.unit ?? ''}《${replyTitle(doc)}》` : '这份答复'
    const whole = state.section ? '可以回复“全文”查看所引段落所在的部分。' : '可以直接问其中的具体内容。'
    return turn('fullSection', plain(`${name}里没有找到“${asked}”。${whole}`), state, [docId])
  }
  return sectionPage(kb, state, docId, section, 0)
}

/**
 * A part of the text a question finds (广州积分入户指南的第三部分): the question must be answered like any
 * other, from one text, whose part is then given; found in several texts, they are listed to choose from.
 */
async function partOfFound(kb: KnowledgeBase, calibration: Calibration, asked: Extract<Understanding, { intent: 'question' }>, request: SectionRequest): Promise<Turn> {
  const found = await question(kb, calibration, asked)
  if (!found.reply.answered) return found
  const docIds = [...new Set(found.docIds)]
  return docIds.length === 1 ? fullSection(kb, { ...FRESH, docId: docIds[0] }, request) : lookup(kb, docIds, asked.message ?? asked.query)
}

function requestedSection(kb: KnowledgeBase, docId: string, cited: string[], request: SectionRequest): string[] | undefined {
  const paths = kb.chunksOf(docId).map((chunk) => chunk.section)
  if (request.kind === 'cited') {
    // "全文" of an enumerated item (一是…) is the section it belongs to.
    const depth = cited.findIndex(isEnumeration)
    return depth === -1 ? cited : cited.slice(0, depth)
  }
  // A numbered part may be marked 二、, （二）, 2. or （2）, an article 第二条; the outermost level that has it is meant.
  // Asked for by its marker (（二）), it is that level's part: the one under the cited passage's parts if
  // there is one (a reply has a （二） under each of its 一、 and 二、), else the first.
  const parts = request.kind === 'numbered' ? [`${request.numeral}、`, `（${request.numeral}）`, `(${request.numeral})`, request.digits, `（${request.digits}）`, `(${request.digits})`] : []
  const markers = request.kind === 'numbered' ? (request.marked ?? (request.article ? [`第${request.numeral}条`, ...parts] : parts)) : []
  const wanted = (label: string) => (request.kind === 'numbered' ? markers.includes(headingMarker(label) ?? '') : label.includes(request.name))
  const nearCited = (part: string[]) => request.kind === 'numbered' && !!request.marked && part.slice(0, -1).every((label, i) => cited[i] === label)
  let best: string[] | undefined
  for (const path of paths) {
    const depth = path.findIndex(wanted)
    if (depth === -1) continue
    const part = path.slice(0, depth + 1)
    if (!best || (nearCited(part) && !nearCited(best)) || (nearCited(part) === nearCited(best) && part.length < best.length)) best = part
  }
  return best
}

/**
 * A whole section, verbatim; cut at a paragraph boundary when longer than one reply, the rest via "更多".
 * The passages the answer had not shown yet, outside this section, stay for "更多" once the section is done.
 */
function sectionPage(kb: KnowledgeBase, state: ConversationState, docId: string, section: string[], from: number): Turn {
  const found = kb.getSection(docId, section)
  if (!found) return turn('fullSection', plain(NO_MORE_TEXT), FRESH)
  const header = citation(found.doc, section).replace('【来源】', '【全文】')
  const contact = contactBlock([found.doc])
  const room = MAX_REPLY_CHARS - header.length - contact.length - 40
  const rest = found.text.slice(from)
  // The first of the messages the rest would make, located back in the text so the next page starts after it.
  const [first = ''] = splitMessage(rest, room)
  const cut = rest.indexOf(first) + first.length
  const page = rest.slice(0, cut)
  const more = from + cut < found.text.length
  const inSection = (chunk: Chunk | undefined) => chunk?.docId === docId && section.every((label, i) => chunk.section[i] === label)
  const unshown = state.ranked.slice(state.shown).filter((id) => !inSection(kb.getChunk(id)))
  const next = more ? '（未完，回复“更多”继续）' : unshown.length > 0 ? '回复“更多”查看其他相关段落。' : ''
  const text = [header, page.trim(), next, contact].filter(Boolean).join('\n')
  const passage = passageView(found.doc, { section, text: page.trim() }, 1)
  const after: ConversationState = { query: state.query, ranked: unshown, shown: 0, docId, section, sectionFrom: more ? from + cut : undefined }
  return turn('fullSection', { answered: true, text, passages: [passage], contacts: [contactView(found.doc)] }, after, [docId])
}

interface Scored {
  chunk: Chunk
  score: number
}

const asScored = (hit: Hit): Scored => ({ chunk: hit.chunk, score: hit.fused })

/** `focus`: the words whose sentences a long passage is quoted from; by default the question's. */
function passagesTurn(kb: KnowledgeBase, intent: Intent, picked: Scored[], state: ConversationState, focus?: string[]): Turn {
  const tokens = focus ?? (state.query ? contentTokens(state.query) : [])
  const docs = picked.map(({ chunk }) => kb.getDocument(chunk.docId)!)
  const pieces = picked.map(({ chunk }) => excerpt(chunk, tokens))
  // Circled numbers, because passages often begin with the document's own "1." or "一、".
  const blocks = picked.map(({ chunk }, i) => `${picked.length > 1 ? '①②③'[i] + ' ' : ''}${quote(pieces[i])}\n${citation(docs[i], chunk.section)}`)
  const remaining = state.ranked.length - state.shown
  const best = picked[0].chunk
  const hint = remaining > 0 ? '回复“更多”查看其他相关段落，回复“全文”查看所在部分全文。' : '回复“全文”查看所在部分全文。'
  const text = [...blocks, contactBlock(docs), hint].join('\n\n')
  const passages = picked.map(({ chunk, score }, i) => passageView(docs[i], { section: chunk.section, text: pieces[i].text }, score))
  const contacts = [...new Map(docs.map((doc) => [doc.id, contactView(doc)])).values()]
  // "全文" then means the section of the best passage shown.
  const next: ConversationState = { ...state, docId: best.docId, section: best.section, sectionFrom: undefined }
  return turn(intent, { answered: true, text, passages, contacts }, next, docs.map((doc) => doc.id))
}

function bodyChunks(kb: KnowledgeBase, docId: string): Chunk[] {
  return kb.chunksOf(docId).filter(isQuotable)
}

/** A reply in a list offered to the user: its name, its title unless the name already says it, its unit and date (a file name is no answer to a resident). */
function describe(doc: ReplyDocument): string {
  const name = replyTitle(doc)
  const title = doc.title && !name.includes(doc.title) ? ` 《${doc.title}》` : ''
  return `${name}${title}（${[doc.unit, formatDate(doc.date)].filter(Boolean).join('，') || `未载明${documentWords(doc).unit}和日期`}）`
}

function passageView(doc: ReplyDocument, { section, text }: { section: string[]; text: string }, score: number): PassageView {
  return { docId: doc.id, title: doc.title, number: doc.number, unit: doc.unit, date: doc.date, section, text, score }
}

function contactView(doc: ReplyDocument): ContactView {
  return { unit: doc.unit, ...doc.contact }
}

function plain(text: string): Reply {
  return { answered: false, text, passages: [], contacts: [] }
}

function turn(intent: Intent, reply: Reply, state: ConversationState, docIds: string[] = []): Turn {
  return { intent, reply, state, docIds: [...new Set(docIds)] }
}
