import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Assembler, piecesOf } from '../index/pieces.js'

test('a large value cut into pieces is put back together exactly, no piece over twice the 64 KB aimed at', () => {
  const passage = (i: number) => `第${i}段：推进“一网通办”，网办率达到91.02%。`.repeat(1 + (i % 5))
  const value = {
    manifest: { buildId: 'b1', chunks: 20_000 },
    chunks: Array.from({ length: 20_000 }, (_, i) => ({ id: `d#${i}`, section: ['一、', `（${i}）`], start: i, end: i + 9, text: passage(i) })),
    keywords: {
      index: {
        documentIds: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [String(i), i])),
        // one term found in every passage: a single entry larger than a piece
        index: [['的', { 0: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [String(i), 1 + (i % 3)])) }], ['网办率', { 0: { 7: 2 } }]],
      },
      df: { 的: 20_000, 网办率: 1 },
    },
    empty: [],
    characters: '推进网办',
  }
  const assembler = new Assembler()
  let pieces = 0
  for (const piece of piecesOf(value)) {
    pieces++
    assert.ok(JSON.stringify(piece).length < 128_000, `piece at ${piece.path.join('.')} is ${JSON.stringify(piece).length} characters`)
    assembler.add(structuredClone(piece))
  }
  assert.ok(pieces > 20, `${pieces} pieces`)
  assert.deepEqual(assembler.value, value)
})

test('a small value is one piece', () => {
  const pieces = [...piecesOf({ a: [1, 2, 3], b: 'x' })]
  assert.deepEqual(pieces, [{ path: [], value: { a: [1, 2, 3], b: 'x' } }])
})
