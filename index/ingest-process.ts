/**
 * Ingest in a child process, for a process that must keep serving meanwhile (the bot's `#刷新` and its
 * first build at `npm start`): embedding and the keyword build take the CPU for seconds to minutes, and
 * in-process they would stall every reply. Same options and summary as ingest(); progress comes back
 * over IPC; IngestLocked stays IngestLocked.
 */
import type { IngestOptions, IngestProgress, IngestSummary } from './ingest.js'
import { IngestLocked } from './store.js'
import { tsProcess } from './ts-worker.js'

export type ChildMessage = { progress: IngestProgress } | { summary: IngestSummary } | { error: { name: string; message: string } }

export function ingestInChildProcess({ onProgress, ...options }: IngestOptions): Promise<IngestSummary> {
  const child = tsProcess(new URL('./ingest-child.ts', import.meta.url))
  child.send(options)
  return new Promise<IngestSummary>((resolve, reject) => {
    let settled = false
    child.on('message', (message: ChildMessage) => {
      if ('progress' in message) return onProgress?.(message.progress)
      settled = true
      if ('summary' in message) return resolve(message.summary)
      const { name, message: text } = message.error
      reject(name === IngestLocked.name ? new IngestLocked(text) : new Error(text))
    })
    child.on('error', (error) => {
      settled = true
      reject(error)
    })
    child.on('exit', (code, signal) => {
      if (!settled) reject(new Error(`the ingest process stopped (${signal ?? `exit code ${code}`}) before it was done`))
    })
  })
}
