/**
 * OCR for one ingest: the render worker and the tesseract worker, started on first use and closed
 * together; a cache of recognised pages keyed by the file's content hash, so an unchanged scan is
 * never recognised twice (it lives beside the builds and survives rebuilds); page progress.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { OCR_VERSION, Recognizer, type RecognisedPage } from './ocr.js'
import { Renderer } from './renderer.js'

/** Folder of the OCR cache inside an index folder (next to builds/, never removed by a rebuild). */
export const OCR_CACHE_FOLDER = 'ocr-cache'

export interface OcrPage extends RecognisedPage {
  /** 1-based page number (1 for an image) */
  page: number
}

export type ScanSource = { kind: 'pdf'; bytes: Uint8Array; pages: number[] } | { kind: 'image'; bytes: Uint8Array }

export interface OcrSessionOptions {
  /** where recognised pages are cached; no cache without it */
  cacheDir?: string
  onPage?: (progress: { file: string; done: number; total: number }) => void
}

interface CacheEntry {
  version: string
  pages: Record<string, RecognisedPage>
}

export class OcrSession {
  /** pages recognised in this session, and pages taken from the cache instead */
  readonly counts = { recognised: 0, cached: 0 }
  readonly #recognizer = new Recognizer()
  readonly #renderer = new Renderer()
  /** cache entries this session read or wrote */
  readonly #used = new Set<string>()

  constructor(private readonly options: OcrSessionOptions = {}) {}

  async recognise(file: string, source: ScanSource): Promise<OcrPage[]> {
    const wanted = source.kind === 'pdf' ? source.pages : [1]
    const key = createHash('sha256').update(source.bytes).digest('hex')
    this.#used.add(key)
    const cached = this.#readCache(key)
    const results: OcrPage[] = []
    const missing = wanted.filter((page) => !cached[page])
    const render = (page: number) => {
      const image = this.#renderer.render(source.kind === 'pdf' ? { kind: 'pdf', key, bytes: source.bytes, page } : { kind: 'image', bytes: source.bytes })
      // A page prepared ahead may fail after an earlier page already did: its error is not news.
      image.catch(() => undefined)
      return image
    }
    // The next page renders in its worker while tesseract reads the current one in its own.
    let next = missing.length ? render(missing[0]) : undefined
    let done = 0
    for (const page of wanted) {
      if (cached[page]) {
        this.counts.cached++
      } else {
        const image = await next!
        const following = missing[missing.indexOf(page) + 1]
        next = following === undefined ? undefined : render(following)
        cached[page] = await this.#recognizer.recognize(image)
        this.counts.recognised++
      }
      results.push({ page, ...cached[page] })
      this.options.onPage?.({ file, done: ++done, total: wanted.length })
    }
    if (missing.length) this.#writeCache(key, cached)
    return results
  }

  /** Removes cache entries of files this session did not see: after a whole corpus was read, those files are gone or changed. */
  pruneCache(): void {
    const dir = this.options.cacheDir
    if (!dir || !existsSync(dir)) return
    for (const name of readdirSync(dir)) if (!this.#used.has(path.basename(name, '.json'))) rmSync(path.join(dir, name), { force: true })
  }

  async close(): Promise<void> {
    await Promise.all([this.#recognizer.close(), this.#renderer.close()])
  }

  #cacheFile(key: string): string | undefined {
    return this.options.cacheDir && path.join(this.options.cacheDir, `${key}.json`)
  }

  #readCache(key: string): Record<string, RecognisedPage> {
    const file = this.#cacheFile(key)
    if (!file) return {}
    try {
      const entry = JSON.parse(readFileSync(file, 'utf8')) as CacheEntry
      return entry.version === OCR_VERSION ? entry.pages : {}
    } catch {
      return {}
    }
  }

  #writeCache(key: string, pages: Record<string, RecognisedPage>): void {
    const file = this.#cacheFile(key)
    if (!file) return
    mkdirSync(path.dirname(file), { recursive: true })
    const entry: CacheEntry = { version: OCR_VERSION, pages }
    // Written aside and renamed, so a killed ingest never leaves half an entry.
    writeFileSync(`${file}.tmp`, JSON.stringify(entry))
    renameSync(`${file}.tmp`, file)
  }
}
