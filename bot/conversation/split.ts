/**
 * Long replies → several messages no longer than a channel allows. Cuts between paragraphs where it
 * can, else between lines, else after a sentence, and only as a last resort inside one, so a quoted
 * passage stays readable across messages. Channels count differently: a personal WeChat chat counts
 * characters, a passive Official Account reply and the message APIs count UTF-8 bytes (2048).
 */
const BREAKS = [/(?<=\n\s*\n)/, /(?<=\n)/, /(?<=[。！？；!?;])/]

/** How a channel measures a message: characters (code points) or UTF-8 bytes. */
export type Measure = 'chars' | 'bytes'

const MEASURES: Record<Measure, (text: string) => number> = {
  chars: (text) => [...text].length,
  bytes: (text) => Buffer.byteLength(text, 'utf8'),
}

export function splitMessage(text: string, max: number, measure: Measure = 'chars'): string[] {
  if (max < 1) throw new RangeError(`max must be at least 1, not ${max}`)
  return pack(text.trim(), max, 0, MEASURES[measure])
    .map((part) => part.trim())
    .filter(Boolean)
}

/** Greedily joins the pieces cut at BREAKS[level], cutting a piece too long on its own at the next level. */
function pack(text: string, max: number, level: number, length: (text: string) => number): string[] {
  if (length(text) <= max) return [text]
  if (level === BREAKS.length) return hardCut(text, max, length)
  const parts: string[] = []
  let current = ''
  for (const piece of text.split(BREAKS[level])) {
    if (length(current + piece) <= max) {
      current += piece
      continue
    }
    if (current) parts.push(current)
    const cut = pack(piece, max, level + 1, length)
    parts.push(...cut.slice(0, -1))
    current = cut.at(-1) ?? ''
  }
  if (current) parts.push(current)
  return parts
}

/** By code points, so that an emoji or a Chinese character is never cut in half. */
function hardCut(text: string, max: number, length: (text: string) => number): string[] {
  const parts: string[] = []
  let current = ''
  for (const char of text) {
    if (current && length(current + char) > max) {
      parts.push(current)
      current = ''
    }
    current += char
  }
  if (current) parts.push(current)
  return parts
}
