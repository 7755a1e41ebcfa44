import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Reranker } from '../../index/rerank.js'
import type { Chunk } from '../../index/types.js'
import { corpusKnowledgeBase } from '../support/corpus-index.js'

function chunk(id: string, text: string): Chunk {
  return { id, docId: id, section: [], start: 0, end: text.length, text }
}

const untitled = () => ''
const rareEverywhere = { idf: () => 4, topic: untitled }

test('proximity prefers the passage holding the question’s words in one sentence over one scattering them', () => {
  const together = chunk('a', '今年起，老年助餐点将为八十岁以上老人提供送餐上门服务。其他工作按计划推进。')
  const scattered = chunk('b', '今年起，助餐点数量继续增加。八十岁以上的居民可申请补贴。送餐服务正在试点。上门探访另行安排。')
  const [b, a] = new Reranker(rareEverywhere).signals('八十岁以上老人送餐上门', [scattered, together])
  assert.ok(a.proximity > b.proximity, `${a.proximity} vs ${b.proximity}`)
  assert.ok(a.proximity > 0.8 && a.proximity <= 1)
})

test('proximity weighs a rare word above a common one', () => {
  const rare = chunk('rare', '苏州河步道已完工。')
  const common = chunk('common', '工作已完成并持续推进。')
  const idf = (term: string) => (['工作', '推进', '完成'].includes(term) ? 0.1 : 3.7)
  const [r, c] = new Reranker({ idf, topic: untitled }).signals('苏州河步道工作推进', [rare, common])
  assert.ok(r.proximity > c.proximity, `${r.proximity} vs ${c.proximity}`)
})

test('words no candidate contains do not dilute the shares', () => {
  const only = chunk('only', '长者食堂已开业。')
  const [withNoise] = new Reranker(rareEverywhere).signals('长者食堂 量子 引力 航天', [only])
  const [plain] = new Reranker(rareEverywhere).signals('长者食堂', [only])
  assert.equal(withNoise.proximity, plain.proximity)
})

test('every sentence of a document holds its title: the one repeating the title gains nothing by it over the one that answers', () => {
  const title = '某市公共租赁住房租金补贴管理办法'
  const closing = chunk('closing', '第二十条 本办法自公布之日起施行，原《某市公共租赁住房租金补贴管理暂行办法》同时废止。')
  const answering = chunk('answering', '第八条 低保家庭按每人每月300元发放。')
  const query = '低保家庭的公共租赁住房租金补贴有多少'
  const [c, a] = new Reranker({ ...rareEverywhere, topic: () => title }).signals(query, [closing, answering])
  assert.ok(a.proximity > c.proximity, `${a.proximity} vs ${c.proximity}`)
  // Without the title, the closing article's repeated words put it first.
  const [c0, a0] = new Reranker(rareEverywhere).signals(query, [closing, answering])
  assert.ok(c0.proximity > a0.proximity, `${c0.proximity} vs ${a0.proximity}`)
})

test('fused search returns its top candidates in second-stage order; dense and keyword rankings stay first-stage', async () => {
  const kb = await corpusKnowledgeBase()
  const query = '老年人就近用餐'
  const hits = await kb.search(query, { k: 10 })
  assert.ok(hits.length > 3)
  for (const [i, hit] of hits.entries()) {
    assert.equal(typeof hit.rerank, 'number')
    if (i > 0) assert.ok(hits[i - 1].rerank! >= hit.rerank!)
  }
  const firstStage = await kb.withTuning({ rerank: { depth: 0 } }).search(query, { k: 10 })
  assert.deepEqual(new Set(firstStage.map((h) => h.chunk.id)), new Set(hits.map((h) => h.chunk.id)))
  assert.ok(firstStage.every((hit, i) => hit.rerank === undefined && (i === 0 || firstStage[i - 1].fused >= hit.fused)))
  assert.ok((await kb.search(query, { k: 5, ranking: 'keyword' })).every((hit) => hit.rerank === undefined))
})
