import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, test } from 'node:test'
import { loadEvalSet } from '../eval/dataset.js'

/** A small SQuAD-style file written here (traditional characters, as DRCD): 8 articles of two paragraphs. */
function squadFile(dir: string): string {
  const data = Array.from({ length: 8 }, (_, a) => {
    const title = `條目${a}號`
    const paragraphs = [0, 1].map((p) => {
      const context = `第${a}篇第${p}段：這裡記載了甲${a}乙${p}的歷史。該地區於${1900 + a * 10 + p}年建立，人口約${a + 1}萬。`
      const year = `${1900 + a * 10 + p}年`
      return {
        context,
        qas: [
          { id: `${a}-${p}-year`, question: `甲${a}乙${p}於哪一年建立？`, answers: [{ text: year, answer_start: context.indexOf(year) }] },
          // "的" occurs more than once: the evidence must be widened until it is unique.
          { id: `${a}-${p}-of`, question: `甲${a}乙${p}記載了什麼？`, answers: [{ text: '的', answer_start: context.indexOf('的') }] },
        ],
      }
    })
    return { title, paragraphs }
  })
  const file = path.join(dir, 'squad.json')
  writeFileSync(file, JSON.stringify({ version: 'test', data }))
  return file
}

function build(input: string, out: string): void {
  const args = ['--import', 'tsx', 'tests/eval/external/build.ts', '--input', input, '--out', out, '--t2s', '--docs', '6', '--heldout', '2', '--answerable', '20', '--unanswerable', '5', '--seed', '7']
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' })
  assert.equal(run.status, 0, run.stderr)
}

const dir = mkdtempSync(path.join(tmpdir(), 'dafu-external-'))
after(() => rmSync(dir, { recursive: true, force: true }))

test('a SQuAD-style file becomes a corpus, labelled questions and left-out questions, the same for the same seed', () => {
  const input = squadFile(dir)
  build(input, path.join(dir, 'a'))
  build(input, path.join(dir, 'b'))
  assert.equal(readFileSync(path.join(dir, 'a', 'questions.jsonl'), 'utf8'), readFileSync(path.join(dir, 'b', 'questions.jsonl'), 'utf8'))

  const set = loadEvalSet(path.join(dir, 'a'))
  const files = readdirSync(set.corpusDir)
  assert.equal(files.length, 6)
  const texts = Object.fromEntries(files.map((file) => [file, readFileSync(path.join(set.corpusDir, file), 'utf8')]))
  // Converted to simplified characters; one line per paragraph after the title line.
  for (const text of Object.values(texts)) assert.match(text, /^条目\d号\n第\d篇第0段：这里记载了/)

  const answerable = set.questions.filter((q) => q.kind === 'answerable')
  const unanswerable = set.questions.filter((q) => q.kind === 'unanswerable')
  assert.equal(answerable.length, 20)
  assert.equal(unanswerable.length, 5)
  for (const q of answerable) {
    const text = texts[q.doc!]
    assert.equal(text.split(q.evidence!).length, 2, `${q.id}: “${q.evidence}” occurs once in ${q.doc}`)
  }
  // Unanswerable questions are about articles whose text is in no corpus file.
  for (const q of unanswerable) {
    const [article, paragraph] = q.id.split('-')
    assert.ok(Object.values(texts).every((text) => !text.includes(`第${article}篇第${paragraph}段`)), q.id)
  }
  // The split is by document: every question of one document is on the same side.
  const sides = new Map<string, Set<string>>()
  for (const q of answerable) sides.set(q.doc!, (sides.get(q.doc!) ?? new Set()).add(q.split))
  assert.ok([...sides.values()].every((side) => side.size === 1))
  assert.ok(answerable.some((q) => q.split === 'tune') && answerable.some((q) => q.split === 'test'))
})
