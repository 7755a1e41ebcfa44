/**
 * Corpus folder → a new index build, published atomically. Incremental by content: a chunk whose
 * embedded text is unchanged reuses its vector from the served build (only once that build verified
 * against its manifest), so re-running on an unchanged corpus embeds nothing. A bad file is skipped
 * with a reason, a second copy of a document is indexed once; nothing is published when no file could
 * be indexed, so the previous index keeps serving.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { DEFAULT_CHUNK_OPTIONS, chunkDocument, type ChunkOptions } from './chunk.js'
import { cleanText, type CleanedText } from './clean.js'
import { listCorpus } from './corpus.js'
import { DenseIndex } from './dense.js'
import { DEFAULT_EMBED_OPTIONS, embedPassages, type EmbedOptions, type EmbedWay } from './embed.js'
import { keywordIndexJson } from './keyword.js'
import { MODEL_DIMENSION, MODEL_ID } from './model/location.js'
import { embeddingText, passageContext } from './passage.js'
import { OCR_CACHE_FOLDER, OcrSession, decodeDocument, unsupportedReason, type RawText } from './read.js'
import { parseReply } from './reply.js'
import {
  FILES, FORMAT_VERSION, acquireLock, checkOf, namedBuild, newBuildDir, previousBuild, publishBuild, readJson, removeBuildsExcept,
  verifiedServedBuild, writeJson, writeText, type CorpusFileEntry, type FileCheck, type Manifest, type ServedBuild, type StoredChunk,
} from './store.js'
import type { ReplyDocument, ReplyMetadata } from './types.js'

export type IngestProgress =
  | { phase: 'read'; done: number; total: number; file: string }
  /** pages of one scanned file being recognised */
  | { phase: 'ocr'; done: number; total: number; file: string }
  | { phase: 'embed'; done: number; total: number }
  | { phase: 'write' }

export interface IngestOptions {
  corpusDir: string
  indexDir: string
  onProgress?: (progress: IngestProgress) => void
  /** chunk size; the evaluation sweeps it, everything else uses the measured default */
  chunking?: ChunkOptions
  /** threads for embedding; the benchmark compares them, everything else uses the measured default */
  embedding?: EmbedOptions
}

export interface IngestSummary {
  published: boolean
  buildId?: string
  documents: number
  chunks: number
  /** passages embedded by the model in this run */
  embedded: number
  /** passages whose vector was reused from the previous build */
  reused: number
  /** time spent embedding, for throughput */
  embedSeconds: number
  /** how this run embedded (none when every vector was reused) */
  embedWay?: EmbedWay
  skipped: { file: string; reason: string }[]
  /** files whose text (whitespace and character widths aside) is that of an earlier file: indexed once, as `sameAs` */
  duplicates: { file: string; sameAs: string }[]
  /** documents indexed as plain text because no reply structure was recognised */
  unstructured: string[]
  /** compared with the build served before: files new to the index, with other bytes, or gone (removed or now skipped) */
  added: string[]
  changed: string[]
  removed: string[]
  /** subfolders of the corpus that were read */
  folders: string[]
  /** the served build was refused as damaged: why, and what (if anything) its vectors came from instead */
  warnings: string[]
  /** scanned pages recognised by OCR in this run, and those taken from the OCR cache */
  ocrPages: { recognised: number; cached: number }
  /** scanned pages left out because OCR was not confident enough to quote them */
  lowConfidence: { file: string; pages: number[] }[]
  seconds: number
}

interface ParsedFile {
  file: string
  sha256: string
  doc: ReplyDocument
  chunks: StoredChunk[]
}

