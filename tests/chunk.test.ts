import assert from 'node:assert/strict'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { AutoTokenizer, env } from '@xenova/transformers'
import { chunkDocument, isQuotable } from '../index/chunk.js'
import type { Chunk } from '../index/types.js'
import { MODEL_ID, MODEL_ROOT } from '../index/model/location.js'
import { cleanText } from '../index/clean.js'
import { readDocument } from '../index/read.js'
import { SEED_FILE } from './support/corpus-index.js'

/** The chunk holding these words, of those given. */
const holdingIn = (chunks: Chunk[]) => (words: string) => chunks.find((chunk) => chunk.text.includes(words))!

async function cleaned(file: string, dir = 'corpus'): Promise<string> {
  const { text, format } = await readDocument(path.join(dir, file))
  return cleanText(text, format).text
}

test('chunks of the seed reply carry the section path of its own headings', async () => {
  const chunks = chunkDocument('seed', await cleaned(SEED_FILE))
  const training = chunks.find((chunk) => chunk.text.includes('马兰花计划'))
  assert.deepEqual(training?.section, ['二、对提案建议的答复', '（二）具体举措', '3、关于做好“科创+经济”的建议', '五是提供优质创业服务'])
  const online = chunks.find((chunk) => chunk.text.includes('91.02%'))
  assert.deepEqual(online?.section, ['二、对提案建议的答复', '（二）具体举措', '5、关于做好“科创+治理”的建议'])
  const overview = chunks.find((chunk) => chunk.text.includes('区科委认真研究'))
  assert.deepEqual(overview?.section, ['一、对本提案的办理概述'])
  const signature = chunks.find((chunk) => chunk.text.includes('联系人姓名'))
  assert.deepEqual(signature?.section, ['落款'])
})

