import assert from 'node:assert/strict'
import { cpSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { MODEL_DIR, modelProblem } from '../index/model/location.js'

test('the installed model is present and matches its published checksum', async () => {
  assert.equal(await modelProblem(), null)
})

test('a missing or corrupt model is reported in one line that says how to fix it', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dafu-model-'))
  const missing = await modelProblem(path.join(dir, 'nowhere'))
  assert.match(missing!, /^embedding model missing .*run `npm install` again/)
  assert.doesNotMatch(missing!, /\n/)

  cpSync(MODEL_DIR, dir, { recursive: true })
  writeFileSync(path.join(dir, 'onnx', 'model_quantized.onnx'), 'truncated download')
  const corrupt = await modelProblem(dir)
  assert.match(corrupt!, /^embedding model corrupt \(sha256 [0-9a-f]{16}…, expected 15b717c382bcb518…\): run `npm install` again/)
  rmSync(dir, { recursive: true, force: true })
})

test('weights changed after they verified are checked again, not trusted', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dafu-model-'))
  cpSync(MODEL_DIR, dir, { recursive: true })
  const weights = path.join(dir, 'onnx', 'model_quantized.onnx')
  assert.equal(await modelProblem(dir), null)
  // Overwritten in place with as many bytes: the same file, the same size, other contents.
  const size = statSync(weights).size
  writeFileSync(weights, Buffer.alloc(size, 7))
  assert.match((await modelProblem(dir))!, /^embedding model corrupt/)
  rmSync(dir, { recursive: true, force: true })
})
