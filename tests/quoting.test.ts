/**
 * Which of the best passages an answer quotes, given each one's own evidence: the choice that keeps a
 * neighbouring reply out and the next article of the answering text in.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { excerpt } from '../bot/answer/compose.js'
import { quoted } from '../bot/answer/engine.js'
import { framingClausesLast, holdingKindFirst, type Calibration } from '../bot/answer/refusal.js'
import type { PassageCandidate } from '../bot/answer/types.js'

const calibration: Calibration = { semanticAlone: 0.7, coverageWeight: 0.3, threshold: 0.8 }
const candidate = (docId: string, dense: number, close = true): PassageCandidate => ({ docId, evidence: { dense, coverage: 0 }, close })

test('beside a passage that answers, a close passage of the same text is quoted after it, a close one of another text is not', () => {
  // The first passage falls short on its own, the second answers; the third is another reply's.
  const candidates = [candidate('regulation', 0.66), candidate('regulation', 0.75), candidate('other-reply', 0.68)]
  assert.deepEqual(quoted(candidates, calibration), [1, 0])
})

test('a passage of the answering text that is not close to the best is left out', () => {
  assert.deepEqual(quoted([candidate('regulation', 0.75), candidate('regulation', 0.5, false)], calibration), [0])
})

test('with no passage answering on its own, the first and those of its text close to it are quoted together, never another text\'s', () => {
  assert.deepEqual(quoted([candidate('a', 0.66), candidate('a', 0.65), candidate('c', 0.4, false)], calibration), [0, 1])
  assert.deepEqual(quoted([candidate('a', 0.66), candidate('b', 0.65), candidate('a', 0.64)], calibration), [0, 2])
})

const BUS_REPLY = [
  '市公交集团已对市区至工业园的客流进行调查，工业园现有职工约三千人，早晚通勤需求集中，目前职工主要依靠企业班车和私家车出行。',
  '经研究，市公交集团计划于今年三季度开通市区至工业园的直达公交线路，高峰时段每15分钟发一班车，票价按现行城市公交票价执行。',
  '线路开通后将根据客流变化适时调整发车间隔，在节假日和企业倒班时段增开加班车，并在手机应用中公布实时到站信息。',
  '感谢您对我市公交事业发展的关心与关注！',
  '特此回复。',
].join('\n')

test('a reply\'s closing courtesies (感谢您对我市公交事业发展的关心与关注！特此回复。) are never what a passage is cut around, and alone come last', () => {
  const chunk = { id: 'bus#1', docId: 'bus', text: BUS_REPLY, section: [] } as unknown as Parameters<typeof excerpt>[0]
  // The question shares its words with the courtesy only: the passage is shown from what it says.
  const shown = excerpt(chunk, ['公交', '事业', '发展'])
  assert.equal(shown.clippedStart, false, shown.text)
  assert.match(shown.text, /^市公交集团已对/)
  const closing = ['感谢您对城市管理工作的关注和关心，同时真诚希望您继续对我们的工作提出宝贵意见和建议。', '此复函已经我局局长审签。对以上答复您有什么意见，请及时反馈给我们，以便进一步改进我们的工作。'].join('\n')
  const hits = [closing, '小区门前绿地为公园绿地，不能改建停车场。'].map((text, i) => ({ chunk: { id: String(i), text } })) as unknown as Parameters<typeof framingClausesLast>[0]
  assert.deepEqual(framingClausesLast(hits, '小区停车位能增加吗').map((hit) => hit.chunk.id), ['1', '0'])
})

test('a preamble that says why the measures are made (为…，特制定如下措施：) comes after the measures, unless why is asked', () => {
  const preamble = '为认真贯彻落实疫情防控工作部署，支持受疫情影响的困难中小企业共渡难关，特制定如下措施：'
  const hits = [preamble, '一、减免房租。对承租国有经营用房的中小企业，免收2、3月份房租。'].map((text, i) => ({ chunk: { id: String(i), text } })) as unknown as Parameters<typeof framingClausesLast>[0]
  assert.deepEqual(framingClausesLast(hits, '受疫情影响的中小企业有什么支持').map((hit) => hit.chunk.id), ['1', '0'])
  assert.deepEqual(framingClausesLast(hits, '为什么出台这些措施').map((hit) => hit.chunk.id), ['0', '1'])
})

test('a year asked that the reply on the topic never names leaves no answer in another reply naming that year for something else', () => {
  const estates = (more: string) => ({ id: 'estates', date: '2023-06-02', text: `今年完成了两个老旧小区的改造。${more}` })
  const play = { id: 'play', date: '2023-08-30', text: '结合小区改造增设儿童游乐设施，拟于2025年纳入城建计划实施。' }
  const hitsOf = (first: { id: string; date: string; text: string }) =>
    [first, play].map((doc, i) => ({ doc, chunk: { id: String(i), docId: doc.id, section: [], text: doc.text } })) as unknown as Parameters<typeof holdingKindFirst>[0]
  const question = '2025年老旧小区改造计划改哪几个小区'
  assert.equal(holdingKindFirst(hitsOf(estates('下一步将继续推进。')), question).bestReplyLacks, true)
  assert.equal(holdingKindFirst(hitsOf(estates('2025年计划改造滨河小区。')), question).bestReplyLacks, false)
  assert.equal(holdingKindFirst(hitsOf(estates('下一步将继续推进。')), '老旧小区改造计划改哪几个小区').bestReplyLacks, false)
})

