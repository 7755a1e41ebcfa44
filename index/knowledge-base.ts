/**
 * A loaded index build: documents, chunks, the dense and the keyword index, and the searches over
 * them. Immutable once opened; a refresh opens a new one and the caller swaps references.
 */
import path from 'node:path'
import { DenseIndex } from './dense.js'
import { embedQuery, loadEmbedder } from './embed.js'
import { KeywordIndex } from './keyword.js'
import { OFF_THREAD_BYTES, loadServedBuild } from './load.js'
import { loadSegmenter } from './segment.js'
import { FILES, type Manifest } from './store.js'
import type { Chunk, Hit, ReplyDocument, SearchFilters, SearchOptions } from './types.js'

/**
 * Knobs the evaluation tunes; the defaults are the best on the tune split of the question set (see
 * README "Quality and speed"): keyword ranks count double, a small RRF k favours the top ranks, and
 * bge's query instruction measured no better than the bare question, so it is off.
 */
export interface SearchTuning {
  /** reciprocal rank fusion constant: larger flattens the weight of top ranks */
  rrfK: number
  denseWeight: number
  keywordWeight: number
  /** candidates taken from each side before fusion */
  depth: number
  /** prefix for query embeddings (bge's retrieval instruction, or '' for none) */
  queryInstruction: string
}
export const DEFAULT_TUNING: SearchTuning = { rrfK: 10, denseWeight: 1, keywordWeight: 2, depth: 50, queryInstruction: '' }

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
  /** each document's chunks in text order */
  private readonly chunksByDoc = new Map<string, Chunk[]>()

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
  ) {
    this.docById = new Map(documents.map((doc) => [doc.id, doc]))
    this.chunkById = new Map(chunks.map((chunk) => [chunk.id, chunk]))
    for (const chunk of chunks) {
      const list = this.chunksByDoc.get(chunk.docId)
      if (list) list.push(chunk)
      else this.chunksByDoc.set(chunk.docId, [chunk])
    }
  }

  /**
   * Opens the build that `indexDir/CURRENT` names, and warms the model and jieba. A large build is opened
   * without blocking the event loop (questions keep being answered meanwhile): its JSON is parsed in a
   * worker (load.ts), the keyword index is loaded in slices, the vectors by hnswlib's own thread.
   */
  static async open(indexDir: string, tuning: SearchTuning = DEFAULT_TUNING, { offThreadBytes = OFF_THREAD_BYTES } = {}): Promise<KnowledgeBase> {
    // The model loads off the main thread while jieba's dictionaries (once per process) load on it.
    const model = loadEmbedder()
    model.catch(() => {}) // observed below; a failed build read must not leave it unhandled
    loadSegmenter()
    const build = await loadServedBuild(indexDir, offThreadBytes)
    const [dense, keyword] = await Promise.all([DenseIndex.read(path.join(build.dir, FILES.vectors)), KeywordIndex.loadAsync(build.keywords), model])
    return new KnowledgeBase(build.dir, build.manifest, build.docs, build.chunks, dense, keyword, tuning, new Set(build.characters))
  }

  get buildId(): string {
    return this.manifest.buildId
  }

  withTuning(tuning: Partial<SearchTuning>): KnowledgeBase {
    return new KnowledgeBase(this.dir, this.manifest, this.documents, this.chunks, this.dense, this.keyword, { ...this.tuning, ...tuning }, this.characters)
  }

  getDocument(id: string): ReplyDocument | undefined {
    return this.docById.get(id)
  }

  findDocuments(filters: SearchFilters): ReplyDocument[] {
    return this.documents.filter((doc) => matches(doc, filters))
  }

  /** Whether any indexed document uses this character (lets callers keep corpus spellings as they are). */
  usesCharacter(char: string): boolean {
    return this.characters.has(char)
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

  async search(query: string, { k = 5, filters, ranking = 'fused' }: SearchOptions = {}): Promise<Hit[]> {
    const allow = this.allowFor(filters)
    if (allow?.none) return []
    const { depth, rrfK, denseWeight, keywordWeight, queryInstruction } = this.tuning
    const dense = ranking === 'keyword' ? [] : this.dense.search(await embedQuery(query, queryInstruction), depth, allow?.label)
    const keyword = ranking === 'dense' ? [] : this.keyword.search(query, depth, allow?.label)
    const hits = new Map<number, { dense?: number; keyword?: number; fused: number }>()
    const add = (label: number, rank: number, weight: number, score: Partial<Record<'dense' | 'keyword', number>>) => {
      const hit = hits.get(label) ?? { fused: 0 }
      hits.set(label, { ...hit, ...score, fused: hit.fused + weight / (rrfK + rank + 1) })
    }
    dense.forEach((match, rank) => add(match.label, rank, denseWeight, { dense: match.similarity }))
    keyword.forEach((match, rank) => add(match.label, rank, keywordWeight, { keyword: match.score }))
    return [...hits.entries()]
      .sort((a, b) => b[1].fused - a[1].fused)
      .slice(0, k)
      .map(([label, scores]) => ({ chunk: this.chunks[label], doc: this.docById.get(this.chunks[label].docId)!, ...scores }))
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
