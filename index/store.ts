/**
 * The index folder on disk. Each build lives in its own subfolder `builds/<id>/`; the file `CURRENT`
 * names the one being served and is replaced by an atomic rename. So a reader never sees a half-written
 * build, there is no moment without an index (renaming a non-empty folder over another is impossible),
 * and an interrupted build is just an unreferenced folder that the next ingest removes.
 */
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, readdirSync, rmSync, writeFileSync, renameSync, unlinkSync, linkSync, statSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
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
const BUILDS = 'builds'
const LOCK = 'ingest.lock'
export const FORMAT_VERSION = 2

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
  files: Record<string, CorpusFileEntry>
  skipped: { file: string; reason: string }[]
}

export interface StoredChunk extends Chunk {
  /** sha256 of the text that was embedded: lets a rebuild reuse a vector instead of re-embedding */
  embeddingKey: string
}

export function currentPointer(indexDir: string): string {
  return path.join(indexDir, CURRENT)
}

/** The folder of the build being served, or null when none has been built. */
export function currentBuild(indexDir: string): string | null {
  const pointer = currentPointer(indexDir)
  if (!existsSync(pointer)) return null
  const id = readFileSync(pointer, 'utf8').trim()
  const dir = path.join(indexDir, BUILDS, id)
  return id && existsSync(path.join(dir, FILES.manifest)) ? dir : null
}

export function newBuildDir(indexDir: string): { id: string; dir: string } {
  // Time first so builds sort by age; the random part keeps two builds in one millisecond apart.
  const id = `${new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').slice(0, 19)}-${randomBytes(3).toString('hex')}`
  const dir = path.join(indexDir, BUILDS, id)
  mkdirSync(dir, { recursive: true })
  return { id, dir }
}

/** Makes `id` the served build, then removes builds other than it and the one it replaced. */
export function publishBuild(indexDir: string, id: string): void {
  const pointer = currentPointer(indexDir)
  const previous = existsSync(pointer) ? readFileSync(pointer, 'utf8').trim() : null
  writeFileSync(`${pointer}.tmp`, id + '\n')
  renameSync(`${pointer}.tmp`, pointer)
  // The previous build stays one more round: a reader that read CURRENT just before may be loading it.
  removeBuildsExcept(indexDir, [id, previous])
}

export function removeBuildsExcept(indexDir: string, keep: (string | null)[]): void {
  const builds = path.join(indexDir, BUILDS)
  if (!existsSync(builds)) return
  for (const name of readdirSync(builds)) {
    if (!keep.includes(name)) rmSync(path.join(builds, name), { recursive: true, force: true })
  }
}

export function writeJson(dir: string, file: string, value: unknown): void {
  writeFileSync(path.join(dir, file), JSON.stringify(value))
}

export function readJson<T>(dir: string, file: string): T {
  return JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as T
}

export interface StoredBuild {
  dir: string
  manifest: Manifest
  docs: ReplyDocument[]
  chunks: StoredChunk[]
}

/** The build `indexDir/CURRENT` names; IndexMissing when there is none. */
export function readServedBuild(indexDir: string): StoredBuild {
  const dir = currentBuild(indexDir)
  if (!dir) throw new IndexMissing(`no index in ${indexDir}: run npm run ingest`)
  return readBuild(dir)
}

export function readBuild(dir: string): StoredBuild {
  const manifest = readJson<Manifest>(dir, FILES.manifest)
  if (manifest.format !== FORMAT_VERSION) throw new IndexMissing(`the index in ${dir} has format ${manifest.format}, this version reads ${FORMAT_VERSION}: run npm run ingest`)
  return { dir, manifest, docs: readJson(dir, FILES.docs), chunks: readJson(dir, FILES.chunks) }
}

export class IngestLocked extends Error {}

/** No index to serve: none built yet, or one from an older version of the format (ingest rebuilds it, reusing its vectors). */
export class IndexMissing extends Error {}

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
