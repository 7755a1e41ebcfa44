/**
 * Never a wrong answer: what a message names narrows the search but never vouches for an answer; replies
 * that do not exist are said so; follow-ups stay on the reply just cited. Cases differ from the
 * evaluation questions on purpose.
 */
import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { splitPlacePrefix, type KnowledgeBase } from '../../index/index.js'
import { contactBlock, formatDate } from '../../bot/answer/compose.js'
import type { AnswerEngine, Turn } from '../../bot/answer/types.js'
import { converse, corpusEngine } from '../support/conversation.js'
import { SEED_ID } from '../support/corpus-index.js'

let kb: KnowledgeBase
let engine: AnswerEngine
before(async () => {
  ;({ kb, engine } = await corpusEngine())
})

const conversation = (...messages: string[]) => converse(engine, ...messages)

const refused = (turn: Turn) => {
  assert.equal(turn.reply.answered, false, turn.reply.text)
  assert.equal(turn.reply.passages.length, 0, turn.reply.text)
}

test('a proposal number no reply has is said so, with what was looked for, and never answered from another reply', async () => {
  const [turn] = await conversation('第8888号提案是怎么答复的')
  refused(turn)
  assert.match(turn.reply.text, /没有找到第8888号提案的答复/)
  assert.match(turn.reply.text, /12345/)
})

test('a number one digit away from an existing one is offered, and its list number picks it', async () => {
  const existing = kb.documents.find((doc) => doc.number && doc.number.replace(/^0+/, '').length >= 3)!
  const digits = existing.number!.replace(/^0+/, '')
  const near = digits.slice(0, -1) + (digits.endsWith('9') ? '8' : String(Number(digits.at(-1)) + 1))
  const [miss, picked] = await conversation(`${near}号提案的答复`, '1')
  refused(miss)
  assert.match(miss.reply.text, new RegExp(`第${existing.number}号`))
  assert.ok(picked.docIds.length > 0 && picked.reply.answered, picked.reply.text)
})

test('a proposal number written without 号 right before 提案 finds that reply, as replies themselves write it', async () => {
  const doc = kb.documents.find((d) => d.number && d.number.length >= 5)!
  const [turn] = await conversation(`${doc.number}提案怎么答复的`)
  assert.deepEqual(turn.docIds, [doc.id], turn.reply.text)
  const [missing] = await conversation('987654提案怎么答复的')
  refused(missing)
  assert.match(missing.reply.text, /没有找到第987654号/)
})

test('numbers that are not proposal numbers do not scope: a metro line, a building, a bus route, a document, a 文号', async () => {
  // Nor the digits of a 文号 whose bracket was lost in the copying (沪科〔2024052号, for 〔2024〕052号).
  for (const message of ['5号线地铁延伸到哪里', '小区3号楼电梯坏了找谁', '坐71路公交去外滩', '第12号文件讲了什么', '沪科〔2024052号答复的联系人']) {
    const [turn] = await conversation(message)
    assert.doesNotMatch(turn.reply.text, /没有找到第\d+号/, message)
    if (turn.reply.answered) assert.equal(turn.intent, 'question', message)
  }
})

