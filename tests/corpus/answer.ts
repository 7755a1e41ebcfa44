import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import type { KnowledgeBase } from '../../index/index.js'
import { createAnswerEngine } from '../../bot/answer/engine.js'
import type { AnswerEngine, Turn } from '../../bot/answer/types.js'
import { converse, corpusEngine } from '../support/conversation.js'
import { loadQuestions } from '../eval/dataset.js'
import { SEED_ID } from '../support/corpus-index.js'

let kb: KnowledgeBase
let engine: AnswerEngine
before(async () => {
  ;({ kb, engine } = await corpusEngine())
})

const conversation = (...messages: string[]) => converse(engine, ...messages)

function assertVerbatim(turn: Turn): void {
  assert.ok(turn.reply.passages.length > 0, turn.reply.text)
  for (const passage of turn.reply.passages) {
    assert.ok(kb.getDocument(passage.docId)!.text.includes(passage.text), `not verbatim: ${passage.text.slice(0, 40)}`)
    assert.ok(turn.reply.text.includes(passage.text), 'the reply quotes the passage as it is')
  }
}

test('a resident question is answered with a verbatim passage, its citation and the contact person', async () => {
  const [turn] = await conversation('在长宁创业，区里提供培训吗？')
  assert.equal(turn.reply.answered, true)
  assertVerbatim(turn)
  const [best] = turn.reply.passages
  assert.equal(best.docId, SEED_ID)
  assert.match(best.text, /马兰花计划/)
  const seed = kb.getDocument(SEED_ID)!
  assert.ok(turn.reply.text.includes(`【来源】长宁区科学技术委员会《对长宁区政协第十五届三次会议第084号提案的答复》 二、（二）3 · 2024年4月30日`))
  assert.ok(turn.reply.text.includes(`联系人 ${seed.contact!.name} · 电话 ${seed.contact!.phone} · 地址 ${seed.contact!.address} ${seed.contact!.postcode}`))
  assert.deepEqual(turn.reply.contacts[0], { unit: seed.unit, ...seed.contact })
  assert.ok(turn.reply.text.length <= 1500)
})

test('“更多” continues with the next passages, not the same ones', async () => {
  const [first, more] = await conversation('一网统管', '更多')
  assert.equal(more.intent, 'more')
  assertVerbatim(more)
  const seen = new Set(first.reply.passages.map((p) => p.text))
  assert.ok(more.reply.passages.every((p) => !seen.has(p.text)))
})

test('“更多” never brings back a passage the answer left out for lack of evidence', async () => {
  // A 社区云 passage ranks first by its words (社区, 老人) and is left out of the answer: far from the threshold.
  const [first, more] = await conversation('老人在社区有没有便宜的地方吃饭', '更多')
  const cited = new Set(first.docIds)
  assert.ok(cited.size > 0)
  assert.ok(more.reply.passages.every((p) => cited.has(p.docId) || /食堂|助餐/.test(kb.getDocument(p.docId)!.title ?? '')), more.reply.text)
})

test('a reply that only shares some words with the question is not quoted beside the reply that answers it, nor under “更多”', async () => {
  // The 民营经济 reply's passage on a 资源共享平台 for tech firms passes the check on its own, barely; the
  // 劳动教育 reply answers the question far past the boundary.
  const topical = kb.documents.find((doc) => doc.title?.includes('劳动教育'))!
  const [answer, more] = await conversation('普陀劳动教育有什么资源共享', '更多')
  assert.equal(answer.reply.answered, true)
  assert.deepEqual([...new Set(answer.docIds)], [topical.id], answer.reply.text)
  assert.ok(more.reply.passages.every((p) => p.docId === topical.id), more.reply.text)
})

test('“全文” returns the whole section of the cited passage, exactly', async () => {
  const [answer, full] = await conversation('长宁的创业培训', '全文')
  assert.equal(full.intent, 'fullSection')
  const cited = answer.reply.passages[0]
  const section = kb.getSection(cited.docId, cited.section.filter((label) => !/^[一二三四五六七八九十]+是/.test(label)))!
  assert.ok(full.reply.text.includes(section.text), 'the section is in the reply, verbatim and whole')
  assert.equal(full.reply.passages[0].text, section.text)
})

