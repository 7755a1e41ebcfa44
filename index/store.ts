/**
 * The index folder on disk. Each build lives in its own subfolder `builds/<id>/`; the file `CURRENT`
 * names the one being served and is replaced by an atomic rename. So a reader never sees a half-written
 * build, there is no moment without an index (renaming a non-empty folder over another is impossible),
 * and an interrupted build is just an unreferenced folder that the next ingest removes.
 * A build checks itself: its manifest records the size and sha256 of every other file and the counts,
 * verified on opening; `PREVIOUS` names the last good build, served when CURRENT's is damaged.
 */
import { createReadStream, existsSync, mkdirSync, openSync, closeSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, renameSync, unlinkSync, linkSync } from 'node:fs'
import { createHash, randomBytes } from 'node:crypto'
import path from 'node:path'
import type { Chunk, ReplyDocument } from './types.js'

export const FILES = {
  manifest: 'manifest.json',
  docs: 'docs.json',
  chunks: 'chunks.json',
  vectors: 'vectors.hnsw',
  keywords: 'keywords.json',
} as const
const CURRENT = 'CURRENT'
/** names the last build that was good before CURRENT: served when CURRENT's build is damaged */
const PREVIOUS = 'PREVIOUS'
const BUILDS = 'builds'
const LOCK = 'ingest.lock'
export const FORMAT_VERSION = 3

export interface CorpusFileEntry {
  sha256: string
  docId: string
  chunks: number
}

export interface Manifest {
  format: number
  model: string
  dimension: number
  builtAt: string
  buildId: string
  documents: number
  chunks: number
  vectors: number
  files: Record<string, CorpusFileEntry>
  skipped: { file: string; reason: string }[]
  /** size and sha256 of every other file of the build (each entry of FILES but the manifest), checked on opening */
  checks: Record<string, FileCheck>
}

export interface FileCheck {
  bytes: number
  sha256: string
}

export interface StoredChunk extends Chunk {
  /** sha256 of the text that was embedded: lets a rebuild reuse a vector instead of re-embedding */
  embeddingKey: string
}

export function currentPointer(indexDir: string): string {
  return path.join(indexDir, CURRENT)
}

export function newBuildDir(indexDir: string): { id: string; dir: string } {
  // Time first so builds sort by age; the random part keeps two builds in one millisecond apart.
  const id = `${new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').slice(0, 19)}-${randomBytes(3).toString('hex')}`
  const dir = path.join(indexDir, BUILDS, id)
  mkdirSync(dir, { recursive: true })
  return { id, dir }
}

/** The id CURRENT names (its folder may be missing or damaged), or null. */
export function namedBuild(indexDir: string): string | null {
  return readPointer(currentPointer(indexDir))
}

/** The build kept to fall back on, or null. */
export function previousBuild(indexDir: string): string | null {
  return readPointer(path.join(indexDir, PREVIOUS))
}

/** A one-line file's content (a build id), or null when it is missing or empty. */
export function readPointer(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim() || null
  } catch {
    return null
  }
}

function writePointer(file: string, id: string): void {
  writeFileSync(`${file}.tmp`, id + '\n')
  renameSync(`${file}.tmp`, file)
}

/**
 * Makes `id` the served build. The build it replaces stays one more round (a reader that read CURRENT
 * just before may be loading it) and, unless the caller names a build that verified (`lastGood`, when
 * the replaced one was damaged), becomes the fallback. Other builds are removed.
 */
export function publishBuild(indexDir: string, id: string, lastGood?: string | null): void {
  const replaced = namedBuild(indexDir)
  const previous = lastGood ?? replaced
  if (previous) writePointer(path.join(indexDir, PREVIOUS), previous)
  writePointer(currentPointer(indexDir), id)
  removeBuildsExcept(indexDir, [id, replaced, previous])
}

export function buildDir(indexDir: string, id: string): string {
  return path.join(indexDir, BUILDS, id)
}

