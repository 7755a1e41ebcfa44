/**
 * Long replies → several WeChat messages of at most `max` characters. Cuts between paragraphs where it
 * can, else between lines, else after a sentence, and only as a last resort inside one, so a quoted
 * passage stays readable across messages.
 */
const BREAKS = [/(?<=\n\s*\n)/, /(?<=\n)/, /(?<=[。！？；!?;])/]

export function splitMessage(text: string, max: number): string[] {
  if (max < 1) throw new RangeError(`max must be at least 1, not ${max}`)
  return pack(text.trim(), max, 0)
    .map((part) => part.trim())
    .filter(Boolean)
}

/** Greedily joins the pieces cut at BREAKS[level], cutting a piece too long on its own at the next level. */
function pack(text: string, max: number, level: number): string[] {
  if (length(text) <= max) return [text]
  if (level === BREAKS.length) return hardCut(text, max)
  const parts: string[] = []
  let current = ''
  for (const piece of text.split(BREAKS[level])) {
    if (length(current + piece) <= max) {
      current += piece
      continue
    }
    if (current) parts.push(current)
    const cut = pack(piece, max, level + 1)
    parts.push(...cut.slice(0, -1))
    current = cut.at(-1) ?? ''
  }
  if (current) parts.push(current)
  return parts
}

/** By code points, so that an emoji is never cut in half. */
function hardCut(text: string, max: number): string[] {
  const chars = [...text]
  const parts: string[] = []
  for (let i = 0; i < chars.length; i += max) parts.push(chars.slice(i, i + max).join(''))
  return parts
}

/** WeChat counts characters, not UTF-16 units. */
function length(text: string): number {
  return [...text].length
}
