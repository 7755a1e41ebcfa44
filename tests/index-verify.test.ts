/** An index that checks itself: a damaged build is refused by name, and the previous good build is served. */
import assert from 'node:assert/strict'
import { appendFileSync, copyFileSync, rmSync, truncateSync, statSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import pino from 'pino'
import { createAnswerEngine } from '../bot/answer/engine.js'
import { LiveKnowledge } from '../bot/live-knowledge.js'
import { DEFAULT_CORPUS_DIR, IndexMissing, KnowledgeBase, ingest } from '../index/index.js'
import { FILES, LATER, smallCorpus, twoBuilds } from './support/builds.js'

test('a truncated chunks.json is refused by name, and the previous good build is served', async () => {
  const { indexDir, first, second, buildFile } = await twoBuilds()
  const chunks = buildFile(second.buildId, 'chunks.json')
  truncateSync(chunks, Math.floor(statSync(chunks).size / 2))

  const kb = await KnowledgeBase.open(indexDir)
  assert.equal(kb.buildId, first.buildId)
  assert.equal(kb.refused?.buildId, second.buildId)
  assert.match(kb.refused!.reason, /chunks\.json/)
  assert.match(kb.refused!.reason, /npm run ingest/)
  const hits = await kb.search('新增社区长者食堂三家', { k: 5, ranking: 'keyword' })
  assert.ok(!hits.some((hit) => hit.chunk.text.includes('长者食堂')), 'the older build, without the added sentence, is served')
})

test('a vectors.hnsw copied in from another build is refused, and the next ingest does not reuse its vectors', async () => {
  const { corpusDir, indexDir, first, second, buildFile } = await twoBuilds()
  // Another corpus's build, same model and size class: its vectors would load without complaint.
  const other = smallCorpus()
  rmSync(path.join(other.corpusDir, FILES[2]))
  copyFileSync(path.join(DEFAULT_CORPUS_DIR, '031_jingan_rd2-6-126_shequshitang.txt'), path.join(other.corpusDir, 'other.txt'))
  const foreign = await ingest(other)
  copyFileSync(path.join(other.indexDir, 'builds', foreign.buildId!, 'vectors.hnsw'), buildFile(second.buildId, 'vectors.hnsw'))

  const kb = await KnowledgeBase.open(indexDir)
  assert.equal(kb.buildId, first.buildId)
  assert.match(kb.refused!.reason, /vectors\.hnsw/)

  const next = await ingest({ corpusDir, indexDir })
  assert.match(next.warnings.join('\n'), new RegExp(`${second.buildId} is damaged`))
  const rebuilt = await KnowledgeBase.open(indexDir)
  assert.equal(rebuilt.buildId, next.buildId)
  assert.equal(rebuilt.refused, undefined)
  // Every chunk's stored vector is the embedding of its own text: no foreign vectors.
  for (const chunk of rebuilt.chunks) {
    const [cosine] = await rebuilt.similarities(chunk.text, [chunk])
    assert.ok(cosine > 0.99, `${chunk.id}: cosine ${cosine}`)
  }
})

test('a missing file is refused by name; with no good build to fall back on, opening fails with the fix', async () => {
  const paths = smallCorpus()
  const only = await ingest(paths)
  rmSync(path.join(paths.indexDir, 'builds', only.buildId!, 'keywords.json'))
  await assert.rejects(KnowledgeBase.open(paths.indexDir), (error: Error) => {
    assert.ok(error instanceof IndexMissing, 'npm start rebuilds an index that cannot be served')
    assert.match(error.message, /keywords\.json is missing/)
    assert.match(error.message, /npm run ingest/)
    return true
  })
})

test('a vectors.hnsw of the very same size, from the build before, is caught by its checksum', async () => {
  const { indexDir, first, second, buildFile } = await twoBuilds()
  const [older, served] = [buildFile(first.buildId, 'vectors.hnsw'), buildFile(second.buildId, 'vectors.hnsw')]
  assert.equal(statSync(older).size, statSync(served).size, 'same chunk count, so same size: only the checksum can tell')
  copyFileSync(older, served)
  const kb = await KnowledgeBase.open(indexDir)
  assert.equal(kb.buildId, first.buildId)
  assert.match(kb.refused!.reason, /vectors\.hnsw does not match its checksum/)
})

test('the bot starting on a damaged build answers from the previous good one, logs which, and a later damaged build does not replace the served one', async () => {
  const { corpusDir, indexDir, first, second, buildFile } = await twoBuilds()
  truncateSync(buildFile(second.buildId, 'keywords.json'), 100)
  const lines: string[] = []
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) })
  const live = await LiveKnowledge.open(indexDir, { logger, debounceMs: 50 })
  try {
    assert.equal(live.current.buildId, first.buildId)
    const damaged = lines.map((line) => JSON.parse(line)).find((event) => event.event === 'index-damaged')
    assert.equal(damaged?.build, second.buildId)
    assert.equal(damaged?.serving, first.buildId)
    assert.match(damaged?.reason, /keywords\.json/)
    const turn = await createAnswerEngine(live.get).respond('概念验证中心')
    assert.equal(turn.reply.answered, true)

    // A good build is picked up; a damaged one published after it is refused while the good one keeps serving.
    const third = await ingest({ corpusDir, indexDir })
    await live.refresh()
    assert.equal(live.current.buildId, third.buildId)
    appendFileSync(path.join(corpusDir, FILES[1]), LATER)
    const fourth = await ingest({ corpusDir, indexDir })
    truncateSync(buildFile(fourth.buildId, 'chunks.json'), 10)
    await live.refresh()
    assert.equal(live.current.buildId, third.buildId, 'the damaged build does not replace the served one')
    assert.ok(lines.some((line) => line.includes('"event":"index-load-failed"') && line.includes(fourth.buildId!)))
  } finally {
    live.close()
  }
})