test('a person who proposed nothing here, and a session with no reply, are said so', async () => {
  const [person] = await conversation('王大锤代表提的建议怎么答复的')
  refused(person)
  assert.match(person.reply.text, /没有找到王大锤代表的答复/)
  // Said with the surname jieba cuts off as a word of its own (周/海涛).
  const [surnamed] = await conversation('周海涛委员的提案')
  refused(surnamed)
  assert.match(surnamed.reply.text, /没有找到周海涛委员的答复/)
  const [session] = await conversation('二十届九次会议的提案答复')
  refused(session)
  assert.match(session.reply.text, /没有找到二十届九次会议的答复/)
  // Named 同志, a person is a person too, never a topic to search (张三 found 长三角). Not 先生 or 女士: residents introduce themselves so.
  const [comrade] = await conversation('王大锤同志提的建议')
  refused(comrade)
  assert.match(comrade.reply.text, /没有找到王大锤同志的答复/)
  // A people's congress session is not the CPPCC session of the same numbers.
  const seed = kb.getDocument(SEED_ID)!
  const [, th, times] = /([一二三四五六七八九十]+)届([一二三四五六七八九十]+)次/.exec(seed.session!.replace(/第/g, ''))!
  assert.match(seed.session!, /政协/)
  const congress = kb.documents.filter((doc) => doc.session && /人大|人民代表大会/.test(doc.session) && doc.session.replace(/第/g, '').includes(`${th}届`) && doc.session.replace(/第/g, '').includes(`${times}次`))
  assert.equal(congress.length, 0)
  const [other] = await conversation(`第${th}届人大第${times}次会议的建议答复`)
  refused(other)
  assert.match(other.reply.text, new RegExp(`没有找到人大${th}届${times}次会议的答复`))
  // Nor is a city's CPPCC the district's: its proposal of the same number is offered, never taken for it.
  assert.match(seed.session!, /^(?:\p{Script=Han}+)?区政协/u)
  const [city] = await conversation(`市政协${seed.number}号提案`)
  refused(city)
  assert.match(city.reply.text, /没有找到市政协第\d+号提案的答复/)
  assert.ok(city.state.listed?.includes(SEED_ID), city.reply.text)
  const [district] = await conversation(`区政协${seed.number}号提案`)
  assert.deepEqual(district.docIds, [SEED_ID], district.reply.text)
  // Nor, named, the congress: its suggestion of that number does not exist here, and the proposal is only offered.
  assert.ok(!kb.documents.some((doc) => doc.number === seed.number && /人大|人民代表大会/.test(doc.session ?? '')))
  const [suggestion] = await conversation(`区人大${seed.number}号建议`)
  refused(suggestion)
  assert.ok(suggestion.state.listed?.includes(SEED_ID), suggestion.reply.text)
})

test('a place no reply names anywhere is refused by name; a covered place narrows the search to its replies', async () => {
  const [far] = await conversation('拉萨市的垃圾分类怎么搞')
  refused(far)
  assert.match(far.reply.text, /没有找到涉及拉萨市的内容/)
  // Named twice, it is said once; so is a covered place repeated in a question no reply answers.
  const [twice] = await conversation('拉萨市的垃圾分类，拉萨市怎么搞')
  assert.equal(twice.reply.text.split('拉萨市').length - 1, 1, twice.reply.text)
  const [repeated] = await conversation('长宁长宁长宁的地铁票价打几折')
  refused(repeated)
  assert.doesNotMatch(repeated.reply.text, /长宁 长宁/)
  const [near] = await conversation('普陀区公益游乐设施建设情况')
  assert.equal(near.reply.answered, true, near.reply.text)
  for (const passage of near.reply.passages) assert.match(kb.getDocument(passage.docId)!.text, /普陀/)
})

test('among the replies a place chose, the one on the topic comes first, not a passage that names the place beside it', async () => {
  // A 科普 reply lists 苏州河梦清园 right after 普陀区 in one sentence; the 苏州河 reply says 苏州河普陀段.
  const [turn] = await conversation('普陀区的苏州河')
  assert.equal(turn.reply.answered, true, turn.reply.text)
  assert.match(kb.getDocument(turn.reply.passages[0].docId)!.title ?? '', /苏河|苏州河/, turn.reply.passages[0].text)
})

test('inside a scope the passages must still answer: a named reply does not vouch for an unrelated question', async () => {
  const [turn] = await conversation('084号提案里关于地铁票价打折的内容')
  refused(turn)
  assert.equal(turn.intent, 'notFound')
})

