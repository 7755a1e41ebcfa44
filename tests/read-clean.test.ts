import assert from 'node:assert/strict'
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { cleanText } from '../index/clean.js'
import { UnreadableFile, readDocument } from '../index/read.js'
import { parseReply } from '../index/reply.js'
import { SEED_FILE } from './support/corpus-index.js'

const corpus = (file: string) => path.join('corpus', file)
const fixture = (file: string) => path.join('tests', 'fixtures', file)
const squeeze = (text: string) => text.replace(/\s+/g, '')

test('the seed reply keeps every non-whitespace character of its source, in order', async () => {
  const source = readFileSync(corpus(SEED_FILE), 'utf8')
  const { text, format } = await readDocument(corpus(SEED_FILE))
  const cleaned = cleanText(text, format).text
  assert.equal(squeeze(cleaned), squeeze(source))
})

test('lines broken mid-sentence by the PDF copy are joined back into paragraphs', async () => {
  const { text, format } = await readDocument(corpus(SEED_FILE))
  const paragraphs = cleanText(text, format).text.split('\n')
  assert.ok(paragraphs.some((p) => p.includes('启动“马兰花计划”创业培训，帮助创业青年强化创业意识、提升创业技能、实施创业实践。')))
  assert.ok(paragraphs.includes('5、关于做好“科创+治理”的建议'), 'a heading stays a paragraph of its own')
  assert.ok(paragraphs.some((p) => p.startsWith('数字治理变革更深入。全区实际办件网办率91.02%，全程网办率86.48%')), 'page-break spaces and PDF kerning are gone')
  assert.ok(paragraphs.length < 45, `expected rejoined paragraphs, got ${paragraphs.length} lines`)
})

test('the source header becomes metadata and web-page leftovers are dropped', () => {
  const raw = [
    'source: https://example.gov.cn/reply/1.html (mirror)',
    'partial: yes',
    '',
    '正文内容区域请使用tab按钮切换浏览',
    '当前位置:首页 > 信息公开',
    '发布时间:2024-03-25 来源:区科委 浏览次数:12 字号:[ ]',
    '张三委员:',
    '您提出的关于社区食堂的提案收悉,现将办理情况答复如下:',
    '分享:',
    '验证码',
  ].join('\n')
  const cleaned = cleanText(raw)
  assert.equal(cleaned.sourceUrl, 'https://example.gov.cn/reply/1.html')
  assert.equal(cleaned.partial, true)
  assert.equal(cleaned.text, '张三委员:\n您提出的关于社区食堂的提案收悉,现将办理情况答复如下:')
  assert.deepEqual(cleaned.portal, { 发布时间: '2024-03-25', 来源: '区科委' }, 'the page fields are metadata, not text')
})

test('a text opening with its page address alone on the line cites it, and neither quotes it nor takes it for its name', () => {
  const cleaned = cleanText(['https://example.gov.cn/news/2024/88.html', '老年助餐点均已运营', '全市500多家老年助餐点均已投入运营。'].join('\n'))
  assert.equal(cleaned.sourceUrl, 'https://example.gov.cn/news/2024/88.html')
  assert.equal(cleaned.text, '老年助餐点均已运营\n全市500多家老年助餐点均已投入运营。')
})

test('a text opening with its address labelled (来源：https://…) cites it, and keeps the page\'s own 来源 field for its publisher', () => {
  const cleaned = cleanText(['来源：https://example.gov.cn/art/2024/3/5/art_1.html', '燃气表更换常见问题', '来源:某县城市管理局', '发布日期:2024-03-05', '老旧燃气表由燃气公司免费更换，居民无需缴纳费用。'].join('\n'))
  assert.equal(cleaned.sourceUrl, 'https://example.gov.cn/art/2024/3/5/art_1.html')
  assert.deepEqual(cleaned.portal, { 来源: '某县城市管理局', 发布日期: '2024-03-05' })
  assert.equal(parseReply(cleaned.text, cleaned.portal).metadata.unit, '某县城市管理局')
  assert.doesNotMatch(cleaned.text, /https|来源/)
})

test('a title run together with the page byline keeps the title as text; the date and the source are metadata', () => {
  const cleaned = cleanText(['某区人民政府办公室关于对区政协十五届二次会议第12号提案的答复的函 2023-06-01 来源:区政府办公室建议提案处', '王五委员:', '您提出的关于加装电梯的提案收悉,现将办理情况答复如下:'].join('\n'))
  assert.equal(cleaned.text.split('\n')[0], '某区人民政府办公室关于对区政协十五届二次会议第12号提案的答复的函')
  assert.doesNotMatch(cleaned.text, /来源|2023-06-01/)
  assert.deepEqual(cleaned.portal, { 发布日期: '2023-06-01', 来源: '区政府办公室建议提案处' })
})

