/**
 * Corpus folder → a new index build, published atomically. Incremental by content: a chunk whose
 * embedded text is unchanged reuses its vector from the served build, so re-running on an unchanged
 * corpus embeds nothing. A bad file is skipped with a reason; nothing is published when no file could
 * be indexed, so the previous index keeps serving.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { DEFAULT_CHUNK_OPTIONS, chunkDocument, type ChunkOptions } from './chunk.js'
import { cleanText } from './clean.js'
import { DenseIndex } from './dense.js'
import { DEFAULT_EMBED_OPTIONS, embedPassages, type EmbedOptions } from './embed.js'
import { KeywordIndex } from './keyword.js'
import { MODEL_DIMENSION, MODEL_ID } from './model/location.js'
import { embeddingText, passageContext } from './passage.js'
import { decodeDocument, isSupported } from './read.js'
import { parseReply } from './reply.js'
import {
  FILES, FORMAT_VERSION, acquireLock, currentBuild, newBuildDir, publishBuild, readJson, removeBuildsExcept, writeJson,
  type CorpusFileEntry, type Manifest, type StoredChunk,
} from './store.js'
import type { ReplyDocument } from './types.js'

export type IngestProgress =
  | { phase: 'read'; done: number; total: number; file: string }
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
  skipped: { file: string; reason: string }[]
  /** documents indexed as plain text because no reply structure was recognised */
  unstructured: string[]
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
  try {
    const files = listCorpus(corpusDir)
    const skipped = files.unsupported.map((file) => ({ file, reason: `unsupported format (${path.extname(file) || 'no extension'})` }))
    const parsed: ParsedFile[] = []
    const ids = new Set<string>()
    for (const [i, file] of files.supported.entries()) {
      onProgress?.({ phase: 'read', done: i + 1, total: files.supported.length, file })
      try {
        parsed.push(await parseFile(corpusDir, file, ids, chunking))
      } catch (error) {
        skipped.push({ file, reason: (error as Error).message })
      }
    }
    const summary = { documents: parsed.length, skipped, unstructured: parsed.filter((p) => !p.doc.structured).map((p) => p.file) }
    if (parsed.length === 0) return { ...summary, published: false, chunks: 0, embedded: 0, reused: 0, embedSeconds: 0, seconds: elapsed(started) }

    const chunks = parsed.flatMap((p) => p.chunks)
    // Folders of interrupted builds are never served; clear them before adding a new one.
    const served = currentBuild(indexDir)
    removeBuildsExcept(indexDir, [served && path.basename(served)])
    const embedStarted = performance.now()
    const { vectors, embedded } = await vectorsFor(served, chunks, embedding, (done, total) => onProgress?.({ phase: 'embed', done, total }))
    const embedSeconds = elapsed(embedStarted)
    onProgress?.({ phase: 'write' })
    const build = newBuildDir(indexDir)
    const docs = parsed.map((p) => p.doc)
    await DenseIndex.build(vectors).write(path.join(build.dir, FILES.vectors))
    const docById = new Map(docs.map((doc) => [doc.id, doc]))
    const keywords = KeywordIndex.build(
      chunks.map((chunk, label) => ({ label, text: chunk.text, context: passageContext(docById.get(chunk.docId)!, chunk) })),
    )
    writeJson(build.dir, FILES.keywords, keywords)
    writeJson(build.dir, FILES.docs, docs)
    writeJson(build.dir, FILES.chunks, chunks)
    const manifest: Manifest = {
      format: FORMAT_VERSION,
      model: MODEL_ID,
      dimension: MODEL_DIMENSION,
      builtAt: new Date().toISOString(),
      buildId: build.id,
      documents: docs.length,
      chunks: chunks.length,
      files: Object.fromEntries(parsed.map((p): [string, CorpusFileEntry] => [p.file, { sha256: p.sha256, docId: p.doc.id, chunks: p.chunks.length }])),
      skipped,
    }
    // The manifest is written last: a build folder without one is incomplete and never served.
    writeJson(build.dir, FILES.manifest, manifest)
    publishBuild(indexDir, build.id)
    return { ...summary, published: true, buildId: build.id, chunks: chunks.length, embedded, reused: chunks.length - embedded, embedSeconds, seconds: elapsed(started) }
  } finally {
    release()
  }
}

function listCorpus(corpusDir: string): { supported: string[]; unsupported: string[] } {
  if (!existsSync(corpusDir)) throw new Error(`corpus folder not found: ${corpusDir}`)
  const names = readdirSync(corpusDir)
    .filter((name) => !name.startsWith('.') && statSync(path.join(corpusDir, name)).isFile())
    .sort()
  return { supported: names.filter(isSupported), unsupported: names.filter((name) => !isSupported(name)) }
}

async function parseFile(corpusDir: string, file: string, ids: Set<string>, chunking: ChunkOptions): Promise<ParsedFile> {
  const bytes = await readFile(path.join(corpusDir, file))
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const raw = await decodeDocument(file, bytes)
  const cleaned = cleanText(raw.text, raw.format)
  if (!cleaned.text.trim()) throw new Error('no text after cleaning')
  const { metadata, structured } = parseReply(cleaned.text)
  const id = uniqueId(file, ids)
  const doc: ReplyDocument = { id, file, sourceUrl: cleaned.sourceUrl, partial: cleaned.partial, structured, ...metadata, text: cleaned.text }
  const chunks = chunkDocument(id, cleaned.text, chunking).map((chunk) => ({ ...chunk, embeddingKey: sha256Of(embeddingText(chunk)) }))
  return { file, sha256, doc, chunks }
}

function uniqueId(file: string, ids: Set<string>): string {
  const base = path.basename(file, path.extname(file))
  const id = ids.has(base) ? `${base}-${path.extname(file).slice(1)}` : base
  ids.add(id)
  return id
}

/** Vectors in chunk order: reused from the served build where the embedded text is unchanged. */
async function vectorsFor(
  servedDir: string | null,
  chunks: StoredChunk[],
  embedding: EmbedOptions,
  onEmbed: (done: number, total: number) => void,
): Promise<{ vectors: Float32Array[]; embedded: number }> {
  const previous = await previousVectors(servedDir)
  const missing = chunks.filter((chunk) => !previous.has(chunk.embeddingKey))
  const fresh = await embedPassages(
    missing.map(embeddingText),
    (done) => onEmbed(done, missing.length),
    embedding,
  )
  missing.forEach((chunk, i) => previous.set(chunk.embeddingKey, fresh[i]))
  return { vectors: chunks.map((chunk) => previous.get(chunk.embeddingKey)!), embedded: missing.length }
}

async function previousVectors(dir: string | null): Promise<Map<string, Float32Array>> {
  if (!dir) return new Map()
  try {
    // Vectors stay valid across index format changes; only a different model invalidates them.
    if (readJson<Manifest>(dir, FILES.manifest).model !== MODEL_ID) return new Map()
    const chunks = readJson<StoredChunk[]>(dir, FILES.chunks)
    const dense = await DenseIndex.read(path.join(dir, FILES.vectors))
    return new Map(chunks.map((chunk, label) => [chunk.embeddingKey, dense.vector(label)]))
  } catch {
    return new Map()
  }
}

function sha256Of(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) / 10) / 100
}
