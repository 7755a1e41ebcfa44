/** `npm run docs -- [--index DIR] [--json]`: what the bot knows, one document per line. */
import { parseArgs } from 'node:util'
import path from 'node:path'
import { DEFAULT_INDEX_DIR } from '../paths.js'
import { readBuild, verifiedServedBuild, type StoredBuild } from '../store.js'

const { values } = parseArgs({ options: { index: { type: 'string', default: DEFAULT_INDEX_DIR }, json: { type: 'boolean', default: false } } })
let build: StoredBuild
try {
  const served = await verifiedServedBuild(path.resolve(values.index!))
  if (served.refused) console.error(`warning: ${served.refused.reason}\nListing the previous good build ${served.manifest.buildId}.`)
  build = readBuild(served)
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
const { docs, manifest } = build

for (const { text: _text, ...doc } of docs) {
  const chunks = manifest.files[doc.file]?.chunks ?? 0
  if (values.json) {
    console.log(JSON.stringify({ ...doc, chunks }))
  } else {
    const number = doc.number ? `第${doc.number}号` : '—'
    console.log([number, doc.title ? `《${doc.title}》` : doc.file, doc.unit ?? '—', doc.date ?? '—', `${chunks} chunks`].join('  '))
  }
}
if (!values.json) console.log(`${docs.length} documents, ${manifest.chunks} chunks, built ${manifest.builtAt}`)
