import assert from 'node:assert/strict'
import path from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { cleanText } from '../index/clean.js'
import { readDocument } from '../index/read.js'
import { parseReply } from '../index/reply.js'
import { chunkDocument, isQuotable } from '../index/chunk.js'
import { parsePage } from './support/parsed-page.js'

const corpus = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'corpus')

async function parseCorpus(file: string) {
  const raw = await readDocument(path.join(corpus, file))
  const cleaned = cleanText(raw.text, raw.format)
  return { ...parseReply(cleaned.text, cleaned.portal), partial: cleaned.partial }
}

test('the seed reply is parsed exactly, field by field', async () => {
  const { metadata, structured } = await parseCorpus('changning-cppcc-15-3-084-reply.txt')
  assert.equal(structured, true)
  assert.deepStrictEqual(metadata, {
    session: '长宁区政协第十五届三次会议',
    kind: '提案',
    number: '084',
    result: '解决或采纳',
    signer: '詹镭',
    proposers: ['辛洁暐', '仲静云', '叶笑樱'],
    addressee: '辛洁暐、仲静云、叶笑樱委员',
    title: '关于进一步发挥上海硅巷效应，“软实力”锻造上海都市科创生态圈的几点建议',
    unit: '长宁区科学技术委员会',
    date: '2024-04-30',
    contact: { name: '洪嫣', phone: '52388345', address: '安西路35号', postcode: '200050' },
  })
})

test('a 会办意见 is addressed to a unit and names the proposers before 提出的', async () => {
  const { metadata } = await parseCorpus('009_putuo_zx15-3-153051_lvrongju_huiban.txt')
  assert.deepStrictEqual(metadata, {
    session: '区政协十五届三次会议',
    kind: '会办意见',
    number: '153051',
    proposers: ['陆力仁', '郑宣'],
    addressee: '苏河水岸办',
    title: '强化水岸联动,塑造半马苏河人文气质',
    unit: '上海市普陀区绿化和市容管理局',
    date: '2024-03-25',
  })
})

test('a 会办意见 without a signature takes its unit from the heading and splits "三位委员"', async () => {
  const jingan = (await parseCorpus('025_jingan_rd15-1-0124_huiban_gongjiaohouchting.txt')).metadata
  assert.equal(jingan.kind, '会办意见')
  assert.equal(jingan.addressee, '市交通委')
  assert.equal(jingan.unit, '上海市静安区人民政府')
  assert.deepEqual(jingan.proposers, ['莫蓓红'])
  assert.equal(jingan.date, '2018-05-17', 'from 成文日期 when there is no signature date')

  const changshou = (await parseCorpus('010_putuo_zx14-5-145012_changshoulu_huiban.txt')).metadata
  assert.deepEqual(changshou.proposers, ['陆力仁', '陈奶森', '叶俊杰'])
  assert.equal(changshou.addressee, '区建管委')
})

test('a 代表建议 of the people’s congress', async () => {
  const { metadata } = await parseCorpus('011_shanghai_kewei_rd16-1-0157_kepu.txt')
  assert.equal(metadata.session, '市十六届人大一次会议')
  assert.equal(metadata.kind, '代表建议')
  assert.equal(metadata.number, '0157')
  assert.deepEqual(metadata.proposers, ['余思彦'])
  assert.equal(metadata.addressee, '余思彦代表')
  assert.equal(metadata.title, '关于提升远郊区科普场馆服务能级的建议')
  assert.equal(metadata.date, '2023-10-18')
})

test('the session decides the kind even when the reply calls the 代表建议 a 提案', async () => {
  const { metadata } = await parseCorpus('031_jingan_rd2-6-126_shequshitang.txt')
  assert.equal(metadata.kind, '代表建议')
  assert.equal(metadata.number, '126')
})

test('经办人 and 联系电话 on their own lines, with the signer', async () => {
  const { metadata } = await parseCorpus('026_changzhou_tianning_rd_yingchunbuxingjie.txt')
  assert.equal(metadata.signer, '周海鹏')
  assert.equal(metadata.date, '2018-05-02')
  assert.deepStrictEqual(metadata.contact, { name: '郭余春', phone: '69896696' })
  assert.equal(metadata.kind, '代表建议')
  assert.deepEqual(metadata.proposers, ['严娟芬'], '"你提出的" points back at the addressee')
})

test('"联系单位及电话" gives unit and phone; a spaced-out "联 系 人" still labels the name', async () => {
  const { metadata } = await parseCorpus('018_zhengzhou_shangjie_chengguanju_tian.txt')
  assert.equal(metadata.unit, '郑州市上街区城市管理局')
  assert.deepStrictEqual(metadata.contact, { name: '熊晓玮', phone: '68118611' })
  assert.equal(metadata.session, undefined)
  assert.equal(metadata.number, undefined)
})

test('a partial reply cut before its end has no contact, signature or date', async () => {
  const { metadata, partial, structured } = await parseCorpus('003_putuo_zx14-2-142072_taopuzhen.txt')
  assert.equal(partial, true)
  assert.equal(structured, true)
  assert.equal(metadata.result, '部分采纳')
  assert.deepEqual(metadata.proposers, ['毛文采'], '您…联名提出的 points back at the addressee')
  for (const absent of ['contact', 'unit', 'date', 'signer'] as const) assert.equal(absent in metadata, false, absent)
})

test('a group is a proposer, and 来源 names the unit when nothing else does', async () => {
  const { metadata } = await parseCorpus('020_nanjing_gongxinju_zx15-1-0009_ai.txt')
  assert.deepEqual(metadata.proposers, ['市政协工商联界别组'])
  assert.equal(metadata.unit, '市工信局')
  assert.equal(metadata.title, '关于高标准建设人工智能创新应用先导区的建议')
  // A page copied from a body's own site names the body with its site; a news site names no body.
  const page = (source: string) => {
    const cleaned = cleanText(['关于印发《某市公共租赁住房配租管理办法》的通知', `来源：${source}`, '日期：2011-11-30', '各区县住房保障部门：', '现将《某市公共租赁住房配租管理办法》印发给你们，请认真贯彻执行。'].join('\n'), 'txt')
    return parseReply(cleaned.text, cleaned.portal).metadata.unit
  }
  assert.equal(page('某市住房和城乡建设委员会网站'), '某市住房和城乡建设委员会')
  assert.equal(page('某市日报'), undefined)
})

test('a page\'s 答复时间 dates a reply whose signing date is garbled', () => {
  const text = ['对区十九届人大四次会议第30号代表建议的答复', '主办单位: 某区交通运输局', '答复时间: 2025-09-15', '吴某代表:', '您提出的关于优化公交布局的建议收悉,现答复如下:', '今年我局优化了2条公交线路。', '2025 915'].join('\n')
  assert.equal(parseReply(text).metadata.date, '2025-09-15')
})

test('a signing date that lost its 年 or its 日 still dates the reply, and the signature is no part of the last passage', () => {
  const reply = (date: string) => ['对区政协五届二次会议第12号提案的会办意见', '区教育局:', '王某等委员提出的关于校园午餐的提案收悉,现将会办意见函告如下:', '一是建议增加配餐点,二是建议公开菜谱。', '以上意见供你单位统一答复提案者时参考。', '某区地区工作办公室', '', date].join('\n')
  for (const [date, iso] of [['20203月26', '2020-03-26'], ['2020年4月27', '2020-04-27'], ['202012月5', '2020-12-05']]) {
    assert.equal(parseReply(reply(date)).metadata.date, iso, date)
    const passages = chunkDocument('huiban', cleanText(reply(date)).text).filter(isQuotable)
    assert.ok(passages.every((chunk) => !chunk.text.includes(date) && !chunk.text.includes('某区地区工作办公室')), date)
  }
})

