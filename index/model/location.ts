import { createHash } from 'node:crypto'
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { PROJECT_ROOT, STATE_DIR } from '../paths.js'

/** Where `npm install` puts the embedding model: git-ignored, inside the project. */
export const MODEL_ROOT = path.join(STATE_DIR, 'models')
export const MODEL_ID = 'BAAI/bge-small-zh-v1.5'
export const MODEL_DIMENSION = 512
export const MODEL_DIR = path.join(MODEL_ROOT, MODEL_ID)
export const MODEL_WEIGHTS = path.join(MODEL_DIR, 'onnx', 'model_quantized.onnx')
/** The published checksum prefix of the int8 ONNX weights; anything else is a corrupt or foreign file. */
export const MODEL_SHA256_PREFIX = '15b717c382bcb518'

const FIX = 'run `npm install` again to fetch and verify it'

export async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const block of createReadStream(file)) hash.update(block as Buffer)
  return hash.digest('hex')
}

/**
 * Returns a one-line, actionable problem description, or null when the model is present and intact.
 * Hashing the weights takes 0.15–0.25 s, paid by every process that loads the model (each `ask`, each
 * cold ingest): once they verified, their size, inode and modification time are noted beside them, and
 * weights that still match the note are not hashed again. Any write to them changes the note's fields.
 */
export async function modelProblem(dir = MODEL_DIR): Promise<string | null> {
  const weights = path.join(dir, 'onnx', 'model_quantized.onnx')
  for (const file of [weights, path.join(dir, 'tokenizer.json'), path.join(dir, 'config.json')]) {
    if (!existsSync(file)) return `embedding model missing (${path.relative(PROJECT_ROOT, file)}): ${FIX}`
  }
  const note = path.join(dir, VERIFIED_NOTE)
  const seen = fileIdentity(weights)
  if (readNote(note) === seen) return null
  const digest = await sha256(weights)
  if (!digest.startsWith(MODEL_SHA256_PREFIX)) {
    return `embedding model corrupt (sha256 ${digest.slice(0, 16)}…, expected ${MODEL_SHA256_PREFIX}…): ${FIX}`
  }
  try {
    writeFileSync(note, seen)
  } catch {
    // A read-only model folder is verified on every load instead.
  }
  return null
}

const VERIFIED_NOTE = '.verified'

function fileIdentity(file: string): string {
  const { size, ino, mtimeMs } = statSync(file)
  return JSON.stringify({ size, ino, mtimeMs, sha256: MODEL_SHA256_PREFIX })
}

function readNote(note: string): string | undefined {
  try {
    return readFileSync(note, 'utf8')
  } catch {
    return undefined
  }
}
