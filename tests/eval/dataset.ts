/**
 * The evaluation question set (questions.jsonl) and what counts as a right answer: a chunk of the
 * labelled reply that overlaps the labelled evidence (or any chunk of it, for document lookups).
 */
import { readFileSync } from 'node:fs'
import type { Chunk, KnowledgeBase } from '../../index/index.js'

export interface Question {
  id: string
  question: string
  kind: 'answerable' | 'unanswerable'
  doc?: string
  evidence?: string
  style: 'short' | 'colloquial' | 'long' | 'lookup' | 'paraphrase'
  split: 'tune' | 'test'
}

export const QUESTIONS_FILE = new URL('./questions.jsonl', import.meta.url)

export function loadQuestions(): Question[] {
  return readFileSync(QUESTIONS_FILE, 'utf8')
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
  // Evidence is labelled whitespace-insensitively: any whitespace may sit between its characters.
  const pattern = new RegExp([...question.evidence.replace(/\s+/g, '')].map(escape).join('\\s*'))
  const found = pattern.exec(doc.text)
  if (!found) throw new Error(`${question.id}: evidence not found in ${question.doc}`)
  const [start, end] = [found.index, found.index + found[0].length]
  return new Set(chunks.filter((chunk: Chunk) => chunk.start < end && chunk.end > start).map((chunk) => chunk.id))
}

function escape(char: string): string {
  return char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
