/** Main-thread side of the render worker: one worker, started on first use, requests answered in order. */
import type { Worker } from 'node:worker_threads'
import { tsWorker } from '../ts-worker.js'
import type { RenderRequest, RenderResponse } from './render-protocol.js'

/** A request without its id (Omit over each member of the union). */
type Job<T = RenderRequest> = T extends unknown ? Omit<T, 'id'> : never

export class Renderer {
  #worker?: Worker
  #next = 0
  #pending = new Map<number, { resolve: (page: Buffer) => void; reject: (error: Error) => void }>()

  /** The binarised page (PGM) of a PDF page (1-based) or of an image. */
  render(job: Job): Promise<Buffer> {
    const worker = this.#start()
    const id = this.#next++
    return new Promise<Buffer>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject })
      worker.postMessage({ ...job, id })
    })
  }

  async close(): Promise<void> {
    const worker = this.#worker
    this.#worker = undefined
    if (worker) await worker.terminate()
  }

  #start(): Worker {
    if (this.#worker) return this.#worker
    const worker = tsWorker(new URL('./render-worker.ts', import.meta.url), null)
    worker.unref()
    worker.on('message', (response: RenderResponse) => {
      const job = this.#pending.get(response.id)
      this.#pending.delete(response.id)
      if ('page' in response) job?.resolve(Buffer.from(response.page))
      else job?.reject(new Error(response.error))
    })
    worker.on('error', (error) => this.#failAll(error))
    worker.on('exit', () => this.#failAll(new Error('render worker stopped')))
    this.#worker = worker
    return worker
  }

  #failAll(error: Error): void {
    for (const job of this.#pending.values()) job.reject(error)
    this.#pending.clear()
    this.#worker = undefined
  }
}
