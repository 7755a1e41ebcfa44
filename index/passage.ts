/** What the indexes see of a chunk: its text, and for the keyword side also the reply's title and the section it sits in. */
import type { Chunk, ReplyDocument } from './types.js'

/**
 * A passage such as "五是提供优质创业服务…" is about 上海硅巷 only through its reply's title and
 * headings; giving the keyword index that context lets a question find it by either.
 */
export function passageContext(doc: ReplyDocument, chunk: Chunk): string {
  return [doc.title, doc.unit, doc.proposers.join(' '), ...chunk.section].filter(Boolean).join(' ')
}

/**
 * The dense side embeds the passage alone: prefixing title and headings made passages of one reply
 * look alike to the model and measured worse (dense R@3 0.78 with both, 0.84 without).
 */
export function embeddingText(chunk: Chunk): string {
  return chunk.text
}
