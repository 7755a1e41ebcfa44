import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { DEFAULT_CORPUS_DIR, loadSegmenter, tokenize } from '../index/index.js'
import { KeywordIndex, keywordIndexJson } from '../index/keyword.js'
import { segmenterLoaded } from '../index/segment.js'

test('a fresh ingest process builds the keyword index on another thread, exactly as it would in its own', async () => {
  const entries = readdirSync(DEFAULT_CORPUS_DIR)
    .filter((file) => file.endsWith('.txt'))
    .slice(0, 3)
    .flatMap((file) => readFileSync(path.join(DEFAULT_CORPUS_DIR, file), 'utf8').split(/\n\s*\n|\n/u))
    .filter((text) => text.trim().length > 10)
    .map((text, label) => ({ label, text, context: '' }))
  // This test file's process has not loaded jieba: the build goes to a worker thread and leaves it unloaded here.
  assert.equal(segmenterLoaded(), false)
  const fromWorker = await keywordIndexJson(entries)
  assert.equal(segmenterLoaded(), false)
  const inProcess = JSON.stringify(KeywordIndex.build(entries))
  assert.equal(fromWorker, inProcess)
  const [match] = KeywordIndex.load(fromWorker).search(entries[5].text, 1)
  assert.equal(match.label, 5)
})

test('words of today are read whole (社区的公众号叫啥 is no 号叫 "howl", 适老化 no 老化 "ageing" alone), so a question finds the passage using them', () => {
  loadSegmenter()
  assert.ok(tokenize('我们社区的公众号叫啥').includes('公众号'))
  assert.ok(!tokenize('我们社区的公众号叫啥').includes('号叫'))
  assert.ok(tokenize('小区适老化改造').includes('适老化'))
  assert.ok(tokenize('新能源车充电桩').includes('充电桩'))
})
