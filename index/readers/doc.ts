/** Word 97–2003 .doc (OLE compound file) through word-extractor: the body text, one paragraph per line. */
import WordExtractor from 'word-extractor'
import { UnreadableFile } from './errors.js'

export async function readDoc(bytes: Buffer): Promise<string> {
  try {
    // Word marks cells and line breaks with control characters; they are paragraph breaks here.
    return (await new WordExtractor().extract(bytes)).getBody().replace(/[\u0007\u000b\u000c]/g, '\n')
  } catch (error) {
    throw new UnreadableFile(`corrupt DOC (${(error as Error).message})`)
  }
}
