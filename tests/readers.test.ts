import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { cleanText } from '../index/clean.js'
import { readDocument, unsupportedReason } from '../index/read.js'
import { LOW_CONFIDENCE, tidyOcrText } from '../index/readers/ocr.js'
import { scannedText, unreadableScan } from '../index/readers/scanned-text.js'
import { readHtml } from '../index/readers/html.js'
import { parseReply } from '../index/reply.js'

const fixture = (file: string) => path.join('tests', 'fixtures', file)

test('a Word 97 .doc is read paragraph by paragraph and parsed like any reply', async () => {
  // sample-reply.doc was made once from sample-reply-doc.source.txt with LibreOffice 7.4 (Debian):
  //   soffice --headless --infilter="Text (encoded):UTF8,LF,,," --convert-to 'doc:MS Word 97' sample-reply-doc.source.txt
  const { text, format } = await readDocument(fixture('sample-reply.doc'))
  const cleaned = cleanText(text, format).text
  const source = readFileSync(fixture('sample-reply-doc.source.txt'), 'utf8')
  assert.equal(cleaned, source.trim())
  const { metadata } = parseReply(cleaned)
  assert.equal(metadata.number, '002')
  assert.equal(metadata.contact?.name, '李口袋')
})

/** A reply page as a browser saves it: portal navigation, breadcrumbs, a metadata table, share buttons, footer. */
const SAVED_PAGE = readFileSync(fixture('saved-reply.html'), 'utf8')

test('a saved web page gives its article only, its metadata table as hints and its own address', () => {
  const { text, hints } = readHtml(SAVED_PAGE)
  const lines = text.split('\n')
  assert.equal(lines[0], '对示范区政协第一届一次会议第004号提案的答复')
  assert.ok(lines.includes('今年九月起，新开社区微循环公交两条，连接三个大型居住区和地铁站，发车间隔高峰十分钟。'))
  for (const furniture of ['首页', '当前位置', '分享到', '打印本页', '版权所有', '索引号', '_hmt']) {
    assert.ok(!text.includes(furniture), `page furniture kept: ${furniture}`)
  }
  assert.deepEqual(hints, {
    docNumber: '示交复〔2024〕4号',
    publisher: '示范区交通委员会',
    date: '2024-06-03',
    source: 'https://www.example.gov.cn/zwgk/jyta/2024/reply-004.html',
  })
})

test('the page address comes from the canonical link or og:url when there is no saved-from comment', () => {
  const page = (head: string) => `<html><head>${head}</head><body><div><p>您提出的建议收悉，现将办理情况答复如下：已经办结。</p></div></body></html>`
  assert.equal(readHtml(page('<link rel="canonical" href="https://a.gov.cn/1.html">')).hints.source, 'https://a.gov.cn/1.html')
  assert.equal(readHtml(page('<meta property="og:url" content="https://b.gov.cn/2.html">')).hints.source, 'https://b.gov.cn/2.html')
})

test('formats without a reader are skipped with a reason naming the format and what to convert to', () => {
  assert.match(unsupportedReason('reply.wps'), /WPS.*\.docx or PDF/)
  assert.match(unsupportedReason('reply.ofd'), /OFD.*PDF/)
  assert.match(unsupportedReason('notes.xlsx'), /unsupported format: \.xlsx/)
})

test('OCR output loses the spaces it puts between Chinese characters, and keeps those between Latin words', () => {
  assert.equal(tidyOcrText('对 市 十 六 届 人 大 第 0157 号 代表 建议 的 答复\n\n  发 布 日 期 : 2023-10-18  \nHello   World 科 普'), '对市十六届人大第 0157 号代表建议的答复\n发布日期 : 2023-10-18\nHello World 科普')
})

test('OCR quotes are re-paired: the model reads closing quotes as opening ones', () => {
  assert.equal(tidyOcrText('关于“强化水岸联动“的提案，“全龄友好“理念'), '关于“强化水岸联动”的提案，“全龄友好”理念')
})

test('a recognised page below the confidence floor is left out of the text and listed; a scan with no page left is refused', () => {
  const pages = [
    { page: 1, text: '一、总体情况', confidence: 93 },
    { page: 2, text: '二、具体措施（识别错误很多）', confidence: LOW_CONFIDENCE - 25 },
    { page: 3, text: '', confidence: 0 },
    { page: 4, text: '三、下一步工作', confidence: 89 },
  ]
  const { pages: kept, ocr } = scannedText(pages)
  assert.deepEqual([...kept.keys()], [1, 4])
  assert.deepEqual(ocr, { pages: 2, meanConfidence: 91, lowConfidencePages: [2] })
  assert.match(unreadableScan([pages[1]], 'scanned page').message, /too low confidence/)
  assert.match(unreadableScan([pages[2]], 'image').message, /no text recognised/)
})
