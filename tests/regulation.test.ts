/** A regulation (chapters and articles instead of a reply's 一、（一）) as staff would add one beside the replies. */
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { KnowledgeBase, ingest } from '../index/index.js'
import { createAnswerEngine } from '../bot/answer/engine.js'
import { converse } from './support/conversation.js'

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
  const root = mkdtempSync(path.join(tmpdir(), 'dafu-regulation-'))
  const corpusDir = path.join(root, 'corpus')
  const indexDir = path.join(root, 'index')
  mkdirSync(corpusDir)
  writeFileSync(path.join(corpusDir, 'smoking-control.txt'), REGULATION)
  assert.equal((await ingest({ corpusDir, indexDir })).published, true)
  const kb = await KnowledgeBase.open(indexDir)
  const [answer, article, missing] = await converse(createAnswerEngine(() => kb), '在禁烟的地方抽烟不听劝会罚多少钱', '第四条', '第九条')
  assert.equal(answer.reply.answered, true, answer.reply.text)
  assert.match(answer.reply.passages[0].text, /第五条\s个人在禁止吸烟场所吸烟/)
  assert.match(answer.reply.text, /第三章.*第五条/)
  assert.equal(article.intent, 'fullSection', article.reply.text)
  // The article alone, whole: no word of the articles around it.
  assert.match(article.reply.passages[0].text, /^第四条\s禁止吸烟场所的经营者.*监督电话。$/)
  assert.match(missing.reply.text, /没有找到“第九条”/)
})