test('a form row saying the motion was handed over is not the opening; joint signers on the date\'s line; a contact after its office', () => {
  const form = [
    '关于修缮河口村便民桥的建议',
    '建议内容|河口村现有便民桥建于1980年，年久失修，建议县里实地调研后重建。|办理情况|已于2024年3月转交某某镇办理。',
    '赵某某代表:您好,您提出的关于重建河口村便民桥的建议已收悉,现答复如下:我镇已完成勘察设计，计划年内开工。',
    '某县某某镇人民政府 某县交通运输局2024年8月6日',
    '联系单位及联系人:某县某某镇政府 钱某某 联系电话:4710000',
  ].join('\n')
  const metadata = parseReply(form).metadata
  assert.deepEqual(metadata.proposers, ['赵某某'])
  assert.equal(metadata.title, '关于重建河口村便民桥的建议')
  assert.equal(metadata.unit, '某县某某镇人民政府')
  assert.equal(metadata.date, '2024-08-06')
  assert.deepEqual(metadata.contact, { name: '钱某某', phone: '4710000' })
  // A motion number printed in brackets after the title, labelled 提案编号.
  const numbered = ['孙某委员:', '您提出的关于在滨河路加装护栏的提案(提案编号2024017)已收悉。现答复如下:', '护栏已于5月装好。', '某县住房和城乡建设局', '2024年6月3日'].join('\n')
  const { number, title } = parseReply(numbered).metadata
  assert.equal(number, '2024017')
  assert.equal(title, '关于在滨河路加装护栏')
})

test('a mirror\'s page in traditional characters, pinyin printed after some, is read simplified: proposer, session, unit and date', () => {
  const mirror = [
    '張某某等代表:',
    '你們在某縣第十七屆人民代表大會(huì)第二次會(huì)議期間提出的《關(guān)于修建河口村連接線(xiàn)道路的建議》,已交由我局辦理。現(xiàn)將辦理情況答復(fù)如下:',
    '該條道路已經(jīng)列入建設計劃,預計明年完工。',
    '某縣交通運輸局',
    '2018年6月10日',
  ].join('\n')
  const cleaned = cleanText(mirror)
  assert.equal(cleaned.traditional, true)
  assert.doesNotMatch(cleaned.text, /\(huì\)|會|縣/)
  const { metadata } = parseReply(cleaned.text)
  assert.deepEqual(metadata.proposers, ['张某某'])
  assert.equal(metadata.session, '某县第十七届人民代表大会第二次会议')
  assert.equal(metadata.title, '关于修建河口村连接线道路的建议')
  assert.equal(metadata.unit, '某县交通运输局')
  // A simplified text with a name in a rare traditional character (辛洁暐) stays as printed.
  const simplified = cleanText(['辛洁暐委员:', '您提出的关于科创街区的提案收悉,现答复如下:', '我委已会同各街道推进。'].join('\n'))
  assert.equal(simplified.traditional, false)
  assert.match(simplified.text, /辛洁暐/)
})

test('numbers printed after 提案答复 or with a part (第237-7号), an opening saying the motion was passed on (转由), a bulleted page date', () => {
  const headed = ['【区城管委】政协某市某区第十六届二次会议委员提案答复 第35号', '闫某、王某委员:', '您们提出的关于加强道路停车秩序管理的建议提案,经研究答复如下:', '今年新增停车泊位300个。', '某区城市管理委员会', '2023年5月8日'].join('\n')
  assert.equal(parseReply(headed).metadata.number, '35')
  const part = ['某区民政局关于区第十九届人民代表大会第三次会议第237-7号建议的复函', '刘某代表:', '您提出的《关于加强湖滨村管理的建议》(第237-7号)收悉,经仔细研究,现答复如下。', '区财政保障了运转经费。', '某区民政局', '2023年6月27日'].join('\n')
  assert.equal(parseReply(part).metadata.number, '237-7')
  const passedOn = ['某区城市管理局关于区政协第十六届一次第130号建议的复函', '严某委员:', '您在区政协第十六届一次会议提出的《关于加强博才路市政设施管理的建议》(第130号建议)已转由我局办理。首先感谢您的关心。', '我局已安排专人调查。', '某区城市管理局', '2022年4月29日'].join('\n')
  assert.deepEqual(parseReply(passedOn).metadata.proposers, ['严某'])
  const bulleted = ['• MB0Q15011/2024-00027', '• 某区住房和城乡建设局', '• 人大代表建议办理', '• 2024-06-14', '关于区四届人大四次会议第41号建议的回复', '黄某代表:', '您提出的关于“打通桂圆路北段”的建议收悉。现答复如下:', '该道路未列入2024年城建计划。'].join('\n')
  assert.equal(parseReply(bulleted).metadata.date, '2024-06-14')
})

test('table pages: the title comes from its field, whole, even when the opening misprints it', async () => {
  const sichuan = (await parseCorpus('021_sichuan_kejiting_rd12-5-094_chuangxinchengshi.txt')).metadata
  assert.equal(sichuan.title, '关于积极支持宜宾市申报“国家创新型试点城市”的建议')
  assert.equal(sichuan.number, '94')
  assert.equal(sichuan.kind, '代表建议')

  const { metadata, structured } = await parseCorpus('014_shanghai_minzhengju_zx13-5-0234_shequyun.txt')
  assert.equal(structured, true)
  assert.equal(metadata.title, '关于城市社区治理数字化转型的建议')
  assert.equal(metadata.result, '解决或采纳')
  assert.equal(metadata.addressee, undefined, 'no salutation: the line above the opening is 办理结果')
  assert.deepEqual(metadata.proposers, [])
})

test('the signature date is the last date line; without one, the page date is used', async () => {
  const putuo = (await parseCorpus('002_putuo_zx14-2-142028_lvrongju_zaicidafu.txt')).metadata
  assert.equal(putuo.date, '2019-10-14', 'signed "2019年 10月14日", published 2019年11月08日 higher up')
  const commerce = (await parseCorpus('027_shanghai_shangwuwei_zx13-3-0010_yejianjingji.txt')).metadata
  assert.equal(commerce.date, '2020-07-11', 'from "发布日期(2020-07-11)"')
})

test('the policy text in the corpus is not a reply, and is named by what its transmittal notice sends out', async () => {
  const { structured, metadata } = await parseCorpus('101_changning_policy_xiandaichanyetixi_shishiyijian_2024.txt')
  assert.equal(structured, false)
  assert.deepEqual(metadata.proposers, [])
  for (const absent of ['addressee', 'kind', 'number'] as const) assert.equal(absent in metadata, false, absent)
  assert.equal(metadata.title, '长宁区加快构建现代化产业体系促进经济高质量发展的实施意见(试行)')
  assert.equal(metadata.unit, '长宁区发展和改革委员会', 'the first of the ten units signing it, two per line above the date')
})

