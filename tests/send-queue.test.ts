import assert from 'node:assert/strict'
import { test } from 'node:test'
import { SendQueue } from '../bot/conversation/send-queue.js'

test('sends one at a time, in order, at least the interval apart', async () => {
  const queue = new SendQueue(40)
  const sent: { text: string; at: number; overlapping: boolean }[] = []
  let busy = false
  const send = (text: string) => async () => {
    const overlapping = busy
    busy = true
    await new Promise((resolve) => setTimeout(resolve, 5))
    busy = false
    sent.push({ text, at: performance.now(), overlapping })
  }
  await Promise.all(['a', 'b', 'c', 'd'].map((text) => queue.push(send(text))))
  assert.deepEqual(sent.map((s) => s.text), ['a', 'b', 'c', 'd'])
  assert.ok(sent.every((s) => !s.overlapping))
  for (let i = 1; i < sent.length; i++) {
    // start of send i is ≥ 40 ms after the end of send i-1, and it then takes ~5 ms
    assert.ok(sent[i].at - sent[i - 1].at >= 40, `gap ${sent[i].at - sent[i - 1].at} ms`)
  }
})

test('a failed send rejects its own promise and the queue goes on', async () => {
  const queue = new SendQueue(0)
  const sent: string[] = []
  const failing = queue.push(async () => {
    throw new Error('network')
  })
  const next = queue.push(async () => {
    sent.push('after')
  })
  await assert.rejects(failing, /network/)
  await next
  assert.deepEqual(sent, ['after'])
})

test('flush waits until everything pushed so far is sent', async () => {
  const queue = new SendQueue(10)
  const sent: string[] = []
  for (const text of ['a', 'b', 'c']) void queue.push(async () => void sent.push(text))
  assert.equal(queue.size, 3)
  await queue.flush()
  assert.deepEqual(sent, ['a', 'b', 'c'])
  assert.equal(queue.size, 0)
})
