/**
 * A loaded index build: documents, chunks, the dense and the keyword index, and the searches over
 * them. Immutable once opened; a refresh opens a new one and the caller swaps references.
 */
import path from 'node:path'
import { DenseIndex } from './dense.js'
import { embedQuery, loadEmbedder } from './embed.js'
import { KeywordIndex } from './keyword.js'
import { OFF_THREAD_BYTES, loadBuild } from './load.js'
import { Reranker, rerankScore, type RerankSignals, type RerankWeights } from './rerank.js'
import { isSignature } from './chunk.js'
import { loadGazetteer } from './gazetteer.js'
import { loadSegmenter } from './segment.js'
import { FILES, checkCount, verifiedServedBuild, type Manifest } from './store.js'
import type { Chunk, Hit, Ranking, ReplyDocument, SearchFilters, SearchOptions } from './types.js'

/**
 * Knobs the evaluation tunes; the defaults are the best on the tune split of the question set (see
 * README "Quality and speed"): keyword ranks count double, a small RRF k favours the top ranks, and
 * bge's query instruction measured no better than the bare question, so it is off. The second stage's
 * proximity weight 0.5 was chosen on the tune splits of ours and the two outside sets (README
 * "Second-stage ranking"), the one grid weight that loses on none of them; keywordFullShare 0.3 the same
 * way (`npm run eval -- --fusion`, README "How far the keyword ranks are trusted").
 */
export interface SearchTuning {
  /** reciprocal rank fusion constant: larger flattens the weight of top ranks */
  rrfK: number
  denseWeight: number
  keywordWeight: number
  /**
   * The keyword ranks count in full only when the best keyword match holds at least this share of the
   * question's words (weighted by rarity), and in proportion below it: when BM25 matched little more
   * than a place name or common words ("长宁" in a paraphrase of 网办率), the dense ranks decide.
   */
  keywordFullShare: number
  /** candidates taken from each side before fusion */
  depth: number
  /** prefix for query embeddings (bge's retrieval instruction, or '' for none) */
  queryInstruction: string
  /** second-stage ranking of the fused top candidates (index/rerank.ts); depth 0 switches it off */
  rerank: RerankWeights
}
export const DEFAULT_TUNING: SearchTuning = {
  rrfK: 10,
  denseWeight: 1,
  keywordWeight: 2,
  keywordFullShare: 0.3,
  depth: 50,
  queryInstruction: '',
  rerank: { depth: 10, proximity: 0.5 },
}

/** A first-stage candidate with the second-stage signals computed for it. */
export type Candidate = Hit & { signals: RerankSignals }

export interface Section {
  doc: ReplyDocument
  section: string[]
  start: number
  end: number
  /** doc.text.slice(start, end): the whole section, verbatim */
  text: string
}

export class KnowledgeBase {
  private readonly docById: Map<string, ReplyDocument>
  private readonly chunkById: Map<string, Chunk>
  /** a chunk's position: its label in both indexes */
  private readonly labelById: Map<string, number>
  /** each document's chunks in text order */
  private readonly chunksByDoc = new Map<string, Chunk[]>()
  private readonly reranker: Reranker

  private constructor(
    readonly dir: string,
    readonly manifest: Manifest,
    readonly documents: ReplyDocument[],
    readonly chunks: Chunk[],
    private readonly dense: DenseIndex,
    private readonly keyword: KeywordIndex,
    private readonly tuning: SearchTuning,
    /** every character the documents use */
    private readonly characters: ReadonlySet<string>,
    /** set when the build CURRENT names was refused as damaged and this, the previous good build, is served */
    readonly refused?: { buildId: string; reason: string },
  ) {
    this.docById = new Map(documents.map((doc) => [doc.id, doc]))
    this.chunkById = new Map(chunks.map((chunk) => [chunk.id, chunk]))
    this.labelById = new Map(chunks.map((chunk, label) => [chunk.id, label]))
    for (const chunk of chunks) {
      const list = this.chunksByDoc.get(chunk.docId)
      if (list) list.push(chunk)
      else this.chunksByDoc.set(chunk.docId, [chunk])
    }
    this.reranker = new Reranker({ idf: (term) => keyword.idf(term), topic: (chunk) => this.docById.get(chunk.docId)?.title ?? '' })
  }