test("policy texts of other cities are named by their own title, never by a form their body lists", async () => {
  const named = async (file: string) => {
    const raw = await readDocument(path.join(corpus, '..', 'tests', 'fixtures', 'policy', file))
    const cleaned = cleanText(raw.text, raw.format)
    return parseReply(cleaned.text, cleaned.portal)
  }
  // A title over three lines, below a portal block; the body lists 《公共租赁住房申请表》 among the papers to hand in.
  const chongqing = await named('02_chongqing_public_rental_housing.txt')
  assert.equal(chongqing.structured, false)
  assert.equal(chongqing.metadata.title, '重庆市人民政府关于印发重庆市公共租赁住房管理暂行办法的通知')
  // A 文号 in brackets after the title is not part of it; a set of questions is a document too.
  assert.equal((await named('04_wuhan_flexible_workers_medical_insurance.txt')).metadata.title, '关于灵活就业人员参加基本医疗保险若干问题的处理意见')
  assert.equal((await named('03_nanjing_school_enrollment_15qa.txt')).metadata.title, '2016年南京市义务教育阶段学校招生工作15问')
  // So are an interview on a policy and its reading, the forms a policy's Q&A is published in.
  const interview = ['某市人社局有关负责人就阶段性减免企业社会保险费政策答记者问', '问：这次减免政策的主要内容是什么？', '答：主要是免、减、缓三项措施。'].join('\n')
  assert.equal(parseReply(interview).metadata.title, '某市人社局有关负责人就阶段性减免企业社会保险费政策答记者问')
  const reading = ['《某市支持小微企业发展若干措施》政策解读', '一、出台背景', '为帮助小微企业渡过难关，制定本措施。'].join('\n')
  assert.equal(parseReply(reading).metadata.title, '《某市支持小微企业发展若干措施》政策解读')
  // A qualifier after the kind of document, book-title marks around the whole name, measures and guidelines.
  const named2 = (...lines: string[]) => parseReply([...lines, '第一条　为规范管理，制定本办法。'].join('\n')).metadata.title
  assert.equal(named2('某市廉租住房保障申请办理办法（试行）'), '某市廉租住房保障申请办理办法（试行）')
  assert.equal(named2('《某市购买住房申办常住户口实施细则》'), '某市购买住房申办常住户口实施细则')
  assert.equal(named2('某市应对疫情支持中小企业共渡难关的若干措施'), '某市应对疫情支持中小企业共渡难关的若干措施')
  assert.equal(named2('某市居住证办理工作指引'), '某市居住证办理工作指引')
  // A 文号 on the line above the name is its number, not the start of its name.
  const numbered = parseReply(['某教〔2016〕13号', '关于印发《2016年某区小学招生入学工作实施意见》的通知', '各小学：', '现印发给你们，请遵照执行。'].join('\n')).metadata
  assert.equal(numbered.title, '关于印发《2016年某区小学招生入学工作实施意见》的通知')
  assert.equal(numbered.docNumber, '某教〔2016〕13号')
  // A list item is no name, nor does a name run on into one.
  assert.equal(named2('办理依据', '1.《关于贯彻实施城乡养老保险制度衔接工作的意见》'), undefined)
})

const reply = (...tail: string[]) =>
  ['对区政协十五届二次会议第152001号提案的答复', '王敏委员：', '您提出的《关于增设社区健身点的建议》的提案收悉，现将办理情况答复如下：', '正文。', ...tail].join('\n')

test('a courteous salutation with a greeting line below it', () => {
  const text = ['尊敬的王敏委员：', '您好！', '您提出的“关于增设社区健身点的建议”的提案收悉。'].join('\n')
  const { metadata } = parseReply(text)
  assert.equal(metadata.addressee, '王敏委员')
  assert.deepEqual(metadata.proposers, ['王敏'])
  assert.equal(metadata.title, '关于增设社区健身点的建议')
})

test('a heading right above the opening is not taken for a salutation', () => {
  const { metadata } = parseReply(['关于增设社区健身点的提案的答复', '您提出的提案收悉，现将办理情况答复如下：'].join('\n'))
  assert.equal(metadata.addressee, undefined)
  assert.deepEqual(metadata.proposers, [])
})

test('a salutation run together with the opening on one line is still the addressee, and the proposer', () => {
  const heading = '某县水务局对某县第五届人民代表大会第二次会议第12号建议的答复'
  const { metadata } = parseReply([heading, '李明代表:你提出的“关于整治东沟河的建议”,已交由我局研究办理,现答复如下:河道已列入规划。'].join('\n'))
  assert.equal(metadata.addressee, '李明代表')
  assert.deepEqual(metadata.proposers, ['李明'])
  // A sentence that only announces the reply is no name, though it ends in a colon too.
  const announced = parseReply([heading, '王芳代表：', '经研究,现答复如下:河道已列入规划。'].join('\n')).metadata
  assert.equal(announced.addressee, '王芳代表')
})

test('a title followed by its number in brackets, one label for contact name and phone, a count of proposers without 位', () => {
  const reply = (salutation: string, opening: string, contact: string) =>
    parseReply(['某县交通运输局关于某县第三届人大二次会议第7号建议的答复', salutation, opening, '已列入计划。', '某县交通运输局', '2023年6月30日', contact].join('\n')).metadata
  const numbered = reply('王强等十代表:', '你们提出的关于修建东山公路的建议(第7号),已交我们研究办理,现答复如下:', '(联系人电话:李应 0875-2225039')
  assert.equal(numbered.title, '关于修建东山公路')
  assert.deepEqual(numbered.contact, { name: '李应', phone: '0875-2225039' })
  assert.deepEqual(numbered.proposers, ['王强'])
  const office = reply('张三代表:', '你提出的关于修建东山公路的建议收悉,现答复如下:', '(联系人及电话:某县交通运输局规划处 王瑞 65749510)')
  assert.deepEqual(reply('李四代表:', '你提出的关于修建东山公路的建议收悉,现答复如下:', '(联系人及电话:蒋文,6121966)').contact, { name: '蒋文', phone: '6121966' })
  assert.deepEqual(office.contact, { name: '王瑞', phone: '65749510' })
  assert.deepEqual(office.proposers, ['张三'], 'a name ending in a numeral keeps it')
})

test('a 文号 sharing its line with the 签发人 field is still the 文号', () => {
  const { metadata } = parseReply(['对市政协十届一次会议第70号提案的答复', '舞交字〔2017〕111号 签发人:张晓东', '办理结果:B', '董春香委员：', '您提出的《关于完善标识系统的提案》收悉，现答复如下：', '已安装指示牌。'].join('\n'))
  assert.equal(metadata.docNumber, '舞交字〔2017〕111号')
  assert.equal(metadata.signer, '张晓东')
})

test('a salutation with the heading\'s tail or a greeting run onto it, a 签发领导 padded to three characters, an empty 发文字号 field before 成文时间', () => {
  const reply = (head: string[], salutation: string, ...tail: string[]) =>
    parsePage([...head, '关于对某市第十六届人民代表大会', '第一次会议第1192号建议办理情况的答复', salutation, '您提出的《关于推广天然气取暖的建议》收悉,现答复如下:', '我委将继续推广。', '某市住房和城乡建设委员会', '2018年5月30日', ...tail]).metadata
  const runOn = reply([], '孙立国代表:第一次会议第1192号建议办理情况的答复')
  assert.deepEqual(runOn.proposers, ['孙立国'])
  assert.equal(reply([], '尊敬的于广海委员您好:').addressee, '于广海委员')
  const fields = reply(['索引号: 1115/2023-01986 发布机构: 某市住房和城乡建设委员会', '发文字号: 成文时间: 2023-12-08'], '色尔道等代表:', '主要签发领导:李  兵')
  assert.equal('docNumber' in fields, false, 'an empty 发文字号 is no 文号')
  assert.equal(fields.signer, '李兵', 'read without its padding')
  // Proposers padded so in a salutation are asked for without it (陈先代表的建议).
  assert.deepEqual(reply([], '严秀某、陈  先、梁  盼代表:').proposers, ['严秀某', '陈先', '梁盼'])
})

test('whom a reply is copied to (抄送, 抄报) is read as printed, without the contact fields or printing line a page runs onto it', () => {
  const reply = (...closing: string[]) =>
    parseReply(['关于县政协十届三次会议第8号提案的答复', '李明委员：', '您提出的《关于修缮县图书馆的提案》收悉，现答复如下：', '已列入年度计划。', '某县文化和旅游局', '2023年6月30日', ...closing].join('\n')).metadata
  assert.equal(reply('抄送：县政协提案委，县政府办公室。').copiedTo, '县政协提案委，县政府办公室')
  assert.equal(reply('抄 报:县政府办 县政协提案委 联系单位: 县教育局').copiedTo, '县政府办 县政协提案委')
  assert.equal(reply('抄送:市政协提案委(2份) 市督查局(2份)某县文化和旅游局办公室2023年7月1日印发').copiedTo, '市政协提案委(2份) 市督查局(2份)')
  assert.equal('copiedTo' in reply('联系人：王芳'), false)
})

test('a 会办意见 never takes the unit it is addressed to for a proposer', () => {
  const forwarded = (opening: string) => parseReply(['区科委：', opening].join('\n')).metadata
  const named = forwarded('你委转来的张蓉委员提出的关于科研成果转化的提案收悉，现将会办意见函告如下：')
  assert.deepEqual(named.proposers, ['张蓉'])
  assert.equal(named.kind, '会办意见')
  const unnamed = forwarded('《关于科研成果转化的建议》提案收悉，现将会办意见函告如下：')
  assert.deepEqual(unnamed.proposers, [])
  assert.equal(unnamed.addressee, '区科委')
})