test('every chunk of every corpus document is a verbatim slice, within the model limit, ending at a sentence or line end', async () => {
  for (const file of readdirSync('corpus')) {
    const text = await cleaned(file)
    const chunks = chunkDocument(file, text)
    assert.ok(chunks.length > 0, file)
    for (const chunk of chunks) {
      assert.equal(chunk.text, text.slice(chunk.start, chunk.end), `${file} ${chunk.id}`)
      assert.ok(chunk.text.length <= 480, `${file} ${chunk.id} has ${chunk.text.length} characters`)
      const next = text[chunk.end]
      assert.ok(next === undefined || next === '\n' || /[。！？；!?;”’」）)】》"]/.test(text[chunk.end - 1]) || /^[一二三四五六七八九十]+是/.test(text.slice(chunk.end)), `${file} ${chunk.id} ends mid-sentence: …${chunk.text.slice(-10)}`)
    }
    // Chunks cover the document in order without overlapping.
    chunks.slice(1).forEach((chunk, i) => assert.ok(chunk.start >= chunks[i].end, `${file} ${chunk.id} overlaps`))
  }
})

test('a long section is split between sentences, each piece keeping the section path', () => {
  const sentence = '我们持续推进社区服务设施建设并完善运行机制。'
  const text = `一、工作情况\n${sentence.repeat(30)}`
  const chunks = chunkDocument('long', text, { maxChars: 100 })
  assert.ok(chunks.length >= 6)
  for (const chunk of chunks) {
    assert.deepEqual(chunk.section, ['一、工作情况'])
    assert.ok(chunk.text.length <= 100)
    assert.ok(chunk.text.endsWith('。'))
  }
})

test('every corpus chunk fits the model: at most 512 tokens by the bge tokenizer', async () => {
  env.localModelPath = MODEL_ROOT
  env.allowRemoteModels = false
  const tokenizer = await AutoTokenizer.from_pretrained(MODEL_ID)
  for (const file of readdirSync('corpus')) {
    for (const chunk of chunkDocument(file, await cleaned(file))) {
      const tokens = tokenizer.encode(chunk.text).length
      assert.ok(tokens <= 512, `${file} ${chunk.id}: ${tokens} tokens`)
    }
  }
})

test('a text without headings is chunked into whole paragraphs, short ones together, a long one in even pieces', () => {
  const short = (n: number) => `${'社区服务持续改善'.repeat(n)}。`
  const long = Array.from({ length: 16 }, (_, i) => `第${i + 1}项措施已经落实并取得实效，居民普遍满意。`).join('')
  const text = ['关于加强社区服务的实施意见', short(8), short(10), long, short(5)].join('\n')
  const chunks = chunkDocument('policy', text, { maxChars: 300 })
  for (const chunk of chunks) assert.equal(chunk.text, text.slice(chunk.start, chunk.end))
  // The title line is the opening (evidence, never quoted); the two short paragraphs after it share one passage.
  assert.equal(chunks[0].text, '关于加强社区服务的实施意见')
  assert.ok(!isQuotable(chunks[0]))
  assert.equal(chunks[1].text, `${short(8)}\n${short(10)}`)
  // The long paragraph (≈ 360 characters) becomes two pieces of similar length, not 300 + a stub; its
  // first piece starts a passage of its own, its second may take the short paragraph after it.
  const at = text.indexOf(long)
  const pieces = chunks.filter((chunk) => chunk.start < at + long.length && chunk.end > at)
  assert.equal(pieces.length, 2)
  assert.equal(pieces[0].start, at)
  const firstLength = pieces[0].end - at
  const secondLength = at + long.length - pieces[1].start
  assert.ok(Math.abs(firstLength - secondLength) <= 30, `${firstLength} vs ${secondLength}`)
  assert.ok(chunks.every((chunk) => chunk.text.length <= 300))
})

test("a reply's opening (title line, addressee, the sentence acknowledging the proposal) is its own section, never quoted", () => {
  const text = [
    '对区政协十六届二次会议第162007号提案的答复',
    '王明委员：',
    '您提出的《关于增设社区图书室的建议》收悉，现将办理情况答复如下：',
    '今年区文旅局在六个街道新建社区图书室，每周开放不少于五十六小时。',
    '一、下一步计划',
    '明年将推动图书室与学校图书馆通借通还。',
  ].join('\n')
  const chunks = chunkDocument('reply', text)
  const opening = chunks.filter((chunk) => !isQuotable(chunk))
  assert.equal(opening.length, 1)
  assert.ok(opening[0].text.startsWith('对区政协') && opening[0].text.endsWith('答复如下：'))
  // The answer right after the opening is a passage of its own, not glued to the restated proposal.
  const first = chunks.find((chunk) => chunk.text.includes('新建社区图书室'))!
  assert.ok(isQuotable(first) && first.text.startsWith('今年区文旅局'))
  assert.deepEqual(chunks.find((chunk) => chunk.text.includes('通借通还'))?.section, ['一、下一步计划'])
})

test('收悉 after a heading or far into the text is body text', () => {
  const late = ['一、基本情况', '来函收悉后，我们立即组织了调研。'].join('\n')
  assert.ok(chunkDocument('late', late).every(isQuotable))
  const deep = [...Array.from({ length: 9 }, (_, i) => `第${i + 1}段正文，介绍工作进展。`), '有关意见收悉。'].join('\n')
  assert.ok(chunkDocument('deep', deep).every(isQuotable))
})

test('a text without an acknowledgement opens with its title block: the lines before its first sentence', () => {
  // Title, 文号, date, portal fields and addressee name the topic of every passage and answer none.
  const policy = ['关于加强社区服务的实施意见', '沪某发〔2024〕3号', '发布日期：2024-05-06', '各街道办事处：', '现将有关事项通知如下。社区食堂每餐补贴3元。'].join('\n')
  const chunks = chunkDocument('policy', policy)
  assert.deepEqual(chunks.filter((chunk) => !isQuotable(chunk)).map((chunk) => chunk.text), ['关于加强社区服务的实施意见\n沪某发〔2024〕3号\n发布日期：2024-05-06\n各街道办事处：\n现将有关事项通知如下。'])
  assert.ok(chunks.some((chunk) => isQuotable(chunk) && chunk.text.includes('每餐补贴3元')))
  // A text that starts with a sentence, or with a heading, has none.
  assert.ok(chunkDocument('plain', '社区食堂每餐补贴3元。\n老人持卡用餐。').every(isQuotable))
  assert.ok(chunkDocument('headed', '一、补贴标准\n社区食堂每餐补贴3元。').every(isQuotable))
  // A page's link in the title block is no sentence: http://…?id=3
  const linked = chunkDocument('linked', '招生工作十问\nhttp://edu.example.gov.cn/a.php?id=3\n1、几岁上小学？\n答：年满6周岁。')
  assert.deepEqual(linked.filter((chunk) => !isQuotable(chunk)).map((chunk) => chunk.text), ['招生工作十问\nhttp://edu.example.gov.cn/a.php?id=3'])
})

test("a policy's preamble announcing what follows (…通告如下：) closes its opening, though it has no sentence end: the table after it is quoted", () => {
  const text = [
    '某市住房和建设局关于2024年普通住房价格标准的通告',
    '日期：2024-03-01',
    '各区人民政府，市政府各部门：',
    '为落实国家有关住房税收的规定，根据本市住宅市场价格变化情况，经市政府同意，现将普通住房价格标准通告如下：',
    '序号 区域 价格标准',
    '1 东区 300万以下',
    '2 西区 260万以下',
  ].join('\n')
  const chunks = chunkDocument('notice', text)
  assert.deepEqual(chunks.filter((chunk) => !isQuotable(chunk)).map((chunk) => chunk.text), [text.split('\n').slice(0, 4).join('\n')])
  assert.ok(chunks.some((chunk) => isQuotable(chunk) && chunk.text.includes('西区 260万以下')))
  // So does a preamble that puts forth its measures; on a flattened line the body starts after its colon.
  const opinion = chunkDocument('opinion', ['关于灵活就业人员参加医疗保险若干问题的处理意见', '为做好灵活就业人员医疗保险工作，根据有关规定，对具体问题提出如下处理意见，请贯彻执行。', '一、参保登记', '灵活就业人员持身份证到经办机构登记。'].join('\n'))
  assert.match(opinion.filter((chunk) => !isQuotable(chunk)).map((chunk) => chunk.text).join('\n'), /请贯彻执行。$/)
  const flat = chunkDocument('flat', ['某市支持企业的若干措施', '为帮助企业渡过难关，制定如下措施： 一、减轻负担 （一）减免房租。免收两个月房租。'].join('\n'))
  assert.match(flat.find((chunk) => !isQuotable(chunk))!.text, /制定如下措施：$/)
  assert.deepEqual(flat.find((chunk) => chunk.text.includes('免收两个月房租'))?.section, ['一、减轻负担', '（一）减免房租'])
})

test('after a long portal field block the acknowledgement still closes the opening', () => {
  const fields = Array.from({ length: 6 }, (_, i) => [`字段${i + 1}`, `值${i + 1}`]).flat()
  const text = [...fields, '县交通运输局对第21号提案的答复', '李明委员:', '你在县政协第十三届委员会第二次会议上提出的《关于硬化某村至某镇边防巡逻道路的建议》已转交我局研究办理,现答复如下:', '该路段已列入明年计划。'].join('\n')
  const opening = chunkDocument('portal', text).filter((chunk) => !isQuotable(chunk))
  assert.equal(opening.length, 1)
  assert.ok(opening[0].text.endsWith('现答复如下:'), opening[0].text)
})

test('a reply that announces its answer without 收悉 (关于您提出的…建议，现答复如下) has the same opening', () => {
  const text = ['王明代表：', '关于您提出的增设路灯的建议，现答复如下：', '我局已于5月在该路段增设路灯12盏。'].join('\n')
  const chunks = chunkDocument('announced', text)
  assert.deepEqual(chunks.filter((chunk) => !isQuotable(chunk)).map((chunk) => chunk.text), ['王明代表：\n关于您提出的增设路灯的建议，现答复如下：'])
  assert.ok(chunks.some((chunk) => isQuotable(chunk) && chunk.text.startsWith('我局已于5月')))
})

test('a regulation is cut by its chapters and articles: a passage never runs from one article into the next, and cites its article', () => {
  const text = [
    '某市公共场所控制吸烟条例',
    '第一章　总则',
    '第一条　为了减少吸烟造成的危害，保障公众健康，制定本条例。',
    '第二条　本条例适用于本市行政区域内公共场所的控制吸烟工作。',
    '第二章　禁止吸烟场所',
    '第三条　下列公共场所的室内区域禁止吸烟：',
    '（一）托儿所、幼儿园、中小学校；',
    '（二）医疗机构的候诊区；',
    '第十二条　违反本条例的，由有关部门责令改正。',
  ].join('\n')
  const chunks = chunkDocument('rule', text)
  for (const chunk of chunks) assert.ok((chunk.text.match(/第[一二三四五六七八九十]+条/g) ?? []).length <= 1, chunk.text)
  assert.deepEqual(chunks.find((c) => c.text.includes('适用于本市'))?.section, ['第一章　总则', '第二条'])
  // The list the article announces (…禁止吸烟：) is part of that article's passage.
  assert.deepEqual(chunks.find((c) => c.text.includes('候诊区'))?.section, ['第二章　禁止吸烟场所', '第三条'])
  assert.deepEqual(chunks.find((c) => c.text.includes('责令改正'))?.section, ['第二章　禁止吸烟场所', '第十二条'])
})

test('an answer on the line that acknowledges the proposal is body text: the opening ends with the acknowledging sentence', () => {
  const text = ['李华代表：', '您提出的关于增设路灯的建议收悉。经研究，我局已于今年5月在该路段增设路灯12盏。', '感谢您的关心。'].join('\n')
  const chunks = chunkDocument('short', text)
  const opening = chunks.filter((chunk) => !isQuotable(chunk))
  assert.deepEqual(opening.map((chunk) => chunk.text), ['李华代表：\n您提出的关于增设路灯的建议收悉。'])
  assert.ok(chunks.some((chunk) => isQuotable(chunk) && chunk.text.startsWith('经研究，我局已于今年5月')))
  // A short announcement after it ("…答复如下：") still belongs to the opening.
  const announced = chunkDocument('announced', ['您提出的建议收悉，在上次答复时列为“部分采纳”。经进一步跟踪办理，现将进展答复如下：我局已增设游乐设施。'].join('\n'))
  assert.equal(announced.find((chunk) => !isQuotable(chunk))?.text.endsWith('答复如下：'), true)
  assert.ok(announced.some((chunk) => isQuotable(chunk) && chunk.text === '我局已增设游乐设施。'))
})

test('no text of a document is left out of its chunks, whatever its layout, but a heading with nothing under it', async () => {
  // A first body line whose enumeration starts mid-line (…进行摸排，一是…拥堵。二是…) once lost everything before 二是.
  const documents = ['corpus', 'tests/fixtures/other-provinces', 'tests/fixtures/more-provinces', 'tests/fixtures/policy'].flatMap((dir) => readdirSync(dir).map((file) => [dir, file]))
  for (const [dir, file] of documents) {
    const text = await cleaned(file, dir)
    const covered = new Uint8Array(text.length)
    for (const chunk of chunkDocument(file, text)) covered.fill(1, chunk.start, chunk.end)
    const lost = text.split('\n').map((line, i, lines) => {
      const at = lines.slice(0, i).reduce((sum, l) => sum + l.length + 1, 0)
      return line.split('').filter((char, j) => !covered[at + j] && !/\s/u.test(char)).join('')
    })
    // 013's text was cut short after its heading 「2.推动科技信贷资源集」: that heading is no passage.
    const bareHeading = /^(?:[一二三四五六七八九十]+、|\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]+[)）])[^。；;]{1,38}$/u
    assert.deepEqual(lost.filter((line) => line && !bareHeading.test(line)), [], file)
  }
  // A text cut short after a heading: the heading is not a passage of its own.
  const cut = chunkDocument('cut', ['一、工作情况', '今年我们完成了三项工作。', '二、下一步打算'].join('\n'))
  assert.deepEqual(cut.map((chunk) => chunk.section), [['一、工作情况']])
})