test('a passage is quoted only on its own evidence: one ranked first by its words alone is left out', async () => {
  // The question's words rank a 社区云 passage first (社区, 老人); its meaning is far from the threshold,
  // the 社区食堂 passages' well above it, so the outcome does not hang on the CPU's rounding.
  const [turn] = await conversation('老人在社区有没有便宜的地方吃饭')
  assert.equal(turn.reply.answered, true, turn.reply.text)
  for (const id of turn.docIds) assert.match(kb.getDocument(id)!.title ?? '', /食堂/, `quoted ${kb.getDocument(id)!.file}`)
})

test('a strong match in one reply never vouches for passages of others: the answer is refused, not quoted from them', async () => {
  // The 网办率 passage is similar in meaning, but the passages an answer would show are those found by 比例 (科普, 产业政策).
  const [turn] = await conversation('在网上就能办完事的比例有多高')
  refused(turn)
})

test('a government body that answered nothing here, asked for its reply, is said so by the name as written', async () => {
  const [turn] = await conversation('市财政局关于专项资金拨付的答复')
  refused(turn)
  assert.match(turn.reply.text, /没有找到市财政局的答复/)
  // Asked for its reply's contact, it is said so too, never answered from a reply of the place it names.
  const [contact] = await conversation('普陀区教育局的联系电话')
  refused(contact)
  assert.match(contact.reply.text, /没有找到普陀区教育局的答复/)
  // So is a body named without a place: its contact is not taken for a topic to search.
  const [bare] = await conversation('市财政局的联系人')
  refused(bare)
  assert.match(bare.reply.text, /没有找到市财政局的答复/)
  // Asked about a topic no reply of the place covers, its name is no topic: 教育 does not find 科普教育基地.
  const [topic] = await conversation('普陀区教育局对课后托管有什么安排')
  refused(topic)
  // The refusal quotes the question as written and names the place searched, not the body as a scope.
  assert.match(topic.reply.text, /普陀区的答复中没有找到与“普陀区教育局对课后托管有什么安排”/)
  // A 委员会 named as a 委 with the rest of its name (卫生健康委) is a body too, not a topic to search.
  const [committee] = await conversation('南京市卫生健康委关于社区医院的答复')
  refused(committee)
  assert.match(committee.reply.text, /没有找到南京市卫生健康委的答复/)
  // Another district's body of the same kind is not the one that replied: 长宁区 has no 绿化市容局 reply here.
  const [other] = await conversation('长宁区绿化市容局关于儿童游乐设施的答复')
  refused(other)
  assert.match(other.reply.text, /没有找到长宁区绿化市容局的答复/)
  // The central government's bodies too; but 人社部门 is "the 人社 departments", not the ministry.
  const [central] = await conversation('国务院办公厅关于调休安排的答复')
  refused(central)
  assert.match(central.reply.text, /没有找到国务院办公厅的答复/)
  const [departments] = await conversation('人社部门的联系电话')
  assert.doesNotMatch(departments.reply.text, /没有找到人社部的答复/)
  // 区地区工作办公室 (普陀's, by its level word) is not read inside 长宁区地区工作办公室.
  const [office] = await conversation('长宁区地区工作办公室关于助餐的答复')
  refused(office)
  assert.match(office.reply.text, /没有找到长宁区地区工作办公室的答复/)
  // A merged county bureau's short name is a body too: not a topic whose passages could be quoted.
  const [merged] = await conversation('文广局的答复')
  refused(merged)
  assert.match(merged.reply.text, /没有找到文广局的答复/)
})

test('a unit is known by either of its usual short names (绿化市容局, 绿容局)', async () => {
  const signed = kb.documents.filter((doc) => doc.unit?.endsWith('绿化和市容管理局'))
  assert.ok(signed.length > 0)
  const place = splitPlacePrefix(signed[0].unit!).places.at(-1)!.text
  for (const name of ['绿化市容局', '绿容局']) {
    const [listed] = await conversation(`${place}${name}的答复`)
    assert.deepEqual([...listed.docIds].sort(), signed.filter((doc) => doc.unit!.includes(place)).map((doc) => doc.id).sort(), listed.reply.text)
  }
})