test('a parenthesised contact line, half-width or full-width', () => {
  const half = parseReply(reply('上海市普陀区体育局', '2024年5月6日', '(联系人:张淮铭;联系电话:67210092)')).metadata
  assert.deepStrictEqual(half.contact, { name: '张淮铭', phone: '67210092' })
  const full = parseReply(reply('（联系人：张淮铭；联系电话：67210092）')).metadata
  assert.deepStrictEqual(full.contact, { name: '张淮铭', phone: '67210092' })
})

test('a signed form names the person who handled the reply beside the leader who signed it (承 办 人签字:…)', () => {
  const { metadata } = parseReply(reply('主管领导签字:王 某', '承 办 人签字:李 某', '联 系 电 话:13000000000', '2017年5月17日'))
  assert.equal(metadata.contact?.name, '李某', 'a padded name is read without its padding')
  assert.equal(metadata.contact?.phone, '13000000000')
})

test('a phone extension is kept whole', () => {
  const { metadata } = parseReply(reply('联系人：李华 联系电话：52564588-7817'))
  assert.deepStrictEqual(metadata.contact, { name: '李华', phone: '52564588-7817' })
})

test('a zero-padded signature date, with the unit before it', () => {
  const { metadata } = parseReply(reply('上海市普陀区体育局', '2025年03月27日'))
  assert.equal(metadata.date, '2025-03-27')
  assert.equal(metadata.unit, '上海市普陀区体育局')
})

test('a signing date typed with dots or slashes (2023.6.12, 2022/08/15), and a unit named only by 承办单位', () => {
  assert.equal(parseReply(reply('某市交通运输局', '2022/08/15')).metadata.date, '2022-08-15')
  const { metadata } = parseReply(reply('答复类型：A', '承办单位：某县水利局', '联系人及电话：王某 0736-7223456', '2023.6.12'))
  assert.equal(metadata.date, '2023-06-12')
  assert.equal(metadata.unit, '某县水利局')
})

test('a letterhead names a government office; a first line naming a station or a school (an article\'s title) is no unit', () => {
  assert.equal(parseReply(['某市交通运输局文件', '关于调整公交线路的通知', '各区交通部门：', '自下月起调整12条公交线路。'].join('\n')).metadata.unit, '某市交通运输局')
  for (const title of ['巴沟站', '圣母书院', '东京证券交易所']) {
    assert.equal(parseReply([title, `${title}位于城市西北部，建成于二十世纪初，现由当地公司经营。`].join('\n')).metadata.unit, undefined, title)
  }
})

test('a forwarding notice is the forwarding body\'s; a heading run together with its 文号 and addressee gives both', () => {
  const { metadata } = parseReply([
    '区政府转发区教育局关于《某区义务教育阶段招生工作实施意见》的通知 某府发〔2021〕7号各街道办事处，区政府各委办局：',
    '区政府同意区教育局制定的《某区义务教育阶段招生工作实施意见》，现转发给你们，请认真贯彻执行。',
    '一、适龄儿童按户籍和居住地就近入学。',
  ].join('\n'))
  assert.equal(metadata.unit, '区政府', 'not 区政府转发区教育局')
  assert.equal(metadata.title, '区政府转发区教育局关于《某区义务教育阶段招生工作实施意见》的通知')
  assert.equal(metadata.docNumber, '某府发〔2021〕7号')
})

test("a text signed jointly is the first signing unit's, the one that leads", () => {
  const notice = ['关于做好随迁子女入学工作的通知', '各街道办事处：', '现将有关事项通知如下。',
    '某市某区教育局          某市某区公安分局', '某市某区财政局', '2016年3月1日'].join('\n')
  assert.equal(parseReply(notice).metadata.unit, '某市某区教育局')
})

test('a 协办函 goes to the lead unit; its proposers come from the opening sentence', () => {
  const text = [
    '关于市政协十四届三次会议第0456号提案的协办函',
    '市交通委：',
    '李明、周洁等委员提出的“关于优化公交线路的建议”的提案收悉，经研究，现将协办意见函告如下：',
    '我委将配合做好相关工作。',
    '上海市长宁区建设和管理委员会',
    '2025年4月2日',
  ].join('\n')
  const { metadata, structured } = parseReply(text)
  assert.equal(structured, true)
  assert.deepStrictEqual(metadata, {
    session: '市政协十四届三次会议',
    kind: '协办函',
    number: '0456',
    proposers: ['李明', '周洁'],
    addressee: '市交通委',
    title: '关于优化公交线路的建议',
    unit: '上海市长宁区建设和管理委员会',
    date: '2025-04-02',
  })
})

test('plain text with a colon line and a 《》 is unstructured and gets no invented fields: its name is its own headline', () => {
  const text = [
    '区科委召开科技金融座谈会',
    '各有关单位：',
    '会议解读了《长宁区鼓励科技创新的若干政策措施》，与会企业代表提出了意见。',
  ].join('\n')
  assert.deepStrictEqual(parseReply(text), { metadata: { proposers: [], title: '区科委召开科技金融座谈会' }, structured: false })
})

/** Real replies from other provinces (tests/fixtures/other-provinces, each with its source URL), in layouts corpus/ does not have. */
/** A real reply from another province (tests/fixtures/other-provinces, or more-provinces: replies found later, kept out of the elsewhere set). */
async function parseElsewhere(file: string, folder = 'other-provinces') {
  const raw = await readDocument(path.join(corpus, '..', 'tests', 'fixtures', folder, file))
  const cleaned = cleanText(raw.text, raw.format)
  return parseReply(cleaned.text, cleaned.portal).metadata
}

test('contact lines in other layouts: one label for name and phone, any dash in the number, a padded name', async () => {
  // 联系人及电话:杨朝祥0876-3066582 / 经办人及联系电话:姜璐颖:0917—4936343 / 承办人及联系电话:方均元  07306223118
  assert.deepEqual((await parseElsewhere('04_maguan_nongye.txt')).contact, { name: '杨朝祥', phone: '0876-3066582' })
  assert.deepEqual((await parseElsewhere('02_taibai_yingge.txt')).contact, { name: '姜璐颖', phone: '0917—4936343' })
  assert.deepEqual((await parseElsewhere('03_pingjiang_jiaoti.txt')).contact, { name: '方均元', phone: '07306223118' })
  // 联系电话:0915─4426580 (a box-drawing dash)
  assert.equal((await parseElsewhere('01_ziyang_wenguang.txt')).contact?.phone, '0915─4426580')
  // (联系人:张  征 市公安局东区分局纪委书记,电话:13982369552): the name, not its first character
  assert.equal((await parseElsewhere('06_panzhihua_dongqu.txt')).contact?.name, '张征')
})

test('result classes and 文号 as other provinces print them', async () => {
  const pingjiang = await parseElsewhere('03_pingjiang_jiaoti.txt') // 平教体字〔2018〕27号C类, on one line
  assert.equal(pingjiang.docNumber, '平教体字〔2018〕27号')
  assert.equal(pingjiang.result, 'C类')
  assert.equal((await parseElsewhere('02_taibai_yingge.txt')).result, 'B') // 类别:B
  assert.equal((await parseElsewhere('05_panji_jiaojing.txt')).result, 'B') // 办复类别: B
})

test('signatures other provinces use: a brigade, a date whose 年月日 the site dropped, a unit in a bulleted page list', async () => {
  const panji = await parseElsewhere('05_panji_jiaojing.txt')
  assert.equal(panji.unit, '交警潘集大队')
  assert.equal(panji.date, '2024-10-18', '20241018 under the signature, not the page date 2024-10-25')
  assert.equal((await parseElsewhere('08_qijiang_guofu.txt')).date, '2023-05-26') // 2023526
  assert.equal((await parseElsewhere('09_shangjie_gongan.txt')).unit, '上街区公安局') // • 上街区公安局
})

