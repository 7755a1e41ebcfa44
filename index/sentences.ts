/**
 * Sentence vectors of a build: every passage's sentences embedded at ingest, so the second-stage ranking
 * can compare the question with each sentence without embedding anything per query. Stored in one
 * binary file: the passage count, each passage's sentence count, then the unit vectors in that order.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { MODEL_DIMENSION } from './model/location.js'
import { sentenceSpans } from './text.js'

/** The sentences of a passage as embedded: trimmed, empty ones left out. */
export function passageSentences(text: string): string[] {
  return sentenceSpans(text)
    .map(({ start, end }) => text.slice(start, end).trim())
    .filter(Boolean)
}

export function writeSentenceVectors(file: string, perPassage: Float32Array[][]): void {
  const header = Uint32Array.from([perPassage.length, ...perPassage.map((list) => list.length)])
  const body = new Float32Array(perPassage.reduce((n, list) => n + list.length, 0) * MODEL_DIMENSION)
  let at = 0
  for (const list of perPassage) for (const vector of list) body.set(vector, (at++) * MODEL_DIMENSION)
  writeFileSync(file, Buffer.concat([Buffer.from(header.buffer), Buffer.from(body.buffer)]))
}

/** The vectors of each passage's sentences, by passage position; throws on a file that does not add up. */
export function readSentenceVectors(file: string): Float32Array[][] {
  const bytes = readFileSync(file)
  const copy = new Uint8Array(bytes).buffer
  const passages = new Uint32Array(copy, 0, 1)[0]
  const counts = new Uint32Array(copy, 4, passages)
  const offset = 4 * (passages + 1)
  const total = counts.reduce((a, b) => a + b, 0)
  if (bytes.length !== offset + total * MODEL_DIMENSION * 4) throw new Error(`${file}: size does not match its ${passages} passages`)
  const out: Float32Array[][] = []
  let at = 0
  for (const count of counts) {
    const list: Float32Array[] = []
    for (let i = 0; i < count; i++, at++) list.push(new Float32Array(copy, offset + at * MODEL_DIMENSION * 4, MODEL_DIMENSION))
    out.push(list)
  }
  return out
}