test('a body no reply is signed by, named in the text of unsigned replies, gets those replies offered, not quoted', async () => {
  const unsigned = kb.documents.find((doc) => !doc.unit && /市商务委/.test(doc.text))!
  const [turn, picked] = await conversation('市商务委的答复', '1')
  refused(turn)
  assert.match(turn.reply.text, /没有找到市商务委的答复/)
  // Offered as what they are: replies that name no unit, which may be its.
  assert.match(turn.reply.text, /以下答复未载明答复单位/)
  assert.ok(turn.state.listed?.includes(unsigned.id), turn.reply.text)
  assert.ok(picked.reply.answered && picked.docIds.length === 1, picked.reply.text)
  // Asked with its place (长宁区发改委), offered where the reply names itself without it (区发改委) and names the place.
  const own = kb.documents.find((doc) => !doc.unit && doc.text.includes('区发改委') && doc.text.includes('长宁'))!
  const [placed] = await conversation('长宁区发改委的答复')
  refused(placed)
  assert.ok(placed.state.listed?.includes(own.id), placed.reply.text)
})

test('a general body name scopes nothing on its own', async () => {
  const [turn] = await conversation('人民政府明年春节放几天假')
  refused(turn)
})

test('thanks and goodbye get a short polite reply, not “not found”; “got it” is not thanked for', async () => {
  for (const message of ['多谢！', '好的', '拜拜', '收到']) {
    const [turn] = await conversation(message)
    assert.equal(turn.intent, 'greeting', message)
    assert.doesNotMatch(turn.reply.text, /没有找到/, message)
  }
  const [[thanked], [noted]] = [await conversation('谢谢您'), await conversation('收到')]
  assert.match(thanked.reply.text, /不客气/)
  assert.doesNotMatch(noted.reply.text, /不客气/)
})

test('全文 or a numbered part as the first message asks which reply is meant', async () => {
  for (const message of ['全文', '第三部分']) {
    const [turn] = await conversation(message)
    assert.equal(turn.intent, 'clarify', message)
    assert.match(turn.reply.text, /哪一份答复/)
  }
})

test('第二部分 finds a part numbered 2. and a missing part is named', async () => {
  const doc = kb.documents.find((d) => kb.chunksOf(d.id).some((chunk) => /^2[.．、]/.test(chunk.section[0] ?? '')))!
  const [, second, ninth] = await conversation(`${doc.number}号提案`, '第二部分', '第九部分')
  assert.equal(second.intent, 'fullSection')
  assert.equal(second.reply.answered, true, second.reply.text)
  assert.match(second.reply.passages[0].text, /^2[.．、]/)
  assert.match(ninth.reply.text, /没有找到“第九部分”/)
})

test('follow-ups are answered from the reply just cited: its contact, its date, its number', async () => {
  const seed = kb.getDocument(SEED_ID)!
  const [first, contact, date, number] = await conversation('长宁区科委的答复', '那这件提案找谁联系？', '这份答复是哪天的', '文号是多少')
  assert.ok(first.docIds.includes(SEED_ID))
  assert.equal(contact.intent, 'fact')
  assert.equal(contact.reply.contacts[0].name, seed.contact?.name)
  assert.ok(contact.reply.text.includes(seed.contact!.phone!))
  assert.ok(date.reply.text.includes(formatDate(seed.date)!), date.reply.text)
  assert.ok(number.reply.text.includes(seed.number!), number.reply.text)
})

