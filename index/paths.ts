/** Default locations, relative to the project, whatever the working directory. */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
/** Everything generated (model, indexes, logs) lives here, git-ignored. */
export const STATE_DIR = path.join(PROJECT_ROOT, 'var')
export const DEFAULT_CORPUS_DIR = path.join(PROJECT_ROOT, 'corpus')
export const DEFAULT_INDEX_DIR = path.join(STATE_DIR, 'index')
