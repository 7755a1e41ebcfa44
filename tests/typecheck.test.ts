/**
 * The whole project type-checks (tsx runs TypeScript without checking it). Run as a test so that it
 * shares the cores with the others; incremental, so an unchanged tree is checked in a few seconds.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { test } from 'node:test'
import { PROJECT_ROOT } from '../index/paths.js'

test('tsc finds no type errors', { timeout: 300_000 }, async () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  const child = spawn(process.execPath, [tsc, '--noEmit', '--pretty', 'false'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const [code] = await once(child, 'exit')
  assert.equal(code, 0, output)
})
