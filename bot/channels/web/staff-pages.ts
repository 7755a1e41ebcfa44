/** The staff pages: login, index status, upload, ingest progress, what residents asked. */
import type { KnowledgeBase, ReplyDocument } from '../../../index/index.js'
import { replyTitle } from '../../answer/compose.js'
import type { Unanswered } from '../../conversation/question-log.js'
import { questionsChart, type DayCount } from './chart.js'
import { html, type Html } from './html.js'
import type { IngestState } from './ingest-job.js'
import { csrfField } from './layout.js'
import { replyHref } from './public-pages.js'

const when = (time: string | number) => new Date(time).toLocaleString('zh-CN', { dateStyle: 'short', timeStyle: 'medium', hourCycle: 'h23' })

const notice = (text?: string, error = false) => (text ? html`<p class="notice${error ? ' error' : ''}">${text}</p>` : '')

export function disabledPage(): Html {
  return html`<h1>员工页面未启用</h1><p class="card">在服务器的环境变量（或 <code>.env</code>）中设置 <code>CONSOLE_USER</code> 和 <code>CONSOLE_PASSWORD</code> 后重新启动，即可登录员工页面。</p>`
}

export function loginPage(csrf: string, error?: string): Html {
  return html`<h1>员工登录</h1>${notice(error, true)}
<form class="card" method="post" action="/admin/login">
  ${csrfField(csrf)}
  <p><label>用户名<input type="text" name="user" autocomplete="username" required></label></p>
  <p><label>密码<input type="password" name="password" autocomplete="current-password" required></label></p>
  <button>登录</button>
</form>`
}

/** What a reply lacks that residents need: someone to call, a date, the unit that answered. */
export function missingMetadata(doc: ReplyDocument): string[] {
  return [
    !doc.contact?.name && !doc.contact?.phone ? '联系人' : undefined,
    !doc.date ? '日期' : undefined,
    !doc.unit ? '承办单位' : undefined,
  ].filter((field): field is string => !!field)
}

export interface StatusView {
  kb: KnowledgeBase
  csrf: string
  job: IngestState
  /** corpus files that the served build does not know (uploaded since, or not yet ingested) */
  pending: string[]
}

export function statusPage({ kb, csrf, job, pending }: StatusView): Html {
  const { manifest } = kb
  const incomplete = kb.documents.map((doc) => ({ doc, missing: missingMetadata(doc) })).filter(({ missing }) => missing.length > 0)
  const plain = kb.documents.filter((doc) => !doc.structured)
  return html`<h1>索引状态</h1>
<div class="card stats">
  <div><span class="muted">版本</span><b class="build">${manifest.buildId}</b></div>
  <div><span class="muted">建库时间</span><b>${when(manifest.builtAt)}</b></div>
  <div><span class="muted">答复</span><b class="documents">${manifest.documents}</b></div>
  <div><span class="muted">段落</span><b class="chunks">${manifest.chunks}</b></div>
</div>
<div class="card">
  <form method="post" action="/admin/ingest" class="inline">${csrfField(csrf)}<button${job.running ? html` disabled` : ''}>重建索引</button></form>
  <a class="button" href="/admin/upload">上传文件</a>
  <p class="muted">${job.running ? html`正在更新：${job.message}（<a href="/admin/ingest">查看进度</a>）` : job.result ?? job.message}</p>
  ${pending.length ? html`<p>尚未收录的文件（重建索引后生效）：${pending.join('、')}</p>` : ''}
</div>
<h2>跳过的文件（${manifest.skipped.length}）</h2>
${manifest.skipped.length
  ? html`<div class="card scroll"><table class="skipped"><tr><th>文件</th><th>原因</th></tr>${manifest.skipped.map(({ file, reason }) => html`<tr><td>${file}</td><td>${reason}</td></tr>`)}</table></div>`
  : html`<p class="muted">没有。</p>`}
${plain.length ? html`<h2>未识别出答复结构、按普通文本收录（${plain.length}）</h2><p class="card">${plain.map((doc) => doc.file).join('、')}</p>` : ''}
<h2>缺少信息的答复（${incomplete.length}）</h2>
${incomplete.length
  ? html`<div class="card scroll"><table class="missing"><tr><th>答复</th><th>缺少</th></tr>${incomplete.map(({ doc, missing }) => html`<tr><td><a href="${replyHref(doc.id)}">${doc.title ?? replyTitle(doc)}</a><div class="muted">${doc.file}</div></td><td>${missing.join('、')}</td></tr>`)}</table></div>`
  : html`<p class="muted">每份答复都有联系人、日期和承办单位。</p>`}
<h2>全部答复（${kb.documents.length}）</h2>
<div class="card scroll"><table class="all-replies">
<tr><th>答复</th><th>段落</th><th></th></tr>
${kb.documents.map((doc) => html`<tr><td><a href="${replyHref(doc.id)}">${doc.title ?? replyTitle(doc)}</a><div class="muted">${doc.file}</div></td><td>${manifest.files[doc.file]?.chunks ?? 0}</td>
<td><form method="post" action="/admin/replies/${encodeURIComponent(doc.id)}/remove" data-confirm="${`删除 ${doc.file} 并重建索引？`}">${csrfField(csrf)}<button class="danger">删除</button></form></td></tr>`)}
</table></div>`
}

