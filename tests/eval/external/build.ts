/**
 * `npx tsx tests/eval/external/build.ts --input FILE.json --out DIR [--name NAME] [--source URL] [--licence TEXT]
 *    [--docs 120] [--heldout 15] [--answerable 200] [--unanswerable 40] [--seed 1] [--t2s]`
 *
 * A SQuAD-style reading-comprehension file (CMRC 2018, DRCD, …) → an evaluation set in the shape of ours:
 *   DIR/corpus/<n>.txt      one document per article (its title line, then its paragraphs, one per line)
 *   DIR/questions.jsonl     answerable questions with the answer span as `evidence`, and unanswerable ones:
 *                           questions about articles left out of the corpus; split tune/test by document
 *   DIR/README.md           where it came from, its licence, and the counts
 * The data itself is never committed (fetched data files stay out of the repository); this converter is.
 * Everything is drawn with a seeded generator, so the same input and seed give the same set.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import * as OpenCC from 'opencc-js/t2cn'
import { cleanText } from '../../../index/clean.js'
import type { Question } from '../dataset.js'

interface SquadFile {
  data: { title: string; paragraphs: { context: string; qas: { id: string; question: string; answers: { text: string; answer_start: number }[] }[] }[] }[]
}

interface Article {
  title: string
  text: string
  questions: { id: string; question: string; evidence: string }[]
}

const { values } = parseArgs({
  options: {
    input: { type: 'string' },
    out: { type: 'string' },
    name: { type: 'string' },
    source: { type: 'string', default: '' },
    licence: { type: 'string', default: '' },
    docs: { type: 'string', default: '120' },
    heldout: { type: 'string', default: '15' },
    answerable: { type: 'string', default: '200' },
    unanswerable: { type: 'string', default: '40' },
    seed: { type: 'string', default: '1' },
    t2s: { type: 'boolean', default: false },
  },
})

/**
 * mulberry32: a few lines for a seeded shuffle; Math.random cannot be seeded and no kept library
 * offers a seeded generator.
 */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

/** The answer span, widened around its position until it occurs only once in the document, so it labels one place. */
export function uniqueSpan(text: string, start: number, end: number): string | undefined {
  if (start < 0 || end > text.length || start >= end) return undefined
  const occurrences = (s: string) => text.split(s).length - 1
  while (occurrences(text.slice(start, end)) > 1) {
    if (start === 0 && end === text.length) return undefined
    start = Math.max(0, start - 1)
    end = Math.min(text.length, end + 1)
  }
  return text.slice(start, end)
}

/** One document per title: paragraphs under the same title (some files repeat a title per paragraph) form one article. */
function articles(file: SquadFile, convert: (s: string) => string): Article[] {
  const byTitle = new Map<string, SquadFile['data'][number]['paragraphs']>()
  for (const { title, paragraphs } of file.data) {
    if (!title.trim()) continue
    byTitle.set(title.trim(), [...(byTitle.get(title.trim()) ?? []), ...paragraphs])
  }
  return [...byTitle.entries()].map(([rawTitle, paragraphs]) => {
    const title = convert(rawTitle)
    const contexts = paragraphs.map((p) => convert(p.context.replace(/\s*\n\s*/g, ' ').trim()))
    const text = [title, ...contexts].join('\n')
    const spans: { id: string; question: string; at: number; span: string }[] = []
    let offset = title.length + 1
    for (const [i, paragraph] of paragraphs.entries()) {
      const lead = paragraph.context.length - paragraph.context.trimStart().length
      for (const qa of paragraph.qas) {
        const answer = qa.answers[0]
        if (answer) spans.push({ id: qa.id, question: convert(qa.question), at: offset + answer.answer_start - lead, span: convert(answer.text) })
      }
      offset += contexts[i].length + 1
    }
    // Character-by-character conversion keeps offsets; a span that no longer sits where it was marked is dropped.
    const questions = spans
      .filter(({ at, span }) => text.slice(at, at + span.length) === span)
      .map(({ id, question, at, span }) => ({ id, question, evidence: uniqueSpan(text, at, at + span.length) }))
      .filter((q): q is Article['questions'][number] => !!q.evidence)
    return { title, text, questions }
  })
}

