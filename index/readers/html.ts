/**
 * A web page saved from a government portal (.html/.htm): the article body only, the portal's
 * metadata table (索引号, 发布机构, 成文日期, 文号 …) as metadata hints, and the page's own address.
 * cheerio parses; which element is the article is decided by text density, not by site-specific
 * selectors, so it holds for any portal.
 */
import * as cheerio from 'cheerio'
import type { AnyNode, Element } from 'domhandler'
import type { MetadataHints } from '../types.js'

/** Never part of the reply: page furniture and scripts. */
const FURNITURE_TAGS = 'script, style, noscript, template, nav, header, footer, aside, form, iframe, button, select, input, svg'
/** class/id words of navigation, share bars, breadcrumbs, footers and similar widgets. */
const FURNITURE_NAMES = /(^|[-_\s])(nav|navbar|menu|header|footer|foot|share|bdshare|breadcrumb|crumbs?|position|location|sidebar|side|related|comment|print|toolbar|search|login|banner|copyright|pager|pagination|qrcode|fontsize)([-_\s\d]|$)/i
/** Blocks whose text ends a line. */
const BLOCKS = new Set(['p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'table', 'blockquote', 'pre', 'dd', 'dt'])

/** The portal's labels and the hint each fills. Labels are the ones the national portal template prints. */
const HINT_LABELS: [keyof MetadataHints, RegExp][] = [
  ['docNumber', /^(文\s*号|发文字号)$/],
  ['publisher', /^(发布机构|发文机关|发文单位)$/],
  ['date', /^(成文日期|发文日期)$/],
]
const FALLBACK_DATE = /^(发布日期|发布时间)$/

export interface HtmlReading {
  text: string
  hints: MetadataHints
}

export function readHtml(html: string): HtmlReading {
  const $ = cheerio.load(html)
  const hints = { ...metadataTable($), source: pageAddress($, html) }
  $(FURNITURE_TAGS).remove()
  $('[class], [id]').each((_, element) => {
    const names = `${$(element).attr('class') ?? ''} ${$(element).attr('id') ?? ''}`
    if (FURNITURE_NAMES.test(names)) $(element).remove()
  })
  const table = metadataTableElement($)
  table?.remove()
  const body = articleElement($)
  const title = $('h1, h2').first().text().replace(/\s+/g, ' ').trim()
  const bodyText = body ? blockText($, body) : ''
  const text = [bodyText.includes(title) ? '' : title, bodyText].filter(Boolean).join('\n')
  return { text, hints: withoutAbsent(hints) }
}

/** Label cells followed by their value cell, in tables or in "label：value" lines of the page head. */
function metadataTable($: cheerio.CheerioAPI): MetadataHints {
  const hints: MetadataHints = {}
  let fallbackDate: string | undefined
  const cells = $('td, th, span, li, div')
    .toArray()
    .filter((cell) => $(cell).children().length === 0 || cell.tagName === 'td' || cell.tagName === 'th')
  cells.forEach((cell) => {
    const own = $(cell).text().replace(/\s+/g, ' ').trim()
    const inline = /^([^:：]{2,6})\s*[:：]\s*(.+)$/.exec(own)
    const label = (inline ? inline[1] : own).replace(/[\s:：]/g, '')
    const value = inline ? inline[2].trim() : $(cell).next().text().replace(/\s+/g, ' ').trim()
    if (!value || value.length > 80) return
    for (const [field, pattern] of HINT_LABELS) if (pattern.test(label) && !hints[field]) hints[field] = field === 'date' ? isoDate(value) : value
    if (FALLBACK_DATE.test(label)) fallbackDate ??= isoDate(value)
  })
  hints.date ??= fallbackDate
  return hints
}

/** The smallest table holding at least two of the portal's labels. */
function metadataTableElement($: cheerio.CheerioAPI): cheerio.Cheerio<Element> | undefined {
  const labels = [...HINT_LABELS.map(([, pattern]) => pattern), FALLBACK_DATE, /^索引号$/, /^主题分类$/]
  const tables = $('table').toArray().filter((table) => {
    const cells = $(table).find('td, th').toArray().map((cell) => $(cell).text().replace(/[\s:：]/g, ''))
    return cells.filter((cell) => labels.some((label) => label.test(cell))).length >= 2
  })
  const innermost = tables.find((table) => !tables.some((other) => other !== table && $(table).find(other).length))
  return innermost ? $(innermost) : undefined
}

/** canonical link, og:url, or the "saved from url=(0071)https://…" comment browsers write. */
function pageAddress($: cheerio.CheerioAPI, html: string): string | undefined {
  const candidates = [
    $('link[rel="canonical"]').attr('href'),
    $('meta[property="og:url"]').attr('content'),
    /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html)?.[1],
  ]
  return candidates.find((url) => url && /^https?:\/\//i.test(url.trim()))?.trim()
}

/** The element whose paragraphs hold the most text: the article, whatever the portal calls it. */
function articleElement($: cheerio.CheerioAPI): cheerio.Cheerio<Element> | undefined {
  const score = new Map<Element, number>()
  $('p, div, td, span, font').each((_, element) => {
    const own = ownText($, element)
    if (own.length < 10) return
    const parent = element.parent as Element | null
    for (const holder of [element, parent]) if (holder && holder.type === 'tag') score.set(holder, (score.get(holder) ?? 0) + own.length)
  })
  let best: Element | undefined
  for (const [element, value] of score) if (!best || value > score.get(best)!) best = element
  return best ? $(best) : undefined
}

function ownText($: cheerio.CheerioAPI, element: Element): string {
  return $(element)
    .contents()
    .toArray()
    .filter((node) => node.type === 'text')
    .map((node) => $(node).text())
    .join('')
    .trim()
}

/** Text with a line break after each block element, as the page shows it. */
function blockText($: cheerio.CheerioAPI, root: cheerio.Cheerio<Element>): string {
  const parts: string[] = []
  const walk = (node: AnyNode) => {
    if (node.type === 'text') parts.push($(node).text().replace(/\s+/g, ' '))
    else if (node.type === 'tag') {
      const block = BLOCKS.has(node.tagName)
      if (block) parts.push('\n')
      node.children.forEach(walk)
      if (block) parts.push('\n')
    }
  }
  root.toArray().forEach(walk)
  return parts
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n')
}

function isoDate(value: string): string | undefined {
  const [year, month, day] = value.match(/\d+/g)?.map(Number) ?? []
  if (!day || year < 1900 || month < 1 || month > 12 || day > 31) return undefined
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function withoutAbsent(hints: MetadataHints): MetadataHints {
  return Object.fromEntries(Object.entries(hints).filter(([, value]) => value)) as MetadataHints
}
