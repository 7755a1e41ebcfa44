/** The pages for everyone: the question page, the reply list with its filters, and one reply. */
import type { KnowledgeBase, ReplyDocument } from '../../../index/index.js'
import { HOTLINE, formatDate, replyTitle, sectionMarkers } from '../../answer/compose.js'
import type { ContactView, Turn } from '../../answer/types.js'
import { html, type Html } from './html.js'
import { locatePassage, replySections } from './sections.js'

export const replyHref = (id: string) => `/replies/${encodeURIComponent(id)}`

export function askPage(kb: KnowledgeBase, question: string, turn?: Turn): Html {
  return html`<h1>问答复</h1>
<form class="ask" method="get" action="/" role="search">
  <input type="search" name="q" value="${question}" maxlength="500" placeholder="例如：长宁有什么创业扶持？" aria-label="问题" autofocus>
  <button>提问</button>
</form>
<p class="muted">回答均为政府部门书面答复的原文摘录，并注明出处和联系人；没有相关答复时会如实说明。</p>
${turn ? answer(kb, turn) : ''}`
}

function answer(kb: KnowledgeBase, { reply, docIds }: Turn): Html {
  if (reply.passages.length === 0) {
    // Refusals, help, and lookups that list several replies: the engine's own words, plus links to what it named.
    const named = kb.documentsOf(docIds)
    return html`<div class="card answer" data-answered="${String(reply.answered)}"><p class="pre">${reply.text}</p>
${named.length ? html`<ul class="list">${named.map((doc) => html`<li><a href="${replyHref(doc.id)}">${replyTitle(doc)}</a> ${doc.title && doc.structured ? html`《${doc.title}》` : ''}</li>`)}</ul>` : ''}</div>`
  }
  return html`<div class="answer" data-answered="true">
${reply.lead ? html`<div class="card lead"><p class="pre">${reply.lead}</p></div>` : ''}
${reply.passages.map((passage) => {
  const doc = kb.getDocument(passage.docId)
  const place = doc && locatePassage(kb, doc.id, passage.text)
  const href = doc && (place ? `${replyHref(doc.id)}?hl=${place.start}-${place.end}#${place.anchor}` : replyHref(doc.id))
  return html`<div class="card passage"><blockquote>${passage.text}</blockquote>
<div class="cite">来源：<a class="citation" href="${href}">${doc ? citation(doc, passage.section) : passage.docId}</a></div></div>`
})}
<div class="card contacts"><h2>联系</h2>${reply.contacts.map(contact)}
${uniqueDocs(kb, reply.passages.map((p) => p.docId)).map((doc) => (doc.sourceUrl ? html`<p class="muted">原文：${sourceLink(doc.sourceUrl)}</p>` : ''))}</div>
</div>`
}

function citation(doc: ReplyDocument, section: string[]): string {
  return `${doc.unit ?? ''}《${replyTitle(doc)}》 ${sectionMarkers(section)}${doc.date ? ` · ${formatDate(doc.date)}` : ''}`
}

function contact(view: ContactView): Html {
  const parts = [view.name && `联系人 ${view.name}`, view.phone && `电话 ${view.phone}`, (view.address || view.postcode) && `地址 ${[view.address, view.postcode].filter(Boolean).join(' ')}`].filter(Boolean)
  return html`<p class="contact">${view.unit ?? ''} ${parts.length ? parts.join(' · ') : `（答复未载联系人，可拨打${HOTLINE}）`}</p>`
}

/** A document's `source:` line is text from a file: only a web address becomes a link (never javascript: and the like). */
function sourceLink(url: string): Html {
  return /^https?:\/\//i.test(url) ? html`<a href="${url}" rel="noopener noreferrer">${url}</a>` : html`${url}`
}

function uniqueDocs(kb: KnowledgeBase, ids: string[]): ReplyDocument[] {
  return kb.documentsOf([...new Set(ids)])
}

/** The reply list's filters, as read from the query string. */
export interface ReplyFilters {
  session?: string
  year?: string
  kind?: string
  unit?: string
  proposer?: string
  number?: string
  /** words of the title */
  title?: string
}

const KINDS = ['提案', '建议', '会办', '协办'] as const

function filterReplies(kb: KnowledgeBase, filters: ReplyFilters): ReplyDocument[] {
  const year = filters.year && /^\d{4}$/.test(filters.year) ? Number(filters.year) : undefined
  const title = filters.title?.replace(/\s+/g, '').toLowerCase()
  return kb
    .findDocuments({ number: filters.number, proposer: filters.proposer, unit: filters.unit, kind: filters.kind, year })
    .filter((doc) => !filters.session || doc.session === filters.session)
    .filter((doc) => !title || [doc.title, replyTitle(doc), doc.file].some((text) => text?.replace(/\s+/g, '').toLowerCase().includes(title)))
}

export function replyListPage(kb: KnowledgeBase, filters: ReplyFilters): Html {
  const docs = filterReplies(kb, filters)
  const distinct = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))].sort()
  const options = (values: readonly string[], selected?: string) =>
    values.map((value) => html`<option value="${value}"${selected === value ? html` selected` : ''}>${value}</option>`)
  const years = distinct(kb.documents.map((doc) => doc.date?.slice(0, 4))).reverse()
  return html`<h1>答复目录</h1>
