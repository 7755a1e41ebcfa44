/**
 * Scans end to end: pages typeset from known text, degraded like a scan (skew, speckle, red seal),
 * put into image-only and mixed PDFs and a PNG, ingested with the real OCR and model, then asked about.
 * Few small pages: OCR is the slowest thing the suite does.
 */
import assert from 'node:assert/strict'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { before, test } from 'node:test'
import { createCanvas } from '@napi-rs/canvas'
import { createAnswerEngine } from '../../bot/answer/engine.js'
import { OCR_NOTE } from '../../bot/answer/compose.js'
import { KnowledgeBase, ingest, type IngestSummary } from '../../index/index.js'
import { OCR_CACHE_FOLDER } from '../../index/read.js'
import { imagePdf, mixedPdf, renderPages } from '../ocr/page.js'

const SCANNED_REPLY = [
  '对示范区政协第一届一次会议第003号提案的答复',
  '孙示范委员：',
  '您提出的《关于加快建设小区电动自行车充电桩的建议》收悉，现将办理情况答复如下：',
  '一、建设进展',
  '截至今年五月，全区已在一百二十个小区建成电动自行车集中充电桩，共计六千个充电端口。',
  '二、下一步安排',
  '年底前再为四十个老旧小区加装充电桩，并同步安装烟感报警和自动断电装置。',
  '示范区消防救援支队',
  '2024年6月12日',
  '联系人：周充电，电话：52564588-7840',
]
const MIXED_FIRST_PAGE = [
  '对示范区政协第一届一次会议第005号提案的答复',
  '吴示范委员：',
  '您提出的《关于增设社区图书漂流站的建议》收悉，现将办理情况答复如下：',
  '一、现有站点',
  '全区已在地铁站和社区服务中心设立图书漂流站十五处。',
]
const MIXED_SCANNED_PAGE = ['二、新增站点', '明年将在各街道文化活动中心再设图书漂流站八处，每处首批投放图书五百册。', '示范区文化旅游局', '2024年7月1日']
const PNG_REPLY = [
  '对示范区政协第一届一次会议第006号提案的答复',
  '郑示范委员：',
  '您提出的《关于延长社区食堂营业时间的建议》收悉，现将办理情况答复如下：',
  '自八月起，全区社区食堂晚餐供应时间延长至晚上七点半。',
  '示范区民政局',
  '2024年7月15日',
]

let corpusDir: string
let indexDir: string
let first: IngestSummary
let kb: KnowledgeBase

before(async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'dafu-ocr-'))
  corpusDir = path.join(root, 'corpus')
  indexDir = path.join(root, 'index')
  mkdirSync(corpusDir)
  writeFileSync(path.join(corpusDir, 'scanned-003.pdf'), await imagePdf(renderPages(SCANNED_REPLY, { seed: 11 }).map((page) => page.png)))
  writeFileSync(
    path.join(corpusDir, 'mixed-005.pdf'),
    await mixedPdf([{ text: MIXED_FIRST_PAGE }, { png: renderPages(MIXED_SCANNED_PAGE, { seed: 12, seal: false }).map((page) => page.png)[0] }]),
  )
  writeFileSync(path.join(corpusDir, 'photo-006.png'), renderPages(PNG_REPLY, { seed: 13 })[0].png)
  const blank = createCanvas(800, 1100)
  const ctx = blank.getContext('2d')
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, 800, 1100)
  writeFileSync(path.join(corpusDir, 'blank.png'), blank.toBuffer('image/png'))
  writeFileSync(path.join(corpusDir, 'truncated.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]))
  writeFileSync(path.join(corpusDir, 'reply.ofd'), 'PK fake ofd')
  copyFileSync(path.join('tests', 'fixtures', 'sample-reply.doc'), path.join(corpusDir, 'sample-reply.doc'))
  copyFileSync(path.join('tests', 'fixtures', 'saved-reply.html'), path.join(corpusDir, 'saved-reply.html'))
  first = await ingest({ corpusDir, indexDir })
  kb = await KnowledgeBase.open(indexDir)
})

const docByFile = (file: string) => kb.documents.find((doc) => doc.file === file)