export async function ingest({ corpusDir, indexDir, onProgress, chunking = DEFAULT_CHUNK_OPTIONS, embedding = DEFAULT_EMBED_OPTIONS }: IngestOptions): Promise<IngestSummary> {
  const started = performance.now()
  const release = acquireLock(indexDir)
  // Recognised scans are cached beside the builds, so a rebuild never recognises an unchanged file again.
  const ocr = new OcrSession({ cacheDir: path.join(indexDir, OCR_CACHE_FOLDER), onPage: (page) => onProgress?.({ phase: 'ocr', ...page }) })
  try {
    const files = listCorpus(corpusDir)
    const skipped = [...files.skipped, ...files.unsupported.map((file) => ({ file, reason: unsupportedReason(file) }))]
    const parsed: ParsedFile[] = []
    const duplicates: IngestSummary['duplicates'] = []
    const ids = new Set<string>()
    const firstWithText = new Map<string, string>()
    for (const [i, file] of files.supported.entries()) {
      onProgress?.({ phase: 'read', done: i + 1, total: files.supported.length, file })
      try {
        const read = await readCorpusFile(corpusDir, file, ocr)
        const sameAs = firstWithText.get(read.textKey)
        if (sameAs) {
          duplicates.push({ file, sameAs })
          continue
        }
        firstWithText.set(read.textKey, file)
        parsed.push(parseFile(read, uniqueId(file, ids), chunking))
      } catch (error) {
        skipped.push({ file, reason: (error as Error).message })
      }
    }
    ocr.pruneCache()
    await ocr.close()
    const { previous, warnings } = await reusableBuild(indexDir)
    const changes = changesSince(previous?.manifest, parsed)
    const summary = {
      documents: parsed.length, skipped, duplicates, unstructured: parsed.filter((p) => !p.doc.structured).map((p) => p.file),
      folders: files.folders, warnings, ...changes,
      ocrPages: ocr.counts,
      lowConfidence: parsed.filter((p) => p.doc.ocr?.lowConfidencePages.length).map((p) => ({ file: p.file, pages: p.doc.ocr!.lowConfidencePages })),
    }
    if (parsed.length === 0) return { ...summary, published: false, chunks: 0, embedded: 0, reused: 0, embedSeconds: 0, seconds: elapsed(started) }

    const chunks = parsed.flatMap((p) => p.chunks)
    // Folders of interrupted builds are never served; clear them before adding a new one.
    removeBuildsExcept(indexDir, [namedBuild(indexDir), previousBuild(indexDir)])
    const docById = new Map(parsed.map((p) => [p.doc.id, p.doc]))
    const keywordEntries = chunks.map((chunk, label) => ({ label, text: chunk.text, context: passageContext(docById.get(chunk.docId)!, chunk) }))
    // Built beside the embedding, but only once its way is chosen: the choice times both ways, and must time them on quiet cores.
    let keywords: Promise<string> | undefined
    const buildKeywords = () => {
      keywords ??= keywordIndexJson(keywordEntries)
      // Awaited once the vectors are ready; a failure meanwhile is reported there, not as an unhandled rejection.
      keywords.catch(() => {})
    }
    let embedWay: EmbedWay | undefined
    const embedStarted = performance.now()
    const { vectors, embedded } = await vectorsFor(previous, chunks, embedding, {
      onEmbedded: (done, total) => onProgress?.({ phase: 'embed', done, total }),
      onWay: (way) => {
        embedWay = way
        buildKeywords()
      },
    })
    buildKeywords()
    const embedSeconds = elapsed(embedStarted)
    onProgress?.({ phase: 'write' })
    const build = newBuildDir(indexDir)
    const docs = parsed.map((p) => p.doc)
    await DenseIndex.build(vectors).write(path.join(build.dir, FILES.vectors))
    writeText(build.dir, FILES.keywords, await keywords!)
    writeJson(build.dir, FILES.docs, docs)
    writeJson(build.dir, FILES.chunks, chunks)
    const written = Object.values(FILES).filter((file) => file !== FILES.manifest)
    const checks = Object.fromEntries(await Promise.all(written.map(async (file): Promise<[string, FileCheck]> => [file, await checkOf(build.dir, file)])))
    const manifest: Manifest = {
      format: FORMAT_VERSION,
      model: MODEL_ID,
      dimension: MODEL_DIMENSION,
      builtAt: new Date().toISOString(),
      buildId: build.id,
      documents: docs.length,
      chunks: chunks.length,
      vectors: vectors.length,
      files: Object.fromEntries(parsed.map((p): [string, CorpusFileEntry] => [p.file, { sha256: p.sha256, docId: p.doc.id, chunks: p.chunks.length }])),
      skipped,
      checks,
    }
    // The manifest is written last: a build folder without one is incomplete and never served.
    writeJson(build.dir, FILES.manifest, manifest)
    publishBuild(indexDir, build.id, previous && path.basename(previous.dir))
    return { ...summary, published: true, buildId: build.id, chunks: chunks.length, embedded, reused: chunks.length - embedded, embedSeconds, embedWay, seconds: elapsed(started) }
  } finally {
    await ocr.close()
    release()
  }
}

/** The served build when it verifies (else the previous good one): its vectors may be reused, its file list is compared with. */
async function reusableBuild(indexDir: string): Promise<{ previous?: ServedBuild; warnings: string[] }> {
  try {
    const previous = await verifiedServedBuild(indexDir)
    const warnings = previous.refused ? [`${previous.refused.reason} Vectors are reused from the previous good build ${previous.manifest.buildId}.`] : []
    return { previous, warnings }
  } catch (error) {
    // No build yet is the ordinary first run; a damaged one is worth saying, since everything is embedded again.
    const damaged = namedBuild(indexDir) ? [`${(error as Error).message} No vectors could be reused.`] : []
    return { warnings: damaged }
  }
}