export function removeBuildsExcept(indexDir: string, keep: (string | null)[]): void {
  const builds = path.join(indexDir, BUILDS)
  if (!existsSync(builds)) return
  for (const name of readdirSync(builds)) {
    if (!keep.includes(name)) rmSync(path.join(builds, name), { recursive: true, force: true })
  }
}

export function writeJson(dir: string, file: string, value: unknown): void {
  writeText(dir, file, JSON.stringify(value))
}

export function writeText(dir: string, file: string, text: string): void {
  writeFileSync(path.join(dir, file), text)
}

export function readJson<T>(dir: string, file: string): T {
  return JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as T
}

/** Size and sha256 of a written build file, for the manifest. Hashing streams: builds reach hundreds of MB. */
export async function checkOf(dir: string, file: string): Promise<FileCheck> {
  const full = path.join(dir, file)
  return { bytes: statSync(full).size, sha256: await sha256File(full) }
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const block of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(block as Buffer)
  return hash.digest('hex')
}

/** What every IndexMissing message ends with: the one fix for all of them. */
const FIX = 'Run npm run ingest to build the index.'

/** No index to serve: none built yet, or one from another version of the format (ingest rebuilds it). */
export class IndexMissing extends Error {
  /** @param situation what is wrong, without the fix: what a start-up that builds the index itself prints */
  constructor(readonly situation: string) {
    super(`${situation}. ${FIX}`)
  }
}

/** A build whose files are missing, truncated or not its own; its message names the file and the fix. Nothing to serve from it. */
export class IndexDamaged extends IndexMissing {}

function damaged(dir: string, file: string, what: string): IndexDamaged {
  return new IndexDamaged(`index build ${path.basename(dir)} is damaged: ${path.join(dir, file)} ${what}`)
}

/**
 * Checks a build against its manifest: every file of FILES present, of the recorded size (cheap, first)
 * and sha256. Returns the manifest; throws IndexDamaged naming the first bad file, or IndexMissing for
 * another format.
 */
export async function verifyBuild(dir: string): Promise<Manifest> {
  let manifest: Manifest
  try {
    manifest = readJson<Manifest>(dir, FILES.manifest)
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
    throw damaged(dir, FILES.manifest, missing ? 'is missing' : 'is not valid JSON (truncated?)')
  }
  if (manifest.format !== FORMAT_VERSION) throw new IndexMissing(`the index in ${dir} has format ${manifest.format}, this version reads ${FORMAT_VERSION}`)
  const files = Object.values(FILES).filter((file) => file !== FILES.manifest)
  for (const file of files) {
    const expected = manifest.checks?.[file]
    if (!expected) throw damaged(dir, file, 'has no checksum in the manifest')
    let bytes: number
    try {
      bytes = statSync(path.join(dir, file)).size
    } catch {
      throw damaged(dir, file, 'is missing')
    }
    if (bytes !== expected.bytes) throw damaged(dir, file, `has ${bytes} bytes where the manifest says ${expected.bytes} (truncated or replaced)`)
  }
  const digests = await Promise.all(files.map((file) => sha256File(path.join(dir, file))))
  files.forEach((file, i) => {
    if (digests[i] !== manifest.checks[file].sha256) throw damaged(dir, file, 'does not match its checksum (changed, or copied from another build)')
  })
  return manifest
}

/** Counts a verified build must also agree with (its files could be consistent yet written for another manifest). */
export function checkCount(dir: string, what: 'documents' | 'chunks' | 'vectors', found: number, expected: number): void {
  const file = { documents: FILES.docs, chunks: FILES.chunks, vectors: FILES.vectors }[what]
  if (found !== expected) throw damaged(dir, file, `holds ${found} ${what} where the manifest says ${expected}`)
}

export interface ServedBuild {
  dir: string
  manifest: Manifest
  /** set when CURRENT's build was refused and the previous good build is served instead */
  refused?: { buildId: string; reason: string }
}

/**
 * The build to serve: the one CURRENT names when it verifies, else the previous build when that one
 * does (with the reason the named one was refused). IndexMissing when there is no build; the named
 * build's IndexDamaged when no fallback verifies either.
 */