test('a signature whose date lost its 年月日 is still the signature, not the end of the last passage', async () => {
  const chunks = chunkDocument('qijiang', await cleaned('08_qijiang_guofu.txt', 'tests/fixtures/other-provinces'))
  const quotable = chunks.filter(isQuotable).map((chunk) => chunk.text).join('\n')
  assert.doesNotMatch(quotable, /2023526/)
  assert.match(quotable, /此复函已经敖镇长审签/)
})

test('a last paragraph that mentions a 邮编 or an address is body, not a signature; a short contact line and a long 抄送 line still close the text', () => {
  const article = ['巴沟站', '巴沟站是北京地铁的一座车站，位于海淀区。车站机关地址：北京市海淀区巴沟路，邮编100089。该站于2009年启用，为地下二层岛式车站，因附近的巴沟村而得名，车站设有三个出入口，站厅层设有售票机与客服中心，日均客流约三万人次，是换乘站之一。'].join('\n')
  assert.ok(chunkDocument('station', article).filter(isQuotable).some((chunk) => chunk.text.includes('因附近的巴沟村而得名')))
  const notice = ['关于调整公交线路的通知', '各区交通部门：', '自下月起调整12条公交线路，具体线路见附件。', '联系人：王某　联系电话：12345678', '抄送：市委办公厅，市人大常委会办公厅，市政协办公厅，市高级人民法院，市人民检察院，市公安局，市财政局，市住房和城乡建设委员会，市规划和自然资源局，市生态环境局，各区人民政府。'].join('\n')
  const quotable = chunkDocument('notice', notice).filter(isQuotable).map((chunk) => chunk.text).join('\n')
  assert.match(quotable, /调整12条公交线路/)
  assert.doesNotMatch(quotable, /联系电话|抄送/)
})

