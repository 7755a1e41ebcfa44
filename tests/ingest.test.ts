import assert from 'node:assert/strict'
import { appendFileSync, copyFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { KnowledgeBase, ingest } from '../index/index.js'
import { FIXTURE_CORPUS, fixtureCorpus as corpusCopy } from './support/corpus-index.js'

const corpusFiles = readdirSync(FIXTURE_CORPUS).length

test('bad files are skipped with a reason while the good ones, PDF and DOCX included, are indexed', async () => {
  const { corpusDir, indexDir } = corpusCopy()
  writeFileSync(path.join(corpusDir, 'empty.txt'), '')
  writeFileSync(path.join(corpusDir, 'broken.pdf'), '%PDF-1.7 truncated in transit')
  writeFileSync(path.join(corpusDir, 'notes.xlsx'), 'not a reply')
  for (const file of ['sample-reply.pdf', 'sample-reply.docx']) copyFileSync(path.join('tests/fixtures', file), path.join(corpusDir, file))

  const summary = await ingest({ corpusDir, indexDir })
  assert.equal(summary.published, true)
  // The PDF and the DOCX hold the same reply: read alike, the second is indexed once, as the first.
  assert.deepEqual(summary.duplicates, [{ file: 'sample-reply.pdf', sameAs: 'sample-reply.docx' }])
  assert.equal(summary.documents, corpusFiles + 1)
  const reasons = Object.fromEntries(summary.skipped.map(({ file, reason }) => [file, reason]))
  assert.match(reasons['empty.txt'], /empty/)
  assert.match(reasons['broken.pdf'], /corrupt PDF/)
  assert.match(reasons['notes.xlsx'], /unsupported/)
  const kb = await KnowledgeBase.open(indexDir)
  assert.deepEqual(
    kb.documents.filter((doc) => doc.file.startsWith('sample-reply')).map((doc) => doc.number),
    ['001'],
  )
})

test('re-running ingest embeds only what changed and drops removed files', async () => {
  const { corpusDir, indexDir } = corpusCopy()
  const first = await ingest({ corpusDir, indexDir })
  assert.equal(first.embedded, first.chunks)

  const unchanged = await ingest({ corpusDir, indexDir })
  assert.equal(unchanged.embedded, 0)
  assert.equal(unchanged.reused, first.chunks)

  appendFileSync(path.join(corpusDir, '031_jingan_rd2-6-126_shequshitang.txt'), '\n今年还将新增社区长者食堂三家，方便老年人就近用餐。\n')
  rmSync(path.join(corpusDir, '026_changzhou_tianning_rd_yingchunbuxingjie.txt'))
  const changed = await ingest({ corpusDir, indexDir })
  assert.equal(changed.documents, first.documents - 1)
  assert.ok(changed.embedded >= 1 && changed.embedded <= 3, `embedded ${changed.embedded}`)
  const kb = await KnowledgeBase.open(indexDir)
  assert.equal(kb.getDocument('026_changzhou_tianning_rd_yingchunbuxingjie'), undefined)
  const [hit] = await kb.search('新增社区长者食堂三家', { k: 1, ranking: 'keyword' })
  assert.match(hit.chunk.text, /新增社区长者食堂三家/)
})
