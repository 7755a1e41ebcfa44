/**
 * A large parsed JSON value handed from a worker thread to the main thread in small pieces. Posting it
 * whole would make the main thread deserialize hundreds of megabytes in one go (the stall loading it in
 * a worker is meant to avoid); in pieces of ~PIECE_CHARS, each message costs the receiver a few
 * milliseconds and the event loop runs between them.
 *
 * Hand-written: structured clone and transferables cannot split an object graph, and no kept library does.
 */

/** A piece: make a container at `path`, append entries to it, or set a small value there. */
export type Piece =
  | { path: string[]; make: 'array' | 'object' }
  | { path: string[]; items: unknown[] }
  | { path: string[]; entries: [string, unknown][] }
  | { path: string[]; value: unknown }

/** about 64 KB of JSON per message: well under a millisecond of deserializing on an idle core */
const PIECE_CHARS = 64_000

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Roughly the length of `value` as JSON, without building the string. */
function weight(value: unknown): number {
  if (typeof value === 'string') return value.length + 2
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + weight(item) + 1, 2)
  if (isObject(value)) return Object.entries(value).reduce((sum, [key, item]) => sum + key.length + weight(item) + 4, 2)
  return String(value).length
}

/**
 * Cuts `value` into pieces of about PIECE_CHARS each: a large array or map goes as batches of its
 * entries, a record of a few fields field by field, and an entry too large for one piece is cut in turn.
 */
export function* piecesOf(value: unknown, path: string[] = [], size = weight(value)): Generator<Piece> {
  if (size <= PIECE_CHARS || !(Array.isArray(value) || isObject(value))) {
    yield { path, value }
    return
  }
  const asArray = Array.isArray(value)
  yield { path, make: asArray ? 'array' : 'object' }
  const entries: [string, unknown][] = asArray ? value.map((item, i) => [String(i), item]) : Object.entries(value)
  if (!asArray && entries.length < 64) {
    // A record of a few large fields: each field on its own.
    for (const [key, field] of entries) yield* piecesOf(field, [...path, key])
    return
  }
  let batch: [string, unknown][] = []
  let chars = 0
  const flush = function* (): Generator<Piece> {
    if (batch.length > 0) yield asArray ? { path, items: batch.map(([, item]) => item) } : { path, entries: batch }
    batch = []
    chars = 0
  }
  for (const [key, item] of entries) {
    const itemSize = weight(item)
    if (itemSize > PIECE_CHARS) {
      yield* flush()
      yield* piecesOf(item, [...path, key], itemSize)
      continue
    }
    batch.push([key, item])
    chars += itemSize + key.length + 4
    if (chars >= PIECE_CHARS) yield* flush()
  }
  yield* flush()
}

/** Puts pieces back together, in the order they were cut. */
export class Assembler {
  private root: unknown

  add(piece: Piece): void {
    if ('make' in piece) this.set(piece.path, piece.make === 'array' ? [] : {})
    else if ('value' in piece) this.set(piece.path, piece.value)
    else if ('items' in piece) {
      const target = this.at(piece.path) as unknown[]
      for (const item of piece.items) target.push(item)
    } else {
      const target = this.at(piece.path) as Record<string, unknown>
      for (const [key, value] of piece.entries) target[key] = value
    }
  }

  get value(): unknown {
    return this.root
  }

  private at(path: string[]): unknown {
    return path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], this.root)
  }

  private set(path: string[], value: unknown): void {
    if (path.length === 0) this.root = value
    else (this.at(path.slice(0, -1)) as Record<string, unknown>)[path[path.length - 1]] = value
  }
}