test('the units a notice is copied to, listed after its date without their 抄送 label, are not a passage', () => {
  const notice = ['某县人民政府办公室', '关于调整农村低保标准的通知', '各乡镇人民政府：', '经县人民政府研究，决定将农村低保标准调整为每人每月300元。', '某县人民政府办公室', '2021年6月1日', '县人大常委会办公室，县政协办公室，县人民法院，', '县人民检察院。'].join('\n')
  const quotable = chunkDocument('notice', notice).filter(isQuotable).map((chunk) => chunk.text).join('\n')
  assert.match(quotable, /每人每月300元/)
  assert.doesNotMatch(quotable, /检察院|法院/)
})

test('the list of attachments a text ends with is not a passage: it names forms, it answers nothing', () => {
  const rules = ['某市生育保险实施办法', '第一条 职工生育的，按规定享受生育津贴。', '第二条 申请生育津贴的，应当提交生育津贴申请表（附件2）。', '第三条 本办法自2015年7月9日起施行。', '附件：', '1.某市生育保险产前检查项目一览表', '2.某市生育保险津贴申请表'].join('\n')
  const quotable = chunkDocument('rules', rules).filter(isQuotable).map((chunk) => chunk.text).join('\n')
  assert.match(quotable, /提交生育津贴申请表（附件2）/)
  assert.doesNotMatch(quotable, /一览表/)
})

