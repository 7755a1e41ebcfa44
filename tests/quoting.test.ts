/**
 * Which of the best passages an answer quotes, given each one's own evidence: the choice that keeps a
 * neighbouring reply out and the next article of the answering text in.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { quoted } from '../bot/answer/engine.js'
import type { Calibration } from '../bot/answer/refusal.js'
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