function main(): void {
  if (!values.input || !values.out) throw new Error('usage: build.ts --input FILE.json --out DIR [--t2s] …')
  const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' })
  const convert = values.t2s ? (s: string) => [...s].map((c) => toSimplified(c)).join('') : (s: string) => s
  const random = seeded(Number(values.seed))
  const n = (key: 'docs' | 'heldout' | 'answerable' | 'unanswerable') => Number(values[key])

  // Answer spans must survive cleaning (cleaning drops page leftovers such as a "版权所有" line).
  const usable = articles(JSON.parse(readFileSync(values.input, 'utf8')) as SquadFile, convert)
    .map((article) => {
      const cleaned = cleanText(article.text).text.replace(/\s+/g, '')
      return { ...article, questions: article.questions.filter((q) => cleaned.includes(q.evidence.replace(/\s+/g, ''))) }
    })
    .filter((article) => article.questions.length > 0)
  const picked = shuffled(usable, random)
  if (picked.length < n('docs') + n('heldout')) throw new Error(`only ${picked.length} usable articles`)
  const corpus = picked.slice(0, n('docs'))
  const heldOut = picked.slice(n('docs'), n('docs') + n('heldout'))

  const out = values.out
  rmSync(path.join(out, 'corpus'), { recursive: true, force: true })
  mkdirSync(path.join(out, 'corpus'), { recursive: true })
  const fileOf = (i: number) => `doc-${String(i + 1).padStart(3, '0')}.txt`
  corpus.forEach((article, i) => writeFileSync(path.join(out, 'corpus', fileOf(i)), article.text + '\n'))

  // Questions spread over the documents: round-robin over articles, each article's questions shuffled.
  const spread = <T>(lists: T[][], total: number): T[] => {
    const queues = lists.map((list) => shuffled(list, random))
    const taken: T[] = []
    for (let round = 0; taken.length < total && queues.some((q) => q.length); round++) {
      for (const queue of queues) if (queue.length && taken.length < total) taken.push(queue.shift()!)
    }
    return taken
  }
  const splitOf = (docIndex: number): Question['split'] => (docIndex % 2 === 0 ? 'tune' : 'test')
  const answerable = spread(
    corpus.map((article, i) => article.questions.map((q) => ({ ...q, doc: fileOf(i), split: splitOf(i) }))),
    n('answerable'),
  )
  const unanswerable = spread(
    heldOut.map((article, i) => article.questions.map((q) => ({ ...q, split: splitOf(i) }))),
    n('unanswerable'),
  )
  const questions: Question[] = [
    ...answerable.map((q): Question => ({ id: q.id, question: q.question, kind: 'answerable', doc: q.doc, evidence: q.evidence, style: 'extracted', split: q.split })),
    ...unanswerable.map((q): Question => ({ id: q.id, question: q.question, kind: 'unanswerable', style: 'extracted', split: q.split })),
  ]
  writeFileSync(path.join(out, 'questions.jsonl'), questions.map((q) => JSON.stringify(q)).join('\n') + '\n')

  const name = values.name ?? path.basename(out)
  const count = (kind: Question['kind'], split: Question['split']) => questions.filter((q) => q.kind === kind && q.split === split).length
  writeFileSync(
    path.join(out, 'README.md'),
    [
      `# ${name} (converted for npm run eval -- --set ${out})`,
      '',
      `Source: ${values.source || path.basename(values.input)}${values.t2s ? ' (traditional characters converted to simplified with opencc-js, character by character)' : ''}`,
      `Licence: ${values.licence || 'see the source'}. The converted files below are derived from it under the same licence; they are not committed to this project.`,
      '',
      `Built by tests/eval/external/build.ts, seed ${values.seed}: ${corpus.length} articles in corpus/, ${heldOut.length} articles left out.`,
      `Answerable questions: ${answerable.length} (tune ${count('answerable', 'tune')}, test ${count('answerable', 'test')}), evidence = the marked answer span,`,
      'widened until it occurs once in its document. Unanswerable: questions about the left-out articles',
      `${unanswerable.length} (tune ${count('unanswerable', 'tune')}, test ${count('unanswerable', 'test')}). Tune/test split by document.`,
      '',
    ].join('\n'),
  )
  console.log(`${out}: ${corpus.length} documents, ${answerable.length} answerable and ${unanswerable.length} unanswerable questions`)
}

main()
