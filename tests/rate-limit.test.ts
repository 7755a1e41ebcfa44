import assert from 'node:assert/strict'
import { test } from 'node:test'
import { RateLimiter } from '../bot/conversation/rate-limit.js'

test('the limit is allowed, the next message gets one notice, the ones after it nothing', () => {
  const limiter = new RateLimiter(3, 60_000)
  const decisions = [0, 1, 2, 3, 4, 5].map((i) => limiter.take('alice', 1_000 + i))
  assert.deepEqual(decisions, ['allow', 'allow', 'allow', 'notice', 'drop', 'drop'])
})

test('users are limited separately', () => {
  const limiter = new RateLimiter(1, 60_000)
  assert.equal(limiter.take('alice', 0), 'allow')
  assert.equal(limiter.take('bob', 0), 'allow')
  assert.equal(limiter.take('alice', 1), 'notice')
})

test('the window slides: a slot frees when the oldest message is a window old, and a new flood gets a new notice', () => {
  const limiter = new RateLimiter(2, 60_000)
  limiter.take('alice', 0)
  limiter.take('alice', 30_000)
  assert.equal(limiter.take('alice', 59_999), 'notice')
  assert.equal(limiter.take('alice', 60_000), 'allow')
  assert.equal(limiter.take('alice', 60_001), 'notice')
  assert.equal(limiter.take('alice', 60_002), 'drop')
})

test('users quiet for a whole window are forgotten', () => {
  const limiter = new RateLimiter(5, 60_000)
  for (let i = 0; i < 100; i++) limiter.take(`user${i}`, 0)
  limiter.take('late', 120_000)
  assert.equal(limiter.size, 1)
})
