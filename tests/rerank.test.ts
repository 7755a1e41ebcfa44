import assert from 'node:assert/strict'
import { mkdtempSync, truncateSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { Reranker, type Candidate } from '../index/rerank.js'
import { passageSentences, readSentenceVectors, writeSentenceVectors } from '../index/sentences.js'
import type { ReplyDocument } from '../index/types.js'

function doc(id: string, text: string): ReplyDocument {
  return { id, file: `${id}.txt`, partial: false, structured: false, proposers: [], text }
}

function candidate(label: number, document: ReplyDocument, text: string): Candidate {
  const start = document.text.indexOf(text)
  return { label, doc: document, fused: 1, chunk: { id: `${document.id}#${label}`, docId: document.id, section: [], start, end: start + text.length, text } }
}

const rareEverywhere = { documentFrequency: () => 1, passages: 100 }

test('proximity prefers the passage holding the question’s words in one sentence over one scattering them', () => {
  const together = '今年起，老年助餐点将为八十岁以上老人提供送餐上门服务。其他工作按计划推进。'
  const scattered = '今年起，助餐点数量继续增加。八十岁以上的居民可申请补贴。送餐服务正在试点。上门探访另行安排。'
  const a = doc('a', `社区工作答复\n${together}`)
  const b = doc('b', `社区工作答复\n${scattered}`)
  const [first, second] = new Reranker(rareEverywhere).signals('八十岁以上老人送餐上门', undefined, [candidate(0, b, scattered), candidate(1, a, together)])
  assert.ok(second.proximity > first.proximity, `${second.proximity} vs ${first.proximity}`)
  assert.ok(second.proximity > 0.8)
})

test('the title signal counts the question’s words that the document’s heading line names', () => {
  const body = '该项目于去年年底完工，目前运行平稳。'
  const named = doc('named', `苏州河滨水步道建设情况说明\n${body}`)
  const other = doc('other', `城市更新工作情况说明\n${body}`)
  const [a, b] = new Reranker(rareEverywhere).signals('苏州河步道什么时候完工', undefined, [candidate(0, named, body), candidate(1, other, body)])
  assert.ok(a.title > 0.3 && b.title === 0, `${a.title} vs ${b.title}`)
  // The passages are the same text, so proximity cannot tell them apart.
  assert.equal(a.proximity, b.proximity)
})

test('the sentence signal ranks candidates by the best cosine of one sentence, from the stored sentence vectors', () => {
  const unit = (values: number[]) => Float32Array.from({ length: 512 }, (_, i) => values[i] ?? 0)
  const query = unit([1])
  const vectors = [[unit([0, 1]), unit([0.6, 0.8])], [unit([0, 0, 1])]]
  const d = doc('d', '甲。乙。\n丙。')
  const [a, b] = new Reranker({ ...rareEverywhere, sentenceVectors: (label) => vectors[label] }).signals('甲', query, [candidate(0, d, '甲。乙。'), candidate(1, d, '丙。')])
  assert.equal(a.sentence, 1)
  assert.equal(b.sentence, 0)
})

test('sentence vectors survive the build file, and a file whose size does not add up is refused', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dafu-sentences-'))
  const file = path.join(dir, 'sentences.bin')
  const v = (x: number) => Float32Array.from({ length: 512 }, (_, i) => (i === 0 ? x : 0))
  writeSentenceVectors(file, [[v(1), v(2)], [], [v(3)]])
  const read = readSentenceVectors(file)
  assert.deepEqual(read.map((list) => list.map((vector) => vector[0])), [[1, 2], [], [3]])
  writeSentenceVectors(file, [[v(1)]])
  truncateSync(file, 100)
  assert.throws(() => readSentenceVectors(file), /size does not match/)
})

test('a passage’s sentences are its sentence spans, trimmed, in order', () => {
  assert.deepEqual(passageSentences('一是加强引导。二是推动培育；\n三是提升能级'), ['一是加强引导。', '二是推动培育；', '三是提升能级'])
})
