/** The knowledge base's public surface: the only module `bot/` imports from `index/`. */
export { KnowledgeBase, IndexMissing, DEFAULT_TUNING, type Section, type SearchTuning } from './knowledge-base.js'
export { ingest, type IngestOptions, type IngestProgress, type IngestSummary } from './ingest.js'
export { IngestLocked, currentPointer, type Manifest } from './store.js'
export { ModelUnavailable } from './embed.js'
export { loadSegmenter, tokenize } from './segment.js'
export { sentenceSpans } from './text.js'
export { DEFAULT_CORPUS_DIR, DEFAULT_INDEX_DIR, PROJECT_ROOT, STATE_DIR } from './paths.js'
export type { Chunk, Contact, Hit, Ranking, ReplyDocument, ReplyMetadata, SearchFilters, SearchOptions } from './types.js'
