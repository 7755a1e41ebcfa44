/** An embedding worker thread (see embed.ts): holds its own model, embeds each batch of texts it is sent. */
import { parentPort, workerData } from 'node:worker_threads'
import { embedBatch, loadEmbedder } from './embed.js'

const extractor = loadEmbedder({ verify: false, intraOpThreads: (workerData as { intraOpThreads: number }).intraOpThreads })

parentPort!.on('message', async (texts: string[]) => {
  try {
    const vectors = await embedBatch(await extractor, texts)
    parentPort!.postMessage({ vectors }, vectors.map((v) => v.buffer as ArrayBuffer))
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).message })
  }
})
