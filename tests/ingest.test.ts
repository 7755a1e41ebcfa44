import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
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

test('an ingest killed midway leaves the previous index serving, and the next one succeeds', async () => {
  const { corpusDir, indexDir } = corpusCopy()
  const before = await ingest({ corpusDir, indexDir })
  // Change every file so the next ingest has a lot to embed, then kill it while it embeds.
  for (const file of readdirSync(corpusDir)) appendFileSync(path.join(corpusDir, file), '\n（本件已更新。）\n')
  const child = spawn(process.execPath, ['--import', 'tsx', 'index/cli/ingest.ts', '--corpus', corpusDir, '--index', indexDir], { stdio: ['ignore', 'ignore', 'pipe'] })
  await new Promise<void>((resolve) => {
    child.stderr.on('data', (data: Buffer) => {
      if (data.toString().includes('embed')) child.kill('SIGKILL')
    })
    child.on('exit', () => resolve())
  })
  assert.equal(child.signalCode, 'SIGKILL')

  const kb = await KnowledgeBase.open(indexDir)
  assert.equal(kb.buildId, before.buildId)
  assert.equal(kb.documents.length, before.documents)
  const after = await ingest({ corpusDir, indexDir })
  assert.equal(after.published, true)
  assert.notEqual((await KnowledgeBase.open(indexDir)).buildId, before.buildId)
})

test('npm run docs -- --json lists every document with its metadata, one JSON object per line', async () => {
  const { corpusDir, indexDir } = corpusCopy()
  await ingest({ corpusDir, indexDir })
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'index/cli/docs.ts', '--index', indexDir, '--json'], { encoding: 'utf8' })
  assert.equal(run.status, 0, run.stderr)
  const docs = run.stdout.trim().split('\n').map((line) => JSON.parse(line))
  assert.equal(docs.length, corpusFiles)
  const seed = docs.find((doc) => doc.number === '084')
  assert.equal(seed.file, 'changning-cppcc-15-3-084-reply.txt')
  assert.deepEqual(seed.proposers, ['辛洁暐', '仲静云', '叶笑樱'])
  assert.equal(seed.contact.phone, '52388345')
  assert.equal(seed.text, undefined, 'the text itself is not printed')
  const withSource = docs.find((doc) => doc.file.startsWith('002_'))
  assert.equal(withSource.sourceUrl, 'http://www.shpt.gov.cn/lrj/gyguanli/20191108/454517.html')
})
