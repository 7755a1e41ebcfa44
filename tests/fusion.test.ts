/**
 * How far the keyword ranks are trusted: a question whose words the passages share only in a place name
 * is answered by meaning, while a question whose rare words a passage holds is still found by them.
 */
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { before, test } from 'node:test'
import { KnowledgeBase, ingest } from '../index/index.js'

const PLACE_ONLY = [
  '临江区绿化市容工作情况',
  '临江区今年新建口袋公园五座，临江区滨江步道全线贯通。',
  '临江区道路保洁实行网格化管理，临江区主干道每日清扫两次。',
  '临江区垃圾分类达标小区持续增加，临江区设立志愿者督导岗。',
].join('\n')
const ANSWER = ['政务服务情况', '临江区市民通过手机和电脑足不出户就能办好的事项，已经占到全部审批事项的九成。'].join('\n')

let kb: KnowledgeBase
before(async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'dafu-fusion-'))
  const corpusDir = path.join(root, 'corpus')
  mkdirSync(corpusDir)
  writeFileSync(path.join(corpusDir, 'greening.txt'), PLACE_ONLY)
  writeFileSync(path.join(corpusDir, 'services.txt'), ANSWER)
  await ingest({ corpusDir, indexDir: path.join(root, 'index') })
  kb = await KnowledgeBase.open(path.join(root, 'index'))
})

test('a question sharing only a place name with some passages is answered by meaning, not by the place', async () => {
  const question = '临江区在网上办成事情的比例有多高'
  const [best] = await kb.search(question)
  assert.match(best.chunk.text, /足不出户/)
  // The same search trusting the keyword ranks in full puts the place-name passages first.
  const [placeFirst] = await kb.withTuning({ keywordFullShare: 0 }).search(question)
  assert.match(placeFirst.chunk.text, /临江区/)
})

test('a question whose rare words a passage holds is still found by them', async () => {
  const [best] = await kb.search('临江区口袋公园建了几座')
  assert.match(best.chunk.text, /口袋公园/)
})
