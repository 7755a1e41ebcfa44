/**
 * Second-stage ranking of the fused candidates. The first stage finds the right passage among its top
 * ten far more often than at its top, so the best candidates are re-ordered by a signal it cannot see:
 * proximity, how much of the question (words weighted by rarity) one sentence of the passage holds,
 * rather than the same words scattered over the passage. Every sentence of a document holds its
 * title's words: each of its passages is about them, and the ones repeating them (a preamble, the
 * closing article that names the rules it replaces) answer no more for it. It is computed from the
 * question's words alone: no candidate is embedded per query.
 *
 * Measured and left out (README "Second-stage ranking"): the document's title line and unit naming
 * the question's words, and the best cosine of one sentence (sentence vectors made at ingest); neither
 * helped on the tune splits of every evaluation set.
 */
import { sentenceSpans } from './text.js'
import { tokenize } from './segment.js'
import type { Chunk } from './types.js'

export interface RerankWeights {
  /** how many of the fused candidates are re-ordered (the rest keep their order behind them); 0 switches it off */
  depth: number
  /** weight of the proximity share, added to the fused score scaled to the best candidate's */
  proximity: number
}

export interface RerankSignals {
  /** the largest share of the question's words (weighted by rarity) found in one sentence of the passage, in [0, 1] */
  proximity: number
}

export interface RerankSources {
  /** how rare a term is among the passages (BM25's idf) */
  idf(term: string): number
  /** what every sentence of the chunk is about: its document's title */
  topic(chunk: Chunk): string
}

/** Chunks whose sentence tokens are kept; past this the cache starts over, so memory stays bounded on a large index. */
const CACHED_CHUNKS = 20_000

export class Reranker {
  /** token sets per sentence of a chunk, its topic's with each: computed on first use, kept (chunks never change in a loaded build) */
  private readonly sentenceTokens = new Map<string, Set<string>[]>()

  constructor(private readonly sources: RerankSources) {}

  signals(query: string, chunks: Chunk[]): RerankSignals[] {
    const terms = [...new Set(tokenize(query))]
    const sentences = chunks.map((chunk) => this.sentencesOf(chunk))
    // Only words some candidate contains can tell candidates apart; the rest would shrink every share alike.
    const useful = terms.filter((term) => sentences.some((list) => list.some((s) => s.has(term))))
    const weight = new Map(useful.map((term) => [term, this.sources.idf(term)]))
    const total = [...weight.values()].reduce((a, b) => a + b, 0)
    const share = (tokens: Set<string>) => (total ? useful.reduce((sum, term) => sum + (tokens.has(term) ? weight.get(term)! : 0), 0) / total : 0)
    return sentences.map((list) => ({ proximity: Math.max(0, ...list.map(share)) }))
  }

  private sentencesOf(chunk: Chunk): Set<string>[] {
    let list = this.sentenceTokens.get(chunk.id)
    if (!list) {
      const topic = tokenize(this.sources.topic(chunk))
      list = sentenceSpans(chunk.text).map(({ start, end }) => new Set([...topic, ...tokenize(chunk.text.slice(start, end))]))
      if (this.sentenceTokens.size >= CACHED_CHUNKS) this.sentenceTokens.clear()
      this.sentenceTokens.set(chunk.id, list)
    }
    return list
  }
}

/** The second-stage score: the fused score relative to the best candidate's, plus the weighted signal. */
export function rerankScore(fused: number, bestFused: number, signals: RerankSignals, weights: RerankWeights): number {
  return fused / bestFused + weights.proximity * signals.proximity
}
