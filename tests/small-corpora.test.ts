/**
 * Small corpora written for the test, each showing one behaviour on documents unlike the seed replies:
 * a regulation (chapters and articles instead of 一、（一）), and passages that share with a question only
 * a place name (how far the keyword ranks are trusted).
 */
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { KnowledgeBase, ingest } from '../index/index.js'
import { createAnswerEngine } from '../bot/answer/engine.js'
import { converse } from './support/conversation.js'

/** Indexes these files (name → text) as a corpus of their own and opens it. */
async function corpusOf(files: Record<string, string>): Promise<KnowledgeBase> {
  const root = mkdtempSync(path.join(tmpdir(), 'dafu-small-'))
  const corpusDir = path.join(root, 'corpus')
  mkdirSync(corpusDir)
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(corpusDir, name), text)
  assert.equal((await ingest({ corpusDir, indexDir: path.join(root, 'index') })).published, true)
  return KnowledgeBase.open(path.join(root, 'index'))
}

/** The id of the document indexed from this file. */
const idOf = (kb: KnowledgeBase, file: string) => kb.documents.find((doc) => doc.file === file)!.id

/** Asks the engine (a conversation of its own) and checks that it answers, quoting first a passage like `passage`. */
async function quotesFirst(engine: ReturnType<typeof createAnswerEngine>, question: string, passage: RegExp): Promise<void> {
  const [turn] = await converse(engine, question)
  assert.equal(turn.reply.answered, true, turn.reply.text)
  assert.match(turn.reply.passages[0].text, passage)
}

/**
 * A question asking for a kind of fact (a count, a length, a firm) is answered from a text stating one, and
 * refused by the same text stating none: `corpus` builds the text with [stated, unstated].
 */
async function answeredOnlyWhenStated(corpus: (line?: string) => Promise<KnowledgeBase>, question: string, [stated, unstated]: [string, string | undefined], passage: RegExp): Promise<void> {
  const withIt = await corpus(stated)
  await quotesFirst(createAnswerEngine(() => withIt), question, passage)
  const without = await corpus(unstated)
  const [turn] = await converse(createAnswerEngine(() => without), question)
  assert.equal(turn.reply.answered, false, turn.reply.text)
}

/** A reply as these corpora write one: its title, the addressee, the acknowledgement, then the body. */
const reply = (topic: string, addressee: string, ...body: string[]) =>
  [`关于${topic}的建议的答复`, `${addressee}：`, `您提出的《关于${topic}的建议》收悉，现答复如下：`, ...body].join('\n')

/** A text signed at its end, as notices and many replies are: its title, its lines, then the issuer and the date. */
const signed = (title: string, issuer: string, date: string, ...lines: string[]) => [title, ...lines, issuer, date].join('\n')

/** A signed reply to a proposal or suggestion: the addressee and the acknowledgement of what was proposed open its body. */
const answering = (title: string, unit: string, date: string, addressee: string, proposed: string, ...body: string[]) =>
  signed(title, unit, date, `${addressee}：`, `您提出的《${proposed}》收悉，现答复如下：`, ...body)

const REGULATION = [
  '某市公共场所控制吸烟条例',
  '第一章　总则',
  '第一条　为了减少吸烟造成的危害，保障公众身体健康，创造良好的公共场所卫生环境，制定本条例。',
  '第二条　本条例适用于本市行政区域内公共场所的控制吸烟工作。',
  '第二章　禁止吸烟场所',
  '第三条　下列公共场所的室内区域禁止吸烟：托儿所、幼儿园、中小学校、少年宫；医疗机构的候诊区、诊疗区；公共交通工具的车厢内。',
  '第四条　禁止吸烟场所的经营者和管理者应当设置明显的禁止吸烟标志，并公布监督电话。',
  '第三章　法律责任',
  '第五条　个人在禁止吸烟场所吸烟且不听劝阻的，由有关部门责令改正，并处五十元以上二百元以下罚款。',
].join('\n')

test('after an answer from a regulation, 「第四条」 returns that article whole, and a missing article is named', async () => {
  const kb = await corpusOf({ 'smoking-control.txt': REGULATION })
  const [answer, article, missing] = await converse(createAnswerEngine(() => kb), '在禁烟的地方抽烟不听劝会罚多少钱', '第四条', '第九条')
  assert.equal(answer.reply.answered, true, answer.reply.text)
  assert.match(answer.reply.passages[0].text, /第五条\s个人在禁止吸烟场所吸烟/)
  assert.match(answer.reply.text, /第三章.*第五条/)
  // Cited by its own name, not as somebody's 答复.
  assert.match(answer.reply.text, /【来源】.*某市公共场所控制吸烟条例/)
  assert.doesNotMatch(answer.reply.text, /答复/)
  assert.equal(article.intent, 'fullSection', article.reply.text)
  // The article alone, whole: no word of the articles around it.
  assert.match(article.reply.passages[0].text, /^第四条\s禁止吸烟场所的经营者.*监督电话。$/)
  assert.match(missing.reply.text, /没有找到“第九条”/)
  // Asked what it says, the same article; as a first message, which text is meant.
  const [, asked] = await converse(createAnswerEngine(() => kb), '在禁烟的地方抽烟不听劝会罚多少钱', '第三条是什么')
  assert.match(asked.reply.passages[0]?.text ?? '', /第三条\s下列公共场所的室内区域禁止吸烟/, asked.reply.text)
  const [first] = await converse(createAnswerEngine(() => kb), '第三条讲了什么')
  assert.equal(first.intent, 'clarify', first.reply.text)
  // Asked who issued it, a policy text is a 文件 with a 发文单位, not a reply with an 答复单位.
  const [, issuer] = await converse(createAnswerEngine(() => kb), '在禁烟的地方抽烟不听劝会罚多少钱', '这个文件是谁发的')
  assert.equal(issuer.intent, 'fact', issuer.reply.text)
  assert.match(issuer.reply.text, /这份文件没有写明发文单位/)
})

const PLACE_ONLY = [
  '临江区绿化市容工作情况',
  '临江区今年新建口袋公园五座，临江区滨江步道全线贯通。',
  '临江区道路保洁实行网格化管理，临江区主干道每日清扫两次。',
  '临江区垃圾分类达标小区持续增加，临江区设立志愿者督导岗。',
].join('\n')
const ANSWER = ['政务服务情况', '临江区市民通过手机和电脑足不出户就能办好的事项，已经占到全部审批事项的九成。'].join('\n')

let placeCorpus: Promise<KnowledgeBase> | undefined
const placeOnly = () => (placeCorpus ??= corpusOf({ 'greening.txt': PLACE_ONLY, 'services.txt': ANSWER }))

test('passages none of which answers alone are not quoted on the strength of another text\'s', async () => {
  // The openings of twelve real 2020 notices (tests/fixtures/epidemic): none says anything of exporters.
  const folder = 'tests/fixtures/epidemic'
  const kb = await corpusOf(Object.fromEntries(readdirSync(folder).map((file) => [file, readFileSync(path.join(folder, file), 'utf8')])))
  const [turn] = await converse(createAnswerEngine(() => kb), '出口企业有什么帮扶')
  assert.equal(turn.reply.answered, false, turn.reply.text)
})

test('a question sharing only a place name with some passages is answered by meaning, not by the place', async () => {
  const question = '临江区在网上办成事情的比例有多高'
  const kb = await placeOnly()
  const [best] = await kb.search(question)
  assert.match(best.chunk.text, /足不出户/)
  // The same search trusting the keyword ranks in full puts the place-name passages first.
  const [placeFirst] = await kb.withTuning({ keywordFullShare: 0 }).search(question)
  assert.match(placeFirst.chunk.text, /临江区/)
})

test('a question whose rare words a passage holds is still found by them', async () => {
  const [best] = await (await placeOnly()).search('临江区口袋公园建了几座')
  assert.match(best.chunk.text, /口袋公园/)
})

