/** What residents asked, per day: the question log summed by day and drawn as an SVG bar chart on the server. */
import { DAY_MS, type LoggedQuestion } from '../../conversation/question-log.js'
import { html, type Html } from './html.js'

export interface DayCount {
  /** YYYY-MM-DD, server's local date */
  day: string
  questions: number
  answered: number
}

const localDay = (time: number) => new Date(time).toLocaleDateString('sv-SE')

/** One entry per day of the last `days` days (today last), days without questions included. */
export function perDay(events: LoggedQuestion[], days: number, now = Date.now()): DayCount[] {
  const counts = new Map<string, DayCount>()
  for (let i = days - 1; i >= 0; i--) {
    const day = localDay(now - i * DAY_MS)
    counts.set(day, { day, questions: 0, answered: 0 })
  }
  for (const event of events) {
    const entry = counts.get(localDay(event.time))
    if (!entry) continue
    entry.questions++
    if (event.answered) entry.answered++
  }
  return [...counts.values()]
}

const WIDTH = 480
const HEIGHT = 200
const PAD = { left: 30, right: 40, top: 14, bottom: 30 }

/** Bars: questions per day (answered part dark, unanswered light); line: answered share (right axis, %). */
export function questionsChart(counts: DayCount[]): Html {
  const plotW = WIDTH - PAD.left - PAD.right
  const plotH = HEIGHT - PAD.top - PAD.bottom
  const max = Math.max(1, ...counts.map((c) => c.questions))
  const step = plotW / Math.max(counts.length, 1)
  const barW = Math.max(2, step * 0.7)
  const y = (value: number) => PAD.top + plotH - (value / max) * plotH
  const x = (i: number) => PAD.left + i * step + (step - barW) / 2
  const share = counts.map((c, i) => (c.questions ? { cx: x(i) + barW / 2, cy: PAD.top + plotH * (1 - c.answered / c.questions) } : undefined))
  const points = share.filter((p): p is { cx: number; cy: number } => !!p)
  const labelEvery = Math.ceil(counts.length / 7)
  const r = (n: number) => n.toFixed(1)
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="每日提问数与回答比例">
<line x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${WIDTH - PAD.right}" y2="${PAD.top + plotH}" stroke="#b8c0ca"/>
<text x="${PAD.left - 4}" y="${PAD.top + 4}" text-anchor="end">${max}</text>
<text x="${PAD.left - 4}" y="${PAD.top + plotH}" text-anchor="end">0</text>
<text x="${WIDTH - PAD.right + 4}" y="${PAD.top + 4}">100%</text>
<text x="${WIDTH - PAD.right + 4}" y="${PAD.top + plotH}">0%</text>
${counts.map((c, i) => html`<g class="day" data-day="${c.day}" data-questions="${c.questions}" data-answered="${c.answered}"><title>${c.day}：${c.questions} 问，已回答 ${c.answered}</title>
<rect x="${r(x(i))}" y="${r(y(c.questions))}" width="${r(barW)}" height="${r(y(0) - y(c.questions))}" fill="#b9d3ee"/>
<rect x="${r(x(i))}" y="${r(y(c.answered))}" width="${r(barW)}" height="${r(y(0) - y(c.answered))}" fill="#0b5cad"/>
${i % labelEvery === 0 ? html`<text x="${r(x(i) + barW / 2)}" y="${HEIGHT - PAD.bottom + 16}" text-anchor="middle">${c.day.slice(5)}</text>` : ''}</g>`)}
${points.length > 1 ? html`<polyline fill="none" stroke="#e07b00" stroke-width="2" points="${points.map((p) => `${r(p.cx)},${r(p.cy)}`).join(' ')}"/>` : ''}
${points.map((p) => html`<circle cx="${r(p.cx)}" cy="${r(p.cy)}" r="3" fill="#e07b00"/>`)}
</svg>
<p class="muted">蓝色：已回答；浅色：未回答；橙线：回答比例（右轴）。</p>`
}
