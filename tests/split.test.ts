import assert from 'node:assert/strict'
import { test } from 'node:test'
import { splitMessage } from '../bot/conversation/split.js'

const paragraph = (label: string, length: number) => `${label}${'字'.repeat(length - label.length - 1)}。`

test('a reply under the limit is one message, unchanged', () => {
  const text = '【来源】某答复\n联系人：王某'
  assert.deepEqual(splitMessage(text, 100), [text])
})

test('long replies are cut between paragraphs, every part under the limit, nothing lost', () => {
  const paragraphs = ['甲', '乙', '丙', '丁', '戊'].map((label) => paragraph(label, 40))
  const parts = splitMessage(paragraphs.join('\n\n'), 100)
  assert.deepEqual(parts, [`${paragraphs[0]}\n\n${paragraphs[1]}`, `${paragraphs[2]}\n\n${paragraphs[3]}`, paragraphs[4]])
})

test('a paragraph longer than the limit is cut after a sentence, never inside one when sentences fit', () => {
  const sentences = Array.from({ length: 6 }, (_, i) => `第${i}句${'话'.repeat(20)}。`)
  const parts = splitMessage(sentences.join(''), 60)
  assert.ok(parts.every((part) => part.length <= 60 && part.endsWith('。')))
  assert.equal(parts.join(''), sentences.join(''))
})

test('text without any break is cut hard at the limit, without splitting an emoji', () => {
  const text = '😀'.repeat(25)
  const parts = splitMessage(text, 10)
  assert.deepEqual(parts.map((part) => [...part].length), [10, 10, 5])
  assert.equal(parts.join(''), text)
})

test('measured in UTF-8 bytes, as the Official Account and WeCom limits are, every part fits and nothing is lost', () => {
  const sentences = Array.from({ length: 80 }, (_, i) => `第${i}条答复内容说明办理情况。`)
  const text = sentences.join('')
  const parts = splitMessage(text, 2048, 'bytes')
  assert.ok(parts.length > 1, 'a text over 2048 bytes is cut')
  assert.ok(parts.every((part) => Buffer.byteLength(part) <= 2048 && part.endsWith('。')))
  assert.equal(parts.join(''), text)
  const hard = splitMessage('字'.repeat(1000), 2048, 'bytes')
  assert.deepEqual(hard.map((part) => Buffer.byteLength(part)), [2046, 954], 'a three-byte character is never cut in half')
})
