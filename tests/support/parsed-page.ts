/** A saved page's lines as ingest reads them: cleaned (its portal fields taken out), then parsed; the cleaned text kept beside. */
import { cleanText } from '../../index/clean.js'
import { parseReply } from '../../index/reply.js'

export function parsePage(lines: string[]) {
  const cleaned = cleanText(lines.join('\n'))
  return { ...parseReply(cleaned.text, cleaned.portal), text: cleaned.text }
}
