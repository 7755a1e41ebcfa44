/**
 * Metadata from other provinces' layouts, and portal blocks kept out of the passages.
 *
 * The search tool's stored pages held no complete reply from these provinces, so the small fixtures
 * below are written in the layouts that public sources document or show, each cited where it is used:
 * - http://fsou.com/html/text/lar/172754/17275468_2.html — a provincial bureau's rules for its replies:
 *   文号 "浙海渔提…", titles "关于省政协××届×次会议第×××号提案的答复", and the result class "A", "B" or "C"
 *   printed at the top right of the first page.
 * - http://henanshanlin.com/xxgk/xxgkml/qtzdgknr/jytabl/ztqk/202301/t20230112_2927386.shtml — results
 *   counted as (A类), (B类), (C类).
 * - https://public.xinmi.gov.cn/D49Y/4606450.jhtml — a 文号 "新密政办文〔2020〕7号".
 * - http://zszx.zsnews.cn/Article/view/cateid/514/id/76233.html — "联系电话:0760-88300818".
 * Dates in Chinese numerals (二〇一七年五月二十六日, typed with a Latin 0 or ○ as well) are how signed
 * letters date themselves; the corpus's own portal pages (corpus/002_…, corpus/025_…, corpus/021_…)
 * give the portal blocks.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { cleanText } from '../../index/clean.js'
import { parseReply } from '../../index/reply.js'
import { corpusKnowledgeBase } from '../support/corpus-index.js'
import { parsePage } from '../support/parsed-page.js'

test('a provincial bureau letter: unit in the letterhead only, class letter alone, 文号, phone before name, date in Chinese numerals', () => {
  const { metadata, structured } = parsePage([
    '浙江省海洋与渔业局',
    'B',
    '浙海渔提〔2018〕12号',
    '关于省政协十一届五次会议第245号提案的答复',
    '李明委员：',
    '您提出的《关于加强近海渔业资源保护的建议》收悉，现答复如下：',
    '一、我局高度重视近海渔业资源保护工作，今年已开展伏休专项执法行动。',
    '感谢您对我省海洋渔业工作的关心和支持。',
    '二〇一八年六月二十日',
    '联系电话：0571-87053001　联系人：王晓',
  ])
  assert.equal(structured, true)
  assert.equal(metadata.unit, '浙江省海洋与渔业局', 'named only in the letterhead')
  assert.equal(metadata.result, 'B')
  assert.equal(metadata.docNumber, '浙海渔提〔2018〕12号')
  assert.equal(metadata.number, '245')
  assert.equal(metadata.session, '省政协十一届五次会议')
  assert.equal(metadata.date, '2018-06-20')
  assert.deepStrictEqual(metadata.contact, { name: '王晓', phone: '0571-87053001' })
})

test('a 文号 with the class beside it, and a signing date typed with a Latin 0', () => {
  const { metadata } = parsePage([
    '子交函〔2023〕34号　　　　B类',
    '关于区政协三届二次会议第34号提案的答复',
    '张华委员：',
    '您提出的关于优化公交线路的提案收悉，现将办理情况答复如下：',
    '区交通委已会同公交企业调整线路。',
    '上海市某区交通委员会',
    '二0二三年六月十五日',
  ])
  assert.equal(metadata.docNumber, '子交函〔2023〕34号')
  assert.equal(metadata.result, 'B类')
  assert.equal(metadata.date, '2023-06-15')
  assert.equal(metadata.unit, '上海市某区交通委员会', 'a signature above a date in Chinese numerals')
})

test('a bracketed class letter and a bare 〔2023〕8号; the phone on its own line after the name', () => {
  const { metadata } = parsePage([
    '（C）',
    '〔2023〕8号',
    '关于市十七届人大二次会议第108号建议的答复',
    '王芳代表：',
    '您提出的关于增设停车位的建议收悉，现答复如下：',
    '因用地条件限制，该路段暂不具备增设条件。',
    '联系人：赵敏',
    '联系电话：0760-88300818',
  ])
  assert.equal(metadata.result, 'C')
  assert.equal(metadata.docNumber, '〔2023〕8号')
  assert.equal(metadata.kind, '代表建议')
  assert.deepStrictEqual(metadata.contact, { name: '赵敏', phone: '0760-88300818' })
})

test('a class closing the heading, and (A类) on the first line', () => {
  assert.equal(parsePage(['关于市政协十二届一次会议第7号提案的答复（A类）', '您提出的提案收悉，现答复如下：', '已解决。']).metadata.result, 'A类')
  assert.equal(parsePage(['(A类)', '关于市政协十二届一次会议第7号提案的答复', '您提出的提案收悉，现答复如下：', '已解决。']).metadata.result, 'A类')
})

test('dates in Chinese numerals: 〇, ○, a Latin 0, tens and teens', () => {
  const dateOf = (signed: string) => parsePage(['王敏委员：', '您提出的提案收悉，现答复如下：', '正文。', signed]).metadata.date
  assert.equal(dateOf('二〇一七年五月二十六日'), '2017-05-26')
  assert.equal(dateOf('二0一七年五月二十六日'), '2017-05-26')
  assert.equal(dateOf('二○一九年十二月三十一日'), '2019-12-31')
  assert.equal(dateOf('二〇二〇年十月十日'), '2020-10-10')
  assert.equal(dateOf('二〇二〇年十三月一日'), undefined, 'an impossible month stays absent')
})

test('a reply opening with a pipe-delimited table: title, number and unit from its cells; the table is no passage', () => {
  const { metadata, text } = parsePage([
    '提案标题: | 关于完善社区养老服务的建议 | 提案编号: | 0123 |',
    '主办单位: | 市民政局 | 协办单位: | 市卫健委 |',
    '刘强委员:',
    '您提出的关于完善社区养老服务的提案收悉,现答复如下:',
    '市民政局将新建社区养老服务站二十个。',
  ])
  assert.equal(metadata.title, '关于完善社区养老服务的建议')
  assert.equal(metadata.number, '0123')
  assert.equal(metadata.unit, '市民政局')
  assert.doesNotMatch(text, /\|/)
  assert.match(text, /^刘强委员:/)
})

const PORTAL_LABEL = /^(索引号|索取号|主题分类|公开主体|发布机构|成文日期|发文字号|文号|发布日期|公开类型|公开属性|首次公开|公开期限|公开载体|建议标题)\s*[:：(]/mu

test('a portal block, one field per line or run together on one line, is parsed into metadata and taken out of the text', () => {
  const corpusText = (file: string) => readFileSync(path.join('corpus', file), 'utf8')
  const putuo = cleanText(corpusText('002_putuo_zx14-2-142028_lvrongju_zaicidafu.txt'))
  const putuoMeta = parseReply(putuo.text, putuo.portal).metadata
  assert.equal(putuoMeta.docNumber, '普绿容〔2019〕44号', 'a 发文字号 printed over three lines')
  assert.equal(putuoMeta.publisher, '上海市普陀区绿化和市容管理局')
  assert.equal(putuoMeta.date, '2019-10-14')
  assert.doesNotMatch(putuo.text, PORTAL_LABEL)
  assert.doesNotMatch(putuo.text, /SY6941666290201900050|主动公开|长期公开/)
  assert.match(putuo.text, /^对区政协十四届二次会议第142028号提案的再次答复/, 'the heading stays')

  const jingan = cleanText(corpusText('025_jingan_rd15-1-0124_huiban_gongjiaohouchting.txt'))
  const jinganMeta = parseReply(jingan.text, jingan.portal).metadata
  assert.equal(jinganMeta.docNumber, '静府督复〔2018〕1号')
  assert.equal(jinganMeta.publisher, '区政府')
  assert.equal(jinganMeta.date, '2018-05-17')
  assert.doesNotMatch(jingan.text, /索取号|JA0300000/)
})

test('no passage of the indexed corpus quotes a portal field, and asking for one finds none', async () => {
  const kb = await corpusKnowledgeBase()
  const quoting = kb.chunks.filter((chunk) => PORTAL_LABEL.test(chunk.text))
  assert.deepEqual(quoting.map((chunk) => chunk.id), [])
  const hits = await kb.search('索引号 主题分类 公开主体 公开类型 主动公开 公开期限 长期公开', { k: 10, ranking: 'keyword' })
  assert.ok(!hits.some((hit) => /主动公开|长期公开|索引号/.test(hit.chunk.text)), hits.map((hit) => hit.chunk.text.slice(0, 40)).join(' | '))
  const putuo = kb.getDocument('002_putuo_zx14-2-142028_lvrongju_zaicidafu')!
  assert.equal(putuo.docNumber, '普绿容〔2019〕44号')
})
