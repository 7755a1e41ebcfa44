/**
 * A worker thread running one of this project's TypeScript modules. Workers do not inherit the parent's
 * `--import tsx` hooks (node 20), so the worker registers tsx itself before importing the module.
 */
import { Worker } from 'node:worker_threads'

export function tsWorker(module: URL, workerData: unknown): Worker {
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(module.href)}) })`
  return new Worker(boot, { eval: true, workerData })
}
