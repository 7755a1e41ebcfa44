/** `npm run ingest -- [--corpus DIR] [--index DIR]`: build or refresh the index, with progress and a summary. */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { SingleBar, Presets } from 'cli-progress'
import { DEFAULT_CORPUS_DIR, DEFAULT_INDEX_DIR, ingest, type IngestProgress, type IngestSummary } from '../index.js'

const { values } = parseArgs({
  options: { corpus: { type: 'string', default: DEFAULT_CORPUS_DIR }, index: { type: 'string', default: DEFAULT_INDEX_DIR } },
})
const corpusDir = path.resolve(values.corpus!)
const indexDir = path.resolve(values.index!)

/** A bar per phase on a terminal; in a pipe or a log, one line per phase and per tenth of the embedding. */
function progressReporter(): (progress: IngestProgress) => void {
  return process.stderr.isTTY ? progressBar() : progressLines()
}

function progressBar(): (progress: IngestProgress) => void {
  const bar = new SingleBar({ format: ' {phase} [{bar}] {value}/{total} {file}', stream: process.stderr }, Presets.shades_classic)
  let phase = ''
  return (progress) => {
    if (progress.phase !== phase) {
      if (phase) bar.stop()
      phase = progress.phase
      if ('total' in progress) bar.start(progress.total, 0, { phase: phase.padEnd(5), file: '' })
    }
    if ('done' in progress) bar.update(progress.done, { file: 'file' in progress ? progress.file : '' })
    if (progress.phase === 'write') bar.stop()
  }
}

function progressLines(): (progress: IngestProgress) => void {
  let reported = ''
  return (progress) => {
    const step = 'total' in progress ? Math.floor((10 * progress.done) / Math.max(1, progress.total)) : 0
    // Files and scanned pages are reported one by one; embedding by tenths.
    const key = `${progress.phase}:${progress.phase === 'embed' ? step : progress.phase === 'ocr' ? `${progress.file}:${progress.done}` : 0}`
    if (key === reported) return
    reported = key
    const count = 'total' in progress ? ` ${progress.done}/${progress.total}` : ''
    const page = progress.phase === 'ocr' ? ` pages of ${progress.file}` : ''
    process.stderr.write(`${progress.phase}${count}${page}\n`)
  }
}

function report(summary: IngestSummary): void {
  const lines = [
    ...summary.warnings.map((warning) => `warning: ${warning}`),
    summary.published
      ? `indexed ${summary.documents} documents, ${summary.chunks} chunks (embedded ${summary.embedded}, reused ${summary.reused}) in ${summary.seconds} s`
      : `nothing indexed in ${summary.seconds} s: the previous index, if any, is still served`,
    ...(summary.folders.length ? [`read ${summary.folders.length} subfolder(s): ${summary.folders.map((folder) => `${folder}/`).join(', ')}`] : []),
    ...summary.added.map((file) => `added ${file}`),
    ...summary.changed.map((file) => `changed ${file}`),
    ...summary.removed.map((file) => `removed ${file}`),
    ...summary.skipped.map(({ file, reason }) => `skipped ${file}: ${reason}`),
    ...summary.duplicates.map(({ file, sameAs }) => `warning: ${file} has the same text as ${sameAs}: indexed once, as ${sameAs}`),
    ...summary.unstructured.map((file) => `warning: ${file}: no reply structure recognised, indexed as plain text`),
    ...summary.lowConfidence.map(({ file, pages }) => `warning: ${file}: scanned page ${pages.join(', ')} recognised with too low confidence, not indexed (rescan at 300 dpi or get the original)`),
  ]
  const { recognised, cached } = summary.ocrPages
  if (recognised + cached) lines.push(`OCR: ${recognised} scanned pages recognised, ${cached} taken from the cache`)
  if (summary.published) lines.push(`index: ${path.relative(process.cwd(), indexDir) || '.'} (build ${summary.buildId})`)
  console.log(lines.join('\n'))
}

try {
  const summary = await ingest({ corpusDir, indexDir, onProgress: progressReporter() })
  report(summary)
  process.exitCode = summary.published ? 0 : 1
} catch (error) {
  console.error(`ingest failed: ${(error as Error).message}`)
  process.exitCode = 1
}
