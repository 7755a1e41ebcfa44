/** The keyword side: BM25 over jieba tokens, with MiniSearch. */
import MiniSearch from 'minisearch'
import { segmenterLoaded, tokenize } from './segment.js'
import { tsWorker } from './ts-worker.js'

export interface KeywordFields {
  label: number
  text: string
  /** section path and the reply's title, unit and proposers: words a question names the passage by */
  context: string
}

export interface KeywordMatch {
  label: number
  score: number
  /** share of the question's words, weighted by rarity, that this passage contains, in [0, 1] */
  share: number
}

const OPTIONS = {
  idField: 'label',
  fields: ['text', 'context'],
  tokenize,
  processTerm: (term: string) => term,
  searchOptions: { boost: { text: 1, context: 0.5 }, combineWith: 'OR' as const },
}

/**
 * Query words found in more passages than this are left out of the query, as IR systems do with a
 * maximum document frequency: their BM25 weight is near zero, yet scoring their long posting lists is
 * what makes an OR query slow at 100 000 passages. Small corpora are unaffected (the floor).
 */
const MAX_DF_SHARE = 0.1
const MAX_DF_FLOOR = 1000

/**
 * A new keyword index, as stored. jieba's dictionaries take ~0.6 s to load: a process that has not loaded
 * them (a fresh `npm run ingest`) builds in a worker thread, so that the load runs on the other core
 * while this one embeds.
 */
export function keywordIndexJson(entries: KeywordFields[]): Promise<string> {
  if (segmenterLoaded()) return Promise.resolve(JSON.stringify(KeywordIndex.build(entries)))
  const worker = tsWorker(new URL('./keyword-worker.ts', import.meta.url), entries)
  return new Promise((resolve, reject) => {
    worker.once('message', (json: string) => {
      resolve(json)
      void worker.terminate()
    })
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`the keyword index builder stopped (exit code ${code}) before it was done`)))
  })
}

interface Stored {
  index: unknown
  /** document frequency of every term, for the pruning above */
  df: Record<string, number>
}

export class KeywordIndex {
  private constructor(
    private readonly index: MiniSearch<KeywordFields>,
    private readonly df: Record<string, number>,
  ) {}

  static build(entries: KeywordFields[]): KeywordIndex {
    const index = new MiniSearch<KeywordFields>(OPTIONS)
    index.addAll(entries)
    const df: Record<string, number> = {}
    for (const entry of entries) for (const term of new Set(tokenize(`${entry.text} ${entry.context}`))) df[term] = (df[term] ?? 0) + 1
    return new KeywordIndex(index, df)
  }

  static load(json: string): KeywordIndex {
    const stored = JSON.parse(json) as Stored
    return new KeywordIndex(MiniSearch.loadJS<KeywordFields>(stored.index as Parameters<typeof MiniSearch.loadJS>[0], OPTIONS), stored.df)
  }

  /** load() in slices that let the event loop run between them (large indexes take seconds to load) */
  static async loadAsync(stored: unknown): Promise<KeywordIndex> {
    const { index, df } = stored as Stored
    return new KeywordIndex(await MiniSearch.loadJSAsync<KeywordFields>(index as Parameters<typeof MiniSearch.loadJSAsync>[0], OPTIONS), df)
  }

  toJSON(): Stored {
    return { index: this.index.toJSON(), df: this.df }
  }

  search(query: string, k: number, allow?: (label: number) => boolean): KeywordMatch[] {
    const terms = this.queryTerms(query)
    const results = this.index.search(query, { tokenize: () => terms, ...(allow ? { filter: (result) => allow(result.id as number) } : {}) })
    const total = terms.reduce((sum, term) => sum + this.idf(term), 0)
    const share = (matched: string[]) => (total ? matched.reduce((sum, term) => sum + this.idf(term), 0) / total : 0)
    return results.slice(0, k).map((result) => ({ label: result.id as number, score: result.score, share: share(result.queryTerms) }))
  }

  /** BM25's inverse document frequency over the passages: a word in few passages says more (one in none says most). */
  idf(term: string): number {
    const df = this.df[term] ?? 0
    return Math.log(1 + (this.index.documentCount - df + 0.5) / (df + 0.5))
  }

  private queryTerms(query: string): string[] {
    const terms = [...new Set(tokenize(query))]
    const maxDf = Math.max(MAX_DF_FLOOR, MAX_DF_SHARE * this.index.documentCount)
    const kept = terms.filter((term) => (this.df[term] ?? 0) <= maxDf)
    return kept.length ? kept : terms
  }
}