test('proposers and titles in other wordings: 政协委员 after the name, padded salutations, a title announced before 现答复如下', async () => {
  assert.deepEqual((await parseElsewhere('03_pingjiang_jiaoti.txt')).proposers, ['张小华']) // 张小华政协委员:
  assert.deepEqual((await parseElsewhere('07_haiyang_nongye.txt')).proposers, ['郭红苹', '王玉花', '黄成美', '于金娥'])
  const panji = await parseElsewhere('05_panji_jiaojing.txt') // "   王立超  委员" and "提出的关于…的提案,经认真办理,现答复如下"
  assert.deepEqual(panji.proposers, ['王立超'])
  assert.equal(panji.title, '关于加强泥河镇中心小学上、放学高峰期间交通疏导')
  // 你提出的“关于加强农村垃圾清运和处理的提案”已交我们研究办理,现答复如下
  assert.equal((await parseElsewhere('04_maguan_nongye.txt')).title, '关于加强农村垃圾清运和处理的提案')
})

const MORE = 'more-provinces'

test('more layouts of real replies: an opening that only begins with the motion, eleven names, a number after the title, a serial with its part, a wrapped signature', async () => {
  // 尊敬的王风科代表: / 您好!您提出的《…》对于…具有重要意义 (no 收悉, no 答复如下)
  const pingshun = await parseElsewhere('pingshun_linye.txt', MORE)
  assert.deepEqual(pingshun.proposers, ['王风科'])
  assert.equal(pingshun.title, '关于贯通自新村与涉县消防通道的建议')
  // 姜伟、高丽丽、…、张永胜代表: (43 characters)
  assert.equal((await parseElsewhere('sixian_shijianju.txt', MORE)).proposers.length, 11)
  // 县十六届人大三次会议《关于…的建议》(第86号)的答复函, signed 2020年4月27 (its 日 left off)
  const fumeng = await parseElsewhere('fumeng_huanbao.txt', MORE)
  assert.equal(fumeng.number, '86')
  assert.equal(fumeng.date, '2020-04-27')
  // Hard-wrapped: the signature is not joined to the phone line above it (联系电话:84607566 / 兰亭镇人民政府 / 二○一二年六月十四日)
  const lanting = await parseElsewhere('lanting_zhenzhengfu.txt', MORE)
  assert.equal(lanting.docNumber, '兰政字〔2012〕30-17号')
  assert.equal(lanting.unit, '兰亭镇人民政府')
  assert.deepEqual(lanting.contact, { name: '鲁麓树', phone: '84607566' })
  // 尚小豆委员、田海军委员: the title after each name
  assert.deepEqual((await parseElsewhere('bayannaoer_weijian.txt', MORE)).proposers, ['尚小豆', '田海军'])
})

test('a page field after the page\'s widgets is still read (浏览次数: 字体:[ ] 信息来源: …), and a contact is the person\'s own', async () => {
  const yuyao = await parseElsewhere('yuyao_zhujian.txt', MORE)
  assert.equal(yuyao.unit, '市住房和城乡建设局')
  assert.deepEqual(yuyao.contact, { name: '董雯雯', phone: '62704842' }) // 承办人:董雯雯 / 联系方式:62704842
  // 主管领导:娄** / 联系电话:17399389789 / 承办人:侯** / 联系电话:18999495317
  assert.deepEqual((await parseElsewhere('tacheng_shangwu.txt', MORE)).contact, { name: '侯**', phone: '18999495317' })
})

test('sessions as other provinces write them, in real replies', async () => {
  assert.equal((await parseElsewhere('04_maguan_nongye.txt')).session, '政协马关县第十届委员会第四次会议')
  assert.equal((await parseElsewhere('05_panji_jiaojing.txt')).session, '区第十届政协第三次会议')
  assert.equal((await parseElsewhere('13_qinhuangdao_linye_huiban.txt')).session, '秦皇岛市第十四届人民代表大会第四次会议') // broken across two lines
  assert.equal((await parseElsewhere('18_lvchun_jiaotong.txt')).session, '政协绿春县十三届委员会第二次会议')
})

test('a bare run of digits is a date only when month and day split one way', () => {
  const signed = (date: string) => parseReply(`张三委员：\n您提出的《关于路灯的提案》收悉，现答复如下：\n已安装。\n某某镇人民政府\n${date}`).metadata.date
  assert.equal(signed('20240105'), '2024-01-05')
  assert.equal(signed('2023105'), '2023-10-05')
  assert.equal(signed('2023111'), undefined, 'January 11th or November 1st')
})

test('numbers, 文号 and classes in still other layouts: 温36号建议, 提案第21号, a 文号 in the heading\'s brackets or after a label, (C)', async () => {
  const zhejiang = await parseElsewhere('11_zhejiang_jiaotongting.txt') // 关于省十三届人大一次会议温36号建议的答复[浙交建〔2018〕101号]
  assert.equal(zhejiang.number, '36')
  assert.equal(zhejiang.docNumber, '浙交建〔2018〕101号')
  assert.equal((await parseElsewhere('18_lvchun_jiaotong.txt')).number, '21') // …对县政协提案第21号的答复
  const shahe = await parseElsewhere('16_shahe_jiaotong.txt') // 办理结果:(C) / 建议字:〔2023〕8号
  assert.equal(shahe.result, 'C')
  assert.equal(shahe.docNumber, '建议字:〔2023〕8号')
  // A heading ending in 答复 above the line 类别:提案 is not a 答复类别 field.
  assert.equal((await parseElsewhere('15_tongguan_minzheng.txt')).result, undefined)
})

test('proposers, contacts and units in still other layouts', async () => {
  assert.deepEqual((await parseElsewhere('16_shahe_jiaotong.txt')).proposers, ['纪占斌']) // 纪占斌等3名代表:
  assert.deepEqual((await parseElsewhere('18_lvchun_jiaotong.txt')).proposers, ['刘苍林']) // 刘苍林政协绿春县委员:
  // 您…提出的《…》第122号建议交县卫生健康局办理 opens the reply as 收悉 would
  assert.deepEqual((await parseElsewhere('14_shilin_weijian.txt')).proposers, ['王红兰'])
  // 联系人:浙江省公路管理局计财处,戴京国
  assert.equal((await parseElsewhere('11_zhejiang_jiaotongting.txt')).contact?.name, '戴京国')
  // 桃矿街道党政办 2024年8月14日印发 is who printed it, not who replied
  assert.equal((await parseElsewhere('19_linxiang_taokuang.txt')).unit, '桃矿街道办事处')
})

test('a session as other provinces write it: 政协…第N届委员会第N次会议, 区第N届政协第N次会议, a heading broken across lines', () => {
  const session = (...head: string[]) => parseReply([...head, '王某委员：', '您提出的提案收悉，现答复如下：', '我局已安排专项资金。'].join('\n')).metadata.session
  assert.equal(session('某县农业农村局关于政协某县第十届委员会第四次会议第22号提案的答复函'), '政协某县第十届委员会第四次会议')
  assert.equal(session('关于区第十届政协第三次会议第54号提案的答复函'), '区第十届政协第三次会议')
  assert.equal(session('对某市第十四届人民代表大会', '第四次会议第86号建议的会办意见'), '某市第十四届人民代表大会第四次会议')
  assert.equal(session('关于中国人民政治协商会议某市第九届委员会第二次会议第7号提案的答复'), '中国人民政治协商会议某市第九届委员会第二次会议')
})

test('a page without a document\'s name is named by its own short first line: a question (临时救助怎么申请?) or a topic; never by a sentence, a date or an addressee', () => {
  const title = (text: string) => parseReply(cleanText(text).text).metadata.title
  assert.equal(title('临时救助怎么申请?\n2022-11-30\n凡认为符合条件的家庭或个人可到户籍所在地镇（街道）社会救助窗口提出救助申请。'), '临时救助怎么申请?')
  assert.equal(title('高龄老人长寿补贴的给付\n凡具有本省户籍、年满70周岁以上的老年人，均可享受高龄补贴。'), '高龄老人长寿补贴的给付')
  assert.equal(title('凡认为符合条件的家庭或个人可到镇（街道）社会救助窗口提出申请。\n镇（街道）工作人员一次性告知所需材料。'), undefined)
  assert.equal(title('各镇（街道）：\n为深化殡葬改革，现将有关事项通知如下。'), undefined)
})