<form class="card filters" method="get" action="/replies">
  <label>标题<input type="search" name="title" value="${filters.title}"></label>
  <label>届次<select name="session"><option value="">全部</option>${options(distinct(kb.documents.map((doc) => doc.session)), filters.session)}</select></label>
  <label>年份<select name="year"><option value="">全部</option>${options(years, filters.year)}</select></label>
  <label>类别<select name="kind"><option value="">全部</option>${options(KINDS, filters.kind)}</select></label>
  <label>承办单位<select name="unit"><option value="">全部</option>${options(distinct(kb.documents.map((doc) => doc.unit)), filters.unit)}</select></label>
  <label>提出人<input type="text" name="proposer" value="${filters.proposer}"></label>
  <label>编号<input type="text" name="number" value="${filters.number}" inputmode="numeric"></label>
  <button>筛选</button>
</form>
<p class="muted count">共 ${docs.length} 份答复</p>
<ul class="list card replies">
${docs.map((doc) => html`<li><a href="${replyHref(doc.id)}">${doc.title ? `《${doc.title}》` : replyTitle(doc)}</a>
  <div class="muted">${[doc.number && `第${doc.number}号`, doc.session, doc.kind, doc.unit, formatDate(doc.date)].filter(Boolean).join(' · ')}</div></li>`)}
</ul>`
}

/** `hl` is "start-end", offsets into the reply's text, as the question page's citation links make them. */
export function parseHighlight(value: unknown): { start: number; end: number } | undefined {
  const match = typeof value === 'string' ? /^(\d{1,7})-(\d{1,7})$/.exec(value) : null
  if (!match) return undefined
  const [start, end] = [Number(match[1]), Number(match[2])]
  return end > start ? { start, end } : undefined
}

export function replyPage(kb: KnowledgeBase, doc: ReplyDocument, highlight?: { start: number; end: number }): Html {
  const field = (label: string, value: Html | string | undefined) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : '')
  const c = doc.contact
  const contactText = [c?.name, c?.phone && `电话 ${c.phone}`, c?.address, c?.postcode].filter(Boolean).join(' · ')
  return html`<h1>${replyTitle(doc)}</h1>
<div class="card"><dl class="meta">
${field('编号', doc.number && `第${doc.number}号`)}
${field('届次', doc.session)}
${field('类别', doc.kind)}
${field('标题', doc.title && `《${doc.title}》`)}
${field('提出人', doc.proposers.join('、') || doc.addressee)}
${field('承办单位', doc.unit)}
${field('日期', formatDate(doc.date))}
${field('办理结果', doc.result)}
${field('签发人', doc.signer)}
${field('联系人', contactText || `答复未载联系人，可拨打${HOTLINE}`)}
${field('原文', doc.sourceUrl && sourceLink(doc.sourceUrl))}
${field('说明', doc.partial ? '公开文本不完整' : undefined)}
</dl></div>
<article class="card reply-text">
${replySections(kb, doc.id).map(({ anchor, section, start, end }) => {
  const text = doc.text.slice(start, end)
  const label = sectionMarkers(section)
  return html`<section class="part" id="${anchor}"><a class="anchor" href="#${anchor}" title="${section.join(' › ')}">§ ${label}</a>${marked(text, start, highlight)}</section>`
})}
</article>`
}

/** The section's text, with the part inside the highlight (if any) in <mark>. */
function marked(text: string, offset: number, highlight?: { start: number; end: number }): Html | string {
  if (!highlight) return text
  const from = Math.max(highlight.start - offset, 0)
  const to = Math.min(highlight.end - offset, text.length)
  if (from >= to) return text
  return html`${text.slice(0, from)}<mark class="hl">${text.slice(from, to)}</mark>${text.slice(to)}`
}
