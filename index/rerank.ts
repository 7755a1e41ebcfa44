/**
 * Second-stage ranking of the fused candidates: the first stage finds the right passage among its top
 * ten far more often than in its top three, so the few best candidates are re-ordered by signals the
 * first stage cannot see, all computed from the question alone (no candidate is embedded per query):
 *  - proximity: how much of the question (words weighted by rarity) one sentence of the passage holds,
 *    rather than words scattered over the passage;
 *  - title: how much of the question the document's heading line, title and unit hold (a question that
 *    names the subject of a document whose passage never repeats it);
 *  - sentence: the best cosine between the question and one sentence of the passage (sentence vectors
 *    are made at ingest), rather than the passage's single vector.
 * Each signal is in [0, 1]; the new score is the fused score scaled to the best candidate's plus the
 * weighted signals. The weights are chosen on the tune splits (README "Second-stage ranking").
 */
import { sentenceSpans } from './text.js'
import { tokenize } from './segment.js'
import type { Chunk, ReplyDocument } from './types.js'

export interface RerankWeights {
  /** how many of the fused candidates are re-ordered (the rest keep their order behind them) */
  depth: number
  proximity: number
  title: number
  sentence: number
}

export interface RerankSignals {
  proximity: number
  title: number
  sentence: number
}

export interface Candidate {
  label: number
  chunk: Chunk
  doc: ReplyDocument
  fused: number
}

export interface RerankSources {
  /** in how many passages a term occurs, and how many passages there are (for word rarity) */
  documentFrequency(term: string): number
  passages: number
  /** the unit vectors of a passage's sentences, when the build has them */
  sentenceVectors?(label: number): Float32Array[] | undefined
}

export const NO_RERANK: RerankWeights = { depth: 0, proximity: 0, title: 0, sentence: 0 }

export class Reranker {
  /** token sets per sentence of a chunk, and of a document's heading: computed on first use, kept */
  private readonly sentenceTokens = new Map<string, Set<string>[]>()
  private readonly headTokens = new Map<string, Set<string>>()

  constructor(private readonly sources: RerankSources) {}

  /** The signals of each candidate for this question (`queryVector` may be absent for keyword-only searches). */
  signals(query: string, queryVector: Float32Array | undefined, candidates: Candidate[]): RerankSignals[] {
    const terms = [...new Set(tokenize(query))]
    const sentences = candidates.map((c) => this.sentencesOf(c.chunk))
    const heads = candidates.map((c) => this.headOf(c.doc))
    // Only words some candidate contains can tell candidates apart; the rest would only shrink every share alike.
    const useful = terms.filter((term) => sentences.some((list) => list.some((s) => s.has(term))) || heads.some((h) => h.has(term)))
    const weight = new Map(useful.map((term) => [term, this.idf(term)]))
    const total = [...weight.values()].reduce((a, b) => a + b, 0)
    const share = (tokens: Set<string>) => (total ? useful.reduce((sum, term) => sum + (tokens.has(term) ? weight.get(term)! : 0), 0) / total : 0)
    // Cosines of one query sit in a narrow band: spread them over [0, 1] across the candidates.
    const cosines = candidates.map((candidate) => this.bestSentence(candidate.label, queryVector))
    const [low, high] = [Math.min(...cosines), Math.max(...cosines)]
    return candidates.map((_, i) => ({
      proximity: Math.max(0, ...sentences[i].map(share)),
      title: share(heads[i]),
      sentence: high > low ? (cosines[i] - low) / (high - low) : 0,
    }))
  }

  private idf(term: string): number {
    const { passages } = this.sources
    const df = this.sources.documentFrequency(term)
    return Math.log(1 + (passages - df + 0.5) / (df + 0.5))
  }

  private sentencesOf(chunk: Chunk): Set<string>[] {
    let list = this.sentenceTokens.get(chunk.id)
    if (!list) {
      list = sentenceSpans(chunk.text).map(({ start, end }) => new Set(tokenize(chunk.text.slice(start, end))))
      this.sentenceTokens.set(chunk.id, list)
    }
    return list
  }

  private headOf(doc: ReplyDocument): Set<string> {
    let head = this.headTokens.get(doc.id)
    if (!head) {
      const firstLine = doc.text.slice(0, Math.max(0, doc.text.indexOf('\n'))) || doc.text.slice(0, 100)
      head = new Set(tokenize([doc.title, doc.unit, firstLine].filter(Boolean).join(' ')))
      this.headTokens.set(doc.id, head)
    }
    return head
  }

  private bestSentence(label: number, queryVector: Float32Array | undefined): number {
    const vectors = queryVector && this.sources.sentenceVectors?.(label)
    if (!queryVector || !vectors?.length) return 0
    let best = -1
    for (const vector of vectors) best = Math.max(best, dot(vector, queryVector))
    return Math.max(0, best)
  }
}

/** The second-stage score: the fused score relative to the best candidate's, plus the weighted signals. */
export function rerankScore(fused: number, bestFused: number, signals: RerankSignals, weights: RerankWeights): number {
  return fused / bestFused + weights.proximity * signals.proximity + weights.title * signals.title + weights.sentence * signals.sentence
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i]
  return sum
}