test('a regulation whose articles a web page ran together on one line is still cut article by article', async () => {
  // 天津市经济租赁房租房补贴管理规定 as published: "第三章 保障条件及标准 第七条 …", "…执行。 第四章 申请与核准 第十三条 …"
  const chunks = chunkDocument('tianjin', await cleaned('08_tianjin_rent_subsidy.txt', 'tests/fixtures/policy'))
  const article = (n: string) => chunks.filter((chunk) => chunk.section.at(-1) === n || chunk.section.includes(n))
  assert.deepEqual(article('第七条')[0]?.section, ['第三章 保障条件及标准', '第七条'])
  assert.deepEqual(article('第十五条')[0]?.section, ['第四章 申请与核准', '第十五条'])
  assert.match(article('第十五条')[0].text, /^第十五条/)
  // "…计算。 （二）租住公有住房的…": the items of 第十一条, cut apart on their line, are its parts (its list, when short)
  assert.ok(chunks.filter((chunk) => chunk.section[1] === '第十一条').some((chunk) => chunk.text.includes('（二）租住公有住房的')))
  assert.ok(chunks.some((chunk) => chunk.section.join('/').startsWith('第三章 保障条件及标准/第十一条/（三）')))
  // A chapter heading is never a passage of its own.
  assert.ok(chunks.every((chunk) => !/^第[一二三四五六七八九十]+章\s*\S*$/u.test(chunk.text)))
})

test('a list announced by a colon is one passage with its short items, cited by the article that announces it', async () => {
  // 天津 第八条 …应当同时符合下列条件： （一）…； （二）上年人均收入低于2万元（含）； …: alone, an item answers nothing.
  const tianjin = chunkDocument('tianjin', await cleaned('08_tianjin_rent_subsidy.txt', 'tests/fixtures/policy'))
  const conditions = tianjin.find((chunk) => chunk.text.includes('上年人均收入低于2万元'))!
  assert.deepEqual(conditions.section, ['第三章 保障条件及标准', '第八条'])
  assert.match(conditions.text, /^第八条.*下列条件：.*（一）.*（二）.*（三）.*（四）未享受其他方式住房保障政策。$/su)
  // A long item stays a passage of its own, and so does a list that would not fit one passage.
  const standards = tianjin.filter((chunk) => chunk.section[1] === '第九条')
  assert.ok(standards.length >= 2)
  // Without a colon announcing them, short enumerated points keep their own sections (replies' 一是… 二是…).
  const points = chunkDocument('points', ['一、办理情况', '我们做了三件事。', '一是加强宣传；', '二是完善设施；', '三是优化服务。'].join('\n'))
  assert.ok(points.some((chunk) => chunk.section.at(-1)?.startsWith('二是')))
})

test('a policy Q&A is cut question by question: each passage holds one question with its answer, cited by the question', () => {
  const text = [
    '关于小微企业稳岗扶持政策的问答',
    '问：哪些企业可以申请稳岗补贴？',
    '答：在本市依法参加失业保险并足额缴费满一年、上年度未裁员或裁员率低于规定标准的企业。',
    '问：补贴的标准是多少？',
    '答：按企业及其职工上年度实际缴纳失业保险费的一半返还。',
    '问题：申请要交什么材料？',
    '答案：需要提交以下材料：',
    '1.申请表；',
    '2.营业执照复印件。',
    'Q3：多久能到账？',
    'A：审核通过后二十个工作日内拨付到企业账户。',
  ].join('\n')
  const chunks = chunkDocument('faq', text).filter(isQuotable)
  assert.deepEqual(
    chunks.map((chunk) => chunk.section[0]),
    ['问：哪些企业可以申请稳岗补贴？', '问：补贴的标准是多少？', '问题：申请要交什么材料？', 'Q3：多久能到账？'],
  )
  // The list inside an answer stays under its question; no passage holds two questions.
  assert.match(chunks[2].text, /^问题：申请要交什么材料？\n答案：.*1\.申请表；\n2\.营业执照复印件。$/s)
  assert.ok(chunks.every((chunk) => (chunk.text.match(/^(问|问题|Q3)[：:]/gm) ?? []).length === 1))
})

test('an unmarked question followed by its answer (答：) is a question too, under the part it belongs to; numbered questions with the answer on their line as well', () => {
  const text = [
    '复工复产政策问答',
    '一、社保方面',
    '企业因生产经营困难，可以晚一点交社会保险费吗？',
    '答：可以申请缓缴，缓缴期限原则上不超过六个月，期间不收滞纳金。',
    '二、用工方面',
    '1.问：招用困难人员有补贴吗？答：有，按每人每月一定标准给予社会保险补贴。',
    '2.问：补贴发多久？答：最长不超过三年。',
    '会不会有人因为这项政策反而受影响？这要看各区的执行情况，目前没有统一说法，各区将分别公布。',
  ].join('\n')
  const chunks = chunkDocument('faq2', text).filter(isQuotable)
  const cited = chunks.map((chunk) => chunk.section.join(' / '))
  assert.ok(cited.includes('一、社保方面 / 企业因生产经营困难，可以晚一点交社会保险费吗？'), cited.join('\n'))
  assert.ok(cited.includes('二、用工方面 / 1.问：招用困难人员有补贴吗？'), cited.join('\n'))
  assert.ok(cited.includes('二、用工方面 / 2.问：补贴发多久？'), cited.join('\n'))
  // A paragraph that only happens to end a sentence with a question mark, with no answer after it, is body text.
  assert.ok(chunks.every((chunk) => !chunk.section.some((label) => label.startsWith('会不会有人'))))
})

