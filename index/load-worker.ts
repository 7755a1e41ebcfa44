/**
 * Worker thread of index/load.ts: reads and parses the served build (documents, chunks, keyword index)
 * and the set of characters its documents use, then hands them over piece by piece, one per request,
 * so the main thread never parses or deserializes more than a piece at a time.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { parseBuild } from './load.js'
import { piecesOf, type Piece } from './pieces.js'
import { IndexMissing, type ServedBuild } from './store.js'

/** An IndexMissing (or IndexDamaged) error is sent as its situation, from which the main thread rebuilds it. */
export type WorkerReply = { piece: Piece } | { done: true } | { error: { name: string; message: string } }

const port = parentPort!
let pieces: Generator<Piece>
try {
  pieces = piecesOf(parseBuild(workerData as ServedBuild))
} catch (error) {
  const { name, message } = error as Error
  const text = error instanceof IndexMissing ? error.situation : message
  port.postMessage({ error: { name: error?.constructor?.name ?? name, message: text } } satisfies WorkerReply)
  process.exit(0)
}

port.on('message', () => {
  const next = pieces.next()
  port.postMessage((next.done ? { done: true } : { piece: next.value }) satisfies WorkerReply)
  if (next.done) port.close()
})