export interface UploadLimits {
  maxMb: number
  maxFiles: number
  extensions: readonly string[]
}

export function uploadPage(csrf: string, limits: UploadLimits, error?: string): Html {
  return html`<h1>上传答复文件</h1>${notice(error, true)}
<form class="card" method="post" action="/admin/upload" enctype="multipart/form-data">
  ${csrfField(csrf)}
  <p><input type="file" name="files" multiple accept="${limits.extensions.join(',')}" required></p>
  <p class="muted">${limits.extensions.join(' / ')}，每个不超过 ${limits.maxMb} MB，一次最多 ${limits.maxFiles} 个。同名文件会被替换。上传后自动重建索引。</p>
  <button>上传并重建索引</button>
</form>`
}

export function ingestPage(job: IngestState, message?: string): Html {
  return html`<h1>更新答复库</h1>${notice(message, true)}
${job.reason ? html`<p class="reason">${job.reason}</p>` : ''}
<div class="card" id="ingest-progress" data-src="/admin/ingest/progress" data-finished="${job.running ? '' : job.ok ? 'ok' : 'failed'}">
  <p class="phase">${job.message}</p>
  <progress max="${job.total || 1}"${job.running && !job.total ? '' : html` value="${job.running ? job.done : 1}"`}></progress>
  <p class="result"${job.running ? html` hidden` : ''}>${job.result ?? ''}</p>
</div>
<p><a href="/admin">返回索引状态</a> · <a href="/">去提问</a></p>`
}

export function questionsPage(days: number, counts: DayCount[], unanswered: Unanswered[], top: number): Html {
  const total = counts.reduce((sum, c) => sum + c.questions, 0)
  const answered = counts.reduce((sum, c) => sum + c.answered, 0)
  return html`<h1>居民提问</h1>
<form method="get" action="/admin/questions" class="card filters">
  <label>最近天数<select name="days">${[7, 14, 30, 90].map((n) => html`<option value="${n}"${n === days ? html` selected` : ''}>${n} 天</option>`)}</select></label>
  <button>查看</button>
</form>
<div class="card stats">
  <div><span class="muted">提问</span><b class="total">${total}</b></div>
  <div><span class="muted">已回答</span><b class="answered">${answered}</b></div>
  <div><span class="muted">回答比例</span><b>${total ? `${Math.round((100 * answered) / total)}%` : '—'}</b></div>
</div>
<div class="card">${questionsChart(counts)}</div>
<h2>最常见的未回答问题</h2>
${unanswered.length
  ? html`<div class="card scroll"><table class="unanswered"><tr><th>次数</th><th>问题</th><th>最近</th></tr>${unanswered.slice(0, top).map((u) => html`<tr><td>${u.count}</td><td>${u.question}</td><td>${when(u.last)}</td></tr>`)}</table></div>`
  : html`<p class="muted">这段时间没有未回答的问题。</p>`}
<p class="muted">问题原文只记录未回答的，其中的电话等号码已隐去。</p>`
}
