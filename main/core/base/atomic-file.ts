import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** Temporary names carry the writer's pid, so a leftover can be told from a live writer's. */
export const TEMP_NAME = /^\.(.+)\.(\d+)\.vxtmp$/

export function tempNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.vxtmp`)
}

function fsyncDir(dir: string): void {
  let fd: number
  try {
    fd = openSync(dir, 'r')
  } catch {
    // Windows cannot open a directory; NTFS journals the rename itself.
    return
  }
  try {
    fsyncSync(fd)
  } catch {
    // Some file systems (network shares, FAT on USB sticks) refuse a directory fsync.
  } finally {
    closeSync(fd)
  }
}

/**
 * Writes a file so that it is either absent or whole, even across a crash or a pulled
 * USB stick: temporary name in the same folder, flush to disk, rename over, flush the
 * folder. `beforeRename` lets tests stop the process between the two.
 */
export function writeFileAtomic(path: string, data: Buffer, beforeRename: () => void = () => {}): void {
  const tmp = tempNameFor(path)
  const fd = openSync(tmp, 'w', 0o644)
  try {
    let off = 0
    while (off < data.length) off += writeSync(fd, data, off, data.length - off)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  beforeRename()
  renameSync(tmp, path)
  fsyncDir(dirname(path))
}
