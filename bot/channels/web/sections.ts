/**
 * A reply cut into its sections in text order, for the reply page and for the links an answer's
 * citations make: each run of chunks with the same section path is one section, extended to the next
 * one's start so that the whole text (headings, blank lines, 落款) is shown, verbatim, exactly once.
 */
import type { KnowledgeBase } from '../../../index/index.js'

export interface ReplySection {
  /** the fragment id on the reply page */
  anchor: string
  section: string[]
  start: number
  end: number
}

export function replySections(kb: KnowledgeBase, docId: string): ReplySection[] {
  const doc = kb.getDocument(docId)
  if (!doc) return []
  const sections: ReplySection[] = []
  for (const chunk of kb.chunksOf(docId)) {
    const last = sections.at(-1)
    if (last && samePath(last.section, chunk.section)) continue
    if (last) last.end = chunk.start
    sections.push({ anchor: `s${sections.length + 1}`, section: chunk.section, start: sections.length ? chunk.start : 0, end: doc.text.length })
  }
  return sections
}

/** Where a quoted passage sits in its reply: its offsets and its section's anchor (undefined when the text is not found verbatim). */
export function locatePassage(kb: KnowledgeBase, docId: string, text: string): { start: number; end: number; anchor: string } | undefined {
  const start = kb.getDocument(docId)?.text.indexOf(text) ?? -1
  if (start < 0 || !text) return undefined
  const section = replySections(kb, docId).find((s) => start >= s.start && start < s.end)
  return section && { start, end: start + text.length, anchor: section.anchor }
}

const samePath = (a: string[], b: string[]) => a.length === b.length && a.every((label, i) => label === b[i])
