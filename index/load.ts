/**
 * Opening a build without stalling the process that serves questions: at 100 000 passages, reading and
 * parsing its JSON takes seconds of main-thread time (measured: ~10 s of parse and ~25 s of keyword
 * index load on this loaded 2-core machine). A worker thread parses; the main thread receives the
 * result in small pieces (pieces.ts) between which the event loop keeps running.
 */
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { Assembler } from './pieces.js'
import type { WorkerReply } from './load-worker.js'
import { tsWorker } from './ts-worker.js'
import { FILES, IndexDamaged, IndexMissing, readBuild, type ServedBuild, type StoredBuild } from './store.js'

/**
 * Builds whose JSON files are smaller than this are parsed on the main thread: a few tens of
 * milliseconds at most, less than starting a worker (1–3 s here). The corpus of this repository is ~0.3 MB.
 */
export const OFF_THREAD_BYTES = 4_000_000

export interface LoadedBuild extends StoredBuild {
  /** keywords.json as stored */
  keywords: unknown
  /** every character the documents use, once */
  characters: string
}

/** A verified build, parsed off the main thread when large. */
export function loadBuild(served: ServedBuild, offThreadBytes = OFF_THREAD_BYTES): Promise<LoadedBuild> {
  return jsonBytes(served.dir) < offThreadBytes ? Promise.resolve(parseBuild(served)) : parseInWorker(served)
}

/** What loadBuild returns, parsed in the calling thread (the worker's own work, too). */
export function parseBuild(served: ServedBuild): LoadedBuild {
  const build = readBuild(served)
  const keywords: unknown = JSON.parse(readFileSync(path.join(build.dir, FILES.keywords), 'utf8'))
  const characters = new Set<string>()
  for (const doc of build.docs) for (const char of doc.text) characters.add(char)
  return { ...build, keywords, characters: [...characters].join('') }
}

function jsonBytes(dir: string): number {
  return [FILES.docs, FILES.chunks, FILES.keywords].reduce((sum, file) => sum + (statSync(path.join(dir, file), { throwIfNoEntry: false })?.size ?? 0), 0)
}

function parseInWorker(served: ServedBuild): Promise<LoadedBuild> {
  const worker = tsWorker(new URL('./load-worker.ts', import.meta.url), { dir: served.dir, manifest: served.manifest })
  const assembler = new Assembler()
  return new Promise<LoadedBuild>((resolve, reject) => {
    worker.on('message', (reply: WorkerReply) => {
      if ('piece' in reply) {
        assembler.add(reply.piece)
        worker.postMessage('next')
      } else if ('done' in reply) {
        resolve(assembler.value as LoadedBuild)
      } else {
        const { name, message } = reply.error
        reject(name === IndexDamaged.name ? new IndexDamaged(message) : name === IndexMissing.name ? new IndexMissing(message) : new Error(message))
      }
    })
    worker.on('error', reject)
    worker.on('exit', (code) => reject(new Error(`the index loader stopped (exit code ${code}) before it was done`)))
    worker.postMessage('next')
  })
}
