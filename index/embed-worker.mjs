// Entry of an embedding worker thread: the project runs TypeScript through tsx, whose loader a worker
// thread does not inherit, so the worker registers it before loading embed-worker.ts.
import { register } from 'tsx/esm/api'

register()
await import('./embed-worker.ts')