test('a scanned PDF is recognised, parsed and marked as OCR', () => {
  const doc = docByFile('scanned-003.pdf')
  assert.ok(doc, JSON.stringify(first.skipped))
  assert.equal(doc.number, '003')
  assert.equal(doc.date, '2024-06-12')
  assert.equal(doc.ocr?.pages, 1)
  assert.ok(doc.ocr!.meanConfidence >= 70, `confidence ${doc.ocr!.meanConfidence}`)
  assert.match(doc.text, /电动自行车集中充电桩/)
  assert.ok(!/[\p{Script=Han}] [\p{Script=Han}]/u.test(doc.text), 'no spaces between Chinese characters')
})

test('a question about the scan is answered from it, with the note that the original prevails', async () => {
  const engine = createAnswerEngine(() => kb)
  const turn = await engine.respond('小区电动自行车充电桩建了多少个？')
  assert.equal(turn.reply.answered, true, turn.reply.text)
  assert.equal(turn.reply.passages[0].docId, docByFile('scanned-003.pdf')!.id)
  assert.ok(turn.reply.text.includes(OCR_NOTE), turn.reply.text)
  assert.match(OCR_NOTE, /以原件为准/)
  // Replies read from a text layer carry no such note.
  const text = await engine.respond('公交微循环线路发车间隔多久？')
  assert.equal(text.reply.passages[0]?.docId, docByFile('saved-reply.html')!.id, text.reply.text)
  assert.ok(!text.reply.text.includes(OCR_NOTE))
})

test('a PDF with a text page and a scanned page keeps both, in order', () => {
  const doc = docByFile('mixed-005.pdf')!
  assert.equal(doc.number, '005')
  assert.equal(doc.ocr?.pages, 1, 'only the page without text layer is recognised')
  const textLayer = doc.text.indexOf('全区已在地铁站和社区服务中心设立图书漂流站十五处。')
  const scanned = doc.text.search(/各街道文化活动/)
  assert.ok(textLayer >= 0 && scanned > textLayer, doc.text)
})

test('a PNG photo of a reply is read', () => {
  const doc = docByFile('photo-006.png')!
  assert.equal(doc.number, '006')
  assert.match(doc.text, /社区食堂/)
  assert.ok(doc.ocr)
})

test('blank and unreadable images and unread formats are skipped with a reason', () => {
  const reasons = Object.fromEntries(first.skipped.map(({ file, reason }) => [file, reason]))
  assert.match(reasons['blank.png'], /no text recognised/)
  assert.match(reasons['truncated.jpg'], /unreadable image/)
  assert.match(reasons['reply.ofd'], /OFD.*PDF/)
})

test('a .doc and a saved web page are indexed, the page with its table metadata and address', () => {
  assert.equal(docByFile('sample-reply.doc')?.number, '002')
  const page = docByFile('saved-reply.html')!
  assert.equal(page.docNumber, '示交复〔2024〕4号')
  assert.equal(page.publisher, '示范区交通委员会')
  assert.equal(page.sourceUrl, 'https://www.example.gov.cn/zwgk/jyta/2024/reply-004.html')
  assert.ok(!page.text.includes('当前位置'))
})

test('an unchanged scan is never recognised twice: the next ingest takes every page from the cache', async () => {
  assert.equal(first.ocrPages.cached, 0)
  assert.ok(first.ocrPages.recognised >= 4, JSON.stringify(first.ocrPages))
  const again = await ingest({ corpusDir, indexDir })
  assert.equal(again.ocrPages.recognised, 0)
  assert.equal(again.ocrPages.cached, first.ocrPages.recognised)
  const reopened = await KnowledgeBase.open(indexDir)
  assert.equal(reopened.documents.find((doc) => doc.file === 'scanned-003.pdf')?.text, docByFile('scanned-003.pdf')!.text)

  // A scan removed from the corpus leaves no cache entry behind.
  const cacheDir = path.join(indexDir, OCR_CACHE_FOLDER)
  const entries = readdirSync(cacheDir).length
  rmSync(path.join(corpusDir, 'photo-006.png'))
  await ingest({ corpusDir, indexDir })
  assert.equal(readdirSync(cacheDir).length, entries - 1)
})