test('a notice whose parts a web page ran onto one line is cut part by part, each item under its part', () => {
  const line = [
    '为帮助中小企业渡过难关，制定如下措施： 一、加大金融支持力度 （一）加大信贷支持。各银行不得对受影响的企业抽贷、断贷。',
    '（二）降低融资成本。贷款利率在上年同期基础上下浮10%以上。 二、减轻企业负担 （三）减免房租。承租国有经营用房的，免收2月份房租。',
    '（四）延期缴纳税款。确有困难的可延期缴纳，最长不超过3个月，一、二月份受影响最大的企业优先办理。',
  ].join('')
  const chunks = chunkDocument('flat', ['某市支持中小企业共渡难关的若干措施', line].join('\n')).filter(isQuotable)
  const cited = (needle: string) => chunks.find((chunk) => chunk.text.includes(needle))?.section
  assert.deepEqual(cited('各银行不得'), ['一、加大金融支持力度', '（一）加大信贷支持'])
  assert.deepEqual(cited('下浮10%'), ['一、加大金融支持力度', '（二）降低融资成本'])
  assert.deepEqual(cited('免收2月份房租'), ['二、减轻企业负担', '（三）减免房租'])
  // 一、二月份 in a sentence is not a part.
  assert.deepEqual(cited('最长不超过3个月'), ['二、减轻企业负担', '（四）延期缴纳税款'])
})

test('a transmittal notice signed by its units above the date: neither the signature nor the name of the text it sends out is a passage, and that text has its own headings', () => {
  const text = [
    '关于印发《某区随迁子女入学实施细则》的通知',
    '各街道办事处：',
    '现将《某区随迁子女入学实施细则》印发给你们，请认真贯彻执行。',
    '某市某区教育局          某市某区公安分局',
    '某市某区财政局',
    '二〇一六年三月一日',
    '某区随迁子女入学',
    '实施细则',
    '为保障随迁子女平等接受义务教育，制定本细则。',
    '一、适用对象',
    '在本区居住、务工的进城务工人员随迁子女申请在本区接受义务教育的，适用本细则。',
    '二、申请时间',
    '每年5月的工作日内向居住地教育行政部门提出入学申请。',
  ].join('\n')
  const chunks = chunkDocument('notice', text)
  const quotable = chunks.filter(isQuotable)
  assert.ok(quotable.every((chunk) => !/财政局|二〇一六年/.test(chunk.text)), JSON.stringify(quotable.map((c) => c.text)))
  assert.deepEqual(quotable.map((chunk) => chunk.section), [[], ['一、适用对象'], ['二、申请时间']])
  assert.match(quotable[0].text, /^为保障随迁子女平等接受义务教育/)
})

test('a notice signs off with 特此通知 above its units: that formula is part of the signature, never a passage', () => {
  const text = [
    '某区民政局关于做好养老服务补贴发放工作的通知',
    '各街道办事处：',
    '为做好本区养老服务补贴工作，现就有关事项通知如下：',
    '一、补贴对象',
    '本区户籍年满80周岁的老人。',
    '特此通知。',
    '某市某区民政局          某市某区财政局',
    '2024年11月15日',
  ].join('\n')
  const quotable = chunkDocument('sign-off', text).filter(isQuotable)
  assert.ok(quotable.every((chunk) => !/特此通知/.test(chunk.text)), JSON.stringify(quotable.map((c) => c.text)))
  assert.match(quotable.at(-1)!.text, /年满80周岁的老人。$/)
})

test('a notice flattened onto one line: what it sends out, its signing units, the date and the name again open the text, never a passage', () => {
  const text = [
    '关于印发《某市公共租赁住房租金管理规定》的通知',
    '各区房管局：   为规范公共租赁住房管理，我们制定了《某市公共租赁住房租金管理规定》，现印发给你们，请遵照执行。   附件：某市公共租赁住房租金管理规定 某市住房保障和房屋管理局          某市财政局 二〇一三年五月二日   某市公共租赁住房租金 管理规定   第一条 公共租赁住房租金按季缴纳。 第二条 租金补贴按季发放。',
  ].join('\n')
  const quotable = chunkDocument('flattened', text).filter(isQuotable)
  assert.deepEqual(quotable.map((chunk) => chunk.text.trim()), ['第一条 公共租赁住房租金按季缴纳。', '第二条 租金补贴按季发放。'])
})

