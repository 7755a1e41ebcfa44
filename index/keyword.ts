/** The keyword side: BM25 over jieba tokens, with MiniSearch. */
import MiniSearch from 'minisearch'
import { tokenize } from './segment.js'

export interface KeywordFields {
  label: number
  text: string
  /** section path and the reply's title, unit and proposers: words a question names the passage by */
  context: string
}

export interface KeywordMatch {
  label: number
  score: number
}

const OPTIONS = {
  idField: 'label',
  fields: ['text', 'context'],
  tokenize,
  processTerm: (term: string) => term,
  searchOptions: { boost: { text: 1, context: 0.5 }, combineWith: 'OR' as const },
}

export class KeywordIndex {
  private constructor(private readonly index: MiniSearch<KeywordFields>) {}

  static build(entries: KeywordFields[]): KeywordIndex {
    const index = new MiniSearch<KeywordFields>(OPTIONS)
    index.addAll(entries)
    return new KeywordIndex(index)
  }

  static load(json: string): KeywordIndex {
    return new KeywordIndex(MiniSearch.loadJSON<KeywordFields>(json, OPTIONS))
  }

  toJSON(): unknown {
    return this.index.toJSON()
  }

  search(query: string, k: number, allow?: (label: number) => boolean): KeywordMatch[] {
    const results = this.index.search(query, allow ? { filter: (result) => allow(result.id as number) } : {})
    return results.slice(0, k).map((result) => ({ label: result.id as number, score: result.score }))
  }
}