test('follow-ups ask who proposed the reply and which unit wrote it; a refused follow-up keeps the reply', async () => {
  const seed = kb.getDocument(SEED_ID)!
  const [, proposers, unrelated, unit, number] = await conversation('长宁区科委的答复', '那是哪几位委员提出的？', '那这个项目的停车费怎么收', '这份答复是哪个单位回复的', '文号是多少')
  assert.equal(proposers.intent, 'fact')
  for (const name of seed.proposers) assert.ok(proposers.reply.text.includes(name), proposers.reply.text)
  refused(unrelated)
  // The refusal says where the rest of the reply is: it stays the conversation's, a 全文 away.
  assert.match(unrelated.reply.text, /回复“全文”可查看这份答复的原文/)
  assert.ok(unit.reply.text.includes(`答复单位：${seed.unit}`), unit.reply.text)
  assert.ok(number.reply.text.includes(seed.number!), number.reply.text)
})

test('a contact asked with a topic finds the reply on it and gives that reply\'s contact', async () => {
  const seed = kb.getDocument(SEED_ID)!
  const [turn] = await conversation('马兰花计划的事想打电话问问，找谁？')
  assert.equal(turn.reply.answered, true, turn.reply.text)
  assert.ok(turn.docIds.includes(SEED_ID))
  assert.ok(turn.reply.text.includes(seed.contact!.phone!), turn.reply.text)
  // A topic no reply answers is refused in the resident's own words.
  const [missing] = await conversation('地铁票价的事想打电话问问，找谁？')
  refused(missing)
  assert.match(missing.reply.text, /地铁票价的事想打电话问问/)
})

test('a reply pointed at that the conversation does not hold is never guessed; one named by its topic is searched for', async () => {
  for (const message of ['对这个答复有意见的话找哪里说', '这份答复提到的补贴怎么申请']) {
    const [turn] = await conversation(message)
    assert.equal(turn.intent, 'clarify', message)
  }
  const seed = kb.getDocument(SEED_ID)!
  const [dated] = await conversation('马兰花计划那件提案是哪天答复的')
  assert.equal(dated.reply.answered, true, dated.reply.text)
  assert.ok(dated.reply.text.startsWith(`${seed.unit}《`) && dated.reply.text.includes(formatDate(seed.date)!), dated.reply.text)
})

test('a year asked with replies is the year they are dated: another year\'s reply is offered, never quoted', async () => {
  const seed = kb.getDocument(SEED_ID)!
  const year = Number(seed.date!.slice(0, 4))
  const [absent] = await conversation(`${year + 7}年长宁区科委的答复`)
  refused(absent)
  assert.match(absent.reply.text, new RegExp(`没有找到.*${year + 7}年的答复`))
  assert.equal(absent.reply.passages.length, 0)
  const [dated] = await conversation(`${year}年长宁区科委的答复`)
  assert.deepEqual(dated.docIds, [SEED_ID])
  // With a place: that place's replies of the year, never every place's; none that year → said so, with its dated ones offered.
  const place = splitPlacePrefix(seed.unit!).places[0].text
  const [placed] = await conversation(`${place}${year}年的提案答复`)
  assert.ok(placed.docIds.includes(SEED_ID), placed.reply.text)
  for (const id of placed.docIds) {
    const doc = kb.getDocument(id)!
    assert.ok(doc.date!.startsWith(String(year)) && [doc.unit, doc.title, doc.session, doc.text].join(' ').includes(place), `${doc.file} in ${placed.reply.text}`)
  }
  const [placedAbsent] = await conversation(`${place}${year + 7}年的提案答复`)
  refused(placedAbsent)
  assert.match(placedAbsent.reply.text, new RegExp(`没有找到${place}.*${year + 7}年的答复`))
  assert.ok(placedAbsent.state.listed?.includes(SEED_ID), placedAbsent.reply.text)
  // In a question a year is when something happened: it narrows nothing.
  const [question] = await conversation(`${year - 6}年普陀的公园给小孩加了哪些玩的`)
  assert.doesNotMatch(question.reply.text, /没有找到.*年的答复/)
})

