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

for (const { text: _text, ocr, ...doc } of docs) {
  const chunks = manifest.files[doc.file]?.chunks ?? 0
  if (values.json) {
    // ocr: true marks text recognised from a scan, with how sure the recognition was (0–100).
    const recognition = ocr ? { ocr: ocr.pages > 0, ocrConfidence: ocr.meanConfidence, ocrPages: ocr.pages, ocrLowConfidencePages: ocr.lowConfidencePages } : { ocr: false }
    console.log(JSON.stringify({ ...doc, ...recognition, chunks }))
  } else {
    const number = doc.number ? `第${doc.number}号` : '—'
    const scan = ocr?.pages ? `OCR ${ocr.meanConfidence}%` : undefined
    console.log([number, doc.title ? `《${doc.title}》` : doc.file, doc.unit ?? '—', doc.date ?? '—', `${chunks} chunks`, scan].filter(Boolean).join('  '))
  }
}
if (!values.json) console.log(`${docs.length} documents, ${manifest.chunks} chunks, built ${manifest.builtAt}`)