test('a proposer\'s reply asked for by a subject its proposal is not about is not presented as one on it; only passages on that subject are quoted', async () => {
  const kb = await corpusOf({
    'science.txt': reply('打造科创生态圈', '周某委员',
      '一、总体规划',
      '我委已制定科创街区三年行动方案，划定街区范围，明确四大任务。',
      '二、数字生活',
      '围绕医疗、教育、文旅、出行、养老、社保等数字专项行动，建成近百个惠民应用场景。',
      '三、企业培育',
      '我委今年新认定科技小巨人企业12家，支持企业建设研发中心。',
    ),
    'care.txt': reply('完善社区养老服务', '吴某委员', '我局今年新建社区养老服务综合体三家，为高龄老人提供助餐、助浴服务。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [other] = await converse(engine, '周某委员关于养老的建议')
  assert.match(other.reply.text, /^抱歉，没有找到周某委员关于养老的建议。/, other.reply.text)
  assert.doesNotMatch(other.reply.text, /科技小巨人|三年行动方案/)
  assert.doesNotMatch(other.reply.text, /养老服务综合体/)
  const [none] = await converse(engine, '周某委员关于小区停车的建议')
  assert.equal(none.reply.answered, false, none.reply.text)
  assert.match(none.reply.text, /^抱歉，没有找到周某委员关于小区停车的建议。\n周某的答复有：\n1\. [^\n]*打造科创生态圈/)
  const [own] = await converse(engine, '周某委员关于科创生态圈的建议')
  assert.equal(own.reply.answered, true, own.reply.text)
  assert.doesNotMatch(own.reply.text, /没有找到/)
})

test('a message naming replies only by a place is judged on its topic, not on its framing, which every reply\'s opening shares', async () => {
  // Two real replies of one city (tests/fixtures/other-provinces), about roads and about street lights.
  const fixture = (file: string) => readFileSync(path.join('tests/fixtures/other-provinces', file), 'utf8')
  const kb = await corpusOf({ 'roads.txt': fixture('16_shahe_jiaotong.txt'), 'lights.txt': fixture('19_linxiang_taokuang.txt') })
  const engine = createAnswerEngine(() => kb)
  const [parking] = await converse(engine, '沙河市政协关于老旧小区停车难的提案答复了什么')
  assert.equal(parking.reply.answered, false, parking.reply.text)
  const [road] = await converse(engine, '沙河市人大关于群英路改造的建议答复了什么')
  assert.equal(road.reply.answered, true, road.reply.text)
  assert.ok(road.docIds.includes('roads'))
})

test('a policy Q&A answers a question asked in other words with the one question and answer that fit, cited by that question', async () => {
  const kb = await corpusOf({
    'fugong-qa.txt': [
      '复工复产社保政策问答',
      '一、社保方面',
      '企业因疫情生产经营困难，可以缓缴社会保险费吗？',
      '答：可以申请缓缴，缓缴期限原则上不超过六个月，缓缴期间免收滞纳金。',
      '问：中小微企业的单位缴费可以免征吗？',
      '答：二月至六月的养老、失业、工伤三项保险单位缴费部分免征。',
      '二、用工方面',
      '1.问：招用就业困难人员有补贴吗？答：有，按实际缴纳的社会保险费给予补贴，最长不超过三年。',
    ].join('\n'),
  })
  const [turn] = await converse(createAnswerEngine(() => kb), '公司最近经营困难，社保能不能晚点交')
  assert.equal(turn.reply.answered, true, turn.reply.text)
  const [best] = turn.reply.passages
  assert.match(best.text, /缓缴期限原则上不超过六个月/)
  assert.doesNotMatch(best.text, /免征|就业困难人员/)
  assert.match(turn.reply.text, /【来源】.*一、企业因疫情生产经营困难，可以缓缴社会保险费吗？/)
})

/** Notices of one city, each signed by another of its bodies, in the shape of the held-back epidemic set. */
const ONE_CITY = {
  'medical.txt': signed('温州市关于关心关爱疫情防控一线医务人员的若干措施', '温州市卫生健康委员会', '2020年2月8日', '一、对参加疫情防治工作的一线医务人员，按照每人每天300元给予补助。', '二、一线医务人员子女在2020年中考时，给予加10分照顾。', '三、疫情结束后，一线医务人员可安排不少于14天的带薪休假。'),
  'jobs.txt': signed('温州市人力资源和社会保障局关于做好稳就业工作的通知', '温州市人力资源和社会保障局', '2020年2月10日', '一、企业在停工期间组织职工参加线上职业技能培训的，给予培训补贴。', '二、暂停举办现场招聘会，常态化开展线上招聘。'),
  'rent.txt': signed('温州市人民政府办公室关于支持中小企业共渡难关的若干意见', '温州市人民政府办公室', '2020年2月6日', '一、对承租国有资产类经营用房的中小企业，免收2个月房租。', '二、受疫情影响的企业可申请缓缴社会保险费，缓缴期限不超过6个月。'),
}

test('a body no text here is signed by, asked about a topic, gives its place no weight in judging: another body\'s text on another topic is not quoted', async () => {
  const kb = await corpusOf(ONE_CITY)
  const [turn] = await converse(createAnswerEngine(() => kb), '温州市住建局对工地复工有什么要求')
  assert.equal(turn.reply.answered, false, turn.reply.text)
  // Asked for that body's text (its 通知), there is none: said so, by its name.
  const [notice] = await converse(createAnswerEngine(() => kb), '温州市教育局关于网课的通知')
  assert.equal(notice.reply.answered, false, notice.reply.text)
  assert.match(notice.reply.text, /没有找到温州市教育局的/)
})

test('a district its texts name in full is the place in a question that writes its short form, though jieba reads that as a noun (顺义): its replies are searched, not another district\'s', async () => {
  const kb = await corpusOf({
    'stalls.txt': answering('关于区人大第37号建议的答复', '北京市顺义区城市管理委员会', '2021年7月26日', '王某代表', '关于规范发展地摊经济的建议', '我委在三个街道划定地摊经营区域，居民可以在指定时间段摆地摊，摊主须登记并持健康证。'),
    'schools.txt': answering('关于区政协第12号提案的答复', '北京市顺义区教育委员会', '2022年7月26日', '李某委员', '关于增加学前教育资源的提案', '今年新建公办幼儿园5所，新增学位1500个。'),
    'elsewhere.txt': answering('关于区人大第8号建议的答复', '北京市大兴区城市管理委员会', '2021年6月2日', '赵某代表', '关于放开地摊经营的建议', '居民可以摆地摊，我委在五个社区开放了地摊经营点。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [stalls] = await converse(engine, '顺义可以摆地摊吗')
  assert.deepEqual(stalls.docIds, [idOf(kb, 'stalls.txt')], stalls.reply.text)
  assert.equal(stalls.reply.answered, true, stalls.reply.text)
  const [card] = await converse(engine, '顺义身份证丢了去哪补办')
  assert.equal(card.reply.answered, false, card.reply.text)
})

test('a place sent alone lists that place\'s replies, as 普陀区的答复 does: it is not searched as its own topic', async () => {
  const kb = await corpusOf({
    'putuo.txt': answering('关于区政协第5号提案的答复', '上海市普陀区绿化和市容管理局', '2023年6月1日', '王某委员', '关于增加口袋公园的提案', '今年新建口袋公园12座。'),
    'changning.txt': answering('关于区政协第6号提案的答复', '上海市长宁区建设和管理委员会', '2024年6月1日', '李某委员', '关于修缮背街小巷的提案', '今年已修缮背街小巷8条。'),
  })
  for (const place of ['普陀区', '普陀']) {
    const [turn] = await converse(createAnswerEngine(() => kb), place)
    assert.equal(turn.intent, 'lookup', turn.reply.text)
    assert.deepEqual(turn.docIds, [idOf(kb, 'putuo.txt')], turn.reply.text)
  }
})

test('a district written after its city or province (河南舞钢, 平顶山舞钢) is that district: its texts need not name the city; the city\'s own are none', async () => {
  const kb = await corpusOf({
    'stalls.txt': answering('关于市人大第37号建议的答复', '舞钢市城市管理局', '2021年7月26日', '田某代表', '关于规范发展地摊经济的建议', '我局在寺坡、朱兰、垭口划定地摊经营区域，居民可以在指定时间段摆地摊。'),
  })
  const engine = createAnswerEngine(() => kb)
  for (const question of ['平顶山舞钢可以摆地摊吗', '河南省舞钢市哪里可以摆地摊']) {
    const [turn] = await converse(engine, question)
    assert.deepEqual(turn.docIds, [idOf(kb, 'stalls.txt')], `${question}: ${turn.reply.text}`)
  }
  // The city alone is not covered: no text here is its own, and a county's rules are not its city's.
  const [city] = await converse(engine, '平顶山可以摆地摊吗')
  assert.equal(city.reply.answered, false, city.reply.text)
  // Its replies asked for, or a topic one of them is titled by, the replies of the places inside it are offered by name.
  for (const question of ['平顶山的答复有哪些', '河南的地摊经济有什么规定']) {
    const [listed] = await converse(engine, question)
    assert.equal(listed.reply.answered, false, listed.reply.text)
    assert.match(listed.reply.text, /没有找到(?:平顶山|河南)本级的答复。\n(?:平顶山|河南)所辖地方的答复有：\n1\. [^\n]*舞钢市城市管理局/)
  }
  const [offTopic] = await converse(engine, '河南的公积金怎么提取')
  assert.doesNotMatch(offTopic.reply.text, /舞钢/)
})

test('a city\'s replies asked for are its own, then those of the places inside it; asked a topic only these cover, they are offered by name, never quoted for the city', async () => {
  const kb = await corpusOf({
    'city.txt': answering('关于市人大第12号建议的答复', '平顶山市交通运输局', '2022年6月8日', '王某代表', '关于改造城区公交站台的建议', '今年将改造城区公交站台30座。'),
    'stalls.txt': answering('关于市人大第37号建议的答复', '舞钢市城市管理局', '2021年7月26日', '田某代表', '关于规范发展地摊经济的建议', '我局在寺坡、朱兰、垭口划定地摊经营区域，居民可以在指定时间段摆地摊。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [listed] = await converse(engine, '平顶山的答复有哪些')
  assert.deepEqual(listed.docIds, [idOf(kb, 'city.txt'), idOf(kb, 'stalls.txt')], listed.reply.text)
  const [stalls, picked] = await converse(engine, '平顶山的地摊经济有什么规定', '1')
  assert.equal(stalls.reply.answered, false, stalls.reply.text)
  assert.match(stalls.reply.text, /平顶山所辖地方的答复中与此有关的有：\n1\. [^\n]*舞钢市城市管理局/)
  assert.deepEqual(picked.docIds, [idOf(kb, 'stalls.txt')], picked.reply.text)
})

test('a township named like a city (同江市银川乡) does not cover the city (宁夏银川市): asked about the city, its reply is not quoted', async () => {
  const kb = await corpusOf({
    'roads.txt': answering('关于银川乡继续加强农田路修建的建议的答复', '同江市银川乡人民政府', '2017年3月10日', '李某代表', '关于银川乡继续加强农田路修建的建议', '我乡今年新修农田路12公里，并对原有农田路进行维护。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [city] = await converse(engine, '宁夏银川市的农田路修得怎么样')
  assert.equal(city.reply.answered, false, city.reply.text)
  assert.match(city.reply.text, /没有找到涉及宁夏银川市的内容/)
  await quotesFirst(engine, '银川乡的农田路修得怎么样', /新修农田路12公里/)
})

test('a place written with its level (长宁县) is not a place of another level of that name (长宁区), whose texts also say 长宁 alone', async () => {
  const kb = await corpusOf({
    'changning-online.txt': answering('关于区政协第84号提案的答复', '长宁区科学技术委员会', '2024年4月30日', '辛某委员', '关于推进长宁政务服务的提案', '全区实际办件网办率91.02%，创新长宁的政务服务品牌。'),
  })
  const engine = createAnswerEngine(() => kb)
  for (const question of ['长宁县的网办率是多少', '宜宾长宁县的网办率是多少']) {
    const [turn] = await converse(engine, question)
    assert.equal(turn.reply.answered, false, `${question}: ${turn.reply.text}`)
  }
  await quotesFirst(engine, '长宁的网办率是多少', /网办率91\.02%/)
  await quotesFirst(engine, '长宁区的网办率是多少', /网办率91\.02%/)
})

test('a district written by the short name jieba knows only as a rare noun (海珠) is a place: no text covering it, another city\'s rules are not quoted for it', async () => {
  const kb = await corpusOf({
    'rental.txt': signed('中山市公租房申请问答', '中山市住房和城乡建设局', '2021年3月1日', '一、公租房怎么申请？', '申请公租房，应当向户籍所在地街道办事处提交申请表和收入证明。'),
  })
  const [turn] = await converse(createAnswerEngine(() => kb), '海珠的公租房怎么申请')
  assert.equal(turn.reply.answered, false, turn.reply.text)
  assert.match(turn.reply.text, /海珠/)
})

test('a city every text names gives a question no weight in judging: asked with it, a topic none covers is still refused', async () => {
  const kb = await corpusOf(ONE_CITY)
  const engine = createAnswerEngine(() => kb)
  const [covered] = await converse(engine, '温州一线医务人员每天补助多少')
  assert.equal(covered.reply.answered, true, covered.reply.text)
  const [uncovered] = await converse(engine, '温州一线医务人员的职称评审有倾斜吗')
  assert.equal(uncovered.reply.answered, false, uncovered.reply.text)
  // A follow-up that text does not answer is refused as the text's, a 文件, not a 答复.
  const [, followUp] = await converse(engine, '温州一线医务人员每天补助多少', '这些措施的资金从哪里来')
  assert.equal(followUp.reply.answered, false, followUp.reply.text)
  assert.match(followUp.reply.text, /这份文件中没有找到/)
})

test('a text named by its title in 《》 is that text; one no text has or cites is said not to be here, not answered from another', async () => {
  const kb = await corpusOf({
    'market.txt': signed('佛山市市场监督管理局关于支持个体工商户复工复业的通知', '佛山市市场监督管理局', '2020年2月18日', '一、个体工商户可全程网上办理设立、变更登记。', '二、免收国有农贸市场摊位费三个月。'),
    'trade.txt': reply('支持外贸企业稳订单', '何平委员', '我局将认真落实《佛山市稳外贸十条措施》，对出口企业的出口信用保险保费给予50%补助。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [dated] = await converse(engine, '《关于支持个体工商户复工复业的通知》是哪天发的')
  assert.match(dated.reply.text, /的日期：2020年2月18日/)
  // Cited in a reply: that reply answers as it would have.
  const [cited] = await converse(engine, '《佛山市稳外贸十条措施》对出口信用保险有什么补助')
  assert.equal(cited.reply.answered, true, cited.reply.text)
  assert.match(cited.reply.passages[0].text, /保费给予50%补助/)
  const [absent] = await converse(engine, '《佛山市关于支持外贸企业稳定发展的若干措施》对出口信用保险有什么补助')
  assert.equal(absent.reply.answered, false, absent.reply.text)
  assert.match(absent.reply.text, /^抱歉，没有找到《佛山市关于支持外贸企业稳定发展的若干措施》。/)
})

test('a title cited without its closing qualifier (《…办法》 for …办法（新）) still names that text, not one that cites it', async () => {
  const kb = await corpusOf({
    'medical.txt': signed('某市社会医疗保险办法（新）', '某市人民政府', '2016年5月16日',
      '第九条 本办法适用于本市行政区域内的用人单位和职工。', '第十条 非从业居民以本市上年度在岗职工月平均工资的0.7%按月缴纳基本医疗保险费。'),
    'maternity.txt': signed('某市职工生育保险实施办法', '某市人力资源和社会保障局', '2015年7月9日',
      '第九条 职工生育的医疗费用由生育保险基金支付。', '第十条 参照《某市社会医疗保险办法》的规定，职工可在生育次月起1年内申请生育津贴。'),
  })
  const [turn] = await converse(createAnswerEngine(() => kb), '《某市社会医疗保险办法》第十条')
  assert.equal(turn.reply.answered, true, turn.reply.text)
  assert.match(turn.reply.passages[0].text, /非从业居民/)
  assert.deepEqual([...new Set(turn.docIds)], ['medical'], turn.reply.text)
})

test('a place a reply names does not vouch for it: asked about another topic there, the bot refuses', async () => {
  const kb = await corpusOf({
    'crossing-lights.txt': reply('在实验中学路口设置红绿灯', '王芳代表',
      '为保障学生上下学安全，攀枝花市东区交警大队已在实验中学路口设置固定式红绿灯，并设置护学岗。',
      '下一步，东区将继续优化信号灯配时，加强上下学时段的交通疏导。',
    ),
    'old-estates.txt': reply('加快老旧小区改造', '李强委员',
      '南京市玄武区今年启动老旧小区改造十二个，完成屋面修缮和管线更新，改造进展总体顺利。',
    ),
    'street-lights.txt': reply('增设路灯', '张敏代表',
      '成都市武侯区已在沿江步道增设路灯八十盏，夜间照明明显改善。',
    ),
  })
  const engine = createAnswerEngine(() => kb)
  const [elsewhere] = await converse(engine, '攀枝花东区的老旧小区改造进展怎么样')
  assert.equal(elsewhere.reply.answered, false, elsewhere.reply.text)
  const [asked] = await converse(engine, '东区学校门口的红绿灯装了吗')
  assert.equal(asked.reply.answered, true, asked.reply.text)
})

test('a question for a time, an amount or a count is answered only from a passage that holds one', async () => {
  const kb = await corpusOf({
    'canteen.txt': reply('增设社区长者食堂', '陈静代表',
      '今年我区在各街道新建社区长者食堂，为老年人提供就近用餐服务，持敬老卡就餐享受优惠。',
      '下一步，我们将继续扩大长者食堂覆盖面，改善菜品和就餐环境。',
    ),
    'parking.txt': reply('规范小区周边停车管理', '刘洋委员',
      '我区已在新华路施划临时停车泊位120个，收费标准为每小时5元，夜间免费。',
    ),
    // Full-width digits, as many web pages write them.
    'museum.txt': reply('延长区博物馆开放时间', '王芳委员', '自今年起，区博物馆每周二至周日９：００至１７：００开放，周一闭馆。'),
    // A clock typed with another two-dot sign.
    'bus.txt': reply('增设学生专线车', '张群代表', '公交公司在早高峰6︰30~8︰30加密发车，学生专线车在晚自习结束后发车。'),
  })
  const engine = createAnswerEngine(() => kb)
  // The canteen reply is on the topic but gives no hours and no prices.
  for (const question of ['社区长者食堂几点开门', '长者食堂吃一顿饭要多少钱']) {
    const [turn] = await converse(engine, question)
    assert.equal(turn.reply.answered, false, `${question}: ${turn.reply.text}`)
  }
  // Neither asks for an amount: whether there is a discount, how a fee is reduced.
  for (const question of ['老人去长者食堂吃饭有优惠吗', '老年人在长者食堂怎么减免餐费']) {
    const [turn] = await converse(engine, question)
    assert.equal(turn.reply.answered, true, `${question}: ${turn.reply.text}`)
  }
  // A wage asked (工资多少) is a sum too, and so is an investment (总投资是多少, 争取到多少资金); 百分之多少 asks for a share.
  for (const question of ['长者食堂的厨师一个月工资多少', '新建长者食堂总投资是多少', '长者食堂能争取到多少上级资金', '持敬老卡在长者食堂吃饭能优惠百分之多少']) {
    const [turn] = await converse(engine, question)
    assert.equal(turn.reply.answered, false, `${question}: ${turn.reply.text}`)
  }
  await quotesFirst(engine, '新华路临时停车收费多少', /每小时5元/)
  await quotesFirst(engine, '区博物馆几点开门', /９：００至１７：００/)
  await quotesFirst(engine, '公交早高峰是几点到几点', /6︰30~8︰30/)
  // 这几年 is when something was done, not a length of time asked for.
  const [years] = await converse(engine, '这几年长者食堂给老年人就餐提供了哪些方便')
  assert.equal(years.reply.answered, true, years.reply.text)
  // 几点 may be "a few points", not a time of day.
  const [points] = await converse(engine, '关于小区周边停车管理，区里采取了哪几点措施')
  assert.equal(points.reply.answered, true, points.reply.text)
})

test('a width asked (多宽) is answered only from a passage stating one: a road\'s length is no width', async () => {
  const kb = await corpusOf({
    'road.txt': reply('硬化回龙寺至保腾线道路', '魏正熙代表',
      '回龙寺至保腾线道路全长5.5公里，现为砂石路面，已列入2024年农村公路提升改造计划，计划实施路面硬化。',
    ),
    'lane.txt': reply('拓宽东沟村道', '李强代表', '东沟村道拓宽工程已完工，路面宽6米，两侧设置排水沟。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [width] = await converse(engine, '回龙寺那条路硬化以后路面有多宽')
  assert.equal(width.reply.answered, false, width.reply.text)
  await quotesFirst(engine, '东沟村道拓宽以后路面有多宽', /路面宽6米/)
  await quotesFirst(engine, '回龙寺到保腾线那段路有多长', /5\.5公里/)
})

test('a speed limit asked (限速多少) is answered only from a passage stating a speed: a widened road\'s width is none', async () => {
  const road = (body = '') => corpusOf({ 'road.txt': answering('关于拓宽青石公路的建议的答复', '某县交通运输局', '2023年7月3日', '赵某代表', '关于拓宽青石公路的建议', body) })
  await answeredOnlyWhenStated(road, '青石公路拓宽以后限速是多少', ['青石公路拓宽工程已完工，路面宽9米，全线限速60公里/小时，并设置了测速设施。', '青石公路拓宽工程已完工，路面宽9米，全长12公里，并设置了交通标志标线。'], /60公里\/小时/)
})

test('a count (in 所, 亩) is answered by a number of something, not by a list\'s numbering or the 一 of 统一; a length by a length; which ones by names; who builds it or which firm does it by the firm; an account by one; a share by one', async () => {
  const lines = [
    '（一）进城务工人员随迁子女小升初由区教育局统一安排学位，一经查实弄虚作假的，取消入学资格。',
    '（二）申请人持居住证、劳动合同和户口簿到居住地所在街道登记点办理登记。',
    '（三）登记点审核后，对通过审核的申请人发放入学通知书，由家长持通知书到安排的学校报到。',
    '（四）学位紧缺的区域，可统筹安排随迁子女进入区政府委托的民办学校就读。',
  ]
  const title = '关于做好进城务工人员随迁子女小升初入学工作的实施细则'
  const enrolment = (last?: string) => corpusOf({ 'enrolment.txt': signed(title, '某区教育局', '2016年1月5日', ...lines, ...(last ? [last] : [])) })
  await answeredOnlyWhenStated(enrolment, '区里委托了几所民办学校接收随迁子女', ['（五）区政府委托的民办学校共有4所，学费由区财政承担。', undefined], /共有4所/)
  // Counted in 亩, 户 or 公里 too: a text stating no such number does not answer 多少亩.
  const fields = (body = '') => corpusOf({ 'fields.txt': answering('关于高标准农田建设的建议的答复', '某区农业农村局', '2024年3月1日', '周某代表', '关于加快高标准农田建设的建议', body) })
  await answeredOnlyWhenStated(fields, '今年要建多少亩高标准农田', ['我局今年将新建高标准农田1.2万亩，重点解决灌溉排水问题。', '我局将加快高标准农田建设，重点解决灌溉排水问题，并征求村民意见。'], /1\.2万亩/)
  // A length asked is answered by a length, not by the road's year or its villages; a term asked 多长 is a time.
  const road = (body = '') => corpusOf({ 'road.txt': answering('关于硬化中坝村道路的建议的答复', '某县交通运输局', '2018年6月10日', '李某代表', '关于硬化中坝村至军南线道路的建议', body) })
  await answeredOnlyWhenStated(road, '中坝村至军南线那条路全长多少公里', ['中坝村至军南线道路全长5.5公里，已于2018年列入建设计划，途经3个村。', '中坝村至军南线道路已于2018年列入建设计划，途经3个村，预计2019年完工。'], /5\.5公里/)
  const permit = await corpusOf({ 'permit.txt': signed('某市居住证办理指南', '某市公安局', '2020年5月1日', '一、居住证有效期为3年，期满前30日内可以申请签注。') })
  await quotesFirst(createAnswerEngine(() => permit), '居住证有效期是多长', /有效期为3年/)
  // Who builds it is answered by a passage naming the firm, not by one saying only that the work is planned.
  const bridge = (body = '') => corpusOf({ 'bridge.txt': answering('关于改造石门桥的建议的答复', '某县交通运输局', '2024年4月2日', '吴某代表', '关于改造石门桥危桥的建议', body) })
  await answeredOnlyWhenStated(bridge, '石门桥危桥改造是哪家施工单位承建的', ['石门桥危桥改造工程已于3月开工，由某某路桥工程有限公司承建，预计年底完工。', '石门桥危桥改造工程已列入明年计划，我局将积极争取上级资金，尽快开工建设。'], /某某路桥工程有限公司/)
  // So is which firm does it (哪家公司拍的).
  const film = (body = '') => corpusOf({ 'film.txt': answering('关于拍摄街道宣传片的建议的答复', '某街道办事处', '2023年5月6日', '孙某委员', '关于拍摄街道宣传片的建议', body) })
  await answeredOnlyWhenStated(film, '街道的宣传片是哪家公司拍的', ['街道宣传片由某某文化传媒有限公司拍摄制作，已在街道公众号发布。', '街道宣传片已拍摄制作完成，已在街道公众号发布，展示街道发展成就。'], /某某文化传媒有限公司/)
  // An account to follow is answered by a passage naming one, not by one on the activities alone.
  const news = (body = '') => corpusOf({ 'news.txt': answering('关于加强苏州河沿岸活动宣传的建议的答复', '某街道办事处', '2023年4月2日', '郑某委员', '关于加强苏州河沿岸活动宣传的建议', body) })
  await answeredOnlyWhenStated(news, '苏州河沿岸活动的消息在哪个号上能看到', ['街道通过“河畔视野”微信公众号发布苏州河沿岸活动信息，每周更新。', '街道在苏州河沿岸开展了多场活动，吸引居民参与，每周更新活动安排。'], /微信公众号/)
  // A share asked with a word between (比例大概多少) is a share too.
  const online = (body = '') => corpusOf({ 'online.txt': answering('关于提升网上办事比例的建议的答复', '某区政务服务办公室', '2024年4月30日', '张某委员', '关于提升网上办事比例的建议', body) })
  await answeredOnlyWhenStated(online, '区里网上办事的比例大概多少', ['今年全区网上办事比例达到91%，群众办事更方便。', '今年全区推进网上办事，群众办事更方便，城市更新也在推进。'], /91%/)
  // 哪几所 asks which ones: their names answer it, with no number in the text.
  const named = await corpusOf({ 'enrolment.txt': signed(title, '某区教育局', '2016年1月5日', ...lines, '（五）区政府委托的民办学校为育才学校、明德学校和启智学校，学费由区财政承担。') })
  await quotesFirst(createAnswerEngine(() => named), '区里委托了哪几所民办学校接收随迁子女', /育才学校、明德学校和启智学校/)
})

test('asked for a number to call, a text giving none is not answered from its passages; 有问题找谁 after it stays on it', async () => {
  const kb = await corpusOf({
    'funeral.txt': signed('关于减免基本殡葬服务费用的通知', '某区民政局', '2025年1月9日',
      '一、户籍在本区的城乡居民在区殡葬服务中心办理丧事的，免除遗体接运、冷藏、火化和骨灰寄存四项基本殡葬服务费用。',
      '二、丧属持死者户口簿和死亡证明到区殡葬服务中心办理减免手续。'),
    'water.txt': answering('关于解决塘子村缺水问题的建议的答复', '某区水利局', '2025年8月7日', '康某代表', '关于解决塘子村缺水问题的建议',
      '针对塘子村水柜老化、饮水困难的问题，我局已将供水设施更新改造列入明年计划。', '联系人：韦某　联系电话：0778-2283456'),
  })
  const engine = createAnswerEngine(() => kb)
  const [phone] = await converse(engine, '区殡葬服务中心的电话是多少')
  assert.equal(phone.reply.answered, false, phone.reply.text)
  assert.match(phone.reply.text, /没有写明联系人和电话/)
  assert.match(phone.reply.text, /12345/)
  // Which department to go to is answered by a passage naming it.
  await quotesFirst(engine, '丧事减免手续去哪个部门办', /区殡葬服务中心办理减免手续/)
  const [, whom] = await converse(engine, '殡葬服务费减免政策', '有问题找谁')
  assert.deepEqual(whom.docIds, [idOf(kb, 'funeral.txt')], whom.reply.text)
  const [waterPhone] = await converse(engine, '塘子村缺水的事打哪个电话')
  assert.match(waterPhone.reply.text, /0778-2283456/)
})

/** A reply of a county the questions beside it never ask about. */
const ANOTHER_COUNTYS_REPLY = answering('关于解决塘子村缺水问题的建议的答复', '金城江区水利局', '2025年8月7日', '康某代表', '关于解决塘子村缺水问题的建议', '我局已将塘子村供水设施更新改造列入明年计划。')

test('a word the gazetteer also knows as a county (惠民 of 惠民项目) does not make a text another place\'s: its passages not naming its own place still answer', async () => {
  const kb = await corpusOf({
    'funeral.txt': [
      '各镇（街道），济源示范区殡葬服务中心：',
      '为深化殡葬改革，切实维护群众利益，现将殡葬惠民政策通知如下：',
      '一、适用对象',
      '户籍在济源示范区的城乡居民，减免殡葬基本服务费。',
      '二、惠民项目',
      '每具遗体火化减免1200元，具体惠民项目如下：遗体接运200元；遗体火化280元；骨灰寄存（每年）120元。',
      '三、办理程序',
      '惠民项目由殡葬服务中心在结算费用时直接减免，惠民资金由财政承担，惠民政策有效期至2025年7月10日。',
      '2025年1月9日',
    ].join('\n'),
    'water.txt': ANOTHER_COUNTYS_REPLY,
  })
  await quotesFirst(createAnswerEngine(() => kb), '济源骨灰寄存一年能减多少钱', /骨灰寄存（每年）120元/)
})

test('an address asked for is answered by one (or the text\'s contact address); a school by its number (第三中学) no text names is missing', async () => {
  const kb = await corpusOf({
    'station.txt': answering('关于县第十七届人民代表大会第一次会议第71号建议的答复', '某县农业局', '2017年8月28日', '何某代表', '关于成立草原饲料工作站的建议',
      '我局积极协调，拟新设立县草原饲料工作站，编制4人，为县农业局主管的事业单位。'),
    'hall.txt': answering('关于县第十七届人民代表大会第一次会议第72号建议的答复', '某县政务服务中心', '2017年9月1日', '李某代表', '关于设立便民服务大厅的建议',
      '县便民服务大厅已于今年建成，设有社保、医保、不动产登记等窗口。', '联系人：王某　联系电话：0878-7222725　地址：某县龙川路18号'),
    'school.txt': answering('关于市九届人大二次会议第41号建议的答复', '某市教育局', '2017年5月17日', '买某代表', '关于中小学统一配备专用校车的建议',
      '全市中小学现有学生2.3万人，今年秋季新增校车12辆，优先保障镇中学和中心校。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [station] = await converse(engine, '县草原饲料工作站的办公地址在哪里')
  assert.equal(station.reply.answered, false, station.reply.text)
  const [hall] = await converse(engine, '县便民服务大厅的地址是什么')
  assert.equal(hall.reply.answered, true, hall.reply.text)
  assert.match(hall.reply.text, /龙川路18号/)
  const [third] = await converse(engine, '第三中学今年秋季新增几辆校车')
  assert.equal(third.reply.answered, false, third.reply.text)
  await quotesFirst(engine, '中小学今年秋季新增几辆校车', /新增校车12辆/)
})

test('a year the question names is asked about: a text never naming it states another year\'s; whether it opens on a weekend asks for its days or hours', async () => {
  const kb = await corpusOf({
    'housing.txt': signed('某市农村危房改造补助标准', '某市住房和城乡建设局', '2022年12月27日',
      '农村危房改造资金以农户自筹为主，政府补助为辅，分类补助。2021年我市农村危房改造补助资金为：C级危房每户5000元；D级危房每户25000元。'),
    'marriage.txt': answering('关于区五届人大一次会议第16号建议的复函', '某区民政局', '2021年9月23日', '廖某代表', '关于在市民中心落实婚检服务场地的建议',
      '区婚姻登记服务中心联合区妇幼保健院开展婚姻登记与婚前检查全程免费服务，婚姻登记服务中心将入驻市民中心。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [other] = await converse(engine, '2023年农村危房改造补助标准是多少')
  assert.equal(other.reply.answered, false, other.reply.text)
  await quotesFirst(engine, '2021年农村危房改造补助标准是多少', /C级危房每户5000元/)
  const [weekend] = await converse(engine, '区婚姻登记服务中心周末上不上班')
  assert.equal(weekend.reply.answered, false, weekend.reply.text)
})

test('a place named once in passing (东至惠阳河, 东至 being also a county) does not make a text another place\'s', async () => {
  const kb = await corpusOf({
    // The city is only in the file name, as staff save pages (qidong = 启东).
    'qidong_fireworks.txt': [
      '市区禁放烟花爆竹的规定是否还实行？',
      '市公安局治安大队负责人答复，市区禁放烟花爆竹的规定依然实行。禁放范围指东至惠阳河、南至南苑路、西至头兴港河的地带，开禁的时间是除夕至元宵，其余时间一律不允许燃放。',
    ].join('\n'),
    'water.txt': ANOTHER_COUNTYS_REPLY,
  })
  await quotesFirst(createAnswerEngine(() => kb), '启东市区燃放烟花爆竹的开禁时间是什么', /开禁的时间是除夕至元宵/)
})

test('a word that is also a county\'s short name (沿河道路) does not make a text that county\'s: a text about a place writes it in full once', async () => {
  const kb = await corpusOf({
    // The district is only in the file name, as staff save pages (beiguan = 北关); the reply names no unit.
    'beiguan_river.txt': reply('在河道北岸沿河道路加装安全防护设施', '徐某代表',
      '我区采取了以下措施：一是在该段沿河道路设置了多处安全警示标识；二是在河堤周边设置了救生圈等救生设施；三是组织沿河社区开展涉水安全宣传。',
      '感谢您对我区工作的支持。'),
    'water.txt': ANOTHER_COUNTYS_REPLY,
  })
  await quotesFirst(createAnswerEngine(() => kb), '北关区在河堤周边设置了什么设施', /救生设施/)
})

test('a question for an amount is answered from the article that states it, however far down the ranking it was', async () => {
  const kb = await corpusOf({
    'rent.txt': [
      '某市公共租赁住房租金管理办法',
      '第一条　为规范本市公共租赁住房租金管理，保障公共租赁住房的正常运营，制定本办法。',
      '第二条　公共租赁住房租金标准由市住房保障部门会同市价格主管部门按照略低于同地段市场租金的原则确定，公共租赁住房租金标准每两年调整一次。',
      '第三条　公共租赁住房承租人应当按照租赁合同约定按月缴纳公共租赁住房租金，不得拖欠公共租赁住房租金。',
      '第四条　公共租赁住房租金收入专项用于公共租赁住房的维修养护和管理，不得挪作他用。',
      '第五条　公共租赁住房承租人家庭收入下降的，可以申请减免公共租赁住房租金，由区住房保障部门审核。',
      '第六条　中心城区按每月每平方米12元计收，其他区域按每月每平方米9元计收。',
      '第七条　本办法自发布之日起施行。',
    ].join('\n'),
  })
  // Every other article shares more words with the question; only 第六条 names a sum.
  await quotesFirst(createAnswerEngine(() => kb), '公租房的租金一个月多少钱', /^第六条\s中心城区按每月每平方米12元/)
  // 交多少 asks for a sum as 付多少 does.
  await quotesFirst(createAnswerEngine(() => kb), '住公租房每个月最少要交多少', /^第六条\s中心城区按每月每平方米12元/)
})

test("inside the one text a place's name chose, the article that answers comes before the ones that repeat the name", async () => {
  const kb = await corpusOf({
    'shilin-rental.txt': [
      '石林县公共租赁住房管理办法',
      '第一条　为规范石林县公共租赁住房管理，根据国家和省有关规定，结合石林县实际，制定本办法。',
      '第二条　本办法适用于石林县行政区域内公共租赁住房的申请、配租、使用和退出管理。',
      '第三条　承租人应当按季缴纳租金，逾期不缴的按日加收滞纳金。',
      '第四条　石林县住房和城乡建设局负责石林县公共租赁住房的日常管理工作。',
      '第五条　本办法由石林县住房和城乡建设局负责解释，自发布之日起施行。',
    ].join('\n'),
    'pingjiang-roads.txt': reply('改善平江县农村道路', '李明委员', '我局已将平江县三条农村道路列入今年改造计划，年底前完工。'),
  })
  await quotesFirst(createAnswerEngine(() => kb), '在石林县住公租房，石林县的房租多久交一回', /^第三条\s承租人应当按季缴纳租金/)
})


test("a regulation's framing clauses (why it is made, when it takes effect) answer what they say, and give way for other questions", async () => {
  const kb = await corpusOf({
    'subsidy.txt': [
      '某市公共租赁住房租金补贴管理办法',
      '第一条　为做好本市公共租赁住房租金补贴管理工作，制定本办法。',
      '第二条　租金补贴按季度发放，每季度末由区房管部门核算后拨付到承租家庭账户。',
      '第三条　承租家庭人均月收入在最低生活保障标准以下的，按市场租金的80%给予补贴。',
      '第四条　承租家庭收入发生变化的，应当在30日内向区房管部门申报。',
      '第五条　本办法自2015年3月1日起施行，有效期3年。2012年印发的《某市公共租赁住房租金补贴管理暂行办法》同时废止。',
    ].join('\n'),
  })
  const engine = createAnswerEngine(() => kb)
  await quotesFirst(engine, '某市公租房的租金补贴多久发一次', /^第二条\s租金补贴按季度发放/)
  await quotesFirst(engine, '某市公租房租金补贴办法从哪天开始施行', /^第五条\s本办法自2015年3月1日起施行/)
  await quotesFirst(engine, '某市为什么要出台公租房租金补贴办法', /^第一条\s为做好本市公共租赁住房租金补贴管理工作/)
})

test('asked of the rules themselves when they run out or began, a long text answers with the clause saying so, wherever it ranked', async () => {
  const measures = [
    '某市关于支持中小企业共渡难关的若干措施',
    '一、减免中小企业房屋租金。中小企业承租国有资产类经营用房的，免收2个月房租，再减半收取3个月房租。',
    '二、延期缴纳中小企业税款。中小企业因受疫情影响缴纳税款确有困难的，可依法申请延期缴纳税款，最长不超过3个月。',
    '三、降低中小企业用电成本。中小企业生产经营所需的用电价格按95%结算。',
    '四、加大中小企业信贷支持。银行对受疫情影响较大的中小企业不得抽贷、断贷、压贷，贷款到期的可予以展期或续贷。',
    '五、减轻中小企业社保负担。中小企业可申请缓缴养老保险、失业保险和工伤保险费，缓缴期限最长6个月。',
    '六、支持中小企业稳定就业。对不裁员或少裁员的中小企业，返还其上年度实际缴纳失业保险费的50%。',
    '七、设立中小企业服务专线。市中小企业服务中心开通服务热线，为中小企业解读政策、受理诉求。',
    '以上措施自发布之日起施行，有效期至2020年12月31日。',
  ].join('\n')
  const illness = [
    '某市城乡居民大病保险办法',
    '第一条　城乡居民大病保险的保障对象为参加本市城乡居民基本医疗保险的人员，每年参保后开始享受城乡居民大病保险待遇。',
    '第二条　城乡居民大病保险资金从城乡居民基本医疗保险基金中划拨，每年按上一年度筹资标准的5%划拨，不再向参保人另行收费。',
    '第三条　参保人员一个年度内个人负担的合规医疗费用超过起付标准的部分，由城乡居民大病保险按比例支付，起付标准每年公布。',
    '第四条　城乡居民大病保险由市医疗保障部门主管，市医疗保险经办机构负责经办，各区试点地区可由商业保险机构承办城乡居民大病保险。',
    '第五条　承办城乡居民大病保险的商业保险机构应当在定点医疗机构设立服务窗口，提供一站式即时结算服务，从每年1月1日开始结算。',
    '第六条　城乡居民大病保险的起付标准和支付比例由市医疗保障部门根据城乡居民大病保险基金每年运行情况调整，并向社会公布。',
    '第七条　城乡居民大病保险年度与城乡居民基本医疗保险年度一致，试点年度结束后开始评估城乡居民大病保险运行情况。',
    '第八条　本办法自2014年1月1日起施行。',
  ].join('\n')
  const kb = await corpusOf({ 'measures.txt': measures, 'illness.txt': illness })
  const engine = createAnswerEngine(() => kb)
  // The closing line is read with the last item above it.
  await quotesFirst(engine, '支持中小企业的这些措施有效期到什么时候', /\n以上措施自发布之日起施行，有效期至2020年12月31日。$/)
  await quotesFirst(engine, '城乡居民大病保险办法是什么时候开始实施的', /^第八条\s本办法自2014年1月1日起施行/)
  // A term asked of something the rules govern, not of the rules: the item on it.
  await quotesFirst(engine, '中小企业缓缴社保的期限最长是多久', /缓缴期限最长6个月(?![^]*有效期至)/)
})

test('asked on which day a text took effect, its 自印发之日起 answers: not another text naming a date', async () => {
  const kb = await corpusOf({
    'jobs.txt': ['某市关于做好疫情防控期间稳就业工作的通知', '一、企业在停工期间组织职工参加线上职业技能培训的，按每人每课时20元给予培训补贴。', '二、对企业新招用劳动者并签订一年以上劳动合同的，给予一次性吸纳就业补贴。', '三、本通知自印发之日起执行。'].join('\n'),
    'rent.txt': ['某市关于减免中小企业房租的通知', '一、对承租国有资产类经营用房的中小企业，免收2个月房租。', '二、本通知自2020年2月10日起执行，有效期至2020年12月31日。'].join('\n'),
  })
  await quotesFirst(createAnswerEngine(() => kb), '稳就业的通知哪天起执行', /^三、本通知自印发之日起执行/)
})

test('这些/这个 before words the reply in the conversation never uses asks afresh; before its own words it stays on that reply', async () => {
  const kb = await corpusOf({
    'lamps.txt': reply('增设老旧小区路灯', '陈红委员', '我局已在三个老旧小区增设路灯42盏，今年底前完成其余小区路灯的排查和增设。'),
    'canteen.txt': reply('扩大社区长者食堂覆盖', '刘洋代表', '全区已建成社区长者食堂12家，对80周岁以上老人就餐每餐补贴3元。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [lamps, canteen, again] = await converse(engine, '老小区的路灯装了多少', '这些长者食堂给老人补贴多少钱', '这些路灯装在了哪些小区')
  assert.deepEqual(lamps.docIds, [kb.documents.find((doc) => doc.file === 'lamps.txt')!.id], lamps.reply.text)
  assert.equal(canteen.reply.answered, true, canteen.reply.text)
  assert.match(canteen.reply.passages[0].text, /每餐补贴3元/)
  // Back on the lamps: 路灯 is that reply's word, and the conversation now holds the canteen reply.
  assert.equal(again.reply.answered, true, again.reply.text)
  assert.match(again.reply.passages[0].text, /三个老旧小区增设路灯/)
})

test('a first message pointing at something said before (那条路…) that nothing answers says the reply it is about may be named first', async () => {
  const kb = await corpusOf({
    'lamps.txt': reply('增设老旧小区路灯', '陈红委员', '我局已在三个老旧小区增设路灯42盏，今年底前完成其余小区路灯的排查和增设。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [pointing, named] = await converse(engine, '那条路为啥坏得这么快', '东山公路为啥坏得这么快')
  assert.equal(pointing.reply.answered, false, pointing.reply.text)
  assert.match(pointing.reply.text, /先告诉我是哪一份/)
  assert.equal(named.reply.answered, false, named.reply.text)
  assert.doesNotMatch(named.reply.text, /先告诉我是哪一份/)
})

test('asked what happens next to 这段路 after a reply on a road, that reply\'s own next steps answer: never another reply\'s road', async () => {
  const kb = await corpusOf({
    'shahe.txt': reply('修缮白塔段道路', '纪占斌代表', '经研究，白塔段道路已列入省交通厅动态管理系统，待终审后实施。'),
    'chibi.txt': reply('改造神山村通村公路', '王平委员', '关于这段道路以后怎么处理，我局将于今年内对神山村通村公路进行拓宽改造，并同步完善排水设施。'),
  })
  const shahe = kb.documents.find((doc) => doc.file === 'shahe.txt')!.id
  const [road, after, beyond] = await converse(createAnswerEngine(() => kb), '白塔段的路什么时候修', '这段路以后怎么处理？', '这段路修好以后通不通公交车？')
  assert.deepEqual(road.docIds, [shahe], road.reply.text)
  assert.equal(after.reply.answered, true, after.reply.text)
  assert.deepEqual(after.docIds, [shahe], after.reply.text)
  assert.match(after.reply.text, /待终审后实施/)
  // Asking more than what comes next is judged like any question: the reply says nothing of buses.
  assert.equal(beyond.reply.answered, false, beyond.reply.text)
  // Without 这: still that reply's next steps, never the other road's; first thing, which reply is asked.
  const [, bare] = await converse(createAnswerEngine(() => kb), '白塔段的路什么时候修', '下一步怎么做')
  assert.deepEqual(bare.docIds, [shahe], bare.reply.text)
  assert.doesNotMatch(bare.reply.text, /神山村/)
  const [first] = await converse(createAnswerEngine(() => kb), '下一步怎么做')
  assert.equal(first.intent, 'clarify', first.reply.text)
})

test('a question only in words of what any matter takes (需要什么材料) names no subject: first thing the bot asks which matter; after an answer, that text\'s', async () => {
  const kb = await corpusOf({
    'rental.txt': ['某市公共租赁住房申请办法', '第一条　申请公共租赁住房，应当提交身份证明、收入证明等材料。'].join('\n'),
    'permit.txt': ['某市居住证办理须知', '一、申请居住证，应当提交居住登记凭证和近期相片等材料。'].join('\n'),
    'school.txt': ['某市随迁子女入学办法', '一、申请入学，应当提交父母居住证和社保缴费证明等材料。'].join('\n'),
    'pension.txt': ['某市城乡居民养老保险办法', '第一条　申请领取养老金，应当提交户口簿和身份证等材料。'].join('\n'),
  })
  for (const unnamed of ['需要什么材料', '关于的提案']) {
    const [first] = await converse(createAnswerEngine(() => kb), unnamed)
    assert.equal(first.intent, 'clarify', `${unnamed}: ${first.reply.text}`)
    assert.match(first.reply.text, /哪件事/)
  }
  // After an answer it is asked of that text alone (and judged there like any question), never of the others.
  const [permit, after] = await converse(createAnswerEngine(() => kb), '居住证申请要交哪些东西', '需要什么材料')
  assert.match(permit.reply.text, /近期相片/)
  assert.equal(after.intent !== 'clarify' && after.docIds.every((id) => permit.docIds.includes(id)), true, after.reply.text)
  assert.doesNotMatch(after.reply.text, /收入证明|社保缴费|户口簿/)
})

test('a year or a number alone names no subject: every text has some, so the bot asks which matter; replies asked for by their year are still listed', async () => {
  const kb = await corpusOf({
    'parks.txt': answering('关于区政协第5号提案的答复', '某区绿化局', '2023年6月1日', '王某委员', '关于增加口袋公园的提案', '2023年新建口袋公园12座。'),
    'roads.txt': answering('关于区政协第6号提案的答复', '某区建设局', '2024年6月1日', '李某委员', '关于修缮背街小巷的提案', '2023年已修缮背街小巷8条。'),
  })
  for (const bare of ['2023年', '2023年'.repeat(300), '12345']) {
    const [first] = await converse(createAnswerEngine(() => kb), bare)
    assert.equal(first.intent, 'clarify', `${bare.slice(0, 10)}: ${first.reply.text}`)
    assert.equal(first.reply.answered, false)
  }
  const [listed] = await converse(createAnswerEngine(() => kb), '2023年的答复')
  assert.deepEqual(listed.docIds, [idOf(kb, 'parks.txt')], listed.reply.text)
  // Numbers joined by signs name a programme (1+8+12): it is looked for.
  const [programme] = await converse(createAnswerEngine(() => kb), '1+8+12是什么意思')
  assert.notEqual(programme.intent, 'clarify', programme.reply.text)
})

test('how it is going (落实了吗, 效果如何) names no topic: about the reply just cited, never a search of every reply; first thing, which one', async () => {
  const kb = await corpusOf({
    'trees.txt': reply('加强古树保护', '杨某代表', '全市已登记古树名木1200株，并逐株挂牌保护。'),
    'lights.txt': reply('增设路灯', '曹某委员', '各街道已将路灯维护工作落实到人，新装路灯效果良好，群众满意度明显提高。'),
  })
  const trees = kb.documents.find((doc) => doc.file === 'trees.txt')!.id
  for (const asked of ['落实了吗', '效果如何', '能加快吗']) {
    const [, after] = await converse(createAnswerEngine(() => kb), '古树保护', asked)
    assert.doesNotMatch(after.reply.text, /路灯/, asked)
    assert.ok(after.docIds.every((id) => id === trees), `${asked}: ${after.reply.text}`)
    const [first] = await converse(createAnswerEngine(() => kb), asked)
    assert.equal(first.intent, 'clarify', `${asked}: ${first.reply.text}`)
  }
})

test('a reply named by its number and asked only what comes next answers with the passage stating it, not its opening', async () => {
  const kb = await corpusOf({
    'cppcc-31.txt': [
      '关于政协某县第十届委员会第四次会议第31号提案的答复',
      '魏某委员：',
      '您提出的关于亮化美化城南雕塑的提案收悉，现将办理情况答复如下：',
      '首先感谢您对城市管理工作的关心与支持。经与规划部门联系，该区域仍在规划，暂未拿出方案。',
      '我局将待方案确定后，按照方案内容具体实施。',
    ].join('\n'),
    'cppcc-32.txt': reply('提高农村饮水安全水平', '韩某委员', '我局将继续推进农村供水管网改造，今年完成12个村的管网更新。'),
  })
  const [turn] = await converse(createAnswerEngine(() => kb), '第31号提案以后怎么处理')
  assert.equal(turn.reply.answered, true, turn.reply.text)
  assert.match(turn.reply.passages[0].text, /按照方案内容具体实施/)
  assert.ok(turn.reply.passages.every((p) => !/现将办理情况/.test(p.text)), turn.reply.text)
})

test('asked what happens next, a reply stating no next step is not answered from its other passages', async () => {
  const kb = await corpusOf({
    'lights.txt': reply('增设学校门口红绿灯', '陶然委员', '经现场勘查，该路口车流量较小，暂不具备设置信号灯的条件。'),
  })
  const [lights, after] = await converse(createAnswerEngine(() => kb), '学校门口的红绿灯装了吗', '这个路口以后怎么处理？')
  assert.equal(lights.reply.answered, true, lights.reply.text)
  assert.equal(after.reply.answered, false, after.reply.text)
})

test('a city\'s body is not a district\'s body of the same name, however often the district\'s reply names the city', async () => {
  const kb = await corpusOf({
    'xihu.txt': [
      '杭州市西湖区科学技术局关于区政协十二届三次会议第57号提案的答复',
      '汪某委员：',
      '您提出的关于助力杭州城西科创大走廊建设的提案收悉，现答复如下：',
      '我局将积极对接杭州市相关部门，支持区内企业参与杭州城西科创大走廊建设。',
      '杭州市西湖区科学技术局',
      '2023年6月1日',
    ].join('\n'),
  })
  const engine = createAnswerEngine(() => kb)
  const [district] = await converse(engine, '西湖区科技局的答复')
  assert.deepEqual(district.docIds, ['xihu'], district.reply.text)
  const [city] = await converse(engine, '杭州市科技局的答复有哪些')
  assert.equal(city.reply.answered, false, city.reply.text)
  assert.match(city.reply.text, /没有找到杭州市科技局的答复/)
})

test('a level word before a body\'s name says whose it is: 区工信局 is not the 市工信局 that replied, and 市场监管局 has no level word', async () => {
  const kb = await corpusOf({
    'city.txt': reply('推动工业互联网发展', '顾某代表', '我局将培育工业互联网平台10个。', '市工信局', '2023年5月8日'),
    'district.txt': reply('加强食品安全监管', '王某委员', '今年共抽检食品2000批次。', '长宁区市场监督管理局', '2023年6月1日'),
  })
  const engine = createAnswerEngine(() => kb)
  const [city] = await converse(engine, '工信局的答复')
  assert.deepEqual(city.docIds, ['city'], city.reply.text)
  const [district] = await converse(engine, '区工信局的答复')
  assert.equal(district.reply.answered, false, district.reply.text)
  assert.match(district.reply.text, /没有找到区工信局的答复/)
  const [market] = await converse(engine, '市场监管局的答复')
  assert.deepEqual(market.docIds, ['district'], market.reply.text)
})

test('a contact block giving a postcode and no address shows the postcode as one, not as an address', async () => {
  const kb = await corpusOf({
    'lake.txt': answering('关于加强湖滨村管理的建议的答复', '某区民政局', '2023年6月27日', '刘某代表', '关于加强湖滨村管理的建议', '区财政保障了湖滨村运转经费15万元。', '(联系人:邓某;邮政编码:401220;联系电话:023-40233174)'),
  })
  const [contact] = await converse(createAnswerEngine(() => kb), '湖滨村那件建议找谁联系')
  assert.match(contact.reply.text, /【联系】某区民政局 联系人 邓某 · 电话 023-40233174 · 邮编 401220/)
  assert.doesNotMatch(contact.reply.text, /地址/)
})

test('a reply printed in traditional characters is found by a question in simplified ones, quoted simplified, and the citation says so', async () => {
  const kb = await corpusOf({
    'mirror.txt': ['羅某某等委員:', '你們在政協某縣第十一屆委員會第二次會議期間提出的《關於幫助解決田壩村進村道路硬化的提案》,已交由我局辦理。現將辦理情況答復如下:',
      '該條道路已經於2018年3月完成測量設計並進行公開招標,目前正在進行施工,預計年底完工。', '某縣交通運輸局', '2018年6月10日'].join('\n'),
  })
  const engine = createAnswerEngine(() => kb)
  const [asked, proposer] = await converse(engine, '田坝村进村道路硬化现在进度怎样', '罗某某委员的提案答复')
  assert.equal(asked.reply.answered, true, asked.reply.text)
  assert.match(asked.reply.passages[0].text, /目前正在进行施工,预计年底完工/)
  assert.match(asked.reply.text, /【来源】某县交通运输局《[^》]+》[^\n]*（原文为繁体字，引文已转为简体）/)
  assert.equal(proposer.reply.answered, true, proposer.reply.text)
})

test('a body named with a proposer whose reply it did not sign: no such reply, and that unsigned reply offered, never quoted', async () => {
  const kb = await corpusOf({
    'signed.txt': answering('关于区域总部经济的提案的答复', '某区发展和改革委员会', '2024年5月15日', '李某委员', '关于发展区域总部经济的提案', '我委将支持企业设立区域总部，给予租房补贴。'),
    'unsigned.txt': ['王某委员：', '你提出的“关于发展夜间经济的建议”提案收悉，现答复如下：', '我区将在三个商圈试点夜市，延长商场营业时间。'].join('\n'),
  })
  const [asked] = await converse(createAnswerEngine(() => kb), '某区发改委对王某委员提案的答复')
  assert.equal(asked.reply.answered, false, asked.reply.text)
  assert.match(asked.reply.text, /没有找到/)
  assert.match(asked.reply.text, /1\. 对“关于发展夜间经济的建议”的答复/)
  assert.equal(asked.reply.passages.length, 0)
})

test('a fact asked of a topic two replies answer gives each one\'s, under its name; a topic one reply answers gives its own', async () => {
  const kb = await corpusOf({
    'canteens.txt': answering('关于社区食堂建设的提案的答复', '某区民政局', '2023年5月10日', '张某委员', '关于增设社区食堂的提案', '我局今年新建社区食堂5家，老人在社区食堂用餐可享受八折优惠。'),
    'running.txt': answering('关于社区长者食堂运营的提案的答复', '某区商务委员会', '2024年6月20日', '李某委员', '关于改进社区长者食堂运营的提案', '我委支持餐饮企业参与社区长者食堂运营，对社区食堂给予运营补贴。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [both, one] = await converse(engine, '社区食堂那件提案是哪天答复的', '社区食堂运营补贴那份答复是哪天的')
  assert.equal(both.reply.passages.length, 2, both.reply.text)
  assert.match(both.reply.lead ?? '', /某区民政局《[^》]+》的答复日期：2023年5月10日\n某区商务委员会《[^》]+》的答复日期：2024年6月20日/)
  assert.doesNotMatch(one.reply.lead ?? '', /2023年5月10日/)
  assert.match(one.reply.lead ?? '', /某区商务委员会《[^》]+》的答复日期：2024年6月20日/)
})

test('replies signed by a bare 交通局 or a town\'s government are found by the place before the name, and their facts given', async () => {
  const kb = await corpusOf({
    'shahe.txt': answering('关于沙河市第九届人民代表大会第三次会议第31号建议的答复', '交通局', '2023年7月18日', '纪占斌代表', '关于修缮白塔段道路的建议', '经研究，白塔段道路已列入省交通厅动态管理系统，待终审后实施。'),
    'panshan.txt': answering('对县十八届人大一次会议第22号建议的答复', '盘山县交通运输局', '2022年5月25日', '官亮代表', '关于修建乡村公路的建议', '我局已将该路段纳入2022年农村公路建设计划，年底前开工。'),
    'town.txt': signed('太白县鹦鸽镇人民政府关于县政协九届二次会议第54号提案的答复', '太白县鹦鸽镇人民政府', '2023年10月8日', '鹦政函〔2023〕74号', '曹文军委员：', '您提出的《关于改善镇区停车秩序的提案》收悉，现答复如下：', '我镇已在镇区新划停车位120个，并安排专人管理。'),
    'lake.txt': answering('长寿区民政局关于区第十九届人民代表大会第三次会议第237-7号建议的复函', '长寿区民政局', '2023年6月27日', '刘静代表', '关于加强湖滨村管理的建议', '区财政保障了湖滨村运转经费15万元。'),
    'forest.txt': signed('关于秦皇岛市第十四届人民代表大会第四次会议第86号建议的会办意见', '林业局', '2019年7月31日', '市旅游文广局：', '杨春波代表提出的《关于加强农村古树保护的建议》收悉，现将我局会办意见函告如下：', '一是全面开展古树名木分布情况摸底调查，登记造册，建立档案。'),
  })
  const engine = createAnswerEngine(() => kb)
  const id = (file: string) => idOf(kb, file)
  // 交通局 is two units' alias here; the place tells which one signed.
  const [dated, panshan, elsewhere] = await converse(engine, '沙河市交通局的答复是哪天的', '盘山县交通局的答复', '平江县交通局的答复')
  assert.equal(dated.intent, 'fact', dated.reply.text)
  assert.match(dated.reply.text, /答复日期：2023年7月18日/)
  assert.deepEqual(panshan.docIds, [id('panshan.txt')], panshan.reply.text)
  assert.equal(elsewhere.reply.answered, false, elsewhere.reply.text)
  // A number with a part is asked as printed; a 会办意见 is written to a unit (写给哪个单位).
  const [parted, writtenTo] = await converse(engine, '长寿区第237-7号建议是谁提的', '秦皇岛林业局的会办意见是写给哪个单位的')
  assert.match(parted.reply.text, /提出人：刘静/)
  assert.match(writtenTo.reply.text, /收文对象：市旅游文广局/)
  // Who led it (谁领衔提的) is its proposer; which unit signed it (哪个单位落款的) its unit; 落款是哪天 its date.
  const [led, signedBy, signedOn] = await converse(engine, '盘山县第22号建议是谁领衔提的', '盘山县第22号建议是哪个单位落款的', '盘山县第22号建议落款是哪天')
  assert.match(led.reply.text, /提出人：官亮/)
  assert.match(signedBy.reply.text, /答复单位：盘山县交通运输局/)
  assert.match(signedOn.reply.text, /答复日期：2022年5月25日/)
  // Its class asked as letters (A类还是B类) is its 办理结果, which this reply does not print.
  const [classed] = await converse(engine, '盘山县第22号建议的答复是A类还是B类')
  assert.equal(classed.reply.answered, false, classed.reply.text)
  assert.match(classed.reply.text, /没有写明办理结果/)
  // Asked by its place and its topic, the fact words (答复是哪天) are no part of the topic judged.
  const [byTopic] = await converse(engine, '秦皇岛关于古树保护的答复是哪天')
  assert.equal(byTopic.reply.answered, true, byTopic.reply.text)
  assert.match(byTopic.reply.text, /^[^\n]*答复日期：2019年7月31日/)
  // A town's government is asked for by the town; a fact of its reply is given, not searched for.
  const [docNumber] = await converse(engine, '鹦鸽镇的提案答复文号')
  assert.equal(docNumber.intent, 'fact', docNumber.reply.text)
  assert.match(docNumber.reply.text, /文号：鹦政函〔2023〕74号/)
  const [asWhichFile] = await converse(engine, '鹦鸽镇的提案答复是几号文')
  assert.match(asWhichFile.reply.text, /文号：鹦政函〔2023〕74号/)
  // Asked which reply a 文号 is (…是哪件答复), that reply is shown.
  const [whichReply] = await converse(engine, '鹦政函〔2023〕74号是哪件答复')
  assert.deepEqual(whichReply.docIds, [id('town.txt')], whichReply.reply.text)
  assert.equal(whichReply.reply.answered, true, whichReply.reply.text)
  const [government] = await converse(engine, '太白县鹦鸽镇政府的答复')
  assert.deepEqual(government.docIds, [id('town.txt')], government.reply.text)
  // The county's government replied nothing here: said so, and the town's reply offered, not quoted.
  const [county, picked] = await converse(engine, '太白县政府的答复', '1')
  assert.equal(county.reply.answered, false, county.reply.text)
  assert.match(county.reply.text, /没有找到太白县政府的答复[^]*1\. [^\n]*太白县鹦鸽镇人民政府/)
  assert.deepEqual(picked.docIds, [id('town.txt')], picked.reply.text)
  // A 会办意见 on a people's congress suggestion is named a 代表建议's, as its session says.
  const [forest] = await converse(engine, '秦皇岛市林业局的会办意见')
  assert.deepEqual(forest.docIds, [id('forest.txt')], forest.reply.text)
  assert.match(forest.reply.text, /第86号代表建议的会办意见/)
  // Asked for by their form alone, the 会办意见 are listed, not searched for the word.
  const [forms] = await converse(engine, '会办意见有哪些')
  assert.equal(forms.intent, 'lookup', forms.reply.text)
  assert.deepEqual(forms.docIds, [id('forest.txt')], forms.reply.text)
  const [none] = await converse(engine, '协办函有哪些')
  assert.equal(none.reply.answered, false, none.reply.text)
})

test('a unit signed with only its level (市工信局) is the body of the city its reply names most, asked for by that city', async () => {
  const kb = await corpusOf({
    'ai.txt': answering('关于市政协十五届一次会议第9号提案的答复', '市工信局', '2023年7月25日', '李某委员', '关于建设人工智能先导区的建议',
      '无锡市已出台人工智能产业发展行动计划，无锡高新区集聚相关企业200余家。', '下一步，我局将学习苏州等地经验，推动无锡人工智能产业集群发展。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [own] = await converse(engine, '无锡工信局的答复')
  assert.deepEqual(own.docIds, [kb.documents[0].id], own.reply.text)
  const [other] = await converse(engine, '苏州工信局的答复')
  assert.equal(other.reply.answered, false, other.reply.text)
  assert.match(other.reply.text, /没有找到苏州工信局的答复/)
  // So is a text signed by its level's government alone (市政府), asked for by the city's government.
  const notices = await corpusOf({
    'hukou.txt': signed('市政府批转市公安局关于户籍准入登记暂行办法的通知', '市政府', '2016年3月1日', '第一条　无锡市户籍准入登记适用本办法。', '第二条　在无锡市区合法稳定就业的人员可以申请落户。', '第三条　本办法由无锡市公安局负责解释。'),
  })
  const [government] = await converse(createAnswerEngine(() => notices), '无锡市政府的通知')
  assert.deepEqual(government.docIds, [notices.documents[0].id], government.reply.text)
  const [another] = await converse(createAnswerEngine(() => notices), '常州市政府的通知')
  assert.equal(another.reply.answered, false, another.reply.text)
})

test('a place\'s replies asked for when none is its own: the replies that only mention it are offered, never shown as its reply', async () => {
  const kb = await corpusOf({
    'city.txt': answering('关于市人大十六届三次会议第12号建议的答复', '市交通委员会', '2023年6月5日', '张某代表', '关于加快轨道交通建设的建议', '轨道交通12号线延伸段将经过杨浦区、虹口区，预计2025年建成。'),
    'district.txt': answering('关于长宁区政协十五届三次会议第8号提案的答复', '长宁区绿化和市容管理局', '2023年5月20日', '李某委员', '关于增加口袋公园的提案', '今年新建口袋公园5座。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [none, picked] = await converse(engine, '杨浦区的提案答复', '1')
  assert.equal(none.reply.answered, false, none.reply.text)
  assert.match(none.reply.text, /没有找到杨浦区的答复[^]*提到杨浦区的答复有：\n1\. [^\n]*市交通委员会/)
  assert.deepEqual(picked.docIds, [idOf(kb, 'city.txt')], picked.reply.text)
  // A place with a reply of its own still lists it.
  const [own] = await converse(engine, '长宁区的提案答复')
  assert.deepEqual(own.docIds, [idOf(kb, 'district.txt')], own.reply.text)
})

test('a body\'s name two districts share (区科委) is both of them: their replies listed under their own names, and a topic searched only in theirs', async () => {
  const kb = await corpusOf({
    'changning.txt': answering('关于长宁区政协十五届三次会议第84号提案的答复', '长宁区科学技术委员会', '2024年4月30日', '辛某委员', '关于打造科创生态圈的提案', '我委今年新认定科技小巨人企业12家。'),
    'jiading.txt': answering('关于嘉定区七届人大六次会议第43号建议的答复', '嘉定区科学技术委员会', '2025年3月25日', '王某代表', '关于加强校地合作的建议', '我委与上海大学共建联合实验室3个。'),
    'fagai.txt': answering('关于长宁区政协十五届三次会议第90号提案的答复', '长宁区发展和改革委员会', '2024年5月10日', '李某委员', '关于发展人工智能产业的提案', '我委会同区科委，对人工智能企业给予最高500万元的算力补贴。'),
  })
  const engine = createAnswerEngine(() => kb)
  const id = (file: string) => idOf(kb, file)
  const [listed] = await converse(engine, '区科委的答复有哪些')
  assert.deepEqual([...listed.docIds].sort(), [id('changning.txt'), id('jiading.txt')].sort(), listed.reply.text)
  assert.match(listed.reply.text, /长宁区科学技术委员会[^]*嘉定区科学技术委员会|嘉定区科学技术委员会[^]*长宁区科学技术委员会/)
  // The 发改委's reply names 区科委 beside its subsidy: it is not a 科委's answer.
  const [topic] = await converse(engine, '区科委对人工智能企业有什么算力补贴')
  assert.equal(topic.reply.answered, false, topic.reply.text)
  assert.doesNotMatch(topic.reply.text, /500万元/)
  const [own] = await converse(engine, '区科委认定了多少家科技小巨人企业')
  assert.deepEqual(own.docIds, [id('changning.txt')], own.reply.text)
})

test('a part asked of a reply named by number, or of the text a question finds, is that one\'s part; none or several are said so', async () => {
  const kb = await corpusOf({
    'guide.txt': signed('2015年某市积分制入户申办指南', '某市政务服务中心', '2015年7月27日', '一、指标总量', '2015年积分制入户指标按4500人总量控制执行。', '二、申请对象', '在本市合法稳定就业的外来务工人员。', '三、申请条件', '申请人总积分满60分就可以提出入户申请。'),
    'reply.txt': answering('关于某市政协十三届二次会议第12号提案的答复', '某市交通运输局', '2023年6月5日', '张某委员', '关于优化公交线路的提案', '一、关于增开线路', '今年新开公交线路8条。', '二、关于延长运营时间', '12条线路的末班车延长至23时。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [guide] = await converse(engine, '积分入户申办指南的第三部分')
  assert.equal(guide.intent, 'fullSection', guide.reply.text)
  assert.match(guide.reply.text, /三、申请条件\n申请人总积分满60分/)
  const [numbered] = await converse(engine, '第12号提案的第二部分')
  assert.match(numbered.reply.text, /二、关于延长运营时间\n12条线路的末班车延长至23时/)
  assert.doesNotMatch(numbered.reply.text, /4500人/)
  const [none] = await converse(engine, '第99号提案的第二部分')
  assert.equal(none.reply.answered, false, none.reply.text)
  assert.match(none.reply.text, /没有找到第99号提案的答复/)
  // The text found has no such part: which text was looked in is said.
  const [missing] = await converse(engine, '积分入户申办指南第九部分')
  assert.equal(missing.reply.answered, false, missing.reply.text)
  assert.match(missing.reply.text, /《2015年某市积分制入户申办指南》里没有找到“第九部分”/)
  // 一点 in everyday words asks for no part.
  const [colloquial] = await converse(engine, '积分入户的指标能不能多给一点')
  assert.notEqual(colloquial.intent, 'fullSection', colloquial.reply.text)
})

test('a part asked for by its own marker (（二）, 二、) is that level\'s: under the part just cited, else the first; alone it asks which reply', async () => {
  const kb = await corpusOf({
    'reply.txt': answering('关于某县政协八届二次会议第7号提案的答复', '某县住房和城乡建设局', '2023年6月5日', '王某委员', '关于改善老旧小区的提案', '一、关于加装电梯', '（一）资金来源', '加装电梯每台补助15万元。', '（二）审批流程', '业主表决通过后向街道提交申请。', '二、关于停车难', '（一）新增车位', '今年新增公共停车泊位300个。', '（二）错峰停车', '机关单位的停车场夜间向居民开放。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [first] = await converse(engine, '（二）')
  assert.equal(first.reply.answered, false, first.reply.text)
  const [answer, sub, top] = await converse(engine, '小区附近能增加多少停车位', '（二）', '一、')
  assert.match(answer.reply.passages[0]?.text ?? '', /停车泊位300个/, answer.reply.text)
  assert.match(sub.reply.text, /（二）错峰停车\n机关单位的停车场夜间向居民开放/)
  assert.doesNotMatch(sub.reply.text, /业主表决/)
  assert.match(top.reply.text, /一、关于加装电梯[^]*（二）审批流程/)
  const [named] = await converse(engine, '第7号提案的（二）')
  assert.match(named.reply.text, /（二）审批流程\n业主表决通过后/)
})

test('a body named after the place it serves inside its parent\'s name is found by its place first or without it, and is not its parent', async () => {
  const kb = await corpusOf({
    'traffic.txt': answering('关于县政协九届三次会议第21号提案的答复', '交警凤台大队', '2024年5月8日', '李某委员', '关于学校门口交通疏导的提案', '上下学高峰期间在校门口安排警力疏导。'),
    'police.txt': answering('关于区政协八届二次会议第5号提案的答复', '合肥市公安局蜀山分局', '2023年7月2日', '赵某委员', '关于加强夜间巡逻的提案', '夜间巡逻车由4辆增加到8辆。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [traffic] = await converse(engine, '交警大队的答复')
  assert.deepEqual(traffic.docIds, [idOf(kb, 'traffic.txt')], traffic.reply.text)
  const [branch] = await converse(engine, '蜀山公安分局的答复')
  assert.deepEqual(branch.docIds, [idOf(kb, 'police.txt')], branch.reply.text)
  const [parent] = await converse(engine, '合肥市公安局的答复')
  assert.equal(parent.reply.answered, false, parent.reply.text)
})

test('a reply asked for by its 文号 (30-5号 too) is that reply, whatever its serial is as a motion number; asked what it answers, when it was sent, at which session, by whom, it says', async () => {
  const kb = await corpusOf({
    'funeral.txt': ['某省民政厅', '某民政法〔2019〕14号', '余某代表：', '您提出的《关于增加经营性公墓的建议》收悉，现答复如下：', '经营性公墓数量实行总量控制。', '联系人：田某　联系电话：0871-65731362', '2019年5月29日'].join('\n'),
    'roads.txt': answering('关于县政协第14号提案的答复', '某县交通运输局', '2023年10月16日', '李某、张某委员', '关于修建农村公路的提案', '今年硬化村道20公里。'),
    ...Object.fromEntries([['sewage.txt', '5', '第一次', '治理沿江生活污水', '集镇一期生活污水处理已投入运行。'], ['lamps.txt', '6', '第二次', '增设村道路灯', '今年新装路灯120盏。']].map(([file, part, sitting, topic, body]) => [
      file, [`某政字〔2012〕30-${part}号`, `关于某镇第十六届人民代表大会${sitting}会议17号代表建议的答复`, '任某、徐某等代表：', `您们提出的关于${topic}的建议收悉，现答复如下：`, body, '某镇人民政府', '二○一二年六月十四日'].join('\n'),
    ])),
  })
  const engine = createAnswerEngine(() => kb)
  const [what, when, whom] = await converse(engine, '某民政法〔2019〕14号答复的是哪条建议', '这份答复是哪天复函的', '答复了哪位代表')
  assert.deepEqual(what.docIds, [idOf(kb, 'funeral.txt')], what.reply.text)
  assert.match(what.reply.text, /《关于增加经营性公墓的建议》/)
  assert.doesNotMatch(what.reply.text, /关于“关于/)
  assert.match(when.reply.text, /2019年5月29日/)
  assert.match(whom.reply.text, /余某/)
  // A serial with its part (30-5号); and who proposed a numbered motion, asked as 哪两位委员.
  const [sewage] = await converse(engine, '某政字〔2012〕30-5号是答复哪次会议上的建议')
  assert.deepEqual(sewage.docIds, [idOf(kb, 'sewage.txt')], sewage.reply.text)
  assert.match(sewage.reply.text, /第十六届人民代表大会第一次会议/)
  const [proposers, title, signer] = await converse(engine, '第14号提案是哪两位委员提的', '这份回复叫什么', '是哪位领导审签的')
  assert.match(proposers.reply.text, /李某、张某/)
  assert.match(title.reply.text, /答复的提案：《关于修建农村公路的提案》/)
  assert.equal(signer.intent, 'fact', signer.reply.text)
  // What a numbered motion is about is its title; where a proposer made it, its session.
  // Of a body's several replies, the one on the topic the message names (路灯那件建议).
  const [lamps] = await converse(engine, '某镇人民政府答复路灯那件建议的联系人是谁')
  assert.equal(lamps.intent, 'fact', lamps.reply.text)
  assert.deepEqual(lamps.docIds, [idOf(kb, 'lamps.txt')], lamps.reply.text)
  const [about, where] = await converse(engine, '李某、张某委员提的14号提案是关于什么的', '某政字〔2012〕30-6号的建议是在哪次会议上提的')
  assert.equal(about.intent, 'fact', about.reply.text)
  assert.match(about.reply.text, /《关于修建农村公路的提案》/)
  assert.equal(where.intent, 'fact', where.reply.text)
  assert.match(where.reply.text, /第十六届人民代表大会第二次会议/)
})

test('a village, school or road the message names is covered only where a text names it: another village\'s road is no answer', async () => {
  const kb = await corpusOf({
    'road.txt': answering('关于镇二十届人大一次会议第9号建议的答复', '某镇人民政府', '2022年5月25日', '贾某代表', '关于硬化张家湾村泥结石路的建议', '张家湾村的泥结石路共1公里，已纳入明年的道路硬化计划，届时将铺设水泥路面。'),
    'school.txt': answering('关于县政协第12号提案的答复', '某县教育局', '2019年4月20日', '戴某委员', '关于东塘中学兴建住宿楼的提案', '东塘中学住宿楼已列入今年的学校建设项目，建筑面积900平方米，预计年底完工。'),
    'bus.txt': answering('关于区人大第30号建议的答复', '某区交通运输局', '2025年9月15日', '吴某代表', '关于优化公交线路的建议', '今年59路改为走米河路，在米河路增设公交站点一处。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [own] = await converse(engine, '张家湾村的路什么时候硬化')
  assert.equal(own.reply.answered, true, own.reply.text)
  for (const [asked, name] of [['赵家湾村的路什么时候硬化', '赵家湾村'], ['北塘中学的宿舍楼建好了吗', '北塘中学'], ['黄河路增设公交站了吗', '黄河路']]) {
    const [turn] = await converse(engine, asked)
    assert.equal(turn.reply.answered, false, `${asked}: ${turn.reply.text}`)
    assert.match(turn.reply.text, new RegExp(name))
  }
  // A road named with where on it (黄河路口, 米河路上), which jieba cuts as 黄河|路口: the road is named all the same.
  const [crossing] = await converse(engine, '黄河路口增设公交站了吗')
  assert.equal(crossing.reply.answered, false, crossing.reply.text)
  assert.match(crossing.reply.text, /没有找到[^]*黄河路/)
  await quotesFirst(engine, '米河路上增设公交站了吗', /米河路增设公交站点/)
  // Named twice, it is said to be missing once.
  const [twice] = await converse(engine, '赵家湾村的路和赵家湾村的桥什么时候修')
  assert.equal(twice.reply.text.match(/赵家湾村/g)?.length, 1, twice.reply.text)
})

test('a road named that some text names is answered only from texts naming it: another road\'s reply is no answer when its own does not say', async () => {
  const kb = await corpusOf({
    'binjiang.txt': reply('在滨江路设立公交候车亭', '蔡某代表', '滨江路公交候车亭已于6月30日建成投用，方便市民候车。'),
    'beimen.txt': reply('在北门路设立公交候车亭', '彭某代表', '5月8日，区交通委召集相关单位召开专题协调会，原则同意在北门路设置公交候车亭；5月12日，镇政府前往现场勘验。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [own] = await converse(engine, '北门路的公交候车亭什么时候建好的')
  assert.equal(own.reply.answered, false, own.reply.text)
  assert.doesNotMatch(own.reply.text, /滨江路/)
  await quotesFirst(engine, '北门路设候车亭的事开过协调会吗', /召开专题协调会/)
  await quotesFirst(engine, '滨江路的公交候车亭什么时候建好的', /6月30日建成投用/)
})

test('a park named by a place whose bodies replied here (扶风公园 beside 扶风县住建局) is that place\'s parks, not a park no text names', async () => {
  const kb = await corpusOf({
    'parks.txt': answering('关于县政协第15号提案的答复', '扶风县住房和城乡建设局', '2023年6月5日', '韩某委员', '关于完善公园健身设施的提案', '今年在县城各公园新增乒乓球台20张、健身路径5条。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [parks] = await converse(engine, '扶风公园里会放乒乓球台吗')
  assert.equal(parks.reply.answered, true, parks.reply.text)
  // A park named by a place no reply here is from stays a name no text holds.
  const [other] = await converse(engine, '麟游公园里会放乒乓球台吗')
  assert.equal(other.reply.answered, false, other.reply.text)
  assert.match(other.reply.text, /麟游/)
})

test('a place the message leaves out (湖北以外, 除湖北外) need not be named by any text; one it asks about must', async () => {
  const kb = await corpusOf({
    'relief.txt': signed('某市关于支持中小微企业共渡难关的若干措施', '某市人民政府', '2020年2月20日', '一、减免社会保险费。自2020年2月起，免征中小微企业养老、失业、工伤保险单位缴费，免征期限不超过5个月。', '二、减免房租。对承租国有经营用房的中小微企业，免收2、3月份房租。'),
  })
  const engine = createAnswerEngine(() => kb)
  for (const asked of ['湖北以外的企业养老保险单位缴费能免几个月', '除湖北外中小微企业养老保险单位缴费免几个月']) {
    const [turn] = await converse(engine, asked)
    assert.equal(turn.reply.answered, true, `${asked}: ${turn.reply.text}`)
    assert.match(turn.reply.passages[0].text, /不超过5个月/)
  }
  const [inside] = await converse(engine, '湖北的企业养老保险单位缴费能免几个月')
  assert.equal(inside.reply.answered, false, inside.reply.text)
})

test('a notice a district forwards is still the city government\'s that issued it: asked for by that government, it is found', async () => {
  const kb = await corpusOf({
    'forwarded.txt': [
      '各街道办事处，区各有关单位：',
      '现将市政府印发的《关于支持中小企业共渡难关的若干措施》转发给你们，请认真贯彻落实。',
      '温州市龙湾区人民政府办公室',
      '2020年2月13日',
      '温政发〔2020〕3号',
      '温州市人民政府关于印发支持中小企业共渡难关若干措施的通知',
      '一、对承租国有资产类经营用房的中小企业，免收2个月房租。',
    ].join('\n'),
  })
  const engine = createAnswerEngine(() => kb)
  const [docNumber, listed, other] = await converse(engine, '温州市人民政府印发支持中小企业若干措施的文号是什么', '温州市政府的文件有哪些', '台州市政府的文件有哪些')
  assert.equal(docNumber.reply.answered, true, docNumber.reply.text)
  assert.match(docNumber.reply.text, /^[^\n]*的文号：温政发〔2020〕3号/)
  assert.equal(listed.reply.answered, true, listed.reply.text)
  assert.match(listed.reply.text, /温州市人民政府关于印发支持中小企业共渡难关若干措施的通知/)
  assert.equal(other.reply.answered, false, other.reply.text)
})

test('a reply\'s unit and year asked in everyday words (是哪个单位的, 哪年答复的) are its facts', async () => {
  const kb = await corpusOf({
    'town.txt': signed('太白县鹦鸽镇人民政府关于县政协九届二次会议第54号提案的答复', '太白县鹦鸽镇人民政府', '2023年10月8日', '曹文军委员：', '您提出的《关于改善镇区停车秩序的提案》收悉，现答复如下：', '我镇已在镇区新划停车位120个，并安排专人管理。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [, unit, year] = await converse(engine, '第54号提案', '这份答复是哪个单位的', '是哪一年答复的')
  assert.equal(unit.intent, 'fact', unit.reply.text)
  assert.match(unit.reply.text, /答复单位：太白县鹦鸽镇人民政府/)
  assert.equal(year.intent, 'fact', year.reply.text)
  assert.match(year.reply.text, /答复日期：2023年10月8日/)
  const [byProposer] = await converse(engine, '曹文军委员的提案是哪年答复的')
  assert.equal(byProposer.intent, 'fact', byProposer.reply.text)
})

test('a motion numbered by session and item (第10040047号) is found by its number, and whose motion it answers (哪位委员的提案) is its proposers', async () => {
  const kb = await corpusOf({
    'school.txt': signed('某县教育体育局关于政协某县十届四次会议第10040047号提案答复的函', '某县教育体育局', '2025年6月16日', '张发超委员：', '你提出的关于解决象达小学运动场建设问题的提案（第10040047号），已交我们研究办理，现答复如下：', '已安排资金288万元用于运动场建设。'),
    'road.txt': answering('关于县十八届人大一次会议第22号建议的答复', '某县交通运输局', '2022年5月25日', '官某代表', '关于加宽省道的建议', '该路段已列入改造计划。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [byNumber] = await converse(engine, '第10040047号提案是哪位委员提的')
  assert.equal(byNumber.intent, 'fact', byNumber.reply.text)
  assert.match(byNumber.reply.text, /提出人：张发超/)
  const [, whose] = await converse(engine, '第22号建议', '这份答复的是哪位代表的建议')
  assert.equal(whose.intent, 'fact', whose.reply.text)
  assert.match(whose.reply.text, /提出人：官某/)
})

test('a 文号 asked of a reply that prints none is said to be unwritten, with the motion it answers; its 编号 is that motion\'s number; 交给哪个单位办理 asks its unit', async () => {
  const kb = await corpusOf({
    'road.txt': answering('马关县交通运输局关于马关县第十七届人大一次会议第197号建议的答复函', '某县交通运输局', '2017年6月25日', '李树金代表', '关于从竹林至箐头进村道路硬化的建议', '该路段已列入改造计划。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [docNumber] = await converse(engine, '第197号建议答复函的文号是多少')
  assert.equal(docNumber.intent, 'fact', docNumber.reply.text)
  assert.equal(docNumber.reply.answered, false, docNumber.reply.text)
  assert.match(docNumber.reply.text, /没有写明文号。它答复的是第197号建议/)
  const [, number, unit] = await converse(engine, '李树金代表的建议', '这件建议是第几号', '交给哪个单位办理的')
  assert.equal(number.reply.answered, true, number.reply.text)
  assert.match(number.reply.text, /编号：第197号/)
  assert.equal(unit.intent, 'fact', unit.reply.text)
  assert.match(unit.reply.text, /某县交通运输局/)
})

test('whom the reply just cited was copied to is its fact: said from its 抄送 line, or said to be unwritten', async () => {
  const kb = await corpusOf({
    'library.txt': signed('关于县政协十届三次会议第47号提案的答复', '某县文化和旅游局', '2023年6月30日', '李明委员：', '您提出的《关于修缮县图书馆的提案》收悉，现答复如下：', '图书馆修缮已列入年度计划，预计年底完工。', '抄送：县政协提案委，县政府办公室。'),
    'road.txt': answering('关于县十八届人大一次会议第22号建议的答复', '某县交通运输局', '2022年5月25日', '官某代表', '关于加宽省道的建议', '该路段已列入改造计划。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [copied] = await converse(engine, '第47号提案的答复抄送给了哪些单位')
  assert.equal(copied.intent, 'fact', copied.reply.text)
  assert.match(copied.reply.text, /抄送单位：县政协提案委，县政府办公室/)
  const [, unwritten] = await converse(engine, '第22号建议', '抄送了谁')
  assert.equal(unwritten.intent, 'fact', unwritten.reply.text)
  assert.match(unwritten.reply.text, /没有写明抄送单位/)
})

test('who signed the reply just cited is its fact, never a search: said from its 签发人 line, or said to be unwritten', async () => {
  const kb = await corpusOf({
    'town.txt': signed('太白县鹦鸽镇人民政府关于县政协九届二次会议第54号提案的答复', '太白县鹦鸽镇人民政府', '2023年10月8日', '签发人:周某', '曹文军委员：', '您提出的《关于增设路灯的提案》收悉，现答复如下：', '计划将增设路灯项目纳入2024年一事一议项目。'),
    'county.txt': answering('关于县十八届人大一次会议第22号建议的答复', '盘山县交通运输局', '2022年5月25日', '官某代表', '关于加宽省道的建议', '该路段已列入改造计划，签发工作另行安排。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [, signer, who] = await converse(engine, '鹦鸽镇路灯', '签发人是谁', '谁签发的')
  for (const turn of [signer, who]) {
    assert.equal(turn.intent, 'fact', turn.reply.text)
    assert.match(turn.reply.text, /签发人：周某/)
  }
  const [, unsigned] = await converse(engine, '第22号建议', '签发人是谁')
  assert.equal(unsigned.intent, 'fact', unsigned.reply.text)
  assert.match(unsigned.reply.text, /没有写明签发人/)
})

test('the title, class and addressee of the reply just cited are its facts, never a search over every reply', async () => {
  const kb = await corpusOf({
    'town.txt': signed('太白县鹦鸽镇人民政府关于县政协九届二次会议第54号提案的答复', '太白县鹦鸽镇人民政府', '2023年10月8日', '类别:B', '曹文军委员：', '您提出的《关于增设路灯的提案》收悉，现答复如下：', '计划将增设路灯项目纳入2024年一事一议项目。'),
    'city.txt': answering('关于市政协十三届三次会议第10号提案的答复', '某市商务委员会', '2019年7月11日', '李某委员', '关于发展夜间经济的提案', '二、对提案建议的答复', '今年举办夜市活动20场。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [, title, category, addressee] = await converse(engine, '鹦鸽镇路灯', '提案标题是什么', '类别是什么', '答复给谁的')
  for (const turn of [title, category, addressee]) assert.equal(turn.intent, 'fact', turn.reply.text)
  assert.match(title.reply.text, /答复的提案：《关于增设路灯的提案》/)
  assert.match(category.reply.text, /办理结果：B/)
  assert.match(addressee.reply.text, /提出人：曹文军/)
  // 事由, as a tracking form calls the proposal's title.
  const [, subject] = await converse(engine, '鹦鸽镇路灯', '这件提案的事由是什么')
  assert.match(subject.reply.text, /答复的提案：《关于增设路灯的提案》/)
  // What it says as a whole is the reply itself, as when it is named.
  const [, says] = await converse(engine, '鹦鸽镇路灯', '主要说了什么')
  assert.deepEqual(says.docIds, [idOf(kb, 'town.txt')], says.reply.text)
  assert.match(says.reply.text, /一事一议/)
  // First thing, it asks which reply is meant.
  for (const asked of ['提案标题是什么', '答复的主要内容是什么']) {
    const [alone] = await converse(engine, asked)
    assert.equal(alone.reply.answered, false, alone.reply.text)
    assert.doesNotMatch(alone.reply.text, /夜市/)
  }
})

test('a level\'s congress or CPPCC named without a session (县人大, 市政协) picks its replies only, whatever else is asked with it', async () => {
  const kb = await corpusOf({
    'county.txt': answering('关于县十八届人大一次会议第22号建议的答复', '盘山县交通运输局', '2022年5月25日', '官某代表', '关于加宽省道的建议', '该路段已列入改造计划。'),
    'city.txt': answering('关于市政协十三届三次会议第10号提案的答复', '某市商务委员会', '2019年7月11日', '李某委员', '关于发展夜间经济的提案', '今年举办夜市活动20场。'),
    'district.txt': answering('关于区政协十四届二次会议第28号提案的答复', '上海市普陀区绿化和市容管理局', '2019年10月14日', '王某委员', '关于建造儿童游乐设施的提案', '今年新建儿童游乐场3处。'),
  })
  const engine = createAnswerEngine(() => kb)
  const id = (file: string) => idOf(kb, file)
  const [county, city, dated] = await converse(engine, '县人大的建议有哪些', '市政协的提案有哪些', '2019年县人大的建议答复')
  assert.deepEqual(county.docIds, [id('county.txt')], county.reply.text)
  assert.deepEqual(city.docIds, [id('city.txt')], city.reply.text)
  // The county congress replied in 2022 only: the 2019 replies of the city's and a district's CPPCC are not it.
  assert.equal(dated.reply.answered, false, dated.reply.text)
  assert.doesNotMatch(dated.reply.text, /夜间经济|儿童游乐/)
  // Said as asked, with the county's name.
  const [cppcc] = await converse(engine, '盘山县政协的提案')
  assert.equal(cppcc.reply.answered, false, cppcc.reply.text)
  assert.match(cppcc.reply.text, /没有找到盘山县政协的答复/)
  // Without a level, 人大 is every deputy's suggestion, 政协 every proposal.
  const [congress2019, cppcc2022] = await converse(engine, '2019年人大建议的答复有几份', '2022年政协的提案')
  assert.equal(congress2019.reply.answered, false, congress2019.reply.text)
  assert.doesNotMatch(congress2019.reply.text, /夜间经济|儿童游乐/)
  assert.equal(cppcc2022.reply.answered, false, cppcc2022.reply.text)
  assert.doesNotMatch(cppcc2022.reply.text, /加宽省道/)
  const [proposals] = await converse(engine, '政协提案有哪些')
  assert.deepEqual([...proposals.docIds].sort(), [id('city.txt'), id('district.txt')].sort(), proposals.reply.text)
})

test('a 文号 is the text that bears it, by its issuer\'s code too: a text citing it is offered, another issuer\'s of the same number is not it', async () => {
  const kb = await corpusOf({
    'zheng.txt': ['郑州市城乡居民基本养老保险试行办法', '郑政〔2008〕22号', '第一条　年满16周岁的城乡居民可以参加城乡居民基本养老保险。'].join('\n'),
    'henan.txt': ['河南省城镇居民基本医疗保险办法', '豫政〔2008〕22号', '第一条　城镇居民基本医疗保险实行属地管理。'].join('\n'),
    'rules.txt': ['郑州市城乡居民基本养老保险实施细则', '第一章　总则', '第一条　为做好城乡居民基本养老保险工作，根据郑政〔2008〕22号文件和郑政文〔2009〕31号文件，制定本细则。', '第二条　缴费标准分为十档。'].join('\n'),
  })
  const engine = createAnswerEngine(() => kb)
  const [zheng, henan, cited] = await converse(engine, '郑政〔2008〕22号文件说了什么', '豫政〔2008〕22号', '郑政文〔2009〕31号文件')
  assert.deepEqual(zheng.docIds, [idOf(kb, 'zheng.txt')], zheng.reply.text)
  assert.deepEqual(henan.docIds, [idOf(kb, 'henan.txt')], henan.reply.text)
  // Only cited: not here itself, and the text citing it is offered by name, never shown as it.
  assert.equal(cited.reply.answered, false, cited.reply.text)
  assert.match(cited.reply.text, /没有找到郑政文〔2009〕31号[^]*1\. 郑州市城乡居民基本养老保险实施细则/)
})

test('a date or a unit asked of a place\'s text with its topic leads the answer, from the text quoted', async () => {
  const kb = await corpusOf({
    'beijing.txt': signed('北京市城乡居民大病保险试行办法', '北京市医疗保障局', '2013年12月31日', '第一条　参保人员一个年度内个人负担的合规医疗费用超过起付标准的部分，由大病保险按比例支付。', '第二条　大病保险由市医疗保障部门主管，市医疗保险经办机构负责经办。'),
    'chengdu.txt': signed('成都市公共租赁住房管理办法', '成都市住房和城乡建设局', '2015年6月1日', '第一条　公共租赁住房租金按照略低于同地段市场租金的原则确定。', '第二条　承租人应当按月缴纳租金。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [dated, issuer] = await converse(engine, '北京大病保险的办法是哪天发布的', '成都公租房的办法是哪个单位发的')
  assert.equal(dated.reply.answered, true, dated.reply.text)
  assert.match(dated.reply.text, /^北京市医疗保障局《北京市城乡居民大病保险试行办法》的日期：2013年12月31日/)
  assert.equal(issuer.reply.answered, true, issuer.reply.text)
  assert.match(issuer.reply.text, /^《成都市公共租赁住房管理办法》的发文单位：成都市住房和城乡建设局/)
  // The date a text is signed (落款) is its date too.
  const [signedOn] = await converse(engine, '成都公租房的办法落款是哪天')
  assert.match(signedOn.reply.text, /^成都市住房和城乡建设局《成都市公共租赁住房管理办法》的日期：2015年6月1日/)
})

test('a place\'s texts asked for as documents are listed as 文件, one without a title named by its first line, never by its file name', async () => {
  const kb = await corpusOf({
    'foshan-rental.txt': ['佛山市公共租赁住房管理办法', '第一条　公共租赁住房租金按照略低于同地段市场租金的原则确定。', '第二条　承租人应当按月缴纳租金。'].join('\n'),
    'guide-0412.txt': ['城乡居民养老保险关系转入', '事项名称', '城乡居民养老保险关系转入', '办理地点', '佛山市各区社会保险经办机构服务窗口', '办理时限', '受理之日起15个工作日内办结。'].join('\n'),
    'measures.txt': ['各区人民政府，市有关单位：', '为支持佛山市中小企业共渡难关，现提出以下措施：', '一、对承租国有经营用房的中小企业，免收一个月房租。'].join('\n'),
  })
  const [listed] = await converse(createAnswerEngine(() => kb), '佛山的文件有哪些')
  assert.equal(listed.intent, 'lookup', listed.reply.text)
  assert.match(listed.reply.text, /找到3份与“佛山”有关的文件/)
  assert.match(listed.reply.text, /城乡居民养老保险关系转入（未载明发文单位和日期）/)
  assert.doesNotMatch(listed.reply.text, /guide-0412|\.txt/)
  // An addressee opening a text names whom it is sent to: the line after it names the text.
  assert.match(listed.reply.text, /为支持佛山市中小企业共渡难关/)
  assert.doesNotMatch(listed.reply.text, /各区人民政府，市有关单位/)
})

test('a unit\'s texts asked for as what it issued (发了哪些文件, 发布了哪些政策) are listed, only that unit\'s', async () => {
  const kb = await corpusOf({
    'jobs.txt': signed('佛山市人力资源和社会保障局关于做好稳就业工作的通知', '佛山市人力资源和社会保障局', '2020年2月10日', '一、企业组织职工参加线上职业技能培训的，给予培训补贴。', '二、暂停举办现场招聘会，常态化开展线上招聘。'),
    'market.txt': signed('佛山市市场监督管理局关于支持个体工商户复工复业的通知', '佛山市市场监督管理局', '2020年2月18日', '一、个体工商户可全程网上办理设立、变更登记。', '二、免收国有农贸市场摊位费三个月。'),
  })
  const engine = createAnswerEngine(() => kb)
  for (const [question, issued, other] of [['佛山市人社局发了哪些文件', /稳就业工作的通知/, /个体工商户/], ['佛山市市场监管局发布了哪些政策', /个体工商户复工复业的通知/, /稳就业/]] as const) {
    const [listed] = await converse(engine, question)
    assert.equal(listed.intent, 'lookup', `${question}: ${listed.reply.text}`)
    assert.match(listed.reply.text, issued)
    assert.doesNotMatch(listed.reply.text, other)
  }
  // By what it is (通知) and its date or year, as committee members ask.
  const [notice, year] = await converse(engine, '2月10日人社局发的通知说了什么', '2020年的文件有哪些')
  assert.deepEqual(notice.docIds, [kb.documents.find((doc) => doc.file === 'jobs.txt')!.id], notice.reply.text)
  assert.equal(year.intent, 'lookup', year.reply.text)
  assert.match(year.reply.text, /稳就业工作的通知[^]*个体工商户复工复业的通知|个体工商户复工复业的通知[^]*稳就业工作的通知/)
  // A month too (2020年2月的文件): those dated in it; a month none is dated in is said so.
  const [february, march] = await converse(engine, '2020年2月的文件', '2020年3月的文件有哪些')
  assert.equal(february.intent, 'lookup', february.reply.text)
  assert.match(february.reply.text, /找到2份与“2020年2月”有关的文件/)
  assert.equal(march.reply.answered, false, march.reply.text)
  assert.match(march.reply.text, /没有找到2020年3月的文件/)
  // A body that issued none of them: among policy texts, no 文件 of it (not "no 答复"), and the city's offered.
  const [none] = await converse(engine, '佛山市教育局发了哪些文件')
  assert.equal(none.reply.answered, false, none.reply.text)
  assert.match(none.reply.text, /没有找到佛山市教育局的文件。\n现有相近的文件有：/)
  // A proposal number is a reply's, whatever the corpus holds.
  const [numbered] = await converse(engine, '第9号提案的答复')
  assert.match(numbered.reply.text, /^抱歉，没有找到第9号提案的答复。/)
  const [unanswered] = await converse(engine, '佛山市人社局对网课流量有什么补贴')
  assert.match(unanswered.reply.text, /^抱歉，佛山市人力资源和社会保障局的文件中没有找到[^]*查看这份文件的原文/)
})

/** Replies that state a sum or a rate beside replies on the same topic that state none, and what is asked of them. */
const STATED_OR_NOT = [
  {
    kind: 'a sum asked by a verb of paying (能补多少, 能报多少): a share answers',
    stated: reply('提高居民医保住院报销水平', '赵敏委员', '自明年起，居民医保参保人在二级医院住院的费用，政策范围内按70%报销。'),
    unstated: reply('加大公租房租金补贴力度', '孙伟代表', '我局将继续做好公租房租金补贴的申请受理和审核工作，符合条件的家庭可向街道提出申请。'),
    answered: { question: '在二级医院住院，居民医保能报多少', quoting: /按70%报销/ },
    refused: '住公租房，政府的租金补贴一个月能补多少',
  },
  {
    kind: 'a sum stated as a multiple of a base (两倍), not a bound (10倍以下)',
    stated: reply('提高烈士遗属抚恤标准', '严某委员', '自明年起，烈士遗属定期抚恤金提高为本市上年度职工月平均工资的两倍，按月发放。'),
    unstated: reply('扩大住房租赁补贴覆盖面', '邹某代表', '申请家庭人均资产在本市低保标准10倍以下（含10倍）的，可向街道申请住房租赁补贴，经审核后按月发放。'),
    answered: { question: '烈士遗属的定期抚恤金每月能领多少', quoting: /两倍/ },
    refused: '住房租赁补贴每月能领多少',
  },
  {
    kind: 'a rate or a share (缴费比例, 参保率)',
    stated: reply('完善生育保险制度', '周丽委员', '用人单位按照本单位职工工资总额的0.5%缴纳生育保险费，职工个人不缴纳。'),
    unstated: reply('扩大城乡居民养老保险覆盖面', '吴刚代表', '我局将通过进村入户宣传，动员更多城乡居民参加养老保险，持续提高参保积极性。'),
    answered: { question: '生育保险单位缴费比例是多少', quoting: /0\.5%/ },
    refused: '城乡居民养老保险的参保率',
  },
  {
    kind: 'a rate asked before its noun (按什么比例, 按多少税率)',
    stated: reply('加大创业担保贷款扶持', '韩梅委员', '对符合条件的创业人员，创业担保贷款由财政按贷款利息的50%给予贴息。'),
    unstated: reply('落实小规模纳税人减税政策', '许亮代表', '我局将做好小规模纳税人增值税减免政策的宣传和申报辅导，确保政策应享尽享。'),
    answered: { question: '创业担保贷款的利息财政按什么比例贴', quoting: /50%/ },
    refused: '小规模纳税人的增值税按多少税率征收',
  },
  {
    kind: 'a share asked how high or how large (比例有多高, 占比多大, 占多少)',
    stated: reply('提高生活垃圾分类实效', '陆某委员', '截至今年底，全市居民区垃圾分类达标率达到95%，湿垃圾分出量持续增长。'),
    unstated: reply('加快老旧小区加装电梯', '葛某代表', '我局将简化老旧小区加装电梯审批流程，加强宣传引导，积极推动加装电梯工作。'),
    answered: { question: '小区垃圾分类达标的占比有多高', quoting: /95%/ },
    refused: '老旧小区里装上电梯的比例有多大',
  },
  {
    kind: 'a length of time (要多久, 能领多久)',
    stated: reply('缩短居住证办理时间', '钱进委员', '自今年起，居住证申领材料齐全的，公安派出所在受理后10个工作日内制发证件。'),
    unstated: reply('做好失业人员就业帮扶', '冯英代表', '失业人员领取失业保险金的期限，根据其失业前累计缴费时间确定，由区社会保险经办机构核定后按月发放。'),
    answered: { question: '办居住证要等多久才能拿到', quoting: /10个工作日内/ },
    refused: '失业保险金能领多久',
  },
  {
    kind: 'a day (哪天, 最晚什么时候)',
    stated: reply('方便随迁子女入学报名', '蒋芸委员', '随迁子女入学申请须在每年5月31日前向居住地所在街道提交。'),
    unstated: reply('做好小升初学位安排', '沈亮代表', '我局将统筹全区学位资源，对未被民办学校录取的学生，由区教育局统筹安排到公办初中就读。'),
    answered: { question: '随迁子女入学申请最晚什么时候交', quoting: /5月31日前/ },
    refused: '小升初学位定下来后哪天去初中报到',
  },
  {
    kind: 'a place in an order (第几个), which no count nor span of time answers',
    stated: reply('申报智慧社区示范区', '钱某代表', '2021年，我区获批成为全省第3个智慧社区示范区，已建成社区服务站12个。'),
    unstated: reply('修缮村史馆', '周某代表', '村史馆修缮工程历时3年，现免费向村民和游客开放。'),
    answered: { question: '我们区是全省第几个智慧社区示范区', quoting: /第3个/ },
    refused: '村史馆是全市第几个免费开放的村史馆',
  },
  {
    kind: 'a count in 平方米, which a time does not answer',
    stated: reply('放宽公租房准入条件', '孙某代表', '申请公共租赁住房的家庭，人均住房建筑面积须低于15平方米，且在本市有稳定就业。'),
    unstated: reply('扩建村卫生室', '吴某代表', '村卫生室扩建工程历时2年完工，新增诊疗设备一批，方便村民就近看病。'),
    answered: { question: '申请公租房人均住房面积要低于多少平方米', quoting: /15平方米/ },
    refused: '村卫生室扩建以后面积有多少平方米',
  },
  {
    kind: 'a count (几起, 多少户), which a date (also one without 日), a span of time or a sum is not',
    stated: reply('整治学校门口交通秩序', '孙某代表', '今年以来，学校门口路段共发生交通事故3起，交警部门已在该路段增设护栏和减速带。'),
    unstated: reply('保障杨树村村委会办公经费', '韩某代表', '2020年3月1日起，区财政每年为杨树村村委会安排办公经费12万元，杨树村村民提出的其他资金需求，由镇政府统筹解决，首笔经费已于3月26拨付，三年内全部到位。'),
    answered: { question: '学校门口今年出了几起交通事故', quoting: /3起/ },
    refused: '杨树村一共有多少户村民',
  },
  {
    kind: 'when a project starts or ends (什么时候开工, 哪年通车)',
    stated: reply('打通滨江路断头路', '韩某代表', '滨江路断头路打通工程已列入我区重点项目计划，预计2025年底前开工建设。'),
    unstated: reply('尽快修建西山路', '罗某代表', '西山路建设涉及铁路审批，方案通过论证后报请区政府同意后实施，我局将积极向上级部门争取资金支持。'),
    answered: { question: '滨江路断头路什么时候开工', quoting: /2025年底前开工/ },
    refused: '西山路什么时候能建成通车',
  },
  {
    kind: 'the year a work is set for (哪一年开工; not an earlier year, a document number\'s year or "not yet")',
    stated: answering('关于改造东环路的建议的答复', '某区交通运输局', '2023年5月6日', '韩某代表', '关于改造东环路的建议', '东环路改造工程已完成立项，计划2024年开工建设。'),
    unstated: answering('关于修建北山路的建议的答复', '某区住房和城乡建设局', '2023年5月6日', '罗某代表', '关于修建北山路的建议',
      '2017年我区谋划建设北山路，按照《关于规范城市道路建设的通知》（建城〔2023〕12号）要求，因资金未落实，北山路暂缓实施。'),
    answered: { question: '东环路改造计划哪一年开工', quoting: /2024年开工/ },
    refused: '北山路计划哪一年开工',
  },
  {
    kind: 'the month a work is set for (哪个月完工; not a year alone)',
    stated: reply('建设公交首末站', '许某代表', '城西公交首末站已开工建设，预计10月底完工。'),
    unstated: reply('建设公共停车场', '葛某代表', '城南公共停车场已列入今年建设计划，将于近期开工建设。'),
    answered: { question: '城西公交首末站预计哪个月完工', quoting: /10月底完工/ },
    refused: '城南停车场预计哪个月完工',
  },
  {
    kind: 'when a work was finished (什么时候建好的; not the date of a meeting on the way)',
    stated: reply('在滨江路设立公交候车亭', '蔡某代表', '滨江路公交候车亭已于6月30日建成投用，方便市民候车。'),
    unstated: reply('在菜市场旁新建公厕', '彭某代表', '5月8日，区绿化市容局召集相关单位召开专题协调会，原则同意在菜市场旁新建公厕；5月12日，街道前往现场勘验。'),
    answered: { question: '滨江路的公交候车亭什么时候建好的', quoting: /6月30日建成投用/ },
    refused: '菜市场旁边的公厕什么时候建好的',
  },
  {
    kind: 'a subsidy (补助标准是多少) or funding asked how much in other words (资金具体是多少)',
    stated: reply('加快农村危房改造', '郑某代表', '对纳入改造计划的农村危房，每户补助1.5万元，由乡镇统一发放。'),
    unstated: reply('支持山区畜牧业发展', '柏某代表', '省农业农村厅高度关注山区畜牧业发展，近年来安排专项资金给予支持，下一步将继续倾斜。'),
    answered: { question: '农村危房改造的补助标准是多少', quoting: /1\.5万元/ },
    refused: '省里给山区畜牧业安排的专项资金具体是多少',
  },
  {
    kind: 'a count of lamps (多少盏)',
    stated: reply('在滨河路安装路灯', '汪某代表', '我局已在滨河路沿线安装太阳能路灯120盏，覆盖道路全长。'),
    unstated: reply('在西环大道安装路灯', '丁某代表', '您在市十六届人大二次会议提出的西环大道安装路灯项目，由于交通部门2019年未能落实资金，未能列入市本级政府投资项目计划，我局将积极配合区交通部门争取资金。'),
    answered: { question: '滨河路装了多少盏路灯', quoting: /120盏/ },
    refused: '西环大道一共要装多少盏路灯',
  },
  {
    kind: 'how often (隔多长时间来一趟, 多久清理一次), which 定期 does not answer',
    stated: reply('加密12路公交班次', '梁某代表', '12路公交高峰时段发车间隔10分钟，平峰时段15分钟一班。'),
    unstated: reply('加强景区环境卫生', '巴某委员', '我局将组织环卫人员定期对湖滨景区的垃圾、杂物进行清理，保持景区环境整洁。'),
    answered: { question: '12路公交隔多长时间来一趟', quoting: /发车间隔10分钟/ },
    refused: '湖滨景区的垃圾多久清理一次',
  },
  {
    kind: 'how often, asked with where between (多久去学校、小区讲一回)',
    stated: reply('加强交通安全宣传', '万某委员', '交警大队每月定期深入学校、小区开展交通安全宣讲。'),
    unstated: reply('开展消防安全宣传', '钟某委员', '消防救援大队深入学校、社区开展消防安全宣传，提高群众安全意识。'),
    answered: { question: '交警多久去学校、小区讲一回交通安全', quoting: /每月定期/ },
    refused: '消防队多久去学校、社区宣传一回消防安全',
  },
  {
    kind: 'a count asked as a number of people (学生人数)',
    stated: reply('扩建实验小学', '任某代表', '实验小学现有学生1860名，教学班36个，校舍已不能满足需要。'),
    unstated: reply('改善西关小学办学条件', '米某代表', '西关小学已完成教学楼抗震加固，并购置了课桌椅和智慧黑板等设备。'),
    answered: { question: '实验小学学生人数', quoting: /1860名/ },
    refused: '西关小学学生人数',
  },
  {
    kind: 'the day a work starts (哪天开工; not the date of a meeting or a filing on the way)',
    stated: reply('改造东山路', '贺某代表', '东山路改造工程已于3月15日开工，预计年底完工。'),
    unstated: reply('整治西沟河道', '佟某代表', '6月8日，区政府召开专题会，研究西沟综合整治工程；10月12日，我局向区发改委提交了项目征集表。'),
    answered: { question: '东山路改造哪天开工的', quoting: /3月15日开工/ },
    refused: '西沟河道整治哪天开工',
  },
  {
    kind: 'when a work starts, told as the step after one under way (正在招标，下一步实施动工), not by a meeting\'s year',
    stated: reply('建设东关社区日间照料中心', '屈某委员', '东关社区日间照料中心项目已审批通过，目前正在进行招标，下一步实施动工。'),
    unstated: reply('建设西关社区老年食堂', '邵某委员', '2023年，区民政局召开老年助餐工作推进会，研究部署西关社区老年食堂建设工作。'),
    answered: { question: '东关社区日间照料中心什么时候开工', quoting: /下一步实施动工/ },
    refused: '西关社区老年食堂什么时候开工',
  },
  {
    kind: 'a sum asked for a year (2018年拨了多少钱), which another year\'s sum does not answer, though a plan\'s span holds the year',
    stated: reply('支持黔南州中药材基地建设', '耿某代表', '2018年，省级财政安排资金800万元，支持黔南州中药材基地建设。'),
    unstated: answering('关于扶持铜仁茶叶产业的建议的答复', '某省农业委员会', '2018年6月11日', '王某代表', '关于扶持铜仁茶叶产业的建议',
      '《茶产业发展规划(2016-2020年)》将铜仁列为重点区域，2016年省级财政资金支持铜仁茶叶产业1200万元。'),
    answered: { question: '2018年省里给黔南州中药材基地安排了多少钱', quoting: /800万元/ },
    refused: '2018年省里给铜仁茶叶拨了多少钱',
  },
  {
    kind: 'a fine (罚款多少)',
    stated: reply('整治餐厨垃圾乱倒', '沈某委员', '对乱倒餐厨垃圾的，由城管部门处以2000元罚款。'),
    unstated: reply('规范电动车销售', '徐某委员', '我局加强对电动车销售商户的检查，禁止销售非法非标的电动四轮车。'),
    answered: { question: '乱倒餐厨垃圾罚款多少', quoting: /2000元罚款/ },
    refused: '销售非标电动车的商户罚款多少',
  },
  {
    kind: 'the year a thing is put up (哪年能装上), as any work\'s',
    stated: reply('在滨河公园安装健身器材', '李某委员', '滨河公园健身器材已列入计划，预计2026年安装到位。'),
    unstated: reply('在政务中心路口增设红绿灯', '王某委员', '政务中心路口暂不适宜增设红绿灯，但该路段有增设红绿灯的远景规划，还在等待专家进一步论证。'),
    answered: { question: '滨河公园的健身器材预计哪年能装上', quoting: /2026年安装到位/ },
    refused: '政务中心路口的红绿灯预计哪年能装上',
  },
  {
    kind: 'a count (续贷几次), which a span of time in months (到期前1个月) is not',
    stated: reply('完善创业担保贷款续贷', '袁某委员', '创业担保贷款到期后可申请续贷，最多续贷2次。'),
    unstated: reply('做好扶贫小额信贷回收', '蒋某委员', '在贫困户贷款本息到期前1个月，贷款发放银行通知贷款户按时还本付息。'),
    answered: { question: '创业担保贷款到期后最多可以续贷几次', quoting: /最多续贷2次/ },
    refused: '扶贫小额信贷到期后最多可以续贷几次',
  },
  {
    kind: 'whether it costs money (踢球要不要交钱), which opening all day does not say',
    stated: reply('开放学校体育场地', '贺某委员', '城南中学操场节假日向居民免费开放，需凭身份证登记入场。'),
    unstated: reply('建设社区足球场', '莫某委员', '已建成的3处小足球场均为笼式人造草坪五人制足球场，全天对外开放。'),
    answered: { question: '城南中学操场节假日去运动要不要交钱', quoting: /免费开放/ },
    refused: '笼式五人制足球场踢球要不要交钱',
  },
  {
    kind: 'when a replacement is done (什么时候能换完), as any work\'s',
    stated: reply('更换老旧供水管网', '石某代表', '城北片区老旧供水管网更换工程已开工，预计10月底全部换完。'),
    unstated: reply('改善庆丰路照明', '汤某代表', '我局将把庆丰路路灯纳入老旧钠灯智能化改造项目，统一更换为LED灯，提高路灯照度。'),
    answered: { question: '城北的老旧水管什么时候能换完', quoting: /10月底/ },
    refused: '庆丰路换LED灯什么时候能换完',
  },
  {
    kind: 'a length asked in years (有效期是几年), which days of processing (20个工作日) are not',
    stated: reply('方便驾驶证换证', '纪某委员', '机动车驾驶证初次领证有效期为6年，期满前90日内申请换证。'),
    unstated: reply('优化食品经营许可', '毛某委员', '食品经营许可申请受理后，审批部门在20个工作日内作出决定。'),
    answered: { question: '驾驶证第一次领的有效期是几年', quoting: /有效期为6年/ },
    refused: '食品经营许可证有效期是几年',
  },
  {
    kind: 'a length asked after an event (发生后多少天内)',
    stated: reply('规范工伤认定申请', '龚某委员', '职工发生事故伤害的，用人单位应当自事故伤害发生之日起30日内提出工伤认定申请。'),
    unstated: reply('规范劳动能力鉴定', '阎某委员', '劳动能力鉴定由设区的市级劳动能力鉴定委员会组织，鉴定结论应当及时送达当事人。'),
    answered: { question: '出了工伤，单位要在事故发生后多少天内去申请工伤认定', quoting: /30日内/ },
    refused: '做完劳动能力鉴定后多少天内能拿到结论',
  },
  {
    kind: 'a sum asked how it is reckoned (补助金是怎么算的)',
    stated: reply('做好丧葬补助', '邹某委员', '因工死亡职工的丧葬补助金按每人6000元一次性发放。'),
    unstated: reply('资助家庭经济困难学生', '乔某委员', '家庭经济困难学生的国家助学金由学校评审认定后，按学期发放到学生本人。'),
    answered: { question: '丧葬补助金是怎么算的', quoting: /6000元/ },
    refused: '困难学生的国家助学金是怎么算的',
  },
  {
    kind: 'a fee asked whether it is paid (要不要交工本费) or after its amount (收多少登记费)',
    stated: reply('规范婚姻登记', '欧某委员', '办理结婚登记不收取任何费用，婚姻登记证书工本费已免收。'),
    unstated: reply('推进不动产登记网上预审', '林某委员', '申请人通过网上提交申请，登记机构在线预审，预审通过后到窗口核验，核验无误后当场领证。'),
    answered: { question: '结婚登记要不要交工本费', quoting: /不收取任何费用/ },
    refused: '不动产登记住宅一件收多少登记费',
  },
  {
    kind: 'the papers to bring, which a passage where an office files its 材料 does not name',
    stated: reply('简化个体户注销', '何某委员', '个体工商户申请简易注销，需提交简易注销登记申请书和营业执照正副本。'),
    unstated: reply('规范个体户依职权注销', '戴某委员', '注销登记完成后，市场监督管理部门应当将有关材料归入个体工商户登记档案。'),
    answered: { question: '个体户申请简易注销要交哪些材料', quoting: /营业执照/ },
    refused: '个体户被依职权注销要交哪些材料',
  },
  {
    kind: 'funding asked with words between (拿到多少畜牧业专项资金)',
    stated: reply('扶持高山茶叶产业', '耿某代表', '2017年，省级财政安排高山茶叶产业专项资金800万元。'),
    unstated: reply('扶持山区畜牧业', '柏某代表', '省农业厅高度关注山区畜牧业发展，近几年安排专项资金给予支持，下一步将给予倾斜支持。'),
    answered: { question: '2017年拿到多少高山茶叶产业专项资金', quoting: /800万元/ },
    refused: '山区2017年拿到多少畜牧业专项资金',
  },
  {
    kind: 'a sum asked per month (每个月托费多少), which a project\'s total (总投资4000万元) is not',
    stated: reply('规范普惠托育收费', '韩某委员', '城东普惠托育园保育费为每月1200元，由区发改委核定。'),
    unstated: reply('改造市游泳馆', '雷某委员', '市游泳馆改造项目已完成批复，总投资4000万元，建设期为12个月，建成后向市民开放。'),
    answered: { question: '城东普惠托育园每个月托费多少', quoting: /每月1200元/ },
    refused: '游泳馆改造好以后每个月的月卡多少钱',
  },
  {
    kind: 'a sum asked (能领多少补贴), which a rate of something done (火化率达100%) is not',
    stated: reply('资助困难家庭大学新生', '邓某委员', '对考入大学的困难家庭学生，每人一次性发放助学金5000元。'),
    unstated: reply('推进殡葬改革', '易某委员', '我县全面推行殡葬改革以来，七个乡镇均已建成公益性公墓，亡故人员火化率达100%。'),
    answered: { question: '考上大学的困难学生能领多少助学金', quoting: /5000元/ },
    refused: '殡葬改革以后火化的家庭能领多少补贴',
  },
  {
    kind: 'a sum asked of a project the question quotes (“云上栈道”项目总投资), which another project\'s sum is not',
    stated: reply('建设“花谷步道”项目', '施某代表', '“花谷步道”项目总投资300万元，已列入县重点项目。'),
    unstated: reply('支持“云上栈道”项目建设', '叶某代表', '2018年，我局安排30万元支持了“万株樱树”项目建设。关于“云上栈道”项目，鉴于县级财力紧张，我局将报送市文旅局争取上级资金支持。'),
    answered: { question: '“花谷步道”项目总投资是多少', quoting: /总投资300万元/ },
    refused: '“云上栈道”项目总投资是多少',
  },
  {
    kind: 'a count asked for a year after the reply (2023年计划硬化多少公里), which a total since an earlier year (自2017年以来) is not',
    stated: answering('关于第5号代表建议的答复', '某镇人民政府', '2022年5月25日', '刘某代表', '关于建设文化广场的建议', '2023年，我镇计划在东岭、南坪新建文化广场2处。'),
    unstated: answering('关于第9号代表建议的答复', '某乡人民政府', '2022年5月20日', '陈某代表', '关于硬化西坡村道的建议', '自2017年以来，我乡硬化辖区农村公路约130公里，西坡村道暂不具备硬化条件。'),
    answered: { question: '东岭2023年计划新建几处文化广场', quoting: /文化广场2处/ },
    refused: '西坡所在的乡2023年计划再硬化多少公里村道',
  },
  {
    kind: 'an app asked (在哪个APP里领券), which a passage sending the reader to a counter does not answer',
    stated: reply('推广医保电子凭证', '程某委员', '参保人可在国家医保服务平台APP激活医保电子凭证，就医时扫码结算。'),
    unstated: reply('扩大汽车以旧换新补贴', '唐某委员', '汽车以旧换新补贴的具体操作流程可到参与企业现场详细咨询。'),
    answered: { question: '医保电子凭证要在哪个APP里激活', quoting: /国家医保服务平台APP/ },
    refused: '汽车以旧换新的补贴要在哪个APP里领券',
  },
  {
    kind: 'a length of time (多长时间能到账), which an age (80周岁) is not',
    stated: reply('加快残疾人补贴发放', '罗某代表', '残疾人两项补贴审核通过后，15个工作日内发放到账。'),
    unstated: reply('提高高龄补贴标准', '杨某代表', '高龄生活补贴按80-89周岁每月60元、90-99周岁每月100元的标准发放。'),
    answered: { question: '残疾人补贴申请以后多长时间能到账', quoting: /15个工作日内/ },
    refused: '高龄生活补贴申请以后多长时间能到账',
  },
  {
    kind: 'a length of time (最长能贷多少年), which a date (2023年9月28日) is not',
    stated: reply('延长公积金贷款期限', '郝某代表', '住房公积金贷款最长期限为30年，且不超过法定退休年龄后5年。'),
    unstated: reply('提高创业担保贷款额度', '任某代表', '2023年9月28日起，创业担保贷款个人最高额度提高至30万元。'),
    answered: { question: '住房公积金贷款最长能贷多少年', quoting: /最长期限为30年/ },
    refused: '创业担保贷款最长能贷多少年',
  },
  {
    kind: 'a length of time stated as half of one (满半年)',
    stated: reply('放宽居住证申领条件', '邹某代表', '来本市居住的人员，自居住登记之日起满半年后可申领居住证。'),
    unstated: reply('规范出租房屋管理', '钱某代表', '出租房屋的房东应当在租客入住后及时办理登记。'),
    answered: { question: '来了以后要住多久才能办居住证', quoting: /满半年/ },
    refused: '出租房屋登记要多久才能办好',
  },
  {
    kind: 'the papers to bring (要带哪些材料)',
    stated: reply('简化残疾人补贴申请', '唐某代表', '残疾人可持身份证、户口本和残疾人证，向户籍所在地街道办事处提出申请。'),
    unstated: reply('落实惠民殡葬政策', '祝某代表', '我市对城乡居民免除基本殡葬服务费用，由殡仪馆直接减免。'),
    answered: { question: '申请残疾人补贴要带哪些材料', quoting: /持身份证、户口本和残疾人证/ },
    refused: '办殡葬费用减免，家属要带哪些材料去',
  },
  {
    kind: 'a day of the month (几号发), which a house number (永平路36号) is not',
    stated: reply('按时发放城乡居民养老金', '陈某代表', '城乡居民养老金每月10日前发放到个人账户。'),
    unstated: reply('方便高龄津贴申领', '何某代表', '高龄津贴可持身份证到县民政局老龄科(屏山街道永平路36号)咨询办理。'),
    answered: { question: '城乡居民养老金每个月几号发', quoting: /每月10日前/ },
    refused: '高龄津贴每个月几号发',
  },
  {
    kind: 'when a place opens for business (什么时候开业)',
    stated: reply('建设游客服务中心', '冯某委员', '游客服务中心已完成内部装修，计划于5月1日开业。'),
    unstated: reply('完善腊味小镇配套', '龙某委员', '腊味小镇星级宾馆正在进行内部建设，生态停车场已完成路基建设。'),
    answered: { question: '游客服务中心什么时候开业', quoting: /5月1日开业/ },
    refused: '腊味小镇的星级宾馆什么时候开业',
  },
  {
    kind: 'who designed it (哪家设计单位), which a passage saying only that a design was made does not answer',
    stated: reply('建设全民健身中心', '付某代表', '全民健身中心由某某建筑设计研究院设计，已完成施工图审查。'),
    unstated: reply('修复前山河堤', '邓某代表', '我局已组织设计单位初步编制完成前山河堤修复方案，下步将积极申报资金。'),
    answered: { question: '全民健身中心是哪家设计单位设计的', quoting: /建筑设计研究院设计/ },
    refused: '前山河堤修复方案是哪家设计单位做的',
  },
]

test('a sum or a firm asked that the reply on the topic does not state is not taken from another reply that states one', async () => {
  const kb = await corpusOf({
    'tricycles.txt': reply('整治非法营运三轮车', '沈某委员', '对非法营运的三轮车，由交通运输部门处以5000元罚款。'),
    'sellers.txt': reply('规范电动车销售', '徐某委员', '我局加强对电动车销售商户的检查，禁止销售非法非标的电动四轮车。'),
    'dyke.txt': reply('加固东河堤防', '付某代表', '东河堤防加固方案由某某水利水电勘测设计研究院编制，已通过审查。'),
    'bank.txt': reply('修复前山河堤', '邓某代表', '我局已组织设计单位初步编制完成前山河堤修复方案，下步将积极申报资金。'),
  })
  const engine = createAnswerEngine(() => kb)
  for (const asked of ['销售非标电动车的商户罚款多少', '前山河堤修复方案是哪家设计单位做的']) {
    const [turn] = await converse(engine, asked)
    assert.equal(turn.reply.answered, false, `${asked}: ${turn.reply.text}`)
  }
  await quotesFirst(engine, '非法营运的三轮车罚款多少', /5000元罚款/)
})

test('a fact read out of a reply (its date, 文号, phone) is shown with the reply\'s own words stating it, quoted and cited; a fact it lacks quotes nothing', async () => {
  const kb = await corpusOf({
    'town.txt': signed('太白县鹦鸽镇人民政府关于县政协九届二次会议第54号提案的答复', '太白县鹦鸽镇人民政府', '二〇二三年十月八日', '鹦政函〔2023〕74号', '曹文军委员：', '您提出的《关于改善镇区停车秩序的提案》收悉，现答复如下：', '我镇已在镇区新划停车位120个，并安排专人管理。', '联系人：王晓 联系电话：0917-4512345'),
    'river.txt': answering('关于县人大第8号建议的答复', '某县水利局', '2023年6月2日', '马某代表', '关于整治西沟河道的建议', '西沟河道整治已列入今年计划，汛期前完成清淤。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [dated, numbered, phoned] = await converse(engine, '鹦鸽镇第54号提案的答复是哪天的', '文号是多少', '联系电话是多少')
  assert.match(dated.reply.text, /答复日期：2023年10月8日/)
  assert.match(dated.reply.passages[0]?.text ?? '', /二〇二三年十月八日/, 'the date as the reply prints it')
  assert.match(dated.reply.text, /【来源】太白县鹦鸽镇人民政府/)
  assert.match(numbered.reply.passages[0]?.text ?? '', /鹦政函〔2023〕74号/)
  assert.match(phoned.reply.passages[0]?.text ?? '', /0917-4512345/)
  const [, unnumbered] = await converse(engine, '某县水利局第8号建议的答复', '文号是多少')
  assert.match(unnumbered.reply.text, /没有写明文号/)
  assert.deepEqual(unnumbered.reply.passages, [])
})

test('a guide\'s fee printed as none (收费标准:无) answers what it costs; a guide printing no fee does not', async () => {
  const guide = (body = '') => corpusOf({ 'guide.txt': signed('设置户外广告审批服务指南', '某县城市管理行政执法局', '2020年5月13日', '一、办理条件：广告设施符合城市规划。', '二、办理时限：5个工作日。', body, '七、办理地点：县政务服务中心二楼城管窗口。') })
  await answeredOnlyWhenStated(guide, '户外广告审批 收费标准', ['六、收费标准:无', '六、投诉监督电话:0735-5535062'], /收费标准:无/)
})

test('asked whether a licence costs money (要花钱不), a guide answers with its part saying it is free, not with its list of papers', async () => {
  const kb = await corpusOf({
    'licence.txt': signed('食品经营许可证(销售类)登记服务指南', '某市市场监督管理局', '2017年11月10日', '一、申报材料', '(一)《食品经营许可证申请书》；', '(二)营业执照复印件；', '(三)经营场所的使用证明。', '二、办理时限', '20个工作日', '三、收费标准', '不收费', '四、办理地点', '市民服务中心二楼市场监管窗口'),
  })
  await quotesFirst(createAnswerEngine(() => kb), '办食品经营许可证要花钱不', /不收费/)
})

test('a sum asked per head (一头要交多少保费) is answered by one stated per head, not by a crop\'s sum per 亩', async () => {
  const insurance = (body = '') => corpusOf({ 'insurance.txt': signed('政策性农业保险知识问答', '某乡人民政府', '2018年11月8日', '一、保额及农户承担的保费是多少？', body) })
  await answeredOnlyWhenStated(insurance, '养能繁母猪的，政策性保险一头要交多少保费', ['答：能繁母猪每头保额1500元，每头保费60元，农户自担20%。', '答：水稻单亩保额448元，单亩保费19.5元，农户自担10%。'], /每头保费60元/)
})

test('a sum written without 元 (争取上级资金50万, 80万专项资金) answers how much money; the same work without a sum does not', async () => {
  const roads = (line = '') => corpusOf({ 'roads.txt': reply('加快村道硬化', '钱某代表', '村道硬化是群众出行的大事。', line, '下一步将继续做好村道养护。') })
  await answeredOnlyWhenStated(roads, '村道硬化争取到多少钱', ['今年为村道硬化争取上级资金50万，已全部拨付到村。', '今年的村道硬化工程已全部完工，已交付使用。'], /50万/)
  await answeredOnlyWhenStated(roads, '村道硬化争取到多少钱', ['今年落实80万专项资金用于村道硬化。', undefined], /80万专项资金/)
})

test('a price asked for one thing (一个摊位要多少钱) is answered by a price for it, not by the sum the project got', async () => {
  const market = (line = '') => corpusOf({ 'market.txt': reply('改造农贸市场', '孙某代表', '农贸市场改造已于今年完工。', line, '市场管理办公室将加强日常巡查。') })
  await answeredOnlyWhenStated(market, '农贸市场一个摊位要多少钱', ['改造后摊位每个每月租金300元。', '今年争取资金30万元用于农贸市场改造。'], /每个每月租金300元/)
})

test('asked what share is paid back (门诊能报多少比例), a passage stating a share answers, and one stating only a fee in 元 does not', async () => {
  const scheme = (line = '') => corpusOf({ 'scheme.txt': signed('城乡居民医保政策问答', '某县医疗保障局', '2023年3月1日', '一、门诊待遇', line, '二、参保登记', '新参保人员到乡镇医保服务站办理参保登记。') })
  await answeredOnlyWhenStated(scheme, '居民医保门诊能报多少比例', ['政策范围内门诊费用报销比例为50%。', '门诊统筹个人缴费标准为每人每年380元。'], /50%/)
})

test('a share written as a fraction (实际租金的1/2) answers what share is paid; a passage without one does not', async () => {
  const rent = (line = '') => corpusOf({ 'rent.txt': signed('公共租赁住房租金补贴问答', '某县住房保障中心', '2022年4月6日', '一、补贴标准', line, '二、申请地点', '县政务服务中心住房保障窗口。') })
  await answeredOnlyWhenStated(rent, '公租房租金补贴按多少比例补', ['每月按实际租金的1/2给予补贴。', '租金补贴按季度发放到申请人账户。'], /1\/2/)
})

test('a length asked after a step (交齐材料后几天能拿到) is answered by one, not by a passage on that step without one', async () => {
  const licence = (line = '') => corpusOf({ 'licence.txt': signed('个体工商户登记问答', '某县市场监督管理局', '2023年5月6日', '一、办理时限', line, '二、办理地点', '县政务服务中心一楼市场监管窗口。') })
  await answeredOnlyWhenStated(licence, '办营业执照交齐材料后几天能拿到', ['材料齐全的，3个工作日内办结。', '材料齐全的，由窗口受理后送审。'], /3个工作日/)
})

test('proposers named together (孙某红、李清河委员) pick their reply, a place inside a name (清河) being none; how the bureau answered a proposer (局里怎么答复的) is that reply', async () => {
  const kb = await corpusOf({
    'bridge.txt': answering('关于改造服装城金桥的提案的答复', '某区街道办事处', '2024年7月22日', '孙某红、李清河委员', '关于改造提升服装城金桥路面及景观的建议', '金桥路面改造已列入今年计划，年底前完成。'),
    'lamps.txt': answering('关于第38号建议的答复', '某区综合行政执法局', '2025年8月28日', '孙波代表', '关于规范庆淄路沿街摆摊的建议', '我局已安排执法中队每日巡查庆淄路沿线。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [pair, how] = await converse(engine, '孙某红、李清河委员关于服装城金桥的提案答复', '孙波代表的建议局里怎么答复的')
  assert.deepEqual(pair.docIds, [idOf(kb, 'bridge.txt')], pair.reply.text)
  assert.equal(pair.reply.answered, true, pair.reply.text)
  assert.equal(how.intent, 'lookup', how.reply.text)
  assert.deepEqual(how.docIds, [idOf(kb, 'lamps.txt')])
})

test('asked what the district said in reply to a deputy (区里答复了什么) or what a bureau said answering suggestions (…答复人大代表建议时说了什么), the reply is shown, not searched for those words', async () => {
  const kb = await corpusOf({
    'station.txt': answering('对市人大第34号代表建议的答复', '锦州市凌河区人民政府', '2019年8月29日', '钱某某代表', '关于改造火车站送站平台的建议', '送站平台改造已列入明年计划。'),
    'guides.txt': answering('对区人大第44号代表建议的答复', '锦州市凌河区教育局', '2023年7月11日', '孙某代表', '关于培养小小讲解员的建议', '今年已培训小小讲解员60名。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [district, bureau] = await converse(engine, '钱某某代表提的建议,区里答复了什么', '凌河区教育局答复人大代表建议时说了什么')
  assert.equal(district.intent, 'lookup', district.reply.text)
  assert.deepEqual(district.docIds, [idOf(kb, 'station.txt')])
  assert.equal(bureau.intent, 'lookup', bureau.reply.text)
  assert.deepEqual(bureau.docIds, [idOf(kb, 'guides.txt')])
})

test('a proposer whose surname jieba reads as another word (张/q 永新/d, 谢/v 丽/nr) or who is counted (两位委员) is still a proposer: their reply is picked, and a topic some other reply covers is no answer for one none names', async () => {
  const kb = await corpusOf({
    'park.txt': answering('关于某公园改造的提案的答复', '某区绿化市容局', '2024年6月3日', '王海、谢丽委员', '关于加快某公园改造的建议', '某公园改造已列入今年计划，年底前完工。'),
    'parking.txt': answering('关于增设停车场的提案的答复', '某区建设管理委员会', '2024年6月5日', '赵某委员', '关于在老城区增设停车场的建议', '今年在老城区新增公共停车泊位300个。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [pair, unknown] = await converse(engine, '王海、谢丽两位委员关于公园的提案答复了什么', '张永新委员关于停车场的提案答复了什么')
  assert.deepEqual(pair.docIds, [idOf(kb, 'park.txt')], pair.reply.text)
  assert.equal(unknown.reply.answered, false, unknown.reply.text)
  assert.match(unknown.reply.text, /张永新/)
  assert.doesNotMatch(unknown.reply.text, /300个/)
})

test('a year asked is held by a plan\'s span in brackets, 规划(2016-2020年), in the sentence stating the sum', async () => {
  const kb = await corpusOf({
    'farmland.txt': answering('关于县人大第31号建议的答复', '某县农业农村局', '2019年5月1日', '田某代表', '关于加快高标准农田建设的建议', '按照《高标准农田建设规划(2016-2020年)》,我县2015年试点,每亩补助1500元。'),
  })
  await quotesFirst(createAnswerEngine(() => kb), '2018年高标准农田每亩补助多少', /每亩补助1500元/)
})

test('报一样的比例 says the rate is the same, asking none: a passage saying since when answers', async () => {
  const kb = await corpusOf({ 'pooling.txt': reply('推进居民医保市级统筹', '孔某委员', '2018年开始，城镇居民基本医疗保险在全市范围内统一缴费标准、统一待遇标准。') })
  await quotesFirst(createAnswerEngine(() => kb), '居民医保从哪年起全市交一样的钱、报一样的比例', /2018年开始/)
})

test('好几家 is "several", asking no count: a passage without one answers', async () => {
  const kb = await corpusOf({ 'repair.txt': reply('明确小区公共部位维修责任', '苗某代表', '小区公共部位的维修由街道牵头，物业公司和业委会共同负责，不得互相推诿。') })
  await quotesFirst(createAnswerEngine(() => kb), '小区公共部位坏了是不是好几家都能管，互相推', /不得互相推诿/)
})

for (const { kind, stated, unstated, answered, refused } of STATED_OR_NOT) {
  test(`${kind} is answered only from a passage that states one, not from one on the topic without it`, async () => {
    const kb = await corpusOf({ 'stated.txt': stated, 'unstated.txt': unstated })
    const engine = createAnswerEngine(() => kb)
    await quotesFirst(engine, answered.question, answered.quoting)
    const [refusal] = await converse(engine, refused)
    assert.equal(refusal.reply.answered, false, refusal.reply.text)
  })
}

test('a question the one reply named does not answer is refused with that reply\'s contact to ask, not only the hotline', async () => {
  const kb = await corpusOf({
    'nursery.txt': signed('关于公布某区第二批托育机构备案名单的通知', '某区卫生健康委员会', '2023年12月5日',
      '现将通过审核、备案合格的新增3家托育机构名单予以公布，接受社会查询和监督。', '监督电话：3386016'),
    'lights.txt': reply('增设农村路灯', '陶然委员', '今年已在全镇新装太阳能路灯249盏，覆盖全部行政村。'),
  })
  const [refused] = await converse(createAnswerEngine(() => kb), '某区卫生健康委员会的通知里托育机构收费多少')
  assert.equal(refused.reply.answered, false, refused.reply.text)
  assert.match(refused.reply.text, /没有找到[^]*【联系】某区卫生健康委员会 电话 3386016/)
  assert.deepEqual(refused.reply.contacts.map((contact) => contact.phone), ['3386016'])
})

test('a place\'s only reply, picked by the place and not named, does not answer: the refusal gives no contact of that reply, whose unit was not asked', async () => {
  const kb = await corpusOf({
    'science.txt': answering('关于加强科普场馆建设的建议的答复', '金山区科学技术委员会', '2023年6月5日', '王某代表', '关于加强科普场馆建设的建议',
      '一、我委今年新建科普基地3家，组织科普活动120场。', '联系人：赵某，联系电话：57920000'),
    'canteen.txt': answering('关于完善社区食堂的建议的答复', '静安区民政局', '2023年5月6日', '李某代表', '关于完善社区食堂的建议',
      '一、全区已建成社区食堂28家，为老年人提供助餐服务。', '联系人：孙某，联系电话：62220000'),
  })
  const engine = createAnswerEngine(() => kb)
  const [picked] = await converse(engine, '金山区的社区食堂办得怎么样')
  assert.equal(picked.reply.answered, false, picked.reply.text)
  assert.doesNotMatch(picked.reply.text, /赵某|57920000/)
  assert.deepEqual(picked.reply.contacts, [])
  // Named by its unit, the reply is the one asked about: its contact is the one to ask.
  const [named] = await converse(engine, '金山区科委的答复里社区食堂怎么说')
  assert.equal(named.reply.answered, false, named.reply.text)
  assert.match(named.reply.text, /【联系】金山区科学技术委员会/)
})

test('asked when a project will be done, a passage saying why there is no date yet (暂无法…) answers', async () => {
  const kb = await corpusOf({
    'bridge.txt': reply('重建泗河大桥', '周某委员', '经检测，泗河大桥为二类桥，不够危桥标准，暂无法申报改造计划。', '我局将持续做好泗河大桥日常养护和安全巡查。'),
  })
  await quotesFirst(createAnswerEngine(() => kb), '泗河大桥什么时候能修好', /暂无法申报改造计划/)
})

test('asked how many of a thing (几家), the passage counting that thing comes before one with another number', async () => {
  const kb = await corpusOf({
    'canteens.txt': reply('完善社区长者食堂服务', '郑红委员',
      '一是统一结算。社区长者食堂开放敬老卡、社保卡、银行卡一卡结算，老人在全区任何一家社区长者食堂都能刷卡就餐，持卡就餐同步享受85折优惠。社区长者食堂菜单每周更新，并在社区长者食堂门口公示，方便老人选择。社区长者食堂还将推出线上订餐，老人可以在手机上预订第二天的午餐和晚餐，由社区长者食堂送餐上门。',
      '二是扩大供给。我们围绕就近、均衡、共享的理念，形成区、街镇、居委三级养老服务设施建设推动机制，加快老年助餐服务场所布局，补齐老旧小区和郊区村居的短板。截至目前，全区共有老年人助餐场所109个，其中社区长者食堂31家，老年人助餐点68个，覆盖全部街镇。',
    ),
  })
  await quotesFirst(createAnswerEngine(() => kb), '社区长者食堂一共开了几家', /社区长者食堂31家/)
})

test('a round count (6100余家) counts the thing asked for as well as an exact one', async () => {
  const kb = await corpusOf({
    'digital.txt': reply('扶持数字经济企业发展', '程某委员',
      '一、落实扶持政策',
      '对区内数字经济企业，我区将继续落实数字经济企业扶持政策，对新认定的数字经济企业给予最高50万元奖励，并为数字经济企业提供一站式服务。',
      '二、产业规模',
      '近年来全区产业结构持续优化，目前已集聚相关企业6100余家，产业规模稳步扩大。',
    ),
  })
  await quotesFirst(createAnswerEngine(() => kb), '区里有多少家数字经济企业', /6100余家/)
})

test('a session written as other provinces write it (政协某县第十届委员会第四次会议) is found by it, and another session is not taken for it', async () => {
  const kb = await corpusOf({
    'county-reply.txt': [
      '某县农业农村局关于政协马关县第十届委员会第四次会议第22号提案的答复函',
      '陶某委员：',
      '您提出的关于加强农村人居环境整治的提案收悉，现答复如下：',
      '我局已在全县推行垃圾分类，建成垃圾收集池120个。',
    ].join('\n'),
  })
  assert.equal(kb.documents[0].session, '政协马关县第十届委员会第四次会议')
  const engine = createAnswerEngine(() => kb)
  for (const asked of ['第十届委员会第四次会议的提案', '十届四次会议的答复']) {
    const [turn] = await converse(engine, asked)
    assert.deepEqual(turn.docIds, [kb.documents[0].id], `${asked}: ${turn.reply.text}`)
  }
  // 二十届 holds 十届, but it is another session: there is no such reply.
  const [other] = await converse(engine, '二十届四次会议的提案')
  assert.equal(other.reply.answered, false, other.reply.text)
  assert.match(other.reply.text, /没有找到二十届四次会议的答复/)
})

test('a unit signed with only its level (市水利局), in a text naming no city, is the city its portal\'s host spells: asked with that city\'s name it is found, with another\'s not', async () => {
  const kb = await corpusOf({
    'water.txt': ['source: http://www.ningguo.gov.cn/OpennessContent/show/1234.html', '关于对市一届人大三次会议第73号建议的答复函', '柯某等代表:',
      '你们提出的关于在牛头山社区建饮用水水库的建议收悉。现答复如下:', '我局已将该片区饮水工程列入明年计划，先行实施管网延伸。', '市水利局', '2023年11月3日'].join('\n'),
    'school.txt': answering('关于改善学校照明的提案的答复', '某县教育局', '2023年5月6日', '田某委员', '关于改善学校照明的提案', '今年将为全县中小学更换护眼灯具。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [own] = await converse(engine, '宁国水利局那份答复是哪天的')
  assert.equal(own.reply.answered, true, own.reply.text)
  assert.match(own.reply.text, /2023年11月3日/)
  const [other] = await converse(engine, '绩溪水利局那份答复是哪天的')
  assert.equal(other.reply.answered, false, other.reply.text)
})

test('a portal\'s host spells its place the way the place reads (duyun for 都匀, whose 都 reads dou elsewhere): a text naming no place is that place\'s', async () => {
  const kb = await corpusOf({
    'water.txt': ['来源：http://www.duyun.gov.cn/zwgk/art/2023/11/3/1234.html', '关于对市人大第73号建议的答复函', '柯某等代表:',
      '你们提出的关于在牛头山社区建饮用水水库的建议收悉。现答复如下:', '我局已将该片区饮水工程列入明年计划，先行实施管网延伸。', '市水利局', '2023年11月3日'].join('\n'),
  })
  const [asked] = await converse(createAnswerEngine(() => kb), '都匀牛头山社区的饮水工程什么时候实施')
  assert.equal(asked.reply.answered, true, asked.reply.text)
  assert.match(asked.reply.text, /列入明年计划/)
})

test('what was not found is said as one name: a place with its city before a body naming it again (安阳北关区 + 北关区政协), or a body and a place each found in some reply but in none together (天津北辰区 + 北辰区人大)', async () => {
  const cases: [Record<string, string>, string, RegExp][] = [
    [
      { 'river.txt': answering('关于在洹河北岸加装安全防护设施的建议的答复', '安阳市北关区水利局', '2024年7月1日', '李某代表', '关于在洹河北岸加装安全防护设施的建议', '我局已在洹河北岸加装护栏1200米。') },
      '安阳北关区政协的提案',
      /没有找到安阳北关区政协的/,
    ],
    [
      {
        'city.txt': ['对市十七届人大一次会议第0668号建议的答复', '王某代表：', '您提出的关于北辰医院站周边隔离带改造的建议收悉，现答复如下：', '天津市北辰区北辰医院站周边隔离带已列入改造计划。'].join('\n'),
        'district.txt': answering('关于区十九届人大三次会议第4号建议的答复', '重庆市长寿区交通局', '2023年6月14日', '峰某代表', '关于统一规范全区公交站点名称的建议', '我局已对全区公交站点名称进行梳理。'),
      },
      '天津北辰区人大的建议',
      /没有找到天津北辰区人大的/,
    ],
  ]
  for (const [files, question, said] of cases) {
    const kb = await corpusOf(files)
    const [turn] = await converse(createAnswerEngine(() => kb), question)
    assert.equal(turn.reply.answered, false, turn.reply.text)
    assert.match(turn.reply.text, said)
  }
})

test('a congress\'s or CPPCC\'s term named without its sitting (第六届人大) picks the replies of that term only: another term has no reply', async () => {
  const kb = await corpusOf({
    'lights.txt': ['某市城市管理局关于对某市第七届人民代表大会第五次会议第23号建议的答复', '葛某代表：', '你提出的关于提升小街小巷照明设施的建议收悉，现答复如下：', '一是城区路灯杆均为钢杆，不存在水泥杆。', '二是加强巡查，及时修复损坏灯具。'].join('\n'),
    'school.txt': ['某市教育局关于市政协九届三次会议第12号提案的答复', '田某委员：', '您提出的关于改善学校照明的提案收悉，现答复如下：', '今年将为全市中小学更换护眼灯具。'].join('\n'),
  })
  const engine = createAnswerEngine(() => kb)
  const [own] = await converse(engine, '第七届人大会议的路灯建议是怎么答复的')
  assert.equal(own.reply.answered, true, own.reply.text)
  assert.deepEqual(own.docIds, [kb.documents.find((doc) => doc.file === 'lights.txt')!.id])
  for (const asked of ['第六届人大会议的路灯建议是怎么答复的', '八届人大的路灯建议']) {
    const [other] = await converse(engine, asked)
    assert.equal(other.reply.answered, false, `${asked}: ${other.reply.text}`)
    assert.match(other.reply.text, /没有找到[^，。]*[六八]届/, asked)
  }
})

test('a number or a session a named place has no reply of is said not found with the place, and that place\'s replies are offered, not another place\'s', async () => {
  const kb = await corpusOf({
    'town.txt': ['石屏县农业农村局关于政协石屏县第十届委员会第四次会议第22号提案的答复函', '陶某委员：', '您提出的关于加强农村垃圾清运的提案收悉，现答复如下：', '我局已建成垃圾收集池120个。'].join('\n'),
    'district.txt': ['铜梁区郭扶镇人民政府关于区政协三届二次会议第178号提案的复函', '黎某委员：', '您提出的《关于在场镇安装路灯的建议》收悉，现答复如下：', '场镇已安装太阳能路灯249盏。'].join('\n'),
    'city.txt': ['对市政协十三届五次会议第0234号提案的答复', '王某委员：', '您提出的关于社区治理数字化的提案收悉，现答复如下：', '我局已建成社区云平台。'].join('\n'),
  })
  const engine = createAnswerEngine(() => kb)
  const [number] = await converse(engine, '石屏县第23号提案')
  assert.equal(number.reply.answered, false, number.reply.text)
  assert.match(number.reply.text, /^抱歉，没有找到石屏县第23号提案的答复。\n现有相近的答复有：\n1\. [^\n]*第22号提案/)
  assert.doesNotMatch(number.reply.text, /0234/)
  // Another place's reply one digit away is not offered for the named place's: its own are.
  const [otherPlace] = await converse(engine, '石屏县第235号提案')
  assert.equal(otherPlace.reply.answered, false, otherPlace.reply.text)
  assert.match(otherPlace.reply.text, /^抱歉，没有找到石屏县第235号提案的答复。\n现有相近的答复有：\n1\. [^\n]*第22号提案/)
  assert.doesNotMatch(otherPlace.reply.text, /0234/)
  const [session] = await converse(engine, '铜梁区政协三届三次会议的提案')
  assert.equal(session.reply.answered, false, session.reply.text)
  assert.match(session.reply.text, /^抱歉，没有找到铜梁区政协三届三次会议的答复。\n现有相近的答复有：\n1\. [^\n]*第178号提案/)
  // A place no text names: said with it, and no other place's reply of that number is offered.
  const [uncovered] = await converse(engine, '宁蒗县第23号提案')
  assert.equal(uncovered.reply.answered, false, uncovered.reply.text)
  assert.match(uncovered.reply.text, /^抱歉，没有找到宁蒗县第23号提案的答复。/)
  assert.doesNotMatch(uncovered.reply.text, /石屏县/)
})

test('a city\'s session is not a district\'s of the same numbers: asked for, it is said not to be here, and the district\'s are offered', async () => {
  const kb = await corpusOf({
    'district.txt': [
      '对区政协十五届三次会议第153088号提案的答复',
      '林某委员：',
      '您提出的关于加强社区体育设施建设的提案收悉，现答复如下：',
      '今年全区新建百姓健身步道12条。',
    ].join('\n'),
  })
  const engine = createAnswerEngine(() => kb)
  const [district] = await converse(engine, '区政协十五届三次会议的提案有哪些')
  assert.deepEqual(district.docIds, [kb.documents[0].id], district.reply.text)
  const [city] = await converse(engine, '市政协十五届三次会议的提案有哪些')
  assert.equal(city.reply.answered, false, city.reply.text)
  assert.equal(city.reply.passages.length, 0)
  assert.match(city.reply.text, /没有找到市政协十五届三次会议的答复/)
  assert.match(city.reply.text, /区政协十五届三次会议第153088号提案/, 'the district\'s session is offered')
})

test('a person named as the one who proposed (李明提的提案) is looked for among the proposers: none here is said so, by name', async () => {
  const kb = await corpusOf({
    'lights.txt': reply('增设农村路灯', '陶然委员', '今年已在全镇新装太阳能路灯249盏，覆盖全部行政村。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [unknown] = await converse(engine, '李明提的提案答复了吗')
  assert.equal(unknown.reply.answered, false, unknown.reply.text)
  assert.match(unknown.reply.text, /没有找到提出人为李明的答复/)
  const [known] = await converse(engine, '陶然提的建议')
  assert.deepEqual(known.docIds, ['lights'], known.reply.text)
})

test('a name jieba cuts into a bare morpheme and a word (刘/成林) before 委员 is a person; a number in three parts (16-3-45号) is a motion\'s', async () => {
  const kb = await corpusOf({
    'bikes.txt': [
      '关于“整治电动车不规范停车”的答复',
      '赵某委员：',
      '您提出的关于整治电动车不规范停车的提案收悉，现答复如下：',
      '我局将督促交警部门在绿化带边缘划设非机动车停车区域，引导群众规范停放电动车。',
      '某区城市管理局',
      '2025年5月21日',
    ].join('\n'),
    'lights.txt': ['对第16-3-45号代表建议的答复', '汪某代表：', '您提出的“关于要求在某大道安装路灯的建议”(16-3-45号)收悉，答复如下：', '我局将积极争取资金安装路灯。', '某市交通运输局', '2020年8月31日'].join('\n'),
  })
  const engine = createAnswerEngine(() => kb)
  const [other] = await converse(engine, '城管局对刘成林委员关于电动车停放的提案是怎么答复的')
  assert.equal(other.reply.answered, false, other.reply.text)
  assert.match(other.reply.text, /没有找到刘成林委员的答复/)
  const [numbered] = await converse(engine, '16-3-45号建议是怎么答复的')
  assert.deepEqual(numbered.docIds, [kb.documents.find((doc) => doc.file === 'lights.txt')!.id], numbered.reply.text)
})

test('第22号提案 is the CPPCC proposal numbered 22, not a deputy\'s suggestion with the same number', async () => {
  const kb = await corpusOf({
    'cppcc-22.txt': [
      '关于政协某县第十届委员会第四次会议第22号提案的答复',
      '陶某委员：',
      '您提出的关于加强农村垃圾清运的提案收悉，现答复如下：',
      '我局已建成垃圾收集池120个。',
      '联系人：杨某　联系电话：0876-3066582',
    ].join('\n'),
    'congress-22.txt': [
      '对县十八届人大一次会议第22号建议的答复',
      '官某代表：',
      '您提出的关于加宽省道的建议收悉，现答复如下：',
      '该路段已列入明年改造计划。',
      '联系人：刘某　联系电话：0427-2822111',
    ].join('\n'),
  })
  const engine = createAnswerEngine(() => kb)
  const [proposal] = await converse(engine, '第22号提案找谁联系')
  assert.equal(proposal.intent, 'fact', proposal.reply.text)
  assert.match(proposal.reply.text, /0876-3066582/)
  assert.doesNotMatch(proposal.reply.text, /0427-2822111/)
  const [suggestion] = await converse(engine, '22号建议的答复')
  assert.deepEqual(suggestion.docIds, ['congress-22'], suggestion.reply.text)
  // By its 编号, the same.
  const [numbered] = await converse(engine, '编号为22的提案找谁联系')
  assert.match(numbered.reply.text, /0876-3066582/)
})

test('a contact asked of a topic pointed at as 这件事 (垃圾清运这件事找谁) is that topic\'s reply\'s contact', async () => {
  const kb = await corpusOf({
    'waste.txt': ['关于政协某县第十届委员会第四次会议第22号提案的答复', '陶某委员：', '您提出的关于加强农村垃圾清运的提案收悉，现答复如下：', '我局已建成垃圾收集池120个。', '联系人：杨某　联系电话：0876-3066582'].join('\n'),
    'road.txt': ['对县十八届人大一次会议第31号建议的答复', '官某代表：', '您提出的关于加宽省道的建议收悉，现答复如下：', '该路段已列入明年改造计划。', '联系人：刘某　联系电话：0427-2822111'].join('\n'),
  })
  const engine = createAnswerEngine(() => kb)
  const [turn] = await converse(engine, '垃圾清运这件事具体是谁在经办，电话多少？')
  assert.equal(turn.reply.answered, true, turn.reply.text)
  assert.match(turn.reply.text, /0876-3066582/)
  assert.doesNotMatch(turn.reply.text, /0427-2822111/)
  // A reply's 电话, its contact person's too, are its contact.
  for (const asked of ['第31号建议的电话', '第31号建议刘某的电话号码']) {
    const [phone] = await converse(engine, asked)
    assert.equal(phone.intent, 'fact', `${asked}: ${phone.reply.text}`)
    assert.match(phone.reply.text, /0427-2822111/)
  }
})

test('a number asked as a 提案 that only a deputy\'s 建议 has is no such proposal: the 建议 is offered, never answered for it', async () => {
  const kb = await corpusOf({
    'congress-31.txt': ['对县十八届人大一次会议第31号建议的答复', '官某代表：', '您提出的关于加宽省道的建议收悉，现答复如下：', '该路段已列入明年改造计划。', '联系人：刘某　联系电话：0427-2822111'].join('\n'),
  })
  const [turn] = await converse(createAnswerEngine(() => kb), '第31号提案找谁联系')
  assert.equal(turn.reply.answered, false, turn.reply.text)
  assert.match(turn.reply.text, /没有找到第31号提案的答复/)
  assert.match(turn.reply.text, /第31号代表建议/, 'the suggestion is offered by its name')
  assert.doesNotMatch(turn.reply.text, /0427-2822111/)
})

test('another district\'s text naming a district in passing answers for it only where it names it, and with no text of its own that is said', async () => {
  const kb = await corpusOf({
    'jinniu.txt': [
      '成都市金牛区教育局关于印发《金牛区进城务工人员随迁子女入学实施细则》的通知',
      '一、适用范围',
      '本细则适用于在金牛区务工的进城务工人员随迁子女。',
      '二、申请材料',
      '申请人须在金牛区连续居住满一年，提交居住证、劳动合同和社会保险缴费证明，到金牛区就近学校报名。',
      '三、报名时间',
      '金牛区小学一年级报名时间为每年6月1日至6月10日。',
      '四、其他',
      '本细则参照锦江区、青羊区、武侯区的经验制定，由金牛区教育局负责解释。',
      '成都市金牛区教育局',
      '2016年1月5日',
    ].join('\n'),
    'nanjing.txt': ['南京市公共租赁住房管理办法', '第一条 本市户籍家庭可以申请公共租赁住房。', '南京市住房保障和房产局', '2015年3月1日'].join('\n'),
  })
  const engine = createAnswerEngine(() => kb)
  const [own] = await converse(engine, '金牛区的小学什么时候报名')
  assert.equal(own.reply.answered, true, own.reply.text)
  assert.match(own.reply.text, /6月1日/)
  const [passing] = await converse(engine, '青羊区的小学什么时候报名')
  assert.equal(passing.reply.answered, false, passing.reply.text)
  assert.match(passing.reply.text, /^抱歉，没有找到青羊区的文件；提到青羊区的文件中也没有/)
})

test('a text signed by a body of a place that neither holds nor lies in the place asked is another place\'s: a city it visited in passing gets no answer, nor its contact', async () => {
  const kb = await corpusOf({
    'street.txt': answering('关于加强街道招商引资的建议的答复', '上海市长宁区人民政府新华路街道办事处', '2023年6月5日', '王某委员', '关于加强街道招商引资的建议',
      '一、街道今年组织招商团队赴杭州、福州等地开展招商推介，走访企业30余家。',
      '二、对新落户的小微企业，街道给予一年的房租补贴，最高每年5万元。',
      '联系人：赵某，联系电话：62590000'),
    'nanjing.txt': ['南京市公共租赁住房管理办法', '第一条 本市户籍家庭可以申请公共租赁住房。', '南京市住房保障和房产局', '2015年3月1日'].join('\n'),
  })
  const engine = createAnswerEngine(() => kb)
  const [own] = await converse(engine, '长宁新落户的小企业房租补贴有多少')
  assert.equal(own.reply.answered, true, own.reply.text)
  const [visited] = await converse(engine, '杭州的创业补贴有多少')
  assert.equal(visited.reply.answered, false, visited.reply.text)
  assert.match(visited.reply.text, /没有找到杭州的/)
  assert.doesNotMatch(visited.reply.text, /赵某|62590000/)
})

test('the cover of a notice that sends rules out is quoted after the rules, unless what it says is asked', async () => {
  const kb = await corpusOf({
    'points.txt': [
      '厦门市人民政府关于印发《厦门市居住证积分管理办法》的通知',
      '各区人民政府，市直各委、办、局：',
      '现将《厦门市居住证积分管理办法》印发给你们，请认真按照执行。',
      '厦门市人民政府',
      '2016年3月1日',
      '厦门市居住证积分管理办法',
      '第一条 居住证积分由基础指标和加分指标构成。',
      '第二条 积分达到100分的，可以申请子女入学。',
      '第三条 持证人通过积分管理信息系统申请积分。',
    ].join('\n'),
    'nanjing.txt': ['南京市公共租赁住房管理办法', '第一条 本市户籍家庭可以申请公共租赁住房。', '南京市住房保障和房产局', '2015年3月1日'].join('\n'),
  })
  const engine = createAnswerEngine(() => kb)
  for (const asked of ['厦门市居住证积分管理办法', '厦门居住证积分多少分才行']) {
    const [turn] = await converse(engine, asked)
    assert.equal(turn.reply.answered, true, turn.reply.text)
    assert.doesNotMatch(turn.reply.passages[0].text, /印发给你们/, `${asked}: ${turn.reply.text}`)
  }
})

test('a merged bureau is known by the short names its own name holds (文广局 of 文广旅游局, 教育局 of 教育体育局, 农委 of 农业委员会), and a body no unit is stays not found', async () => {
  const kb = await corpusOf({
    'tourism.txt': ['紫阳县文广旅游局关于县政协第24号提案的答复', '张某委员：', '您提出的关于发展乡村旅游的提案收悉，现答复如下：', '我县已建成旅游村12个。', '紫阳县文广旅游局', '2017年8月25日'].join('\n'),
    'school.txt': ['平江县教育体育局关于县政协第69号提案的答复', '李某委员：', '您提出的关于课后托管的提案收悉，现答复如下：', '城区小学已开展课后服务。', '平江县教育体育局', '2018年6月22日'].join('\n'),
    'farm.txt': ['山西省农业委员会关于省人大第21号建议的答复', '赵某代表：', '您提出的关于发展设施农业的建议收悉，现答复如下：', '我委将继续支持日光温室建设。', '山西省农业委员会', '2018年6月11日'].join('\n'),
  })
  const engine = createAnswerEngine(() => kb)
  for (const [asked, file] of [['紫阳县文广局的答复', 'tourism.txt'], ['平江县教育局的答复', 'school.txt'], ['省农委对第21号建议的答复', 'farm.txt']]) {
    const [turn] = await converse(engine, asked)
    assert.deepEqual(turn.docIds, [idOf(kb, file)], `${asked}: ${turn.reply.text}`)
  }
  const [none] = await converse(engine, '平江县卫健局的答复')
  assert.equal(none.reply.answered, false, none.reply.text)
  assert.match(none.reply.text, /没有找到平江县卫健局的答复/)
  // Beside other names the place's signed replies hold (政协, a number), the body still has none.
  for (const asked of ['平江县卫健局对政协提案的答复有哪些', '平江县卫健局对第69号提案的答复']) {
    const [turn] = await converse(engine, asked)
    assert.equal(turn.reply.answered, false, `${asked}: ${turn.reply.text}`)
    assert.match(turn.reply.text, /没有找到平江县卫健局的答复/)
  }
})

test('a body with no reply, asked with its place, gets that place\'s unsigned replies offered first: they may be its', async () => {
  const kb = await corpusOf({
    'schools.txt': ['曹某代表：', '您提出的关于完善基层学校设施建设的建议收悉，现答复如下：', '近年来我局在息烽县各乡镇修建教师周转房220套。', '2017年7月24日'].join('\n'),
    'roads.txt': answering('关于县政协第5号提案的答复', '息烽县交通运输局', '2020年6月1日', '王某委员', '关于改造农村公路的提案', '今年改造通村公路30公里。'),
  })
  const [turn] = await converse(createAnswerEngine(() => kb), '息烽县教育局的答复')
  assert.equal(turn.reply.answered, false, turn.reply.text)
  assert.deepEqual(turn.state.listed, [idOf(kb, 'schools.txt')], turn.reply.text)
})

test('a body no table knows (林业局), asked for its replies to a kind of motion, has none: the opening of every reply to one is no answer', async () => {
  const kb = await corpusOf({
    'lights.txt': answering('对县政协十五届五次会议第92号提案的答复', '某县公安局', '2025年8月6日', '李某委员', '关于在政务中心出入口增设红绿灯的提案', '该路口暂不适宜增设红绿灯。'),
    'school.txt': answering('关于县政协第64号提案的答复', '某县教育局', '2021年6月1日', '张某委员', '关于整合乡村小规模学校的提案', '我局将稳妥推进乡村小规模学校布局调整。'),
  })
  const [turn] = await converse(createAnswerEngine(() => kb), '县林业局对政协提案的答复')
  assert.equal(turn.reply.answered, false, turn.reply.text)
  assert.match(turn.reply.text, /没有找到县林业局的答复/)
})

test('a body asked for its replies that only an unsigned reply of its place may be gets that reply offered as unsigned, not shown as its', async () => {
  const kb = await corpusOf({
    'heating.txt': ['对鞍山市第十六届人民代表大会第二次会议第2118号代表建议的答复', '宋某代表：', '您提出的《尽快更换老城区老化供暖管网》的建议收悉，现答复如下：', '我市将分批改造老化供暖管网。', '2019年2月27日'].join('\n'),
  })
  const [turn] = await converse(createAnswerEngine(() => kb), '鞍山市教育局对人大代表建议的答复')
  assert.equal(turn.reply.answered, false, turn.reply.text)
  assert.match(turn.reply.text, /没有找到鞍山市教育局的答复[^]*以下答复未载明答复单位[^]*2118号/)
})

test('a co-handling opinion asked for by its body, session and number (…第43号建议的协办意见), and a number with a dotted part, are looked up', async () => {
  const kb = await corpusOf({
    'cohandled.txt': signed('关于对黄山市第八届人民代表大会第四次会议第43号建议的协办意见', '黄山市水利局', '2024年6月1日', '市生态环境局:', '我单位对市人大方某某代表提出的关于解决屯溪区河道水体污染的建议收悉,经研究办理,现提出协办意见如下:', '我局批复了生态补水工程水资源论证报告。'),
    'museum.txt': signed('城口县发展和改革委员会关于县政协十届一次会议第6.11号提案的复函', '城口县发展和改革委员会', '2022年7月11日', '郭某某委员:', '您提出的《关于加快建设生态博物馆的建议》收悉,现答复如下:', '我委已将博物馆项目纳入规划。'),
  })
  const engine = createAnswerEngine(() => kb)
  for (const [asked, file] of [['黄山水利局对市八届人大四次会议第43号建议的协办意见', 'cohandled.txt'], ['城口县政协十届一次会议第6.11号提案的答复', 'museum.txt']]) {
    const [turn] = await converse(engine, asked)
    assert.equal(turn.reply.answered, true, `${asked}: ${turn.reply.text}`)
    assert.deepEqual(turn.docIds, [idOf(kb, file)], `${asked}: ${turn.reply.text}`)
  }
})

test('a body asked for with its place and a number finds the reply signed by its bare name, which says no place', async () => {
  const kb = await corpusOf({
    'science.txt': ['关于省十二届人大五次会议第94号建议的答复', '温某代表：', '您提出的关于支持宜宾市申报创新型城市的建议收悉，现答复如下：', '我厅将支持宜宾市开展创新型城市建设，推动四川创新发展。', '科技厅', '2017年3月16日'].join('\n'),
  })
  const [turn] = await converse(createAnswerEngine(() => kb), '四川科技厅对第94号建议的答复')
  assert.deepEqual(turn.docIds, [idOf(kb, 'science.txt')], turn.reply.text)
})

test('replies asked for by a year counted from today (去年的答复) are those dated that year, not passages saying 去年', async () => {
  const lastYear = new Date().getFullYear() - 1
  const kb = await corpusOf({
    'recent.txt': answering('关于区政协第12号提案的答复', '某区商务委员会', `${lastYear}年3月1日`, '李某委员', '关于发展夜间经济的提案', '今年举办夜市活动20场。'),
    'old.txt': answering('关于区政协第8号提案的答复', '某区绿化和市容管理局', '2019年10月14日', '王某委员', '关于建造儿童游乐设施的提案', '去年新建儿童游乐场3处，今年再建2处。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [last, now] = await converse(engine, '去年的答复', '今年的提案有哪些')
  assert.deepEqual(last.docIds, [idOf(kb, 'recent.txt')], last.reply.text)
  assert.equal(now.reply.answered, false, now.reply.text)
  assert.match(now.reply.text, new RegExp(`没有找到${lastYear + 1}年的`))
  assert.doesNotMatch(now.reply.text, /游乐场/)
})

test('a number written in Chinese numerals (第二十二号提案), or right after its session (十届四次会议22号), finds its reply', async () => {
  const kb = await corpusOf({
    'town.txt': ['石屏县农业农村局关于政协石屏县第十届委员会第四次会议第22号提案的答复函', '陶某委员：', '您提出的关于加强农村垃圾清运的提案收悉，现答复如下：', '我局已建成垃圾收集池120个。'].join('\n'),
    'other.txt': ['铜梁区郭扶镇人民政府关于区政协三届二次会议第122号提案的复函', '黎某委员：', '您提出的《关于在场镇安装路灯的建议》收悉，现答复如下：', '场镇已安装太阳能路灯249盏。'].join('\n'),
  })
  const engine = createAnswerEngine(() => kb)
  for (const [asked, file] of [['第二十二号提案', 'town.txt'], ['十届四次会议22号', 'town.txt'], ['第一百二十二号提案', 'other.txt']]) {
    const [turn] = await converse(engine, asked)
    assert.deepEqual(turn.docIds, [idOf(kb, file)], `${asked}: ${turn.reply.text}`)
    assert.equal(turn.reply.answered, true, turn.reply.text)
  }
})

test('whom a notice is sent to (…各街道办事处,华漕镇政府:) vouches for none of its passages on a question naming one of them', async () => {
  const kb = await corpusOf({
    // A page saved without its title, as portals often serve it.
    'policy.txt': [
      '区政府各委、办、局,各街道办事处,华漕镇政府:',
      '《闵行区加快构建现代化产业体系的实施意见》已经区委常委会同意,现印发给你们,请认真按照执行。',
      '闵行区发展和改革委员会',
      '2024年11月15日',
      '一、总体要求',
      '坚持以强化核心功能为引领,集聚高端要素,着力增强区域经济竞争力。',
      '二、支持措施',
      '对新认定的高新技术企业给予一次性奖励20万元。',
    ].join('\n'),
    'meals.txt': answering('关于区政协第8号提案的答复', '某区民政局', '2023年5月1日', '王某委员', '关于增设社区助餐点的提案', '今年新建社区助餐点12个。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [meals] = await converse(engine, '华漕镇助餐点')
  assert.equal(meals.reply.answered, false, meals.reply.text)
  assert.doesNotMatch(meals.reply.text, /总体要求|高新技术企业/)
  const [own] = await converse(engine, '闵行区高新技术企业有什么奖励')
  assert.equal(own.reply.answered, true, own.reply.text)
})

test('how long the text just cited holds (有效期多久), or whether it can be done online, is asked of it; first thing, which text is meant', async () => {
  const kb = await corpusOf({
    'rent.txt': ['某市公共租赁住房租金补贴管理规定', '第一条 租金补贴按月发放。', '第二条 家庭人均月收入低于1500元的，可以申请租金补贴。', '第三条 本规定自公布之日起实施，有效期3年。'].join('\n'),
    'permit.txt': ['某市居住证办理工作指引', '一、办理条件', '在本市居住半年以上的，可以申领居住证。', '二、有效期限', '居住证有效期为一年，每年签注一次。', '三、办理方式', '可以在网上办理居住证签注，不用跑窗口。'].join('\n'),
  })
  const engine = createAnswerEngine(() => kb)
  const [, valid] = await converse(engine, '公租房租金补贴怎么申请', '有效期多久')
  assert.equal(valid.reply.answered, true, valid.reply.text)
  assert.match(valid.reply.text, /有效期3年/)
  assert.doesNotMatch(valid.reply.text, /居住证/)
  // So is whether it can be done online: not the other text's 网上办理.
  const [, online] = await converse(engine, '公租房租金补贴怎么申请', '能网上办吗')
  assert.doesNotMatch(online.reply.text, /居住证/)
  for (const first of ['有效期多久', '能网上办吗']) {
    const [alone] = await converse(engine, first)
    assert.equal(alone.reply.answered, false, alone.reply.text)
  }
})

test('a reply\'s courtesies (感谢您对…的关注。现答复如下：) are quoted after what it says', async () => {
  const kb = await corpusOf({
    'meals.txt': [
      '对区二届人大六次会议第126号代表建议的答复',
      '杨某代表：',
      '您提出的《关于优化社区食堂方便老年人就餐的建议》收悉。首先，感谢您对我区养老服务工作的关注和重视。针对提案建议，现答复如下：',
      '一是紧紧围绕就近、均衡、共享的养老助餐服务理念，积极推进本区老年助餐服务高质量发展，形成区、街镇、居委三级养老服务设施建设推动机制，加快老年助餐服务场所布局。截至目前，全区共有社区老年人助餐场所109个，其中社区长者食堂31家，老年人助餐点68个，基本实现街镇全覆盖。',
      '二是探索实践社区老年助餐数字化场景应用，建立区级老年助餐服务管理平台，老年人持社保卡或随申码即可在全区任一助餐场所刷卡就餐，享受相应的助餐补贴，补贴资金由区和街镇两级财政共同承担，按月结算到各助餐场所。',
      '联系人：某某，电话：12345678',
      '某区民政局',
      '2024年5月21日',
    ].join('\n'),
    'lights.txt': answering('关于县政协第54号提案的答复', '某镇人民政府', '2023年10月8日', '曹某委员', '关于增设路灯的提案', '计划将增设路灯项目纳入2024年一事一议项目。'),
  })
  const engine = createAnswerEngine(() => kb)
  const [turn] = await converse(engine, '关于养老服务的提案')
  assert.equal(turn.reply.answered, true, turn.reply.text)
  assert.doesNotMatch(turn.reply.passages[0].text, /感谢/, turn.reply.text)
})

test('replies listed or counted by their subject (关于路灯的提案有几份) are those whose proposal is on it', async () => {
  const kb = await corpusOf({
    'town.txt': answering('关于县政协第54号提案的答复', '某镇人民政府', '2023年10月8日', '曹某委员', '关于增设路灯的提案', '计划将增设路灯项目纳入2024年一事一议项目。'),
    'street.txt': answering('关于市政协第18号提案的答复', '某街道办事处', '2024年8月14日', '李某委员', '关于规范路灯安装的提案', '辖区内的路灯建设已完工。'),
    'meals.txt': answering('关于区政协第8号提案的答复', '某区民政局', '2023年5月1日', '王某委员', '关于增设社区助餐点的提案', '今年新建社区助餐点12个，路灯照明同步改善。'),
  })
  const engine = createAnswerEngine(() => kb)
  for (const asked of ['关于路灯的提案有几份', '有哪些关于路灯的答复']) {
    const [turn] = await converse(engine, asked)
    assert.equal(turn.intent, 'lookup', turn.reply.text)
    assert.deepEqual([...turn.docIds].sort(), [idOf(kb, 'street.txt'), idOf(kb, 'town.txt')].sort(), turn.reply.text)
  }
})
