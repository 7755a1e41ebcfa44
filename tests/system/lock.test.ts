import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { IngestLocked, PROJECT_ROOT } from '../../index/index.js'
import { acquireLock } from '../../index/store.js'

const LOCK = 'ingest.lock'
const freshDir = () => mkdtempSync(path.join(tmpdir(), 'dafu-lock-'))

/** Another process taking the lock of `dir`; resolves with what it printed first. */
async function otherProcess(dir: string): Promise<{ child: ChildProcess; said: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/hold-lock.ts', dir], { cwd: PROJECT_ROOT, stdio: ['pipe', 'pipe', 'inherit'] })
  const [data] = (await once(child.stdout!, 'data')) as [Buffer]
  return { child, said: data.toString().trim() }
}

test('a lock held by a live process refuses a second ingest; once that process is killed, its lock is taken over', async () => {
  const dir = freshDir()
  const { child, said } = await otherProcess(dir)
  assert.equal(said, `acquired ${child.pid}`)
  assert.equal(readFileSync(path.join(dir, LOCK), 'utf8'), `${child.pid}\n`)
  assert.throws(() => acquireLock(dir), (error: Error) => error instanceof IngestLocked && error.message.includes(`pid ${child.pid}`))

  child.kill('SIGKILL')
  await once(child, 'exit')
  const release = acquireLock(dir)
  assert.equal(readFileSync(path.join(dir, LOCK), 'utf8'), `${process.pid}\n`)
  release()
})

test('a lock released by its process is free again; one this process holds is not taken twice', async () => {
  const dir = freshDir()
  const { child } = await otherProcess(dir)
  child.stdin!.end()
  await once(child, 'exit')
  const release = acquireLock(dir)
  assert.throws(() => acquireLock(dir), IngestLocked)
  release()
  acquireLock(dir)()
})

test('an empty or half-written lock is one being created: not stale, unless it stayed so too long', () => {
  const dir = freshDir()
  const lock = path.join(dir, LOCK)
  for (const content of ['', '4242']) {
    writeFileSync(lock, content)
    assert.throws(() => acquireLock(dir), /another ingest \(starting\)/)
  }
  const minuteAgo = new Date(Date.now() - 60_000)
  utimesSync(lock, minuteAgo, minuteAgo)
  acquireLock(dir)()
})

test('processes racing for a stale lock: exactly one gets it', async () => {
  const dir = freshDir()
  // A pid that no longer runs: a process that has exited.
  const gone = spawn(process.execPath, ['-e', ''])
  await once(gone, 'exit')
  writeFileSync(path.join(dir, LOCK), `${gone.pid}\n`)
  const racers = await Promise.all([1, 2, 3].map(() => otherProcess(dir)))
  const said = racers.map((racer) => racer.said)
  assert.equal(said.filter((line) => line.startsWith('acquired')).length, 1, said.join(' / '))
  assert.equal(said.filter((line) => line === 'locked').length, 2, said.join(' / '))
  for (const { child } of racers) child.stdin!.end()
  await Promise.all(racers.map(({ child }) => (child.exitCode === null ? once(child, 'exit') : undefined)))
})
