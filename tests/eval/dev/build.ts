/**
 * `npx tsx tests/eval/dev/build.ts`: the development sets of real documents from outside corpus/,
 * assembled into var/dev/<name>/ (corpus/ + questions.jsonl) for `npm run eval -- --set var/dev/<name>`.
 *  - elsewhere: corpus/ beside 20 replies from other provinces (tests/fixtures/other-provinces)
 *  - policy: 8 policy texts of 7 cities (tests/fixtures/policy), as a corpus of their own
 *  - policy-wide: 40 policy texts of 20 cities and provinces (tests/fixtures/policy-wide), 10 more left out
 *  - epidemic: openings of 12 notices of 2020 on the epidemic's economy from 11 places (tests/fixtures/epidemic), 5 more left out
 *  - fresh17: 12 replies from 10 provinces (tests/fixtures/fresh17), as a corpus of their own
 *  - fresh18: 10 replies of one city's units, 西安 (tests/fixtures/fresh18), as a district would deploy the bot
 *  - fresh19: 12 replies from 10 provinces (tests/fixtures/fresh19), as a corpus of their own
 *  - fresh20: 12 policy guides and Q&A pages of 12 places (tests/fixtures/fresh20), 4 more set aside (tests/fixtures/fresh20-aside)
 *  - fresh21: 10 policy Q&A pages and notices of 9 places (tests/fixtures/fresh21), 4 more set aside (tests/fixtures/fresh21-aside)
 *  - fresh22: 12 replies from 11 provinces (tests/fixtures/fresh22), as a corpus of their own
 *  - fresh23: 12 replies from 10 provinces (tests/fixtures/fresh23), as a corpus of their own
 *  - fresh24: 12 policy notices, guides and Q&A pages of 12 places (tests/fixtures/fresh24), 4 more set aside (tests/fixtures/fresh24-aside)
 *  - fresh25: 12 policy Q&A pages and explainers of 12 places (tests/fixtures/fresh25), 4 more set aside (tests/fixtures/fresh25-aside)
 *  - fresh27: 12 service guides and Q&A pages of 12 places (tests/fixtures/fresh27), 4 more set aside (tests/fixtures/fresh27-aside)
 *  - fresh28: 12 replies of one city's districts and counties (tests/fixtures/fresh28: 淄博), as a city would deploy the bot
 *  - fresh29: 12 policy pages of 11 provinces, 4 of them Q&A (tests/fixtures/fresh29), 4 more set aside (tests/fixtures/fresh29-aside)
 *  - fresh30: 4 texts of one county (tests/fixtures/fresh30: 南华), three replies and a notice, a small set
 *  - fresh26: 12 replies of one province's units (tests/fixtures/fresh26: 云南), as a province would deploy the bot
 *  - fresh31: 12 replies from 12 provinces (tests/fixtures/fresh31), as a corpus of their own
 *  - fresh32: 12 policy Q&A pages and hotline answers of 12 places (tests/fixtures/fresh32), 4 more set aside (tests/fixtures/fresh32-aside)
 *  - fresh33: 10 replies of one city's units (tests/fixtures/fresh33: 鞍山), as a city would deploy the bot
 *  - fresh34: 12 replies from 12 provinces (tests/fixtures/fresh34), as a corpus of their own
 *  - fresh35: 12 policy Q&A pages and answers to letters of 12 places (tests/fixtures/fresh35), 4 more set aside (tests/fixtures/fresh35-aside)
 *  - fresh36: 10 replies of one city's districts (tests/fixtures/fresh36: 盘锦's 双台子, 大洼, 兴隆台), as a district would deploy the bot
 *  - fresh37: 12 policy texts and write-ups of one city (tests/fixtures/fresh37: 无锡), 4 more set aside (tests/fixtures/fresh37-aside), as a city would load its policies
 * See README.md here for where the documents and questions come from.
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_CORPUS_DIR, STATE_DIR } from '../../../index/index.js'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const FIXTURES = path.join(HERE, '..', '..', 'fixtures')
const SETS: Record<string, string[]> = {
  elsewhere: [DEFAULT_CORPUS_DIR, path.join(FIXTURES, 'other-provinces')],
  policy: [path.join(FIXTURES, 'policy')],
  'policy-wide': [path.join(FIXTURES, 'policy-wide')],
  epidemic: [path.join(FIXTURES, 'epidemic')],
  fresh17: [path.join(FIXTURES, 'fresh17')],
  fresh18: [path.join(FIXTURES, 'fresh18')],
  fresh19: [path.join(FIXTURES, 'fresh19')],
  fresh20: [path.join(FIXTURES, 'fresh20')],
  fresh21: [path.join(FIXTURES, 'fresh21')],
  fresh22: [path.join(FIXTURES, 'fresh22')],
  fresh23: [path.join(FIXTURES, 'fresh23')],
  fresh24: [path.join(FIXTURES, 'fresh24')],
  fresh25: [path.join(FIXTURES, 'fresh25')],
  fresh26: [path.join(FIXTURES, 'fresh26')],
  fresh27: [path.join(FIXTURES, 'fresh27')],
  fresh28: [path.join(FIXTURES, 'fresh28')],
  fresh29: [path.join(FIXTURES, 'fresh29')],
  fresh30: [path.join(FIXTURES, 'fresh30')],
  fresh31: [path.join(FIXTURES, 'fresh31')],
  fresh32: [path.join(FIXTURES, 'fresh32')],
  fresh33: [path.join(FIXTURES, 'fresh33')],
  fresh34: [path.join(FIXTURES, 'fresh34')],
  fresh35: [path.join(FIXTURES, 'fresh35')],
  fresh36: [path.join(FIXTURES, 'fresh36')],
  fresh37: [path.join(FIXTURES, 'fresh37')],
}

for (const [name, folders] of Object.entries(SETS)) {
  const out = path.join(STATE_DIR, 'dev', name)
  rmSync(out, { recursive: true, force: true })
  mkdirSync(path.join(out, 'corpus'), { recursive: true })
  for (const folder of folders) for (const file of readdirSync(folder)) copyFileSync(path.join(folder, file), path.join(out, 'corpus', file))
  copyFileSync(path.join(HERE, `${name}.jsonl`), path.join(out, 'questions.jsonl'))
  console.log(`${name}: ${readdirSync(path.join(out, 'corpus')).length} documents → ${path.relative(process.cwd(), out)}`)
}
