/** Send pacing: what recipients would notice — order, no bursts, no flooding, no late answers. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { SendPacer, type PacingOptions } from '../bot/conversation/pacing.js'

const pacer = (options: Partial<PacingOptions> = {}) => new SendPacer({ ratePerSecond: 1000, recipientIntervalMs: 0, maxQueued: 100, maxAgeMs: 60_000, ...options })
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

test('each recipient gets their messages in order and one at a time, while other recipients are served meanwhile', async () => {
  const sends = pacer()
  const log: string[] = []
  const inFlight = new Map<string, number>()
  let overlapping = false
  const deliver = (to: string, text: string, ms: number) => async () => {
    inFlight.set(to, (inFlight.get(to) ?? 0) + 1)
    if (inFlight.get(to)! > 1) overlapping = true
    log.push(`start ${to}${text}`)
    await delay(ms)
    log.push(`done ${to}${text}`)
    inFlight.set(to, inFlight.get(to)! - 1)
  }
  const now = Date.now()
  // Alice's sends are slow by far more than a loaded machine stalls the event loop (a 30 ms send once let
  // a stall put bob's 1 ms send after it), so the order below says what the pacer did.
  const outcomes = await Promise.all([
    ...['1', '2', '3'].map((text) => sends.send('alice', now, deliver('alice', text, 250))),
    sends.send('bob', now, deliver('bob', '1', 1)),
  ])
  assert.deepEqual(outcomes, ['sent', 'sent', 'sent', 'sent'])
  assert.equal(overlapping, false, 'never two sends to one recipient at once')
  const alice = log.filter((line) => line.startsWith('done alice')).map((line) => line.at(-1))
  assert.deepEqual(alice, ['1', '2', '3'])
  assert.ok(log.indexOf('done bob1') < log.indexOf('done alice1'), 'bob did not wait for alice’s slow send')
  assert.deepEqual(sends.stats(), { sent: 4, failed: 0, stale: 0, overflow: 0, queued: 0 })
})

test('the global rate cap holds back sends to other recipients, and recipients take turns', async () => {
  const slow = pacer({ ratePerSecond: 1 })
  const started: string[] = []
  const now = Date.now()
  const all = ['a', 'b', 'c'].map((to) => slow.send(to, now, async () => void started.push(to)))
  await delay(50)
  assert.deepEqual(started, ['a'], 'one send per second: b and c wait')
  await slow.flush()
  assert.deepEqual(await Promise.all(all), ['sent', 'sent', 'sent'])

  const fair = pacer({ ratePerSecond: 200 })
  const order: string[] = []
  const sends = [1, 2, 3, 4, 5].map((i) => fair.send('long', now, async () => void order.push(`long${i}`)))
  sends.push(fair.send('short', now, async () => void order.push('short')))
  await Promise.all(sends)
  assert.ok(order.indexOf('short') <= 2, `a five-part answer does not hold back another person: ${order.join(' ')}`)
})

test('a reply whose message is older than the limit is dropped and counted, never sent late', async () => {
  const sends = pacer({ maxAgeMs: 100 })
  const sent: string[] = []
  assert.equal(await sends.send('carol', Date.now() - 5_000, async () => void sent.push('old')), 'stale')
  // A fresh message behind a slow send becomes stale while it waits its turn.
  const slowFirst = sends.send('dave', Date.now(), async () => {
    await delay(300)
    sent.push('first')
  })
  const waiting = sends.send('dave', Date.now(), async () => void sent.push('second'))
  assert.deepEqual(await Promise.all([slowFirst, waiting]), ['sent', 'stale'])
  assert.equal(await sends.send('dave', Date.now(), async () => void sent.push('new')), 'sent')
  assert.deepEqual(sent, ['first', 'new'])
  assert.equal(sends.stats().stale, 2)
})

test('the queue is bounded: beyond it a reply is refused at once and counted', async () => {
  const sends = pacer({ ratePerSecond: 1, maxQueued: 2 })
  const now = Date.now()
  const outcomes = [sends.send('a', now, async () => {}), sends.send('b', now, async () => {}), sends.send('c', now, async () => {}), sends.send('d', now, async () => {})]
  // 'a' started at once; 'b' and 'c' fill the queue; 'd' does not fit.
  assert.equal(await outcomes[3], 'overflow')
  assert.equal(sends.stats().overflow, 1)
  assert.equal(sends.stats().queued, 2)
  await sends.flush()
  assert.deepEqual(await Promise.all(outcomes.slice(0, 3)), ['sent', 'sent', 'sent'])
})

test('a failed send rejects its own promise and the recipient’s next message still goes', async () => {
  const sends = pacer()
  const sent: string[] = []
  const failing = sends.send('erin', Date.now(), async () => {
    throw new Error('network')
  })
  const next = sends.send('erin', Date.now(), async () => void sent.push('after'))
  await assert.rejects(failing, /network/)
  assert.equal(await next, 'sent')
  assert.deepEqual(sent, ['after'])
  assert.equal(sends.stats().failed, 1)
})

test('flush waits until everything queued so far is sent', async () => {
  const sends = pacer({ recipientIntervalMs: 20 })
  const sent: string[] = []
  for (const text of ['a', 'b', 'c']) void sends.send('frank', Date.now(), async () => void sent.push(text))
  await sends.flush()
  assert.deepEqual(sent, ['a', 'b', 'c'])
  assert.equal(sends.stats().queued, 0)
})