test('a service guide\'s unnumbered headings (所需资料 above 一、…) open the lists they head, nested, and never end the passage before them', () => {
  const guide = [
    '某市居住证办理指南',
    '为方便群众办理居住证，现将有关事项告知如下：',
    '一、办理对象',
    '在本市居住半年以上的非本市户籍人员。',
    '二、分类办理',
    '凭稳定就业申领',
    '前置条件',
    '1、在本市连续缴纳社会保险满6个月。',
    '2、连续居住满6个月。',
    '所需资料',
    '1、身份证原件和复印件；',
    '2、本人近期相片（白底1寸1张）；',
    '凭稳定住所申领',
    '前置条件',
    '1、拥有合法产权的住房或办理了租赁登记备案的住房。',
    '三、办理时限',
    '材料齐全的，受理之日起15个工作日内发证。',
  ].join('\n')
  const chunks = chunkDocument('guide', guide)
  const holding = holdingIn(chunks)
  // 「所需资料」 heads the list below it: it neither ends the passage on the residence condition nor stands alone.
  assert.doesNotMatch(holding('连续居住满6个月').text, /所需资料/)
  assert.deepEqual(holding('白底1寸').section, ['二、分类办理', '凭稳定就业申领', '所需资料'])
  assert.deepEqual(holding('合法产权').section, ['二、分类办理', '凭稳定住所申领', '前置条件', '1、拥有合法产权的住房或办理了租赁登记备案的住房'])
  assert.match(holding('合法产权').text, /^凭稳定住所申领\n前置条件\n1、拥有/)
  // The numbering going back out to 三、 closes them.
  assert.deepEqual(holding('15个工作日').section, ['三、办理时限'])
})

test('a short line between a heading and the next of its list (一、设置时间： / 即日起至10月15日 / 二、) is the first one\'s body, not a heading', () => {
  const notice = [
    '关于设置临时销售点的通告',
    '为方便市民购买，在城区设置19处临时销售点。现将有关事项通告如下：',
    '一、设置时间：',
    '即日起至2025年10月15日',
    '二、销售地点：',
    '城区各农贸市场周边。',
    '三、管理要求：',
    '经营者须在指定地点进行销售，不得占用车行道。',
  ].join('\n')
  const holding = holdingIn(chunkDocument('notice', notice))
  assert.match(holding('即日起至2025年10月15日').text, /设置时间：\n即日起至2025年10月15日/)
  assert.ok(!holding('城区各农贸市场').section.includes('即日起至2025年10月15日'), 'the date line heads nothing')
  assert.ok(!holding('不得占用车行道').section.includes('即日起至2025年10月15日'), 'the date line heads nothing')
})

test('numbered one-line items in a row are one passage under the heading above them; numbered headings with a body of their own are not', () => {
  const guide = [
    '某市公租房申请指南',
    '符合条件的家庭可向户籍所在街道申请公共租赁住房。',
    '所需材料',
    '一、申请人身份证原件及复印件；',
    '二、户口簿原件及复印件；',
    '三、本人近期一寸照片两张；',
    '四、收入证明。',
    '办理流程',
    '一、提交申请',
    '申请人向街道住房保障窗口提交申请材料，窗口当场出具受理回执。',
    '二、审核公示',
    '区住房保障部门自受理之日起20个工作日内完成审核，并在社区公示7日。',
  ].join('\n')
  const chunks = chunkDocument('guide', guide)
  const holding = holdingIn(chunks)
  // 「一寸照片」 alone says nothing of what it is for: it is read with the list it belongs to.
  assert.equal(holding('一寸照片').text, ['所需材料', '一、申请人身份证原件及复印件；', '二、户口簿原件及复印件；', '三、本人近期一寸照片两张；', '四、收入证明。'].join('\n'))
  assert.deepEqual(holding('一寸照片').section, ['所需材料'])
  // Steps with bodies stay passages of their own, each cited by its heading.
  assert.notEqual(holding('当场出具受理回执'), holding('社区公示7日'))
  assert.deepEqual(holding('社区公示7日').section, ['办理流程', '二、审核公示'])
})

