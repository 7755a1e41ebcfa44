/**
 * The child process of `npm run bench` for what a fresh process costs. It imports only the knowledge
 * base, as `npm run ingest` and the bot's ingest child do, so the figures are theirs, not the bench's.
 *  --open INDEX: open model, index and jieba, search once, print the times
 *  --ingest CORPUS --embed OPTIONS: ingest into an empty index with these EmbedOptions (JSON), print counts and times
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { KnowledgeBase, ingest } from '../../index/index.js'
import type { EmbedOptions } from '../../index/embed.js'

const { values } = parseArgs({ options: { open: { type: 'string' }, ingest: { type: 'string' }, embed: { type: 'string' } } })
const round = (x: number) => Math.round(x * 100) / 100

/** CPU seconds of this process's ended children (the embedding workers): /proc's cutime + cstime, in 1/100 s on Linux; 0 elsewhere. */
function childrenCpuSeconds(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')
    return (Number(fields[13]) + Number(fields[14])) / 100
  } catch {
    return 0
  }
}

if (values.open) {
  const started = performance.now()
  const kb = await KnowledgeBase.open(values.open)
  await kb.search('网办率')
  console.log(JSON.stringify({ openMs: round(performance.now() - started), processMs: round(process.uptime() * 1000), rssMb: Math.round(process.resourceUsage().maxRSS / 1024) }))
} else if (values.ingest) {
  const indexDir = mkdtempSync(path.join(tmpdir(), 'dafu-bench-'))
  try {
    const summary = await ingest({ corpusDir: values.ingest, indexDir, embedding: JSON.parse(values.embed!) as EmbedOptions })
    const { user, system } = process.cpuUsage()
    console.log(JSON.stringify({ documents: summary.documents, chunks: summary.chunks, embedSeconds: summary.embedSeconds, embedWay: summary.embedWay, processSeconds: round(process.uptime()), cpuSeconds: round((user + system) / 1e6 + childrenCpuSeconds()) }))
  } finally {
    rmSync(indexDir, { recursive: true, force: true })
  }
}
