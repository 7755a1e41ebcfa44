import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DEFAULT_TUNING, IndexMissing, KnowledgeBase, type Ranking } from '../../index/index.js'
import { SEED_ID, chunkContaining, corpusKnowledgeBase } from '../support/corpus-index.js'

let kb: KnowledgeBase
before(async () => {
  kb = await corpusKnowledgeBase()
})

const rankings: Ranking[] = ['dense', 'keyword', 'fused']
const cases = [
  { query: '创业培训', phrase: '马兰花计划' },
  { query: '网办率', phrase: '91.02%' },
]

for (const ranking of rankings) {
  for (const { query, phrase } of cases) {
    test(`${ranking} ranking finds the passage with ${phrase} for “${query}” in the top 3`, async () => {
      const expected = chunkContaining(kb, SEED_ID, phrase)
      assert.ok(expected, `the seed reply has a chunk with ${phrase}`)
      const hits = await kb.search(query, { k: 3, ranking })
      assert.ok(hits.some((hit) => hit.chunk.id === expected.id), hits.map((hit) => hit.chunk.text.slice(0, 30)).join(' | '))
    })
  }
}

test('hits carry document metadata, section path, verbatim text and the scores of each ranking', async () => {
  const [hit] = await kb.search('创业培训', { k: 1 })
  assert.equal(hit.chunk.text, hit.doc.text.slice(hit.chunk.start, hit.chunk.end))
  assert.ok(hit.chunk.section.length > 0)
  assert.ok(hit.dense! > 0 && hit.dense! <= 1)
  assert.ok(hit.keyword! > 0)
  assert.ok(hit.fused > 0)
  assert.equal(hit.doc.unit, '长宁区科学技术委员会')
})

test('a signature block (签发人, 联系人, phone) is never a search result, even when asked for in its own words', async () => {
  const signatures = kb.chunks.filter((chunk) => chunk.section[0] === '落款')
  assert.ok(signatures.length >= 3, `${signatures.length} signature blocks`)
  for (const signature of signatures) {
    for (const ranking of rankings) {
      const hits = await kb.search(signature.text, { k: 5, ranking })
      assert.ok(hits.length > 0 && hits.every((hit) => hit.chunk.section[0] !== '落款'), `${ranking}: ${signature.id}`)
    }
  }
})

test('filters restrict the search by number, proposer, unit, kind and year', async () => {
  const onlyDocs = async (filters: Parameters<KnowledgeBase['search']>[1]) =>
    new Set((await kb.search('建议', { k: 50, ...filters })).map((hit) => hit.doc.id))
  assert.deepEqual(await onlyDocs({ filters: { number: '84' } }), new Set([SEED_ID]))
  const proposer = await onlyDocs({ filters: { proposer: '辛洁暐' } })
  assert.ok(proposer.has(SEED_ID) && proposer.size === 2, [...proposer].join())
  // Each filter must keep some documents: a loop over an empty set would assert nothing.
  const suggestions = await onlyDocs({ filters: { kind: '代表建议' } })
  assert.ok(suggestions.size > 0)
  for (const id of suggestions) assert.equal(kb.getDocument(id)?.kind, '代表建议')
  const of2024 = await onlyDocs({ filters: { year: 2024 } })
  assert.ok(of2024.has(SEED_ID))
  for (const id of of2024) assert.match(kb.getDocument(id)?.date ?? '', /^2024/)
  assert.deepEqual(await onlyDocs({ filters: { unit: '长宁区科学技术委员会', year: 2023 } }), new Set())
})

test('getSection returns a heading and everything under it, verbatim', () => {
  const section = kb.getSection(SEED_ID, ['二、对提案建议的答复', '（二）具体举措', '3、关于做好“科创+经济”的建议'])
  assert.ok(section)
  assert.ok(section.text.startsWith('3、关于做好“科创+经济”的建议\n一是加强政策申报引导。'))
  assert.ok(section.text.endsWith('实施创业实践。'))
  assert.equal(section.text, section.doc.text.slice(section.start, section.end))
  assert.equal(kb.getSection(SEED_ID, ['九、不存在']), undefined)
})

test('a build parsed in a worker thread (as large builds are) serves the same documents, chunks and results', async () => {
  const indexDir = path.dirname(path.dirname(kb.dir))
  const offThread = await KnowledgeBase.open(indexDir, DEFAULT_TUNING, { offThreadBytes: 0 })
  assert.equal(offThread.buildId, kb.buildId)
  assert.deepEqual(offThread.documents, kb.documents)
  assert.deepEqual(offThread.chunks, kb.chunks)
  for (const query of ['创业培训', '网办率', '社区食堂']) {
    const ids = async (base: KnowledgeBase) => (await base.search(query, { k: 10 })).map((hit) => [hit.chunk.id, hit.fused])
    assert.deepEqual(await ids(offThread), await ids(kb))
  }
  assert.equal(offThread.usesCharacter('暐'), true)
  assert.equal(offThread.usesCharacter('鱻'), false)
})

test('a missing build is IndexMissing from the worker too', async () => {
  await assert.rejects(KnowledgeBase.open(path.join(tmpdir(), 'dafu-no-index'), DEFAULT_TUNING, { offThreadBytes: 0 }), IndexMissing)
})