test('a page opening with a table printed without colons (| 文号 | … |) gives its fields as metadata, never as text; a table in the body is kept', () => {
  const cleaned = cleanText([
    '| 标题 | 关于加强城区停车管理的建议 |',
    '| --- | --- |',
    '| 文号 | 湘交函〔2023〕34号 | 发布日期 | 2023-06-12 |',
    '赵某代表：',
    '您提出的关于加强城区停车管理的建议收悉，经认真研究，现将办理情况答复如下，请审阅。',
    '| 类型 | 数量 |',
    '| 公共停车位 | 3200个 |',
  ].join('\n'))
  assert.deepEqual(cleaned.portal, { 标题: '关于加强城区停车管理的建议', 文号: '湘交函〔2023〕34号', 发布日期: '2023-06-12' })
  assert.doesNotMatch(cleaned.text, /湘交函|---/)
  assert.match(cleaned.text, /\| 类型 \| 数量 \|/)
})

test('a web page run onto one line, its paragraphs indented with ideographic spaces, gets its lines back; a label and its value stay together', () => {
  const page = '一、报名时间　　2016年6月25日至26日　　 二、入学年龄　　新生入学年龄满6周岁。　　三、报名办法　　小学实行“一站式”报名。\n联系人：　　张三'
  assert.deepEqual(cleanText(page).text.split('\n'), [
    '一、报名时间 2016年6月25日至26日',
    '二、入学年龄 新生入学年龄满6周岁。',
    '三、报名办法 小学实行“一站式”报名。',
    '联系人： 张三',
  ])
})

test('a reply run onto one line with its signature gets the signature back: the unit and the date are read, and are not the text', () => {
  const raw = '对某市政协五届一次会议第55号提案的答复\n王芳委员: 你提出的《关于规范房顶绿化建设的建议》的提案收悉。现答复如下: 我们将加大宣传力度。 某市建设局 二00七年七月十七日'
  const cleaned = cleanText(raw)
  assert.deepEqual(cleaned.text.split('\n').slice(-2), ['某市建设局', '二00七年七月十七日'])
  const { metadata } = parseReply(cleaned.text)
  assert.equal(metadata.unit, '某市建设局')
  assert.equal(metadata.date, '2007-07-17')
  // A sentence that only ends in a unit's name and a date is left whole.
  assert.equal(cleanText('会议于2023年6月30日召开。 由市建设局 2023年6月30日起执行').text.split('\n').length, 1)
})

test('a page that prints its text twice is kept once', () => {
  const body = ['李四委员:', '您提出的提案收悉。现答复如下:', '我局已完成改造。', '2020年8月18日']
  assert.equal(cleanText([...body, ...body].join('\n')).text, body.join('\n'))
})

test('a heading printed twice in a row is kept once', () => {
  const text = '对区政协十五届一次会议第151135号提案的会办意见\n对区政协十五届一次会议第151135号提案的会办意见\n区发改委:'
  assert.equal(cleanText(text).text, '对区政协十五届一次会议第151135号提案的会办意见\n区发改委:')
})

test('GB18030 text is decoded like UTF-8', async () => {
  const { text } = await readDocument(fixture('gb18030-reply.txt'))
  assert.match(text, /您提出的《关于增设社区长者食堂的建议》收悉/)
})

test('a PDF text layer is read, rejoined and parsed like a text file', async () => {
  const { text, format } = await readDocument(fixture('sample-reply.pdf'))
  const cleaned = cleanText(text, format).text
  assert.ok(cleaned.includes('今年我们在三个街道各选取一个居民区试点建设共享工具屋，配备电钻、梯子、缝纫机等常用工具，'))
  const { metadata } = parseReply(cleaned)
  assert.equal(metadata.number, '001')
  assert.equal(metadata.unit, '示范区民政局')
  assert.deepEqual(metadata.contact, { name: '张示范', phone: '52564588-7817' })
})

test('a DOCX is read paragraph by paragraph', async () => {
  const { text, format } = await readDocument(fixture('sample-reply.docx'))
  const paragraphs = cleanText(text, format).text.split('\n')
  assert.equal(paragraphs[0], '对示范区政协第一届一次会议第001号提案的答复')
  assert.ok(paragraphs.includes('（一）试点建设'))
})

test('a password-protected PDF is refused as encrypted', async () => {
  await assert.rejects(readDocument(fixture('encrypted.pdf')), (error: Error) => error instanceof UnreadableFile && /encrypted PDF/.test(error.message))
})

test('empty, binary and corrupt files are refused with a reason', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dafu-read-'))
  const files = { 'empty.txt': Buffer.alloc(0), 'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]), 'broken.pdf': Buffer.from('%PDF-1.4 not really') }
  const reasons: Record<string, RegExp> = { 'empty.txt': /empty/, 'binary.txt': /binary/, 'broken.pdf': /corrupt PDF/ }
  for (const [name, bytes] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), bytes)
    await assert.rejects(readDocument(path.join(dir, name)), (error: Error) => error instanceof UnreadableFile && reasons[name].test(error.message))
  }
})