test('a motion number with a code before its digits, a signer named in the closing courtesies, proposers when the opening says only when they proposed', () => {
  const text = [
    '关于区十九届人大第六次会议第DH0271号建议办理情况的复函',
    '吴某代表：',
    '在区届人大次会议上提出的《关于解决某小区居民公交出行问题的建议》(第DH0271号)收悉。现将办理情况答复如下。',
    '我委已协调公交集团优化线路。',
    '此复函已经张某某主任审签。',
    '承办单位：各县区交通运输局',
    '某区交通运输委员会',
    '2025年4月10日',
  ].join('\n')
  const { metadata } = parseReply(text)
  assert.equal(metadata.number, '0271')
  assert.equal(metadata.signer, '张某某')
  assert.deepEqual(metadata.proposers, ['吴某'])
  assert.equal(metadata.unit, '某区交通运输委员会')
  // The code and its digits may be bracketed in the title: 第(J027)号建议.
  assert.equal(parseReply('关于对区一届人大三次会议第(J027)号建议的答复\n夏某代表:\n您提出的《关于完善课后服务经费保障机制的建议》收悉,现答复如下:').metadata.number, '027')
  // 各县区… is every county's office, no one body: without a signature it is no unit.
  assert.equal(parseReply('高龄补贴的给付\n承办单位：各县区老龄办\n凡年满70周岁的老年人均可申请。').metadata.unit, undefined)
})

test('a page\'s field block printed as label lines without colons, each above its value, is read and never quoted; one label line alone is a heading', () => {
  const { text, metadata } = parsePage([
    '某县公安局对县十九届人大三次会议第2024085号代表关于整治学校周边环境建议的答复',
    '发布时间:2024-11-21',
    '代表提案者', '熊某',
    '会议届次', '某市某县十九届人大三次会议',
    '建议提案标题', '关于整治学校周边环境建议',
    '建议提案编号', '2024085',
    '承办单位', '县公安局',
    '办理方式', '分办',
    '答复时间', '2024-11-15',
    '办理类型', 'B',
    '文号',
    '熊某代表:',
    '您提出的《关于整治学校周边环境的建议》收悉。现答复如下:',
    '一是交警大队将协调道路主管部门在学校门口施划网状线，并在上下学时段安排警力疏导交通。',
  ])
  assert.equal(metadata.number, '2024085')
  assert.equal(metadata.result, 'B')
  assert.equal(metadata.date, '2024-11-15')
  // An empty field (文号) above the salutation takes nothing from it.
  assert.equal(metadata.addressee, '熊某代表')
  assert.deepEqual(metadata.proposers, ['熊某'])
  assert.doesNotMatch(text, /建议提案编号|办理方式|分办|2024-11-15/)
  const heading = cleanText(['垃圾分类', '某区推进生活垃圾分类', '今年以来，我区在全部居民小区推行生活垃圾定时定点投放，居民区分类达标率稳步提升。'].join('\n'))
  assert.match(heading.text, /^垃圾分类\n某区推进生活垃圾分类\n/)
})

test('a number after the quoted title or the motion\'s kind (“…”(16-3-45号), 代表建议(第18号)), a title quoted before 收悉 without 提出的, proposers before 提出的《, a co-handling letter\'s addressee', () => {
  const quoted = parseReply(['某代表:', '您提出的“关于要求在某大道(西联段)安装路灯的建议”(16-3-45号)收悉,答复如下:', '我局将积极争取资金。'].join('\n')).metadata
  assert.equal(quoted.number, '16-3-45')
  const listed = parseReply(['某县十六届人大四次会议代表建议(第18号)的答复', '第18号,何某等代表提出的《关于将偏僻地区生活垃圾纳入县处理体系的建议》。', '我县已建立村集中、镇转运、县处理的农村生活垃圾收运处理体系。'].join('\n')).metadata
  assert.equal(listed.number, '18')
  assert.deepEqual(listed.proposers, ['何某'])
  const untitled = parseReply(['对县十五届人大四次会议 第44号建议的答复', '段某、冯某代表:', '首先感谢各位代表对交通事业的关心与支持!“关于对维修某县‘四好公路’一号路的建议”已收悉。现答复如下:', '我局已完成改建。'].join('\n')).metadata
  assert.equal(untitled.title, '关于对维修某县‘四好公路’一号路的建议')
  const coHandling = parseReply(['某市自然资源和规划局关于对某市第十五届人大第五次会议第83号代表建议的协办意见', '某区政府:', '某市第十五届人大第五次会议提出的《关于更改某小区商业铺面出入口的建议》(第83号),由市人民政府办公室交由贵单位主办,我单位协办。经研究,现提出协办意见如下:', '建议加强上下学期间交通管理。'].join('\n')).metadata
  assert.equal(coHandling.addressee, '某区政府')
  assert.deepEqual(coHandling.proposers, [])
})

test('a portal block printed twice, inline and a field per line: a label after a space keeps its whole name (主题分类), an empty 文号 stays empty, and the 发布机构 names the unit a text signed by a date alone leaves out', () => {
  const { text, metadata } = parsePage([
    '索引号: 11341723003253900J/202208-00027 组配分类: 人大代表建议办理',
    '发布机构: 市住建局(市人防办) 主题分类: 综合政务',
    '名称: 关于对市一届人大一次会议第20号建议的答复函 文号:',
    '生成日期: 2022-08-30 发布日期: 2022-08-30',
    '索引号: 11341723003253900J/202208-00027',
    '发布机构: 市住建局(市人防办)',
    '主题分类: 综合政务',
    '文号:',
    '生成日期: 2022-08-30',
    '关于对市一届人大一次会议第20号建议的答复函',
    '陈某等代表:',
    '你们提出的关于加快我市电动汽车充电设施建设的建议收悉。现答复如下:',
    '我市已开展电动汽车充电设施建设规划编制前期工作，今年将新建公共充电桩200个。',
    '202285',
  ])
  assert.doesNotMatch(text, /索引号|主题分类|生成日期/)
  assert.equal('docNumber' in metadata, false, `an empty 文号 is no 文号: ${metadata.docNumber}`)
  assert.equal(metadata.publisher, '市住建局(市人防办)')
  assert.equal(metadata.unit, '市住建局(市人防办)')
  assert.equal(metadata.date, '2022-08-30')
})

test('a page saved as one-cell table rows, its reply on one line: the signature at the line\'s end is still the unit and the date', () => {
  const { text, metadata } = parsePage([
    '关于镇十八届人大七次会议第3号建议的答复函 |',
    '李某代表: 您在镇十八届人大七次会议上提出的关于开放中心小学操场的建议收悉,现将办理情况答复如下: 一、基本现状 学校东围墙出现裂缝,暂不对外开放。 二、办理情况 镇政府计划9月底招标,11月底前完工。 感谢对政府工作的支持和理解。 某县某镇人民政府 2025年7月25日 |',
  ])
  assert.equal(metadata.unit, '某县某镇人民政府')
  assert.equal(metadata.date, '2025-07-25')
  assert.doesNotMatch(text, /\|/)
})

test('a motion\'s title is read from 收到《…》 too, and a stray closing quote ends it', () => {
  const opening = (line: string) => parseReply(['某县住房和城乡建设局', '来某代表:', line, '我局已新建充电桩50套。'].join('\n')).metadata.title
  assert.equal(opening('收到《关于在各小区建设电动车充电桩的建议》(自编号027号)后,我局高度重视。现将办理情况答复如下。'), '关于在各小区建设电动车充电桩的建议')
  assert.equal(opening('你提出的关于提升小街小巷照明设施的建议”的建议收悉,现答复如下:'), '关于提升小街小巷照明设施的建议')
})

