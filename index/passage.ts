/** What the indexes see of a chunk besides its own text: the reply's title and the section it sits in. */
import type { Chunk, ReplyDocument } from './types.js'

/**
 * A passage such as "五是提供优质创业服务…" is about 上海硅巷 only through its reply's title and
 * headings; giving both indexes that context lets a question find it by either.
 */
export function passageContext(doc: ReplyDocument, chunk: Chunk): string {
  return [doc.title, doc.unit, doc.proposers.join(' '), ...chunk.section].filter(Boolean).join(' ')
}

export function embeddingText(doc: ReplyDocument, chunk: Chunk): string {
  return [doc.title, ...chunk.section, chunk.text].filter(Boolean).join('\n')
}
