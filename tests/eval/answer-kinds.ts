/**
 * `npx tsx tests/eval/answer-kinds.ts`: whether the answer kinds (bot/answer/refusal.ts) would refuse an answerable
 * question even with its right passage found. For every answerable question of ours and of every set under var/ that
 * asks for a kind (a time, a sum, a count, a frequency …), the passages holding its labelled evidence are checked for
 * what the kind needs; those that lack it are listed. Run `npm run eval` on a set first: its index is read, not built.
 * A kind whose rule lists an answerable question here costs that answer wherever the question is asked.
 */
import { existsSync } from 'node:fs'
import { KnowledgeBase } from '../../index/index.js'
import { evidence } from '../../bot/answer/refusal.js'
import { evalIndexDir } from './corpus-index.js'
import { devSets, externalSets, loadEvalSet, relevantChunks } from './dataset.js'

let asked = 0
const lacking: string[] = []
for (const set of [loadEvalSet(), ...[...externalSets(), ...devSets()].map(loadEvalSet)]) {
  const indexDir = evalIndexDir(set.name)
  if (!existsSync(indexDir)) {
    console.log(`${set.name || 'ours'}: no index at ${indexDir} (npm run eval -- --set … builds it)`)
    continue
  }
  const kb = await KnowledgeBase.open(indexDir)
  for (const q of set.questions.filter((q) => q.kind === 'answerable' && q.evidence)) {
    const hits = [...relevantChunks(kb, q)].map((id) => kb.getChunk(id)!).map((chunk) => ({ chunk, doc: kb.getDocument(chunk.docId)!, fused: 0 }))
    const { holdsKind } = evidence(hits, q.question, () => 1)
    if (holdsKind === undefined) continue
    asked++
    if (!holdsKind) lacking.push(`${set.name || 'ours'} ${q.id}: ${q.question}`)
  }
}
console.log(`${asked} answerable questions ask for a kind; the passages of ${lacking.length} lack it:`)
for (const line of lacking) console.log(`  ${line}`)
