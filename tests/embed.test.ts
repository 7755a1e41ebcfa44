import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { DEFAULT_CORPUS_DIR, sentenceSpans } from '../index/index.js'
import { embedPassages, embedQuery, type EmbedOptions } from '../index/embed.js'

/** Sentences of different lengths from four corpus documents. */
function corpusSentences(): string[] {
  return readdirSync(DEFAULT_CORPUS_DIR)
    .filter((file) => file.endsWith('.txt'))
    .slice(0, 4)
    .flatMap((file) => {
      const text = readFileSync(path.join(DEFAULT_CORPUS_DIR, file), 'utf8')
      return sentenceSpans(text).map(({ start, end }) => text.slice(start, end).trim())
    })
    .filter((sentence) => sentence.length >= 4)
    .slice(0, 80)
}

const IN_PROCESS: EmbedOptions = { sessionThreads: 0, workers: 1, workersFrom: 0, probe: false }

function largestDifference(a: Float32Array[], b: Float32Array[]): number {
  let worst = 0
  a.forEach((vector, i) => vector.forEach((x, d) => (worst = Math.max(worst, Math.abs(x - b[i][d])))))
  return worst
}

test('embedding in worker processes gives the same vectors as in-process, in the same order', async () => {
  const texts = corpusSentences()
  assert.ok(texts.length >= 64, `${texts.length} sentences`)
  const serial = await embedPassages(texts, {}, IN_PROCESS)
  let progress = 0
  const parallel = await embedPassages(texts, { onEmbedded: (done) => (progress = done) }, { ...IN_PROCESS, workers: 2 })
  assert.equal(progress, texts.length)
  assert.equal(parallel.length, texts.length)
  assert.ok(largestDifference(serial, parallel) <= 1e-5, `largest difference ${largestDifference(serial, parallel)}`)
  // Different texts got different vectors (the order was kept, not one vector repeated).
  assert.ok(Math.abs(parallel[0][0] - parallel[1][0]) > 1e-4 || Math.abs(parallel[0][1] - parallel[1][1]) > 1e-4)
})

test('a large job that times both ways goes on with one, says which, counts each passage once and gives the same vectors', async () => {
  const texts = corpusSentences()
  const serial = await embedPassages(texts, {}, IN_PROCESS)
  const progress: number[] = []
  const ways: string[] = []
  const probed = await embedPassages(texts, { onEmbedded: (done) => progress.push(done), onWay: (way) => ways.push(way) }, { ...IN_PROCESS, workers: 2, probe: true })
  assert.equal(ways.length, 1)
  assert.ok(['session', 'workers'].includes(ways[0]), ways[0])
  assert.deepEqual(progress, texts.map((_, i) => i + 1))
  assert.ok(largestDifference(serial, probed) <= 1e-5, `largest difference ${largestDifference(serial, probed)}`)
})

test('a passage gets the same vector whatever it is embedded with, and the same as a question of its words', async () => {
  // The int8 model quantizes each call's activations together: were passages embedded in batches, a
  // passage's vector would move with its neighbours (cosine down to 0.990 measured) and away from a query's.
  const texts = corpusSentences().slice(0, 12)
  const together = await embedPassages(texts, {}, IN_PROCESS)
  const alone = await embedPassages([texts[7]], {}, IN_PROCESS)
  const asQuery = await embedQuery(texts[7], '')
  for (const other of [alone[0], asQuery]) {
    const worst = Math.max(...together[7].map((x, d) => Math.abs(x - other[d])))
    assert.ok(worst <= 1e-6, `largest difference ${worst}`)
  }
})
