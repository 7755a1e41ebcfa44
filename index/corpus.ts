/**
 * The corpus folder → the files to read, subfolders included. Whatever a staff member drops in (a
 * symlink loop, a link to a moved file, a folder without permission, a named pipe) is skipped with a
 * reason and never aborts the listing. Files are named by their path relative to the corpus folder,
 * with "/" on every platform, so names and the document ids made from them stay stable and unique.
 */
import { accessSync, constants, lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs'
import path from 'node:path'
import { isSupported } from './read.js'

export interface CorpusListing {
  /** files in a supported format, sorted */
  supported: string[]
  /** files in another format (the reader says which) */
  unsupported: string[]
  /** entries that are not readable files, with the reason */
  skipped: { file: string; reason: string }[]
  /** subfolders that were read (relative, sorted) */
  folders: string[]
}

export class CorpusMissing extends Error {}

export function listCorpus(corpusDir: string): CorpusListing {
  let root: string
  try {
    root = realpathSync(corpusDir)
    if (!statSync(root).isDirectory()) throw new Error('not a folder')
  } catch {
    throw new CorpusMissing(`corpus folder not found: ${corpusDir}`)
  }
  const listing: CorpusListing = { supported: [], unsupported: [], skipped: [], folders: [] }
  // Real paths of the folders already read: a link back to one of them (or to the root) would read it again, forever.
  const visited = new Set<string>([root])
  walk(corpusDir, '', visited, listing)
  for (const list of [listing.supported, listing.unsupported, listing.folders]) list.sort()
  listing.skipped.sort((a, b) => a.file.localeCompare(b.file))
  return listing
}

function walk(dir: string, relative: string, visited: Set<string>, listing: CorpusListing): void {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch (error) {
    listing.skipped.push({ file: `${relative || '.'}/`, reason: `folder not readable (${code(error)})` })
    return
  }
  for (const name of names) {
    if (name.startsWith('.')) continue
    const full = path.join(dir, name)
    const file = relative ? `${relative}/${name}` : name
    const entry = resolve(full)
    if ('reason' in entry) {
      listing.skipped.push({ file, reason: entry.reason })
    } else if (entry.stats.isDirectory()) {
      if (visited.has(entry.real)) {
        listing.skipped.push({ file: `${file}/`, reason: 'symlink loop (a link to a folder already read)' })
        continue
      }
      visited.add(entry.real)
      listing.folders.push(file)
      walk(full, file, visited, listing)
    } else if (!entry.stats.isFile()) {
      // A named pipe or a device would block or stream forever when read.
      listing.skipped.push({ file, reason: 'not a regular file' })
    } else if (!readable(full)) {
      listing.skipped.push({ file, reason: 'not readable (permission denied)' })
    } else {
      ;(isSupported(name) ? listing.supported : listing.unsupported).push(file)
    }
  }
}

/** What an entry is once links are followed, or why it cannot be followed. */
function resolve(full: string): { real: string; stats: Stats } | { reason: string } {
  try {
    const link = lstatSync(full)
    if (!link.isSymbolicLink()) return { real: link.isDirectory() ? realpathSync(full) : full, stats: link }
    const real = realpathSync(full)
    return { real, stats: statSync(real) }
  } catch (error) {
    const why = code(error)
    if (why === 'ELOOP') return { reason: 'symlink loop' }
    if (why === 'ENOENT') return { reason: 'dangling symlink (its target does not exist)' }
    return { reason: `not readable (${why})` }
  }
}

function readable(file: string): boolean {
  try {
    accessSync(file, constants.R_OK)
    return true
  } catch {
    return false
  }
}

function code(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message
}
