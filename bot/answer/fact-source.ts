/**
 * Where a reply states one of its facts in its own words. A fact read out of a reply (its date, 文号,
 * contact) is shown with that passage, so that it can be checked against the reply like any other answer,
 * and a reply's date or phone is never the bot's word alone.
 */
import { datesIn, type Chunk, type ReplyDocument } from '../../index/index.js'
import type { Fact } from './understand.js'

export interface FactSource {
  chunk: Chunk
  /** the words stating the fact, which the quoted excerpt is centred on */
  words: string[]
}

/** The first passage of the reply that states the fact as its metadata holds it; none when the text never does (a date from a portal's field). */
export function factSource(doc: ReplyDocument, chunks: Chunk[], fact: Fact): FactSource | undefined {
  if (fact === 'date') {
    for (const chunk of chunks) {
      const printed = datesIn(chunk.text).find(({ date }) => date === doc.date)?.printed
      if (printed) return { chunk, words: [printed] }
    }
    return undefined
  }
  const words = statedAs(doc, fact).filter((word): word is string => !!word)
  for (const word of words) {
    const chunk = chunks.find((c) => compact(c.text).includes(compact(word)))
    if (chunk) return { chunk, words: [word] }
  }
  return undefined
}

/** The values a fact is written as, most telling first (a phone number before a name that may recur). */
function statedAs(doc: ReplyDocument, fact: Exclude<Fact, 'date'>): (string | undefined)[] {
  switch (fact) {
    case 'contact':
      return [doc.contact?.phone, doc.contact?.name]
    case 'number':
      return doc.number ? [`${doc.number}号`] : [doc.docNumber]
    case 'proposers':
      return doc.proposers
    case 'copies':
      return [doc.copiedTo]
    default:
      return [doc[fact]]
  }
}

/** Metadata values are read with their spaces collapsed; a text may space them out (联系电话：0736- 3221231). */
function compact(text: string): string {
  return text.replace(/\s+/gu, '')
}
