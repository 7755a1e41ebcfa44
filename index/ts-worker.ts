/**
 * A worker thread or a child process running one of this project's TypeScript modules. Neither inherits
 * the parent's `--import tsx` hooks (node 20), so each registers tsx itself before importing the module.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { Worker } from 'node:worker_threads'

/** Resolved here, so that a thread or process started from any working directory finds tsx. */
const TSX_API = import.meta.resolve('tsx/esm/api')

function boot(module: URL): string {
  return `import(${JSON.stringify(TSX_API)}).then(({ register }) => { register(); return import(${JSON.stringify(module.href)}) })`
}

export function tsWorker(module: URL, workerData: unknown): Worker {
  return new Worker(boot(module), { eval: true, workerData })
}

/**
 * A child process talking over IPC with structured clone (typed arrays arrive as typed arrays); `argument`,
 * if any, is its `process.argv[1]`. For work that must not share this process: a native addon that must
 * not be loaded twice in one process, or minutes of CPU that would stall a serving process.
 */
export function tsProcess(module: URL, argument?: string): ChildProcess {
  return spawn(process.execPath, ['--input-type=module', '--eval', boot(module), ...(argument === undefined ? [] : [argument])], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  })
}
