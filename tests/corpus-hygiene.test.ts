/** What a staff member's messy corpus folder does to an ingest: nothing aborts, everything is reported. */
import assert from 'node:assert/strict'
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { DEFAULT_CORPUS_DIR, KnowledgeBase, ingest } from '../index/index.js'
import { listCorpus } from '../index/corpus.js'
import { NESTED, SMALL, messyCorpus } from './support/messy-corpus.js'

test('symlink loops, a dangling link, a folder link back up and a named pipe are skipped with a reason; the subfolder is read', () => {
  const { corpusDir } = messyCorpus()
  const listing = listCorpus(corpusDir)
  assert.deepEqual(listing.supported, [...SMALL, `2020/zhengzhou/${NESTED}`])
  assert.deepEqual(listing.folders, ['2020', '2020/zhengzhou'])
  const reasons = Object.fromEntries(listing.skipped.map(({ file, reason }) => [file, reason]))
  assert.match(reasons['loop-a.txt'], /symlink loop/)
  assert.match(reasons['loop-b.txt'], /symlink loop/)
  assert.match(reasons['dangling.txt'], /dangling symlink/)
  assert.match(reasons['2020/back-up/'], /symlink loop/)
  assert.match(reasons['pipe.txt'], /not a regular file/)
})

test('a reply in a subfolder gets its path as id, and two files of the same name in two folders stay apart', async () => {
  const { corpusDir, indexDir } = messyCorpus()
  mkdirSync(path.join(corpusDir, '2021'))
  // Same name, other text: a later reply filed under another year.
  writeFileSync(
    path.join(corpusDir, '2021', NESTED),
    readFileSync(path.join(DEFAULT_CORPUS_DIR, NESTED), 'utf8').replace('暂未拿出方案', '方案已于2021年3月完成'),
  )
  const summary = await ingest({ corpusDir, indexDir })
  assert.equal(summary.documents, 4)
  const kb = await KnowledgeBase.open(indexDir)
  const ids = kb.documents.map((doc) => doc.id).sort()
  assert.deepEqual(ids, [
    ...SMALL.map((file) => file.replace('.txt', '')),
    `2020/zhengzhou/${NESTED.replace('.txt', '')}`,
    `2021/${NESTED.replace('.txt', '')}`,
  ])
  const [hit] = await kb.search('方案已于2021年3月完成', { k: 1, ranking: 'keyword' })
  assert.equal(hit.doc.file, `2021/${NESTED}`)
})

test('the same reply under two names is indexed and cited once, with a warning naming both files', async () => {
  const { corpusDir, indexDir } = messyCorpus()
  // A second download of one reply: other name, other folder, CRLF line ends and full-width spaces.
  const original = readFileSync(path.join(corpusDir, SMALL[1]), 'utf8')
  writeFileSync(path.join(corpusDir, '2020', 'copy-of-0124.txt'), original.replace(/\n/g, '\r\n').replace(/市交通委:/, '市交通委:\u3000'))
  const summary = await ingest({ corpusDir, indexDir })
  assert.deepEqual(summary.duplicates, [{ file: '2020/copy-of-0124.txt', sameAs: SMALL[1] }])
  assert.equal(summary.documents, 3)
  const kb = await KnowledgeBase.open(indexDir)
  const hits = await kb.search('少年村路车站设立公交候车亭', { k: 5 })
  const citing = new Set(hits.filter((hit) => /公交候车亭/.test(hit.chunk.text)).map((hit) => hit.doc.file))
  assert.deepEqual([...citing], [SMALL[1]])
})

test('the summary lists added, changed and removed documents against the build served before', async () => {
  const { corpusDir, indexDir } = messyCorpus()
  const first = await ingest({ corpusDir, indexDir })
  assert.equal(first.added.length, 3)
  assert.deepEqual([first.changed, first.removed], [[], []])

  rmSync(path.join(corpusDir, SMALL[0]))
  writeFileSync(path.join(corpusDir, SMALL[1]), readFileSync(path.join(corpusDir, SMALL[1]), 'utf8') + '\n特此函复。\n')
  copyFileSync(path.join(DEFAULT_CORPUS_DIR, '031_jingan_rd2-6-126_shequshitang.txt'), path.join(corpusDir, 'new.txt'))
  const second = await ingest({ corpusDir, indexDir })
  assert.deepEqual(second.added, ['new.txt'])
  assert.deepEqual(second.changed, [SMALL[1]])
  assert.deepEqual(second.removed, [SMALL[0]])

  rmSync(path.join(corpusDir, 'new.txt'))
  const third = await ingest({ corpusDir, indexDir })
  assert.deepEqual(third.removed, ['new.txt'])
})
