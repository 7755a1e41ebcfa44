/**
 * The XML of WeChat callbacks, with fast-xml-parser: a flat <xml> of text fields in, a flat <xml> of
 * CDATA fields out. Values stay strings (a MsgId is a 64-bit number that a JS number would round).
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser'

export class BadXml extends Error {}

export type XmlFields = Record<string, string>

const parser = new XMLParser({ parseTagValue: false, trimValues: true, processEntities: true, ignoreDeclaration: true })
const builder = new XMLBuilder({ cdataPropName: '#cdata' })

/** The fields of `<xml>…</xml>` (nested elements such as ScanCodeInfo are left out). Throws BadXml. */
export function parseXml(text: string): XmlFields {
  const valid = XMLValidator.validate(text)
  if (valid !== true) throw new BadXml(`malformed XML: ${valid.err.msg} (line ${valid.err.line})`)
  const root = parser.parse(text)?.xml
  if (!root || typeof root !== 'object') throw new BadXml('no <xml> root element')
  const fields: XmlFields = {}
  for (const [key, value] of Object.entries(root)) if (typeof value === 'string') fields[key] = value
  return fields
}

/** `<xml>` with each string in CDATA and each number as is, in the given order. */
export function buildXml(fields: Record<string, string | number>): string {
  const xml: Record<string, unknown> = {}
  // The builder splits a "]]>" inside a value across two CDATA sections itself.
  for (const [key, value] of Object.entries(fields)) xml[key] = typeof value === 'number' ? value : { '#cdata': value }
  return builder.build({ xml }) as string
}