  /**
   * Opens the build that `indexDir/CURRENT` names once it verifies against its manifest, else the
   * previous good build (`refused` says why), and warms the model, jieba and the gazetteer. A damaged build with no
   * good one to fall back on throws IndexDamaged, naming the file and the fix. A large build is opened
   * without blocking the event loop (questions keep being answered meanwhile): its JSON is parsed in a
   * worker (load.ts), the keyword index is loaded in slices, the vectors by hnswlib's own thread.
   */
  static async open(indexDir: string, tuning: SearchTuning = DEFAULT_TUNING, { offThreadBytes = OFF_THREAD_BYTES } = {}): Promise<KnowledgeBase> {
    // The model loads off the main thread while the build is verified and read.
    const model = loadEmbedder()
    model.catch(() => {}) // observed below; a refused build must not leave it unhandled
    loadSegmenter()
    loadGazetteer()
    const served = await verifiedServedBuild(indexDir)
    const build = await loadBuild(served, offThreadBytes)
    const [dense, keyword] = await Promise.all([DenseIndex.read(path.join(build.dir, FILES.vectors)), KeywordIndex.loadAsync(build.keywords), model])
    checkCount(build.dir, 'vectors', dense.size, build.manifest.vectors)
    return new KnowledgeBase(build.dir, build.manifest, build.docs, build.chunks, dense, keyword, tuning, new Set(build.characters), served.refused)
  }

  get buildId(): string {
    return this.manifest.buildId
  }

  withTuning(tuning: Partial<Omit<SearchTuning, 'rerank'>> & { rerank?: Partial<RerankWeights> }): KnowledgeBase {
    const merged = { ...this.tuning, ...tuning, rerank: { ...this.tuning.rerank, ...tuning.rerank } }
    return new KnowledgeBase(this.dir, this.manifest, this.documents, this.chunks, this.dense, this.keyword, merged, this.characters, this.refused)
  }

  getDocument(id: string): ReplyDocument | undefined {
    return this.docById.get(id)
  }

  /** These documents, in this order; ids of none (a build that has changed since) are left out. */
  documentsOf(ids: string[]): ReplyDocument[] {
    return ids.map((id) => this.docById.get(id)).filter((doc): doc is ReplyDocument => !!doc)
  }

  findDocuments(filters: SearchFilters): ReplyDocument[] {
    return this.documents.filter((doc) => matches(doc, filters))
  }

  /** Whether any indexed document uses this character (lets callers keep corpus spellings as they are). */
  usesCharacter(char: string): boolean {
    return this.characters.has(char)
  }

  /** How rare a search term is among the passages (inverse document frequency): rare words say most about a topic. */
  termWeight(term: string): number {
    return this.keyword.idf(term)
  }

  getChunk(id: string): Chunk | undefined {
    return this.chunkById.get(id)
  }

  chunksOf(docId: string): Chunk[] {
    return this.chunksByDoc.get(docId) ?? []
  }

  /** The whole section whose path starts with `section` (a heading and everything under it), verbatim. */
  getSection(docId: string, section: string[]): Section | undefined {
    const doc = this.docById.get(docId)
    const inside = this.chunksOf(docId).filter((chunk) => section.every((label, i) => chunk.section[i] === label))
    if (!doc || inside.length === 0) return undefined
    const start = Math.min(...inside.map((c) => c.start))
    const end = Math.max(...inside.map((c) => c.end))
    return { doc, section, start, end, text: doc.text.slice(start, end) }
  }

  /**
   * The best passages for a query. Fused ranking re-orders its top `rerank.depth` candidates by the
   * second-stage signals (index/rerank.ts); dense and keyword rankings are the first stage alone.
   */
  async search(query: string, { k = 5, filters, ranking = 'fused', rerankQuery }: SearchOptions = {}): Promise<Hit[]> {
    const weights = this.tuning.rerank
    if (ranking !== 'fused' || weights.depth === 0) {
      const { hits, queryVector } = await this.firstStage(query, ranking, filters)
      return this.withSimilarity(hits.slice(0, k), queryVector)
    }
    const { top, rest, queryVector } = await this.secondStageCandidates(query, weights.depth, filters, rerankQuery)
    const best = top[0]?.fused ?? 1
    const reranked = top
      .map(({ signals, ...hit }) => ({ ...hit, rerank: rerankScore(hit.fused, best, signals, weights) }))
      .sort((a, b) => b.rerank - a.rerank)
    return this.withSimilarity([...reranked, ...rest.slice(0, Math.max(0, k - top.length))].slice(0, k), queryVector)
  }

  /** The cosine similarity of a text with each of these chunks (of this build). */
  async similarities(text: string, chunks: Chunk[]): Promise<number[]> {
    const vector = await embedQuery(text, this.tuning.queryInstruction)
    return chunks.map((chunk) => this.dense.similarity(vector, this.labelById.get(chunk.id)!))
  }