test('“更多” after “全文” goes on with the passages the answer had not shown, outside that section, then says there are no more', async () => {
  const [answer, full, more, none] = await conversation('苏州河贯通工程怎么宣传', '全文', '更多', '更多')
  assert.match(answer.reply.text, /回复“更多”/)
  assert.match(full.reply.text, /回复“更多”查看其他相关段落/)
  assert.equal(more.reply.answered, true, more.reply.text)
  for (const passage of more.reply.passages) assert.ok(!full.reply.passages[0].text.includes(passage.text), passage.text)
  // Asked once more than there are: said so, not "ask a question first": a question was asked.
  const last = [more, none].find((turn) => !turn.reply.answered)!
  assert.doesNotMatch(last.reply.text, /请先提一个问题/)
})

test('“第二部分” after a cited reply returns that part of it, continued by “更多” when long', async () => {
  const [, part, rest] = await conversation('084号提案的答复怎么说的？', '第二部分', '更多')
  assert.equal(part.intent, 'fullSection')
  const section = kb.getSection(SEED_ID, ['二、对提案建议的答复'])!
  const shown = part.reply.passages[0].text + rest.reply.passages[0].text
  assert.ok(part.reply.text.startsWith('【全文】'))
  assert.ok(section.text.replace(/\s/g, '').startsWith(shown.replace(/\s/g, '')))
})

for (const message of ['084号提案的答复怎么说的？', '第84号', '提案84', '０８４号提案']) {
  test(`“${message}” looks up the reply to proposal 084`, async () => {
    const [turn] = await conversation(message)
    assert.equal(turn.intent, 'lookup')
    assert.deepEqual(turn.docIds, [SEED_ID])
    assert.match(turn.reply.text, /第084号提案的答复/)
    assert.match(turn.reply.text, /洪嫣/)
  })
}

test('a proposer’s name lists that member’s replies, however the request is worded', async () => {
  const expected = kb.documents.filter((doc) => doc.proposers.includes('辛洁暐')).map((doc) => doc.id)
  assert.ok(expected.includes(SEED_ID))
  for (const message of ['辛洁暐委员的提案', '辛洁暐委员提了什么提案', '辛洁暐委员提过哪些建议', '辛洁暐委员提了几件提案']) {
    const [turn] = await conversation(message)
    assert.equal(turn.intent, 'lookup', `${message}: ${turn.reply.text}`)
    assert.deepEqual(new Set(turn.docIds), new Set(expected), message)
  }
})

test('a reply\'s 办理结果 is a fact of it: stated when the reply states one, said missing when it does not', async () => {
  const seed = kb.getDocument(SEED_ID)!
  assert.ok(seed.result)
  for (const message of [`${seed.number}号提案的办理结果是什么`, `第${seed.number}号提案被采纳了吗`]) {
    const [turn] = await conversation(message)
    assert.equal(turn.intent, 'fact', turn.reply.text)
    assert.ok(turn.reply.text.includes(`办理结果：${seed.result}`), turn.reply.text)
  }
  const unstated = kb.documents.find((doc) => doc.number && !doc.result && doc.kind === '提案')!
  const [missing] = await conversation(`第${unstated.number}号提案的办理结果`)
  assert.equal(missing.reply.answered, false, missing.reply.text)
  assert.match(missing.reply.text, /没有写明办理结果/)
})

test('a unit alias and a topic find the passage inside that unit’s reply', async () => {
  const [turn] = await conversation('区科委关于概念验证中心的答复')
  assert.equal(turn.intent, 'question')
  assert.equal(turn.reply.passages[0].docId, SEED_ID)
  assert.match(turn.reply.passages[0].text, /概念验证/)
})

for (const message of ['明天上海天气怎么样', '给我唱首歌吧', '浦东新区的停车场怎么收费', '2025年高考分数线']) {
  test(`an out-of-corpus question (“${message}”) gets the honest not-found reply`, async () => {
    const [turn] = await conversation(message)
    assert.equal(turn.reply.answered, false)
    assert.equal(turn.intent, 'notFound')
    assert.match(turn.reply.text, /没有找到/)
    assert.match(turn.reply.text, /12345/)
    assert.equal(turn.reply.passages.length, 0)
  })
}

