/**
 * An embedding child process (see embed.ts): holds its own model on one ONNX thread, embeds each text it is sent.
 */
import { embedText, loadEmbedder } from './embed.js'

const extractor = loadEmbedder({ verify: false, intraOpThreads: 1 })

process.on('message', async (text: string) => {
  try {
    process.send!({ vector: await embedText(await extractor, text) })
  } catch (error) {
    process.send!({ error: (error as Error).message })
  }
})