  /** The fused top `depth` candidates with their second-stage signals, in first-stage order (the evaluation tunes on them). */
  async candidates(query: string, depth: number, filters?: SearchFilters): Promise<{ top: Candidate[]; rest: Hit[] }> {
    const { top, rest } = await this.secondStageCandidates(query, depth, filters)
    return { top, rest }
  }

  private async secondStageCandidates(query: string, depth: number, filters?: SearchFilters, rerankQuery = query) {
    const { hits, queryVector } = await this.firstStage(query, 'fused', filters)
    const top = hits.slice(0, depth)
    const signals = this.reranker.signals(rerankQuery, top.map((hit) => hit.chunk))
    return { top: top.map((hit, i): Candidate => ({ ...hit, signals: signals[i] })), rest: hits.slice(depth), queryVector }
  }

  /**
   * The hits returned, a passage found by its words alone with its similarity too, so that each passage
   * can be judged on its own. Only for these: a similarity read from the index costs ~50 µs.
   */
  private withSimilarity<T extends Hit>(hits: T[], queryVector: Float32Array | undefined): T[] {
    if (!queryVector) return hits
    return hits.map((hit) => (hit.dense === undefined ? { ...hit, dense: this.dense.similarity(queryVector, this.labelById.get(hit.chunk.id)!) } : hit))
  }

  /** Dense and keyword candidates merged by reciprocal rank fusion, best first. */
  private async firstStage(query: string, ranking: Ranking, filters?: SearchFilters): Promise<{ hits: Hit[]; queryVector?: Float32Array }> {
    const allow = this.allowFor(filters)
    if (allow?.none) return { hits: [] }
    const { depth, rrfK, denseWeight, keywordWeight, keywordFullShare, queryInstruction } = this.tuning
    const queryVector = ranking === 'keyword' ? undefined : await embedQuery(query, queryInstruction)
    // The signature block (签发人, 经办人, phone numbers) is never a passage: it takes no rank from one.
    const passage = ({ label }: { label: number }) => !isSignature(this.chunks[label])
    const dense = queryVector ? this.dense.search(queryVector, depth, allow?.label).filter(passage) : []
    const keyword = ranking === 'dense' ? [] : this.keyword.search(query, depth, allow?.label).filter(passage)
    const hits = new Map<number, { dense?: number; keyword?: number; fused: number }>()
    const add = (label: number, rank: number, weight: number, score: Partial<Record<'dense' | 'keyword', number>>) => {
      const hit = hits.get(label) ?? { fused: 0 }
      hits.set(label, { ...hit, ...score, fused: hit.fused + weight / (rrfK + rank + 1) })
    }
    dense.forEach((match, rank) => add(match.label, rank, denseWeight, { dense: match.similarity }))
    const keywordTrust = keywordFullShare > 0 ? Math.min(1, (keyword[0]?.share ?? 0) / keywordFullShare) : 1
    keyword.forEach((match, rank) => add(match.label, rank, keywordWeight * keywordTrust, { keyword: match.score }))
    const fused = [...hits.entries()]
      .sort((a, b) => b[1].fused - a[1].fused)
      .map(([label, scores]) => ({ chunk: this.chunks[label], doc: this.docById.get(this.chunks[label].docId)!, ...scores }))
    return { hits: fused, queryVector }
  }

  private allowFor(filters?: SearchFilters): { label: (label: number) => boolean; none: boolean } | undefined {
    if (!filters || Object.values(filters).every((value) => value === undefined)) return undefined
    const docs = new Set(this.findDocuments(filters).map((doc) => doc.id))
    return { label: (label) => docs.has(this.chunks[label].docId), none: docs.size === 0 }
  }
}

const sameNumber = (a: string, b: string) => a.replace(/^0+/, '') === b.replace(/^0+/, '')
const mentions = (field: string | undefined, value: string) => !!field && (field.includes(value) || value.includes(field))

function matches(doc: ReplyDocument, filters: SearchFilters): boolean {
  const { number, proposer, unit, kind, year, docId, docIds } = filters
  return (
    (docId === undefined || doc.id === docId) &&
    (docIds === undefined || docIds.includes(doc.id)) &&
    (number === undefined || (!!doc.number && sameNumber(doc.number, number))) &&
    (proposer === undefined || doc.proposers.some((name) => mentions(name, proposer)) || mentions(doc.addressee, proposer)) &&
    (unit === undefined || mentions(doc.unit, unit)) &&
    (kind === undefined || mentions(doc.kind, kind)) &&
    (year === undefined || !!doc.date?.startsWith(String(year)))
  )
}
