/**
 * Replies to offer when the one asked for does not exist: listed by name, never quoted under what was
 * asked. Which ones depends on what was missing (see nearReplies).
 */
import { splitPlacePrefix, type KnowledgeBase, type ReplyDocument } from '../../index/index.js'
import { ownPlace, type Mention } from './entities.js'

/**
 * The other replies of a session that was named and exists; the same session's at another level; those
 * mentioning a place that has none of its own; the named replies of other years (a year none is dated
 * in); unsigned replies that name the body asked for, else the unsigned ones of the place named with it,
 * else its place's own; unsigned replies the other names pick out, of a body that signed none of them; or a
 * number one digit away (of the replies the rest of the message names first, and only of those when it
 * names a place); else those replies.
 */
export function nearReplies(kb: KnowledgeBase, missing: Mention[], mentions: Mention[]): ReplyDocument[] {
  const number = missing.find((m) => m.kind === 'number')
  const session = mentions.find((m) => m.kind === 'session' && m.docs.length > 0)
  const unit = missing.find((m) => m.kind === 'unit')
  if (session) return session.docs
  // The session asked for at another level (市政协… when the district's of the same numbers replied).
  const otherLevels = missing.find((m) => m.otherLevels?.length)?.otherLevels
  if (otherLevels) return otherLevels
  // A place no reply is the own of: the replies that mention it.
  const mentionedBy = missing.find((m) => m.mentionedBy?.length)?.mentionedBy
  if (mentionedBy) return mentionedBy
  // Another year's replies of what was named, with their dates: never quoted for the year asked.
  if (missing.some((m) => m.kind === 'year')) return named(mentions).filter((doc) => doc.date)
  // A reply without letterhead or signature may be that body's own: those that name it are offered, never
  // quoted. A reply names its own body without the place (区发改委 in a reply of 长宁区), but names the place.
  if (unit) {
    const { places, rest } = splitPlacePrefix(unit.label)
    const levelWord = /[省市区县]$/.exec(places.at(-1)?.text ?? '')?.[0] ?? ''
    const names = (doc: ReplyDocument) =>
      doc.text.includes(unit.label) || (places.length > 0 && doc.text.includes(levelWord + rest) && places.every((place) => doc.text.includes(place.stem)))
    const unsigned = kb.documents.filter((doc) => !doc.unit && names(doc))
    if (unsigned.length) return unsigned
    // Else the unsigned replies of the place the message names with it (息烽教育局, a 息烽 reply signed by
    // no one), then the place's own replies (太白县政府 asked, a town of 太白县 replied): by another body, so offered.
    const withPlace = mentions.filter((m) => m.kind === 'place' && m.docs.length > 0)
    const placeUnsigned = withPlace.length ? kb.documents.filter((doc) => !doc.unit && withPlace.every((m) => m.docs.includes(doc))) : []
    if (placeUnsigned.length || places.length === 0) return placeUnsigned
    return kb.documents.filter((doc) => places.every((place) => ownPlace(doc, place.stem)))
  }
  // A body that signed texts, named with a proposer or a number whose replies it signed none of (区发改委对台胞
  // 台属提案的答复, of a reply signed by no one): those replies may be its own, so the unsigned ones are offered.
  const body = mentions.find((m) => m.kind === 'unit' && m.docs.length > 0)
  const unsignedNamed = body && missing.length === 0 ? named(mentions.filter((m) => m !== body && m.docs.length > 0)).filter((doc) => !doc.unit) : []
  if (unsignedNamed.length) return unsignedNamed
  // A place no reply names has no replies near what was asked of it, but those of the places inside it.
  if (mentions.some((m) => m.kind === 'place' && m.docs.length === 0)) return missing.find((m) => m.inside?.length)?.inside ?? []
  // A number one digit away among the replies the rest of the message names (石屏县's, asked for 石屏县第23号
  // 提案); else, unless a place with replies was named, among all (the district's 84号, asked for 市政协84号
  // 提案: a level may be mistaken, a place is not another place); else the replies it names.
  const within = named(mentions.filter((m) => m.docs.length > 0))
  const placeNamed = mentions.some((m) => m.kind === 'place' && m.docs.length > 0)
  const digits = number?.label.replace(/\D/g, '').replace(/^0+/, '')
  const near = (docs: ReplyDocument[]) => (digits ? docs.filter((doc) => doc.number && oneEditApart(doc.number.replace(/^0+/, ''), digits)) : [])
  return [near(within), placeNamed ? [] : near(kb.documents), within].find((docs) => docs.length > 0) ?? []
}

/** The replies that every mention naming replies (a place too: 长宁区2030年的提案) picks out. */
function named(mentions: Mention[]): ReplyDocument[] {
  const naming = mentions.filter((m) => m.kind !== 'year')
  if (naming.length === 0) return []
  return naming.slice(1).reduce((docs, m) => docs.filter((doc) => m.docs.includes(doc)), naming[0].docs)
}

function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return a === b
  let i = 0
  while (i < a.length && a[i] === b[i]) i++
  const [long, short] = a.length >= b.length ? [a, b] : [b, a]
  return long.slice(i + 1) === short.slice(a.length === b.length ? i + 1 : i)
}