test('a heading naming the term of a CPPCC or congress without its sitting (市政协第五届委员会) gives that as the session, as does one naming the place\'s 委员会 before its term; a 届 of no such body (第三届运动会) gives none', () => {
  const session = (heading: string) => parseReply([heading, '尚某委员:', '您提出的《关于在公共场所配置除颤仪的提案》已收悉,现答复如下:', '已配置除颤仪40台。'].join('\n')).metadata.session
  assert.equal(session('关于对市政协第五届委员会第201号提案办理情况的答复意见'), '市政协第五届委员会')
  assert.equal(session('关于第三届全民运动会场馆建设提案的答复'), undefined)
  assert.equal(session('关于对区政协十五届二次会议第152001号提案的答复'), '区政协十五届二次会议')
  // The body's formal name, the place's 委员会 before the term: the session whole, not 十二届四次会议 alone.
  assert.equal(session('对政协某某县委员会十二届四次会议第13号提案的答复'), '政协某某县委员会十二届四次会议')
})

test('a form\'s contact rows printed without colons, the handler\'s label lost: the name alone on its row with its phone is the contact, not the leader above', () => {
  const { metadata } = parseReply(reply('主管领导姓名   王某某    联系电话 0722-6230000', '李某某     联系电话  0722-6231111', '抄送:市政协提案委员会(2份)'))
  assert.deepEqual(metadata.contact, { name: '李某某', phone: '0722-6231111' })
  // A unit's row is no person: its phone is still the contact's number.
  assert.deepEqual(parseReply(reply('办公室   联系电话 0722-6232222')).metadata.contact, { phone: '0722-6232222' })
})

test('still other provinces\' layouts: a 文号 that lost its 号 on its own line, a class graded in the heading, contact labels naming both or run on, a name run onto its office, a unit signing without a date', () => {
  const heading = (first: string) => parseReply([first, '赵某代表:', '您提出的《关于修缮东门桥的建议》收悉,现答复如下:', '东门桥已列入维修计划。'].join('\n')).metadata
  assert.equal(heading('某市某区人民政府关于市三届人大二次会议第012号建议 办理情况(C)的函').result, 'C')
  assert.equal(heading('对县九届人大三次会议A类8号建议的答复').result, 'A类')
  assert.equal(parseReply(['对区政协十届二次会议第5号提案的答复', '某区政函[2021]  7', ...reply().split('\n').slice(1)].join('\n')).metadata.docNumber, '某区政函[2021]7')
  // Name and phone under one label that says so (联系人姓名及电话), with the line run onto the signing date.
  const runOn = parseReply(reply('2024年3月8日 承办单位联系人姓名及电话:钱某某13900000000')).metadata
  assert.equal(runOn.date, '2024-03-08')
  assert.deepEqual(runOn.contact, { name: '钱某某', phone: '13900000000' })
  // A phone run onto its label, a name run onto its office; the handler (办理人) named after the leader, with the handler's own number.
  assert.deepEqual(parseReply(reply('联系人:某区交运局孙某某;联系电话0818-2370000')).metadata.contact, { name: '孙某某', phone: '0818-2370000' })
  assert.equal(parseReply(reply('联系人:某区交通局办公室')).metadata.contact?.name, '某区交通局办公室')
  assert.deepEqual(parseReply(reply('主管领导:周某某 职务:局长', '联系电话:7100000', '办理人:吴某某 职务:科长', '联系电话:7100001')).metadata.contact, { name: '吴某某', phone: '7100001' })
  // A reply ending with its unit alone, no date below it.
  assert.equal(parseReply(reply('感谢您对我们工作的支持。', '某市住房和城乡建设局')).metadata.unit, '某市住房和城乡建设局')
})

test('a number printed before the motion\'s quoted title, and a salutation opening with 尊敬 without 的', () => {
  const { metadata } = parseReply(['关于某区人大四届三次会议第16号“关于改造东风小区的建议”的答复', '尊敬李某某代表:', '您好,您提出的《关于改造东风小区的建议》已收悉,现就办理情况复函如下:', '东风小区已纳入改造计划。'].join('\n'))
  assert.equal(metadata.number, '16')
  assert.equal(metadata.addressee, '李某某代表')
  assert.deepEqual(metadata.proposers, ['李某某'])
})

test('a 文号 labelled 编号 in brackets after the heading, an opening starting 现将您提出的, a title proposed 在会议上建议的', () => {
  const labelled = parseReply(['关于对建设公益性墓地的提案答复的函(编号:B〔2017〕062号)', '赵某、陈某委员:', '您提出的关于建设公益性墓地的提案收悉。现答复如下:', '正文。'].join('\n')).metadata
  assert.equal(labelled.docNumber, 'B〔2017〕062号')
  const handed = parseReply(['关于对县政协第二次会议第14号提案的复函', '崔某某委员:', '现将您提出的关于加快乡村道路维修的提案办理情况答复如下:', '正文。'].join('\n')).metadata
  assert.deepEqual(handed.proposers, ['崔某某'])
  assert.equal(handed.title, '关于加快乡村道路维修')
  const suggested = parseReply(['李某某委员:', '你在某县政协第十五届五次会议上建议的《关于进一步发展农村基础教育的提案》〔064〕号,已由县政府转来我局,现将办理情况答复如下:', '正文。'].join('\n')).metadata
  assert.equal(suggested.title, '关于进一步发展农村基础教育的提案')
  assert.deepEqual(suggested.proposers, ['李某某'])
  const selfNumbered = parseReply(['周某代表:', '收到《关于增设公交站台的建议》(自编号015号)后,我局高度重视,现将办理情况答复如下。', '正文。'].join('\n')).metadata
  assert.equal(selfNumbered.number, '015', 'a number written 自编号 after the title is the motion\'s')
  const youAll = parseReply(['王某、李某委员:', '你们好!对于你们在区政协八届三次会议上提出的第12号提案《关于规范夜市摊点的提案》收悉。现答复如下:', '正文。'].join('\n')).metadata
  assert.deepEqual(youAll.proposers, ['王某', '李某'], '对于你们在…会议上 says who through the addressee')
  const handling = parseReply(['某县水利局关于办理县十八届人大四次会议第44号建议的函', '唐某代表:', '您提出的《关于修建山塘的建议》已收悉,现答复如下:', '正文。'].join('\n')).metadata
  assert.equal(handling.session, '县十八届人大四次会议', '办理 is the heading\'s verb, not a place (理县)')
  const colon = parseReply(['区政协十届一次会议提案:第2018031号--关于开通镇际公交的建议的答复', '赵某委员:', '您提出的提案收悉,现答复如下:', '正文。'].join('\n')).metadata
  assert.equal(colon.number, '2018031')
})

test('a portal block printed as a bulleted list is metadata, not text; an empty 文号 field takes no neighbour for its value; a heading 关于答复县…会议', () => {
  const bulleted = parsePage(['• 索引号:', '• 001008003011029/2024-68088', '• 文 号:', '• 某水〔2024〕86号', '• 发布机构:', '• 某县水利局', '某县水利局关于答复县十七届人大三次会议第413号代表建议的函', '吴某代表:', '您《关于增加蓄水工程建设的建议》收悉,我局高度重视,现答复如下:', '已将蓄水工程列入规划。', '某县水利局', '2024年6月26日'])
  assert.equal(bulleted.metadata.docNumber, '某水〔2024〕86号')
  assert.doesNotMatch(bulleted.text, /索引号|发布机构/)
  assert.equal(bulleted.metadata.session, '县十七届人大三次会议')
  assert.equal(bulleted.metadata.title, '关于增加蓄水工程建设的建议')
  const empty = (...fields: string[]) =>
    parsePage([...fields, '关于对市政协八届一次会议第016号提案的答复', '周某委员:', '您提出的《关于划定生态红线的建议》(第016号)收悉。现答复如下:', '已调整。', '某市自然资源局', '2022年10月3日']).metadata
  assert.equal(empty('文       号: 关键字: 划定,生态,委员', '所属机构: 市自然资源局').docNumber, undefined)
  assert.equal(empty('发布机构', '区政府办', '文号', '某区人民政府').docNumber, undefined)
})