function changesSince(manifest: Manifest | undefined, parsed: ParsedFile[]): Pick<IngestSummary, 'added' | 'changed' | 'removed'> {
  const before = manifest?.files ?? {}
  const now = new Set(parsed.map((p) => p.file))
  return {
    added: parsed.filter((p) => !before[p.file]).map((p) => p.file),
    changed: parsed.filter((p) => before[p.file] && before[p.file].sha256 !== p.sha256).map((p) => p.file),
    removed: Object.keys(before).filter((file) => !now.has(file)).sort(),
  }
}

interface ReadFile {
  file: string
  sha256: string
  raw: RawText
  cleaned: CleanedText
  /** hash of the text with whitespace dropped and widths unified (NFKC): two copies of a reply share it */
  textKey: string
}

async function readCorpusFile(corpusDir: string, file: string, ocr: OcrSession): Promise<ReadFile> {
  const bytes = await readFile(path.join(corpusDir, file))
  const raw = await decodeDocument(file, bytes, ocr)
  const cleaned = cleanText(raw.text, raw.format)
  if (!cleaned.text.trim()) throw new Error('no text after cleaning')
  return { file, sha256: sha256Of(bytes), raw, cleaned, textKey: sha256Of(cleaned.text.normalize('NFKC').replace(/\s+/gu, '')) }
}

function parseFile({ file, sha256, raw, cleaned }: ReadFile, id: string, chunking: ChunkOptions): ParsedFile {
  const { metadata, structured } = parseReply(cleaned.text, cleaned.portal)
  const sourceUrl = cleaned.sourceUrl ?? raw.hints?.source
  const doc: ReplyDocument = { id, file, sourceUrl, partial: cleaned.partial, structured, ...(cleaned.traditional && { traditional: true }), ...withHints(metadata, raw), text: cleaned.text }
  const chunks = chunkDocument(id, cleaned.text, chunking).map((chunk) => ({ ...chunk, embeddingKey: sha256Of(embeddingText(chunk)) }))
  return { file, sha256, doc, chunks }
}

/** What the reader found outside the text fills what the text did not say; OCR is recorded. */
function withHints(metadata: ReplyMetadata, raw: RawText): ReplyMetadata {
  const { docNumber, publisher, date } = raw.hints ?? {}
  return {
    ...metadata,
    docNumber: metadata.docNumber ?? docNumber,
    publisher: metadata.publisher ?? publisher,
    date: metadata.date ?? date,
    ...(raw.ocr && { ocr: raw.ocr }),
  }
}

/**
 * The file's path without its extension ("a", "2023/a"): top-level ids stay what they were before
 * subfolders were read. Two files differing only by extension get it appended ("a-pdf").
 */
function uniqueId(file: string, ids: Set<string>): string {
  const base = file.slice(0, file.length - path.extname(file).length)
  let id = ids.has(base) ? `${base}-${path.extname(file).slice(1)}` : base
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`
  ids.add(id)
  return id
}

/** Vectors in chunk order: reused from the verified previous build where the embedded text is unchanged. */
async function vectorsFor(
  previous: ServedBuild | undefined,
  chunks: StoredChunk[],
  embedding: EmbedOptions,
  hooks: { onEmbedded: (done: number, total: number) => void; onWay: (way: EmbedWay) => void },
): Promise<{ vectors: Float32Array[]; embedded: number }> {
  const known = await previousVectors(previous)
  const missing = chunks.filter((chunk) => !known.has(chunk.embeddingKey))
  const fresh = missing.length === 0 ? [] : await embedPassages(missing.map(embeddingText), { onEmbedded: (done) => hooks.onEmbedded(done, missing.length), onWay: hooks.onWay }, embedding)
  missing.forEach((chunk, i) => known.set(chunk.embeddingKey, fresh[i]))
  return { vectors: chunks.map((chunk) => known.get(chunk.embeddingKey)!), embedded: missing.length }
}

async function previousVectors(previous: ServedBuild | undefined): Promise<Map<string, Float32Array>> {
  // Only a different model invalidates vectors of a build that verified.
  if (!previous || previous.manifest.model !== MODEL_ID) return new Map()
  const chunks = readJson<StoredChunk[]>(previous.dir, FILES.chunks)
  const dense = await DenseIndex.read(path.join(previous.dir, FILES.vectors))
  return new Map(chunks.map((chunk, label) => [chunk.embeddingKey, dense.vector(label)]))
}

function sha256Of(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex')
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) / 10) / 100
}
