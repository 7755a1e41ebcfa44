/**
 * An embedding child process (see embed.ts): holds its own model, embeds each text it is sent.
 * `process.argv[1]` is its ONNX intra-op thread count.
 */
import { embedText, loadEmbedder } from './embed.js'

const extractor = loadEmbedder({ verify: false, intraOpThreads: Number(process.argv[1]) })

process.on('message', async (text: string) => {
  try {
    process.send!({ vector: await embedText(await extractor, text) })
  } catch (error) {
    process.send!({ error: (error as Error).message })
  }
})
