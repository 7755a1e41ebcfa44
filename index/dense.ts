/** The vector side: an HNSW index (inner product on unit vectors = cosine) over chunk positions. */
import hnswlib from 'hnswlib-node'
import { MODEL_DIMENSION } from './model/location.js'

const M = 16
const EF_CONSTRUCTION = 200
const EF_SEARCH = 128

export interface DenseMatch {
  label: number
  similarity: number
}

export class DenseIndex {
  private constructor(private readonly index: hnswlib.HierarchicalNSW) {}

  static build(vectors: Float32Array[]): DenseIndex {
    const index = new hnswlib.HierarchicalNSW('ip', MODEL_DIMENSION)
    index.initIndex({ maxElements: Math.max(1, vectors.length), m: M, efConstruction: EF_CONSTRUCTION, randomSeed: 100 })
    vectors.forEach((vector, label) => index.addPoint(Array.from(vector), label))
    index.setEf(EF_SEARCH)
    return new DenseIndex(index)
  }

  static async read(file: string): Promise<DenseIndex> {
    const index = new hnswlib.HierarchicalNSW('ip', MODEL_DIMENSION)
    await index.readIndex(file)
    index.setEf(EF_SEARCH)
    return new DenseIndex(index)
  }

  get size(): number {
    return this.index.getCurrentCount()
  }

  async write(file: string): Promise<void> {
    await this.index.writeIndex(file)
  }

  vector(label: number): Float32Array {
    return Float32Array.from(this.index.getPoint(label))
  }

  /** cosine of a query with one stored vector (both are unit vectors) */
  similarity(query: Float32Array, label: number): number {
    const vector = this.index.getPoint(label)
    let dot = 0
    for (let i = 0; i < query.length; i++) dot += query[i] * vector[i]
    return dot
  }

  search(query: Float32Array, k: number, allow?: (label: number) => boolean): DenseMatch[] {
    const n = Math.min(k, this.size)
    if (n === 0) return []
    const { neighbors, distances } = this.index.searchKnn(Array.from(query), n, allow)
    return neighbors.map((label, i) => ({ label, similarity: 1 - distances[i] }))
  }
}
