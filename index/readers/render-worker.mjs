// Worker threads start without the parent's TypeScript loader: register tsx, then run the worker module.
import { register } from 'tsx/esm/api'

register()
await import('./render-worker.ts')
