/** Small corpora with more than one build, for the tests of an index that checks itself. */
import assert from 'node:assert/strict'
import { appendFileSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DEFAULT_CORPUS_DIR, currentPointer, ingest } from '../../index/index.js'

export const FILES = ['017_jiading_kewei_rd7-6-043_huiban.txt', '025_jingan_rd15-1-0124_huiban_gongjiaohouchting.txt', 'changning-cppcc-15-3-084-reply.txt']
export const LATER = '\n今年还将新增社区长者食堂三家，方便老年人就近用餐。\n'

/** Where a test's corpus and index go, in a fresh temporary folder (both not made yet). */
function freshPaths(): { corpusDir: string; indexDir: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'dafu-verify-'))
  return { corpusDir: path.join(root, 'corpus'), indexDir: path.join(root, 'index') }
}

export function smallCorpus(): { corpusDir: string; indexDir: string } {
  const paths = freshPaths()
  mkdirSync(paths.corpusDir)
  for (const file of FILES) copyFileSync(path.join(DEFAULT_CORPUS_DIR, file), path.join(paths.corpusDir, file))
  return paths
}

/** Two builds: the second (served) knows a sentence the first does not. Built once per test file, then copied. */
export async function twoBuilds() {
  const template = await (builtTemplate ??= buildTemplate())
  const paths = freshPaths()
  cpSync(template.corpusDir, paths.corpusDir, { recursive: true })
  cpSync(template.indexDir, paths.indexDir, { recursive: true })
  const buildFile = (id: string | undefined, file: string) => path.join(paths.indexDir, 'builds', id!, file)
  return { ...paths, first: template.first, second: template.second, buildFile }
}

let builtTemplate: ReturnType<typeof buildTemplate> | undefined

async function buildTemplate() {
  const paths = smallCorpus()
  const first = await ingest(paths)
  appendFileSync(path.join(paths.corpusDir, FILES[0]), LATER)
  const second = await ingest(paths)
  assert.equal(readFileSync(currentPointer(paths.indexDir), 'utf8').trim(), second.buildId)
  return { ...paths, first, second }
}