test('a number with a dotted part (第6.11号提案), and a co-handling unit naming the deputy after its own words (我单位对市人大某某代表提出的, 现就某某委员提出的)', () => {
  assert.equal(parseReply(['某县发展和改革委员会关于县政协十届一次会议第6.11号提案的复函', '郭某某委员:', '您提出的《关于建设生态博物馆的建议》收悉,现答复如下:', '正文。'].join('\n')).metadata.number, '6.11')
  const cohandled = parseReply(['关于对某市第八届人民代表大会第四次会议第43号建议的协办意见', '市生态环境局:', '我单位对市人大方某某代表提出的关于解决河道水体污染的建议收悉,经研究办理,现提出协办意见如下:', '正文。'].join('\n')).metadata
  assert.deepEqual(cohandled.proposers, ['方某某'])
  const presented = parseReply(['市文旅局:', '现就吕某某委员提出的关于发展乡村旅游的建议,结合本区实际,提出协办意见如下:', '正文。'].join('\n')).metadata
  assert.deepEqual(presented.proposers, ['吕某某'], '现就 is the writer\'s word, not the proposer\'s name')
})

test('a reply opening with thanks for the motion under its salutation (感谢您提出的…) names its proposers; thanks at its close open nothing', () => {
  const thanked = parseReply(['王某、李某某委员您好:', '感谢您提出的关于增设街心公园座椅的建议。', '一、已在主要道路两侧增设座椅20处。', '某区城市建设发展中心', '2023年5月16日'].join('\n')).metadata
  assert.deepEqual(thanked.proposers, ['王某', '李某某'])
  const closing = parseReply(['关于街心公园座椅的说明', '已在主要道路两侧增设座椅20处。', '感谢您提出的宝贵建议。'].join('\n'))
  assert.deepEqual(closing.metadata.proposers, [])
  assert.equal(closing.structured, false)
})

test('a mailbox page (信件标题, 回复单位, 回复内容:) is titled by its letter and signed by the unit that replied; its field label is no addressee; a news report\'s byline is no title', () => {
  const letter = parsePage(['来信内容', '信件标题:', '小区门口的路灯坏了', '信件内容:', '小区门口路灯坏了半个月了。', '回复单位:', '城管局', '回复内容:', '您好,关于您的留言答复如下:已安排维修,本周内修好。'])
  assert.equal(letter.metadata.title, '小区门口的路灯坏了')
  assert.equal(letter.metadata.unit, '城管局')
  assert.equal(letter.metadata.addressee, undefined)
  assert.deepEqual(letter.metadata.proposers, [])
  const report = parsePage(['记者 王 某', '市民李先生致电热线:小区门口的路灯坏了半个月了。', '热线回复:已安排维修,本周内修好。'])
  assert.notEqual(report.metadata.title, '记者 王 某')
})

test('a signature naming its unit without the place (区教育局) or cut by the page (管理行政执法局) is the unit its heading or letterhead names in full', () => {
  const placeless = parseReply(['某区教育局关于区政协五届二次会议第5号提案的答复', '王某委员:', '您提出的《关于增加学位的提案》收悉,现答复如下:', '今年新增学位300个。', '区教育局', '2023年6月1日'].join('\n')).metadata
  assert.equal(placeless.unit, '某区教育局')
  const cut = parseReply(['某县城市管理行政执法局', '对县人大第14号建议的答复', '李某代表:', '您提出的《关于建设垃圾焚烧池的建议》收悉,现答复如下:', '已建成焚烧池12个。', '管理行政执法局', '2021年2月23日'].join('\n')).metadata
  assert.equal(cut.unit, '某县城市管理行政执法局')
})

test('an autonomous county\'s session keeps its whole name (维西傈僳族自治县), not a year before it; a title field printing its own 《》 is read inside them', () => {
  const weixi = parseReply(['尊敬的某某代表:', '您在维西傈僳族自治县十八届人大第三次会议上提出的第18号“关于修复农田灌溉沟渠的建议”已交我局办理,现将办理情况答复如下:', '正文。'].join('\n')).metadata
  assert.equal(weixi.session, '维西傈僳族自治县十八届人大第三次会议')
  const dated = parseReply(['2023年清原满族自治县八届人大二次会议《关于加强县城小区基础设施建设的建议》(72号)的答复', '高某代表:', '您提出的建议收悉,现答复如下:', '正文。'].join('\n')).metadata
  assert.equal(dated.session, '清原满族自治县八届人大二次会议')
  const fielded = parsePage(['某县第十届第四次会议第13号提案公示公告', '提案标题:《关于修复阿保大沟隧洞的建议》', '承办单位:某县水利局', '办理复文(摘要):答复如下:', '已编制修复方案。'])
  assert.equal(fielded.metadata.title, '关于修复阿保大沟隧洞的建议')
})

test('a page\'s read counter before its fields (阅读次数: 来源:… 发布时间:…), its 栏目 and its 名称 are metadata: the 名称 is its title, none of them is text', () => {
  const { text, metadata } = parsePage(['名称: 扶贫小额信贷简要政策 文号:', '成文日期: 发布日期: 2021-01-01', '扶贫小额信贷简要政策', '阅读次数: 来源:某镇人民政府 发布时间:2021-01-01 16:18', '栏目:政策解读', '1.什么是扶贫小额信贷?', '扶贫小额信贷是为建档立卡贫困户量身定制的扶贫贷款产品。'])
  assert.equal(metadata.title, '扶贫小额信贷简要政策')
  assert.doesNotMatch(text, /阅读次数|栏目|发布时间/)
  assert.match(text, /^扶贫小额信贷简要政策\n1\.什么是扶贫小额信贷\?/)
})

test('a guide\'s phone under its heading (七、咨询电话 / 0371-…) or after the short name of the body handling it (承办部门和联系电话:区残联 157…) is its contact phone', () => {
  const phone = (...lines: string[]) => parsePage(['某县城市管理局排水许可服务指南', '一、办理条件', '向城镇排水设施排放污水的单位。', ...lines]).metadata.contact?.phone
  assert.equal(phone('七、咨询电话', '0371-62122555'), '0371-62122555')
  assert.equal(phone('(五)承办部门和联系电话:区残联 15725750400'), '15725750400')
})

test('an index code on a line of its own above a guide\'s name (MB1970631/2022-00007) is no part of the name', () => {
  const { metadata } = parsePage(['MB1970631/2022-00007', '某县城市管理局', '城镇污水排入排水管网许可服务指南', '2022-07-14', '一、审批服务事项', '城镇污水排入排水管网许可'])
  assert.equal(metadata.title, '某县城市管理局城镇污水排入排水管网许可服务指南')
})

test('a motion\'s fields listed without labels (政协第十三届某区委员会第二次会议 / 20230097 / 建议人: 高某) give its session, its number and its proposer', () => {
  const { metadata, text } = parsePage(['关于“加快文化中心建设的建议”提案的答复', '政协第十三届淄川区委员会第二次会议', '20230097', '建议人: 高某', '主办单位: 某区文化和旅游局', '答复时间: 2023-07-19', '高某委员:', '您提出的关于加快文化中心建设的建议收悉,现答复如下:', '正文。'])
  assert.equal(metadata.session, '政协第十三届淄川区委员会第二次会议')
  assert.equal(metadata.number, '20230097')
  const unaddressed = parsePage(['对《关于建设现代农业产业园的建议》的答复', '县十七届人大五次会议', '33', '建议人: 杨某', '主办单位: 某县自然资源局', '经研究,现答复如下:', '正文。'])
  assert.deepEqual(unaddressed.metadata.proposers, ['杨某'])
  assert.match(unaddressed.text, /建议人: 杨某/, 'the proposer line is the reply\'s words, kept')
  assert.match(text, /20230097/)
})
