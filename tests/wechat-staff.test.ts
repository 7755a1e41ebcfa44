/**
 * The WeChat bot for staff: commands from admins only, an index rebuilt or damaged under a running bot,
 * and the question log it writes (tests/support/wechat-world.ts).
 */
import assert from 'node:assert/strict'
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import pino from 'pino'
import { createAnswerEngine } from '../bot/answer/engine.js'
import { LiveKnowledge } from '../bot/live-knowledge.js'
import { hashId, questionLogFiles } from '../bot/conversation/log.js'
import { ADMIN_ONLY, REFRESH_STARTED } from '../bot/conversation/texts.js'
import { currentPointer, ingest } from '../index/index.js'
import { QUESTION, squeeze, until, wechatFixture } from './support/wechat-world.js'

const wx = wechatFixture()
const { corpusDir, indexDir, logDir, contactIds } = wx

test('staff commands are refused to others and work for an admin', async () => {
  const world = await wx.launch()
  const visitor = world.person('访客')
  const servedBefore = wx.live.current.buildId
  visitor.say('#刷新').to(world.self)
  visitor.say('#状态').to(world.self)
  assert.deepEqual(await world.waitForReplies(visitor, 2), [ADMIN_ONLY, ADMIN_ONLY])
  assert.equal(wx.live.current.buildId, servedBefore, 'no refresh ran')
  visitor.say('#我的ID').to(world.self)
  const [, , whoami] = await world.waitForReplies(visitor, 3)
  assert.ok(whoami.includes(visitor.id), 'anyone can learn their own id, to be made an admin')

  world.admin.say('#状态').to(world.self)
  const [status] = await world.waitForReplies(world.admin, 1)
  assert.match(status, new RegExp(`答复库版本：${wx.live.current.buildId}`))
  assert.match(status, new RegExp(`收录答复：${wx.live.current.documents.length} 篇`))
  assert.match(status, /已回答问题：\d+/)

  world.admin.say('#刷新').to(world.self)
  const [, started, summary] = await world.waitForReplies(world.admin, 3)
  assert.equal(started, REFRESH_STARTED)
  assert.match(summary, /答复库已更新/)
  assert.notEqual(wx.live.current.buildId, servedBefore)
  assert.match(summary, new RegExp(`现在使用版本 ${wx.live.current.buildId}`))
})

const PET_QUESTION = '宠物友好公园什么时候建成？'
const PET_REPLY = `对长宁区政协第十五届三次会议
第 999 号提案的答复

办理结果：解决或采纳 签发人：李明

王欣委员：

你提出的《关于建设宠物友好公园的建议》的提案收悉，现将办理情况答复如下：

一、对本提案的办理概述

区绿化市容局认真研究了提案，会同新泾镇、区城管执法局进行了实地踏勘。

二、对提案建议的答复

（一）宠物友好公园选址

我局将在新泾公园东侧开辟约3000平方米的宠物友好公园，设置犬只活动区、饮水点和宠物粪便收集箱，预计2025年6月建成开放。

（二）文明养犬管理

宠物友好公园开放后，将实行犬只牵引、错峰入园等管理规定，并安排志愿者开展文明养犬宣传。

长宁区绿化和市容管理局

2024年 5月 10日

联系人姓名：赵敏 联系电话：52391234

联系地址：天山路 100号 邮政编码：200051
`

test('a rebuilt index is served without a restart: a document added to the corpus answers the next question', async () => {
  const world = await wx.launch()
  const hank = world.person('居民辛')
  hank.say(PET_QUESTION).to(world.self)
  const [before] = await world.waitForReplies(hank, 1)
  assert.doesNotMatch(before, /第999号/)

  writeFileSync(path.join(corpusDir, '999_changning_chongwu_gongyuan.txt'), PET_REPLY)
  const summary = await ingest({ corpusDir, indexDir })
  await until(() => wx.live.current.buildId === summary.buildId, 'the new build to be served', 15_000)

  const ivy = world.person('居民壬')
  ivy.say(PET_QUESTION).to(world.self)
  const [answer] = await world.waitForReplies(ivy, 1)
  assert.match(answer, /第999号/)
  assert.match(answer, /52391234/)
  assert.equal(squeeze(answer), squeeze((await wx.engine.respond(PET_QUESTION)).reply.text))
})

test('a build that fails to open is logged and the served one keeps answering', async () => {
  const lines: string[] = []
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) })
  const watcher = await LiveKnowledge.open(indexDir, { logger, debounceMs: 50 })
  const served = watcher.current.buildId
  const pointer = currentPointer(indexDir)
  mkdirSync(path.join(indexDir, 'builds', 'broken'), { recursive: true })
  writeFileSync(path.join(indexDir, 'builds', 'broken', 'manifest.json'), '{ truncated')
  try {
    writeFileSync(pointer, 'broken\n')
    await watcher.refresh()
    assert.equal(watcher.current.buildId, served)
    assert.ok(lines.some((line) => line.includes('"event":"index-load-failed"') && line.includes('"build":"broken"')))
    const turn = await createAnswerEngine(watcher.get).respond(QUESTION)
    assert.equal(turn.reply.answered, true)
  } finally {
    writeFileSync(pointer, `${served}\n`)
    watcher.close()
  }
})

test('the question log has hashed users, never a WeChat id, and the text of unanswered questions with personal data masked', async () => {
  const world = await wx.launch()
  const jack = world.person('居民癸')
  jack.say(QUESTION).to(world.self)
  await world.waitForReplies(jack, 1)
  jack.say('请问１３８ １２３４ ５６７８火星移民补贴怎么申请？').to(world.self)
  await world.waitForReplies(jack, 2)

  const files = questionLogFiles(logDir)
  assert.ok(files.length >= 1 && files.every((file) => /questions\.\d{4}-\d\d-\d\d\.\d+\.log$/.test(file)), files.join())
  for (const file of files) assert.equal(statSync(file).mode & 0o777, 0o600, `${file} is readable by its owner only`)
  const events = files.flatMap((file) => readFileSync(file, 'utf8').trim().split('\n')).map((line) => JSON.parse(line))
  const text = JSON.stringify(events)
  for (const id of contactIds) assert.ok(!text.includes(id), 'no contact id in the log')
  const jacks = events.filter((event) => event.user === hashId('test salt', jack.id))
  assert.deepEqual(jacks.map((event) => [event.event, event.answered]), [['question', true], ['question', false]])
  assert.equal(jacks[0].question, undefined, 'an answered question keeps no text')
  assert.equal(jacks[1].question, '请问[手机号]火星移民补贴怎么申请?')
})