test('a question about a district no reply mentions says which place is not covered', async () => {
  const [turn] = await conversation('徐汇区的小区装电梯政府给钱吗')
  assert.equal(turn.reply.answered, false)
  assert.match(turn.reply.text, /没有找到涉及徐汇区?的内容/)
})

test('over the whole question set, every reply stays within one WeChat message and quotes verbatim', async () => {
  for (const { question } of loadQuestions()) {
    const [turn] = await conversation(question)
    assert.ok(turn.reply.text.length <= 1500, `${question}: ${turn.reply.text.length} characters`)
    for (const passage of turn.reply.passages) assert.ok(kb.getDocument(passage.docId)!.text.includes(passage.text), question)
  }
})

test("asked in a reply's own title words, the answer quotes the reply's body, never the opening that restates the proposal", async () => {
  let answered = 0
  for (const doc of kb.documents.filter((d) => d.title)) {
    const [turn] = await conversation(doc.title!)
    if (!turn.reply.answered) continue
    answered++
    for (const passage of turn.reply.passages) assert.doesNotMatch(passage.text, /收悉/, `${doc.title}: ${passage.text.slice(0, 60)}`)
  }
  assert.ok(answered >= kb.documents.length / 2, `only ${answered} titles answered`)
})

test('empty, blank and emoji-only messages get a prompt with an example', async () => {
  for (const message of ['', '   ', '😀😀👍', '\n\t']) {
    const [turn] = await conversation(message)
    assert.equal(turn.intent, 'empty')
    assert.match(turn.reply.text, /例如/)
  }
})

test('help, greeting and “更多” without a previous answer each get a useful line; every example in the help is answered', async () => {
  const [help] = await conversation('帮助')
  const examples = help.reply.text.split('\n').filter((line) => line.startsWith('· ')).map((line) => line.slice(2))
  assert.ok(examples.length >= 3, help.reply.text)
  for (const example of examples) {
    const [turn] = await conversation(example)
    assert.equal(turn.reply.answered, true, `${example}: ${turn.reply.text}`)
  }
  // Asked what the bot is, it says what it can do, not "which matter do you mean".
  const [who] = await conversation('你是谁')
  assert.equal(who.reply.text, help.reply.text)
  const [hello] = await conversation('你好')
  assert.match(hello.reply.text, /试试问/)
  const [more] = await conversation('更多')
  assert.match(more.reply.text, /请先提一个问题/)
})

test('a 5 000-character paste is answered from its beginning, and the reply says so', async () => {
  // Someone pastes a whole reply after the question.
  const paste = '网办率是多少？' + kb.getDocument(SEED_ID)!.text.repeat(3)
  assert.ok(paste.length >= 5000)
  const [turn] = await conversation(paste)
  assert.match(turn.reply.text, /^（您的消息较长，我只根据开头部分作答。）/)
  assert.equal(turn.reply.answered, true)
})

test('traditional characters, full-width digits and mixed English are understood like plain input', async () => {
  const [simplified] = await conversation('长宁区有什么创业扶持')
  const [traditional] = await conversation('長寧區有什麼創業扶持')
  // Both must be answers: two refusals would compare equal too.
  assert.equal(simplified.reply.answered, true, simplified.reply.text)
  assert.equal(traditional.reply.answered, true, traditional.reply.text)
  assert.equal(traditional.reply.passages[0].docId, simplified.reply.passages[0].docId)
  assert.equal(traditional.reply.passages[0].text, simplified.reply.passages[0].text)
  const [fullWidth] = await conversation('０８４号提案')
  assert.deepEqual(fullWidth.docIds, [SEED_ID])
  const [mixed] = await conversation('长宁 AIGC 和元宇宙 policy 有哪些？')
  assert.equal(mixed.reply.answered, true)
  assert.match(mixed.reply.passages.map((p) => p.text).join(''), /元宇宙/)
})

test('the engine never throws: a broken knowledge base gets an apology', async () => {
  const failures: unknown[] = []
  const broken = createAnswerEngine(
    () => {
      throw new Error('index unreadable')
    },
    { onError: (error) => failures.push(error) },
  )
  const turn = await broken.respond('网办率是多少？')
  assert.equal(turn.reply.answered, false)
  assert.equal(turn.intent, 'error')
  assert.match(turn.reply.text, /抱歉/)
  assert.match(String(failures[0]), /index unreadable/, 'the failure is reported for the logs')
})