test('headings nested with nothing under them but the next (二、… / （一）… / 1、…) open the passage of the deepest, not a passage of headings alone; items of one list stay apart', () => {
  const reply = [
    '关于加快老街改造的建议的答复',
    '王某代表：',
    '您提出的《关于加快老街改造的建议》收悉，现答复如下：',
    '一、存在的问题',
    '老街排水管网老化，雨天积水严重。',
    '二、已经采取的措施',
    '（一）已经落实的举措',
    '1、改造排水管网',
    '今年已更换老街排水管道1.2公里。',
    '2、整治路面',
    '老街路面已全部翻新。',
    '三、服务对象',
    '1、沿街商户',
    '2、周边居民',
    '四、下一步打算',
    '明年将继续推进老街立面改造。',
  ].join('\n')
  const chunks = chunkDocument('reply', reply)
  const holding = holdingIn(chunks)
  assert.equal(chunks.some((chunk) => chunk.text === '二、已经采取的措施\n（一）已经落实的举措'), false, 'a passage of headings alone answers nothing')
  assert.equal(holding('排水管道1.2公里').text, ['二、已经采取的措施', '（一）已经落实的举措', '1、改造排水管网', '今年已更换老街排水管道1.2公里。'].join('\n'))
  assert.deepEqual(holding('排水管道1.2公里').section, ['二、已经采取的措施', '（一）已经落实的举措', '1、改造排水管网'])
  assert.deepEqual(holding('路面已全部翻新').section, ['二、已经采取的措施', '（一）已经落实的举措', '2、整治路面'])
  assert.deepEqual(holding('明年将继续').section, ['四、下一步打算'])
  assert.doesNotMatch(holding('明年将继续').text, /周边居民/)
})

test('a notice\'s own numbered measures, under no heading, are each a passage cited by its number, however short', () => {
  const notice = [
    '关于做好返岗人员健康管理工作的通知',
    '各区疫情防控指挥部，各有关单位：',
    '一、返岗人员应当在返回前通过健康码进行申报，持绿码人员可正常返岗。',
    '二、从高风险地区返回的人员，应当居家隔离观察14天。',
    '三、用人单位应当每日对返岗人员进行体温检测。',
    '某市疫情防控指挥部',
    '2020年2月20日',
  ].join('\n')
  const chunks = chunkDocument('notice', notice)
  const holding = holdingIn(chunks)
  assert.equal(holding('隔离观察14天').text, '二、从高风险地区返回的人员，应当居家隔离观察14天。')
  assert.deepEqual(holding('隔离观察14天').section, ['二、从高风险地区返回的人员'])
  assert.deepEqual(holding('体温检测').section, ['三、用人单位应当每日对返岗人员进行体温检测'])
})

test('a notice that says something in a sentence of its own before announcing (…于6月25-26日进行。现将有关事项通告如下：) opens with it as a passage', () => {
  const notice = (preamble: string) =>
    chunkDocument('notice', ['某市教育局关于2016年小学一年级入学报名的通告', preamble, '一、报名地点', '各学区学校。'].join('\n'))
  const said = notice('根据市教育局工作安排，2016年市区公办小学招生报名于6月25-26日进行。现将相关事项通告如下：')
  assert.ok(said.some((chunk) => isQuotable(chunk) && chunk.text.includes('6月25-26日进行')))
  // A preamble that only announces stays the opening.
  const announced = notice('为做好2016年小学招生工作，根据有关规定，现将相关事项通告如下：')
  assert.ok(announced.filter((chunk) => chunk.text.includes('为做好')).every((chunk) => !isQuotable(chunk)))
})

test('a guide\'s part giving its value on its heading\'s line (六、收费标准:无) is quotable body, above its signature too, not part of it; a list of attachments stays out of the body', () => {
  const guide = ['设置户外广告审批服务指南', '一、办理条件：广告设施符合城市规划。', '二、办理时限：5个工作日。', '六、收费标准:无', '某县城市管理行政执法局', '2020年5月13日'].join('\n')
  const fee = chunkDocument('guide', guide).find((chunk) => chunk.text.includes('收费标准:无'))
  assert.ok(fee && isQuotable(fee), JSON.stringify(fee))
  // Nor is the value under the last part's bare heading, above the signing unit.
  const office = ['食品经营许可服务指南', '一、办理时限', '20个工作日', '二、办理地点', '市民服务中心二楼市场监管窗口', '某市市场监督管理局', '2017年11月10日'].join('\n')
  const place = chunkDocument('office', office).find((chunk) => chunk.text.includes('市民服务中心'))
  assert.ok(place && isQuotable(place), JSON.stringify(place))
  // Nor is a part giving its value on its heading's line dropped as a heading with nothing under it.
  const card = ['居民身份证换领指南', '一、受理部门', '户籍所在地派出所', '七、收费标准:换领收取工本费20元/证,补领收取工本费40元/证', '八、办理时限', '自受理之日起60日内'].join('\n')
  assert.ok(chunkDocument('card', card).some((chunk) => chunk.text.includes('工本费20元') && isQuotable(chunk)))
  const rules = ['某市生育保险办法', '第一条 为保障职工生育期间的基本生活，制定本办法。', '附件：', '1.生育保险医疗费用报销标准', '2.生育保险津贴申请表'].join('\n')
  const attachments = chunkDocument('rules', rules).find((chunk) => chunk.text.includes('津贴申请表'))
  assert.ok(attachments && !isQuotable(attachments), JSON.stringify(attachments))
})
