/** The child process of ingest-process.ts: one ingest with the options it is sent, then exit. */
import { ingest, type IngestOptions } from './ingest.js'
import type { ChildMessage } from './ingest-process.js'

const send = (message: ChildMessage) => new Promise<void>((resolve) => process.send!(message, () => resolve()))

process.once('message', async (options: Omit<IngestOptions, 'onProgress'>) => {
  try {
    const summary = await ingest({ ...options, onProgress: (progress) => void send({ progress }) })
    await send({ summary })
  } catch (error) {
    await send({ error: { name: (error as Error).constructor.name, message: (error as Error).message } })
  }
  process.disconnect()
})
