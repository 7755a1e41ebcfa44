/**
 * Synthetic corpora for the benchmark, made from the real documents' sentences: each passage is 2–4 of
 * the corpus's 400-odd distinct sentences, its vector the normalised average of their real embeddings
 * (embedding 100 000 passages would take over an hour here). As passages, or as a whole index build on
 * disk that the knowledge base opens like any other.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DenseIndex } from '../../index/dense.js'
import { embedPassages } from '../../index/embed.js'
import { KeywordIndex } from '../../index/keyword.js'
import { MODEL_DIMENSION, MODEL_ID } from '../../index/model/location.js'
import { passageContext } from '../../index/passage.js'
import { FILES, FORMAT_VERSION, buildDir, checkOf, namedBuild, newBuildDir, publishBuild, writeJson, type FileCheck, type Manifest, type StoredChunk } from '../../index/store.js'
import { sentenceSpans, type KnowledgeBase, type ReplyDocument } from '../../index/index.js'

export interface SentencePool {
  sentences: string[]
  vectors: Float32Array[]
  embedPerSecond: number
}

/** Real sentences of the corpus with their real embeddings: the material synthetic passages are made of. */
export async function sentencePool(kb: KnowledgeBase): Promise<SentencePool> {
  const sentences = [
    ...new Set(kb.documents.flatMap((doc) => sentenceSpans(doc.text).map(({ start, end }) => doc.text.slice(start, end).trim()))),
  ].filter((s) => s.length >= 8)
  const started = performance.now()
  const vectors = await embedPassages(sentences)
  return { sentences, vectors, embedPerSecond: Math.round(sentences.length / ((performance.now() - started) / 1000)) }
}

function randomInt(n: number, seed: { value: number }): number {
  seed.value = (seed.value * 1103515245 + 12345) % 2 ** 31
  return seed.value % n
}

/** `size` passages and their vectors, the same for the same size. */
export function syntheticPassages(size: number, pool: SentencePool): { texts: string[]; vectors: Float32Array[] } {
  const seed = { value: size }
  const texts: string[] = []
  const vectors: Float32Array[] = []
  for (let i = 0; i < size; i++) {
    const picks = Array.from({ length: 2 + randomInt(3, seed) }, () => randomInt(pool.sentences.length, seed))
    texts.push(picks.map((p) => pool.sentences[p]).join(''))
    const sum = new Float32Array(pool.vectors[0].length)
    for (const p of picks) pool.vectors[p].forEach((v, d) => (sum[d] += v))
    const norm = Math.hypot(...sum)
    vectors.push(sum.map((v) => v / norm))
  }
  return { texts, vectors }
}

/** A corpus of about `size` chunks: documents of paragraphs made of 3–5 real corpus sentences each. */
export function syntheticCorpus(size: number, sentences: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dafu-bench-corpus-'))
  const seed = { value: size + 1 }
  const paragraphsPerDoc = 25
  for (let d = 0; d * paragraphsPerDoc < size; d++) {
    const paragraphs = Array.from({ length: paragraphsPerDoc }, () =>
      Array.from({ length: 3 + randomInt(3, seed) }, () => sentences[randomInt(sentences.length, seed)]).join(''),
    )
    writeFileSync(path.join(dir, `doc-${d}.txt`), paragraphs.join('\n') + '\n')
  }
  return dir
}

const PASSAGES_PER_DOCUMENT = 20

/**
 * A served index build of `size` synthetic passages in `indexDir`, grouped 20 to a document; built once
 * (about two minutes at 100 000 here) and reused while `indexDir` keeps it.
 */
export async function syntheticBuild(indexDir: string, size: number, pool: SentencePool): Promise<string> {
  const named = namedBuild(indexDir)
  const existing = named && buildDir(indexDir, named)
  if (existing && existsSync(path.join(existing, FILES.manifest))) return existing
  const { texts, vectors } = syntheticPassages(size, pool)
  const docs: ReplyDocument[] = []
  const chunks: StoredChunk[] = []
  for (let first = 0; first < size; first += PASSAGES_PER_DOCUMENT) {
    const id = `synthetic-${first / PASSAGES_PER_DOCUMENT}`
    const parts = texts.slice(first, first + PASSAGES_PER_DOCUMENT)
    let start = 0
    for (const [i, text] of parts.entries()) {
      chunks.push({ id: `${id}#${i}`, docId: id, section: [`${i + 1}、`], start, end: start + text.length, text, embeddingKey: '' })
      start += text.length + 1
    }
    docs.push({ id, file: `${id}.txt`, partial: false, structured: false, proposers: [], title: `合成答复${first / PASSAGES_PER_DOCUMENT}`, text: parts.join('\n') })
  }
  const build = newBuildDir(indexDir)
  await DenseIndex.build(vectors).write(path.join(build.dir, FILES.vectors))
  const docById = new Map(docs.map((doc) => [doc.id, doc]))
  writeJson(build.dir, FILES.keywords, KeywordIndex.build(chunks.map((chunk, label) => ({ label, text: chunk.text, context: passageContext(docById.get(chunk.docId)!, chunk) }))))
  writeJson(build.dir, FILES.docs, docs)
  writeJson(build.dir, FILES.chunks, chunks)
  const written = Object.values(FILES).filter((file) => file !== FILES.manifest)
  const checks = Object.fromEntries(await Promise.all(written.map(async (file): Promise<[string, FileCheck]> => [file, await checkOf(build.dir, file)])))
  const manifest: Manifest = {
    format: FORMAT_VERSION, model: MODEL_ID, dimension: MODEL_DIMENSION, builtAt: new Date().toISOString(), buildId: build.id,
    documents: docs.length, chunks: chunks.length, vectors: vectors.length, files: {}, skipped: [], checks,
  }
  writeJson(build.dir, FILES.manifest, manifest)
  publishBuild(indexDir, build.id)
  return build.dir
}
