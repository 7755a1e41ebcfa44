import assert from 'node:assert/strict'
import { test } from 'node:test'
import { SessionStore } from '../bot/conversation/sessions.js'

test('a conversation is remembered while active and forgotten after the idle time', () => {
  const sessions = new SessionStore<string>(10, 1_000)
  sessions.set('alice', 'state 1', 0)
  assert.equal(sessions.get('alice', 1_000), 'state 1')
  sessions.set('alice', 'state 2', 1_000)
  assert.equal(sessions.get('alice', 2_000), 'state 2')
  assert.equal(sessions.get('alice', 2_001), undefined)
})

test('at most max conversations are kept, the least recently used dropped first', () => {
  const sessions = new SessionStore<number>(2, 60_000)
  sessions.set('a', 1, 0)
  sessions.set('b', 2, 1)
  sessions.set('a', 3, 2)
  sessions.set('c', 4, 3)
  assert.equal(sessions.size, 2)
  assert.equal(sessions.get('b', 4), undefined)
  assert.equal(sessions.get('a', 4), 3)
  assert.equal(sessions.get('c', 4), 4)
})

test('expired conversations do not hold memory once others are written', () => {
  const sessions = new SessionStore<number>(100, 1_000)
  for (let i = 0; i < 50; i++) sessions.set(`user${i}`, i, 0)
  sessions.set('late', 1, 5_000)
  assert.equal(sessions.size, 1)
})
