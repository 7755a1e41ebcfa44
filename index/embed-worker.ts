/** An embedding worker thread (see embed.ts): holds its own model, embeds each text it is sent. */
import { parentPort, workerData } from 'node:worker_threads'
import { embedText, loadEmbedder } from './embed.js'

const extractor = loadEmbedder({ verify: false, intraOpThreads: (workerData as { intraOpThreads: number }).intraOpThreads })

parentPort!.on('message', async (text: string) => {
  try {
    const vector = await embedText(await extractor, text)
    parentPort!.postMessage({ vector }, [vector.buffer as ArrayBuffer])
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).message })
  }
})