test('replies asked for by a place alone are listed, the place\'s own (by unit, session or title) first', async () => {
  const place = splitPlacePrefix(kb.getDocument(SEED_ID)!.unit!).places[0].text
  const [listed] = await conversation(`${place}的提案答复有哪些`)
  assert.equal(listed.intent, 'lookup', listed.reply.text)
  assert.ok(listed.docIds.includes(SEED_ID), listed.reply.text)
  const docs = listed.docIds.map((id) => kb.getDocument(id)!)
  const own = docs.map((doc) => [doc.unit, doc.session, doc.title].join(' ').includes(place))
  assert.ok(docs.every((doc, i) => own[i] || doc.text.includes(place)), listed.reply.text)
  assert.deepEqual(own, [...own].sort((a, b) => Number(b) - Number(a)), listed.reply.text)
})

test('a unit\'s replies that do not answer the topic: replies naming no unit that do are offered, not quoted', async () => {
  const unsigned = kb.documents.filter((doc) => !doc.unit).map((doc) => doc.id)
  const [turn, picked] = await conversation('普陀区绿化市容局关于科普短视频的答复', '1')
  refused(turn)
  assert.match(turn.reply.text, /未载明答复单位/)
  // Each offered by its name and title, never by its file name, the title said once.
  for (const doc of (turn.state.listed ?? []).map((id) => kb.getDocument(id)!)) {
    assert.ok(!turn.reply.text.includes(doc.file), turn.reply.text)
    if (doc.title) assert.equal(turn.reply.text.split(doc.title).length - 1, 1, turn.reply.text)
  }
  assert.ok(unsigned.includes(picked.docIds[0]), picked.reply.text)
  assert.match(picked.reply.text, /科普/)
})

test('a follow-up with no reply in the conversation asks which one is meant', async () => {
  const [turn] = await conversation('这份答复的联系人是谁')
  assert.equal(turn.intent, 'clarify')
  refused(turn)
})

test('the contact line names the unit, never the reply title or a file name in its place', () => {
  for (const doc of kb.documents) {
    const block = contactBlock([doc])
    if (doc.title) assert.ok(!block.includes(doc.title), `${doc.file}: ${block}`)
    assert.ok(!block.includes(doc.file), `${doc.file}: ${block}`)
    if (doc.unit) assert.ok(block.includes(doc.unit), block)
  }
})

test('two replies of one unit with one contact give one contact line', () => {
  const seed = kb.getDocument(SEED_ID)!
  const twin = { ...seed, id: 'twin', file: 'twin.txt', sourceUrl: undefined }
  assert.equal(contactBlock([seed, twin]).split('\n').filter((line) => line.startsWith('【联系】')).length, 1)
})

test('the same passage is never quoted twice in one answer', async () => {
  for (const message of ['科技金融有哪些做法', '老年人吃饭有补贴吗', '苏州河两岸绿化']) {
    const [turn] = await conversation(message)
    const texts = turn.reply.passages.map((p) => p.text)
    assert.equal(new Set(texts).size, texts.length, message)
  }
})

test('a body no table knows, shaped as one (…局, …支队, …协会, 团区委), asked for its replies, is said to have none; replies asked for by nothing that says which are not vouched for by their own words', async () => {
  for (const body of ['税务局', '消防救援支队', '区志愿者协会', '团区委']) {
    const [turn] = await conversation(`${body}的答复`)
    refused(turn)
    assert.match(turn.reply.text, new RegExp(`没有找到${body}的答复`))
  }
  // A topic asked for its replies is still searched.
  const [topic] = await conversation('社区云的答复')
  assert.ok(topic.reply.answered, topic.reply.text)
  // Nor do the words of replies vouch for a passage when nothing else says which (a reply's 对提案建议的答复 matched them).
  for (const vague of ['最新的答复', '区里的答复', '政府的回复', '区政府的答复有哪些']) refused((await conversation(vague))[0])
})
