/** The command-line tools as processes, as staff and outside checks run them: ingest, docs and ask. */
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { appendFileSync, readdirSync, rmSync, statSync, truncateSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { KnowledgeBase, ingest } from '../../index/index.js'
import { twoBuilds, smallCorpus } from '../support/builds.js'
import { FIXTURE_CORPUS, fixtureCorpus } from '../support/corpus-index.js'
import { NESTED, messyCorpus } from '../support/messy-corpus.js'

const cli = (script: string, ...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8' })

test('ask on a fresh checkout builds its index first, as npm start does, and prints only the answer on stdout', () => {
  const { corpusDir, indexDir } = smallCorpus()
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bot/cli/ask.ts', '--json', '概念验证中心'], {
    encoding: 'utf8',
    env: { ...process.env, INDEX_DIR: indexDir, CORPUS_DIR: corpusDir },
  })
  assert.equal(run.status, 0, run.stderr)
  // It says what it is doing, not what the user should do instead.
  assert.match(run.stderr, /no index in .* yet: building the index from/)
  assert.doesNotMatch(run.stderr, /npm run ingest/)
  const answer = JSON.parse(run.stdout)
  assert.equal(answer.answered, true)
  assert.match(answer.text, /概念验证/)
  // An index named with --index is never built behind the user's back: its own ingest is what failed.
  const named = cli('bot/cli/ask.ts', '--index', path.join(indexDir, 'elsewhere'), '--json', '概念验证中心')
  assert.equal(named.status, 1)
  assert.doesNotMatch(named.stderr, /building the index/)
  assert.match(named.stderr, /no index in .*elsewhere yet\. Run npm run ingest to build the index\./)
})

test('ask reads JSON Lines on stdin as well as plain lines: each reply carries its line\'s id, and the conversation is kept', () => {
  const { corpusDir, indexDir } = smallCorpus()
  const input = ['{"id": "a", "question": "概念验证中心"}', '{"id": "b", "question": "找谁联系？"}', '帮助'].join('\n')
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bot/cli/ask.ts', '--json'], { encoding: 'utf8', input, env: { ...process.env, INDEX_DIR: indexDir, CORPUS_DIR: corpusDir } })
  assert.equal(run.status, 0, run.stderr)
  const [first, contact, help] = run.stdout.trim().split('\n').map((line) => JSON.parse(line))
  assert.equal(first.id, 'a')
  assert.equal(first.answered, true)
  assert.match(first.text, /概念验证/)
  // The follow-up is about the reply just quoted: its contact, not a search for the words 找谁联系.
  assert.equal(contact.id, 'b')
  assert.equal(contact.intent, 'fact')
  assert.deepEqual(contact.contacts, first.contacts)
  assert.equal(help.intent, 'help')
  assert.equal(help.id, undefined)
})

test('npm run ingest on a messy folder indexes the good files, subfolder included, and prints every skip, subfolder and addition; run again, it reports no changes', () => {
  const { corpusDir, indexDir } = messyCorpus()
  const run = cli('index/cli/ingest.ts', '--corpus', corpusDir, '--index', indexDir)
  assert.equal(run.status, 0, run.stderr)
  assert.match(run.stdout, /indexed 3 documents/)
  assert.match(run.stdout, /read 2 subfolder\(s\): 2020\/, 2020\/zhengzhou\//)
  assert.match(run.stdout, new RegExp(`added 2020/zhengzhou/${NESTED}`))
  for (const file of ['loop-a.txt', 'loop-b.txt', 'dangling.txt', 'pipe.txt', '2020/back-up/']) assert.match(run.stdout, new RegExp(`skipped ${file}: `))

  const again = cli('index/cli/ingest.ts', '--corpus', corpusDir, '--index', indexDir)
  assert.equal(again.status, 0, again.stderr)
  assert.match(again.stdout, /indexed 3 documents/)
  assert.doesNotMatch(again.stdout, /^(added|changed|removed) /m, 'an unchanged corpus reports no changes')
})

test('an ingest killed midway leaves the previous index serving, and the next one succeeds', async () => {
  const { corpusDir, indexDir } = fixtureCorpus()
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
  const { corpusDir, indexDir } = fixtureCorpus()
  await ingest({ corpusDir, indexDir })
  const run = cli('index/cli/docs.ts', '--index', indexDir, '--json')
  assert.equal(run.status, 0, run.stderr)
  const docs = run.stdout.trim().split('\n').map((line) => JSON.parse(line))
  assert.equal(docs.length, readdirSync(FIXTURE_CORPUS).length)
  const seed = docs.find((doc) => doc.number === '084')
  assert.equal(seed.file, 'changning-cppcc-15-3-084-reply.txt')
  assert.deepEqual(seed.proposers, ['辛洁暐', '仲静云', '叶笑樱'])
  assert.equal(seed.contact.phone, '52388345')
  assert.equal(seed.text, undefined, 'the text itself is not printed')
  const withSource = docs.find((doc) => doc.file.startsWith('002_'))
  assert.equal(withSource.sourceUrl, 'http://www.shpt.gov.cn/lrj/gyguanli/20191108/454517.html')
})

test('ask on a build with a truncated chunks.json answers from the previous good build, saying which on stderr', async () => {
  const { indexDir, first, second, buildFile } = await twoBuilds()
  const chunks = buildFile(second.buildId, 'chunks.json')
  truncateSync(chunks, Math.floor(statSync(chunks).size / 2))
  const run = cli('bot/cli/ask.ts', '--index', indexDir, '--json', '概念验证中心')
  assert.equal(run.status, 0, run.stderr)
  assert.match(run.stderr, new RegExp(`${second.buildId} is damaged: .*chunks\\.json`))
  assert.match(run.stderr, new RegExp(`previous good build ${first.buildId}`))
  const answer = JSON.parse(run.stdout)
  assert.equal(answer.answered, true)
  assert.match(answer.text, /概念验证/)
})

test('ask with no good build to fall back on exits with 1 and names the missing file and the fix, with no parser noise', async () => {
  const paths = smallCorpus()
  const only = await ingest(paths)
  rmSync(path.join(paths.indexDir, 'builds', only.buildId!, 'keywords.json'))
  const run = cli('bot/cli/ask.ts', '--index', paths.indexDir, '--json', '概念验证中心')
  assert.equal(run.status, 1)
  assert.match(run.stderr, /keywords\.json is missing\. Run npm run ingest to build the index/)
  assert.doesNotMatch(run.stderr, /Unterminated|at position/)
})