export async function verifiedServedBuild(indexDir: string): Promise<ServedBuild> {
  const named = namedBuild(indexDir)
  if (!named) throw new IndexMissing(`no index in ${indexDir} yet`)
  const dir = buildDir(indexDir, named)
  try {
    return { dir, manifest: await verifyBuild(dir) }
  } catch (error) {
    const previous = previousBuild(indexDir)
    if (!(error instanceof IndexMissing) || !previous || previous === named) throw error
    const fallback = buildDir(indexDir, previous)
    const manifest = await verifyBuild(fallback).catch(() => undefined)
    if (!manifest) throw error
    return { dir: fallback, manifest, refused: { buildId: named, reason: (error as Error).message } }
  }
}

export interface StoredBuild {
  dir: string
  manifest: Manifest
  docs: ReplyDocument[]
  chunks: StoredChunk[]
}

/** Documents and chunks of a verified build, their counts checked against the manifest. */
export function readBuild({ dir, manifest }: ServedBuild): StoredBuild {
  const docs = readJson<ReplyDocument[]>(dir, FILES.docs)
  const chunks = readJson<StoredChunk[]>(dir, FILES.chunks)
  checkCount(dir, 'documents', docs.length, manifest.documents)
  checkCount(dir, 'chunks', chunks.length, manifest.chunks)
  return { dir, manifest, docs, chunks }
}

export class IngestLocked extends Error {}


/** a lock file without its pid yet is being written; past this, its writer died before it could */
const LOCK_WRITE_GRACE_MS = 10_000
/** locks this process holds */
const heldHere = new Set<string>()

/**
 * One ingest at a time per index folder. The lock is created with an exclusive open (`wx`) and holds
 * "<pid>\n"; it is stale only when that process is gone (a killed ingest), and then taken over. A lock
 * still empty or without its newline is one being written by a live process: not stale, unless it stayed
 * so for LOCK_WRITE_GRACE_MS.
 */
export function acquireLock(indexDir: string): () => void {
  mkdirSync(indexDir, { recursive: true })
  const lock = path.join(indexDir, LOCK)
  for (;;) {
    try {
      const fd = openSync(lock, 'wx', 0o644)
      writeFileSync(fd, `${process.pid}\n`)
      closeSync(fd)
      heldHere.add(lock)
      return () => {
        heldHere.delete(lock)
        rmSync(lock, { force: true })
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const holder = lockHolder(lock)
    if (holder.held) throw new IngestLocked(`another ingest (${holder.who}) is updating ${indexDir}`)
    takeOver(lock, holder.content)
  }
}

function lockHolder(lock: string): { held: true; who: string } | { held: false; content: string } {
  let content: string
  let age: number
  try {
    content = readFileSync(lock, 'utf8')
    age = Date.now() - statSync(lock).mtimeMs
  } catch {
    return { held: false, content: '' } // released meanwhile: try again
  }
  const pid = Number(/^(\d+)\n$/.exec(content)?.[1])
  if (!pid) return age < LOCK_WRITE_GRACE_MS ? { held: true, who: 'starting' } : { held: false, content }
  // Our own pid on a lock this process does not hold: left by an earlier process that had our pid (containers reuse them).
  const alive = pid === process.pid ? heldHere.has(lock) : isAlive(pid)
  return alive ? { held: true, who: `pid ${pid}` } : { held: false, content }
}

/**
 * Removes a stale lock without ever removing a live one: the lock is moved aside by an atomic rename,
 * and if what was moved is not the stale content judged before (another ingest took over in between
 * and wrote its own), it is put back.
 */
function takeOver(lock: string, staleContent: string): void {
  const aside = `${lock}.${process.pid}.stale`
  try {
    renameSync(lock, aside)
  } catch {
    return // gone already
  }
  const moved = readFileSync(aside, 'utf8')
  if (moved !== staleContent) {
    try {
      linkSync(aside, lock) // exclusive: fails if a third ingest locked meanwhile
    } catch {
      // that ingest holds the folder now; ours will find its lock
    }
  }
  unlinkSync(aside)
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
