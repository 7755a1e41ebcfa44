/** A staff member's messy corpus folder: two replies at the top, one in a subfolder, and the usual accidents around them. */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DEFAULT_CORPUS_DIR } from '../../index/index.js'

export const SMALL = ['017_jiading_kewei_rd7-6-043_huiban.txt', '025_jingan_rd15-1-0124_huiban_gongjiaohouchting.txt']
export const NESTED = '018_zhengzhou_shangjie_chengguanju_tian.txt'

export function messyCorpus(): { corpusDir: string; indexDir: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'dafu-hygiene-'))
  const corpusDir = path.join(root, 'corpus')
  mkdirSync(path.join(corpusDir, '2020', 'zhengzhou'), { recursive: true })
  for (const file of SMALL) copyFileSync(path.join(DEFAULT_CORPUS_DIR, file), path.join(corpusDir, file))
  copyFileSync(path.join(DEFAULT_CORPUS_DIR, NESTED), path.join(corpusDir, '2020', 'zhengzhou', NESTED))
  symlinkSync('loop-b.txt', path.join(corpusDir, 'loop-a.txt'))
  symlinkSync('loop-a.txt', path.join(corpusDir, 'loop-b.txt'))
  symlinkSync('moved-away.txt', path.join(corpusDir, 'dangling.txt'))
  symlinkSync('..', path.join(corpusDir, '2020', 'back-up'))
  const fifo = spawnSync('mkfifo', [path.join(corpusDir, 'pipe.txt')])
  assert.equal(fifo.status, 0, 'mkfifo is available')
  return { corpusDir, indexDir: path.join(root, 'index') }
}
