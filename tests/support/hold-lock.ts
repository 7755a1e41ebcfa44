/**
 * A second process for the lock tests: takes the ingest lock of the index folder in argv[2], prints
 * `acquired <pid>` or `locked`, and holds the lock until its stdin closes.
 */
import { IngestLocked, acquireLock } from '../../index/store.js'

try {
  const release = acquireLock(process.argv[2])
  console.log(`acquired ${process.pid}`)
  process.stdin.resume().on('end', () => {
    release()
    process.exit(0)
  })
} catch (error) {
  if (!(error instanceof IngestLocked)) throw error
  console.log('locked')
}
