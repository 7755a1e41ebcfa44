/**
 * The evaluation question set (questions.jsonl) and what counts as a right answer: a chunk of the
 * labelled reply that overlaps the labelled evidence (or any chunk of it, for document lookups).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { DEFAULT_CORPUS_DIR, PROJECT_ROOT, STATE_DIR } from '../../index/index.js'
import type { Chunk, KnowledgeBase } from '../../index/index.js'
import { simplifiedScript } from '../../index/script.js'

export interface Question {
  id: string
  question: string
  kind: 'answerable' | 'unanswerable'
  doc?: string
  evidence?: string
  style: 'short' | 'colloquial' | 'long' | 'lookup' | 'paraphrase' | 'extracted'
  split: 'tune' | 'test'
}

export const QUESTIONS_FILE = new URL('./questions.jsonl', import.meta.url)

export function loadQuestions(file: string | URL = QUESTIONS_FILE): Question[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Question)
}

/** Ids of the chunks that answer the question; empty for unanswerable ones. Throws on a label that no longer matches the corpus. */
export function relevantChunks(kb: KnowledgeBase, question: Question): Set<string> {
  if (question.kind === 'unanswerable') return new Set()
  const doc = kb.documents.find((d) => d.file === question.doc)
  if (!doc) throw new Error(`${question.id}: ${question.doc} is not in the index`)
  const chunks = kb.chunksOf(doc.id)
  if (!question.evidence) return new Set(chunks.map((chunk) => chunk.id))
  // Evidence is labelled whitespace-insensitively: any whitespace may sit between its characters; and on the
  // text as printed, which a traditional one is not read as.
  const evidence = doc.traditional ? simplifiedScript(question.evidence) : question.evidence
  const pattern = new RegExp([...evidence.replace(/\s+/g, '')].map(escape).join('\\s*'))
  const found = pattern.exec(doc.text)
  if (!found) throw new Error(`${question.id}: evidence not found in ${question.doc}`)
  const [start, end] = [found.index, found.index + found[0].length]
  return new Set(chunks.filter((chunk: Chunk) => chunk.start < end && chunk.end > start).map((chunk) => chunk.id))
}

function escape(char: string): string {
  return char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A corpus and the questions asked of it: ours, or an outside set converted by tests/eval/external/build.ts. */
export interface EvalSet {
  /** short name, also naming the set's own index folder */
  name: string
  corpusDir: string
  questions: Question[]
}

/** Where `--set external` looks, first found wins: this checkout's var/, then a folder shared beside the worktrees. */
const EXTERNAL_DEFAULTS = [path.join(STATE_DIR, 'external', 'cmrc2018'), path.join(PROJECT_ROOT, '..', 'shared', 'external', 'cmrc2018')]

/** `undefined` or "ours": corpus/ and questions.jsonl; "external": the default outside set; else a folder with corpus/ and questions.jsonl. */
export function loadEvalSet(set?: string): EvalSet {
  if (!set || set === 'ours') return { name: '', corpusDir: DEFAULT_CORPUS_DIR, questions: loadQuestions() }
  const dir = set === 'external' ? EXTERNAL_DEFAULTS.find((d) => existsSync(path.join(d, 'questions.jsonl'))) : path.resolve(set)
  if (!dir || !existsSync(path.join(dir, 'questions.jsonl'))) {
    throw new Error(`no evaluation set at ${dir ?? EXTERNAL_DEFAULTS.join(' or ')}: build one with tests/eval/external/build.ts (see tests/eval/external/README.md)`)
  }
  return { name: path.basename(dir), corpusDir: path.join(dir, 'corpus'), questions: loadQuestions(path.join(dir, 'questions.jsonl')) }
}

/** Every converted outside set under var/external/. */
export function externalSets(): string[] {
  return setsUnder('external')
}

/** Every development set under var/dev/ (tests/eval/dev/build.ts). */
export function devSets(): string[] {
  return setsUnder('dev')
}

function setsUnder(folder: string): string[] {
  const root = path.join(STATE_DIR, folder)
  if (!existsSync(root)) return []
  return readdirSync(root)
    .map((name) => path.join(root, name))
    .filter((dir) => existsSync(path.join(dir, 'questions.jsonl')))
}
