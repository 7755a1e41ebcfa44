import assert from 'node:assert/strict'
import { test } from 'node:test'
import { stdinMessage } from '../bot/cli/stdin-message.js'

test('a JSON line carrying a question is asked as that question, its fields kept for the reply', () => {
  assert.deepEqual(stdinMessage('{"id": 7, "question": "公园里有没有给孩子玩的"}'), { message: '公园里有没有给孩子玩的', echo: { id: 7, question: '公园里有没有给孩子玩的' } })
  assert.equal(stdinMessage('{"q": "更多"}').message, '更多')
  assert.equal(stdinMessage('  {"message": "第二部分"}').message, '第二部分')
})

test('a plain line, or JSON that carries no question, is the message as typed', () => {
  for (const line of ['公园里有没有给孩子玩的', '{不是JSON}', '{"id": 7}', '{"question": 7}', '["question"]', '']) assert.deepEqual(stdinMessage(line), { message: line, echo: {} })
})
