/** The shapes the knowledge base hands to its callers. */

export interface Contact {
  name?: string
  phone?: string
  address?: string
  postcode?: string
}

/** Everything the parser could recognise in one reply; absent fields were not in the text. */
export interface ReplyMetadata {
  /** e.g. 长宁区政协第十五届三次会议 */
  session?: string
  /** 提案, 代表建议, 会办意见 … */
  kind?: string
  /** as printed, without 第/号: "084", "142072", "0157" */
  number?: string
  /** 文号, the document's own number as printed: 沪府办〔2023〕8号, 子交函〔2023〕34号 */
  docNumber?: string
  /** 发布机构 of the page that published it (a portal field) */
  publisher?: string
  /** 办理结果: a wording (解决或采纳) or a class (A类, B类, C) */
  result?: string
  /** 签发人 */
  signer?: string
  /** 抄送 (and 抄报): whom the reply is copied to, as printed */
  copiedTo?: string
  proposers: string[]
  /** whom the reply is addressed to (a proposer, a group or, for 会办意见/协办函, another unit) */
  addressee?: string
  /** the text inside 《》 (or the quoted title) of the proposal */
  title?: string
  /** the responding unit */
  unit?: string
  /** YYYY-MM-DD */
  date?: string
  contact?: Contact
  /** present when some of the text was recognised from scanned pages */
  ocr?: OcrInfo
}

/** How a document's scanned pages were read. */
export interface OcrInfo {
  /** recognised pages whose text is in the document (blank and low-confidence pages are not) */
  pages: number
  /** mean recognition confidence of the indexed OCR pages, 0–100 */
  meanConfidence: number
  /** 1-based pages whose confidence was too low to quote: left out of the text */
  lowConfidencePages: number[]
}

/** Metadata a reader found outside the text (a saved page's metadata table, its address). */
export interface MetadataHints {
  source?: string
  docNumber?: string
  publisher?: string
  /** YYYY-MM-DD */
  date?: string
}

export interface ReplyDocument extends ReplyMetadata {
  /** stable id derived from the file name */
  id: string
  /** file name inside the corpus folder */
  file: string
  sourceUrl?: string
  /** the published text was cut off */
  partial: boolean
  /** false when no reply structure was recognised: indexed as plain text */
  structured: boolean
  /** printed in traditional characters: read and quoted simplified */
  traditional?: boolean
  /** cleaned text; every chunk is a slice of it */
  text: string
}

export interface Chunk {
  id: string
  docId: string
  /** section path, outermost first, e.g. ["二、对提案建议的答复", "（二）具体举措", "3、关于…"] */
  section: string[]
  start: number
  end: number
  /** always doc.text.slice(start, end) */
  text: string
}

export interface Hit {
  chunk: Chunk
  doc: ReplyDocument
  /** cosine similarity with the question (fused hits found by their words alone get it too; keyword ranking: none) */
  dense?: number
  /** BM25 score of the keyword match, when it was among the keyword candidates */
  keyword?: number
  /** reciprocal rank fusion score */
  fused: number
  /** second-stage score (fused ranking, top candidates only; index/rerank.ts): hits come in its order */
  rerank?: number
}

export interface SearchFilters {
  number?: string
  proposer?: string
  unit?: string
  kind?: string
  year?: number
  docId?: string
  /** restrict to these replies (e.g. those a question names) */
  docIds?: string[]
}

export type Ranking = 'fused' | 'dense' | 'keyword'

export interface SearchOptions {
  k?: number
  filters?: SearchFilters
  ranking?: Ranking
  /** the words the second stage looks for in one sentence, when not all of the query's (names true of every text searched left out) */
  rerankQuery?: string
}
