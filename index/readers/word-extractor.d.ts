// word-extractor ships no types; only what index/readers/doc.ts calls.
declare module 'word-extractor' {
  interface ExtractedDocument {
    getBody(): string
  }
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<ExtractedDocument>
  }
}
