import { existsSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'
import type { Workspace } from '../workspace/workspace.ts'
import { TEMP_NAME, writeFileAtomic } from '../base/atomic-file.ts'
import { crashPoint } from '../base/crash-point.ts'
import { formatPublicKey, parsePublicKey } from '../base/minisign.ts'

/**
 * A batch on disk is three files beside each other: NAME.pub (the signer's key),
 * NAME.xlsx.minisig and NAME.xlsx. They are written from the bytes the workspace keeps,
 * each to a temporary name, flushed, then renamed, the .xlsx last: a batch file that is
 * there is whole and has its signature beside it. A file already there is never
 * overwritten; one that differs from the recorded bytes is reported as modified.
 */

export interface StoredBatch {
  id: number
  batch_no: string
  out_dir: string
  file_name: string
  file_hash: string
  content: Buffer
  minisig: string
  public_key: string
}

export const STORED_BATCH_COLUMNS = 'id, batch_no, out_dir, file_name, file_hash, content, minisig, public_key'

export type FileState = 'ok' | 'missing' | 'modified'
export type BatchFilesState = 'complete' | 'incomplete' | 'modified' | 'unreachable'

export function pubFileName(xlsxName: string): string {
  return xlsxName.replace(/\.xlsx$/i, '') + '.pub'
}

/** In write order: the key and the signature before the batch itself. */
export function batchFiles(b: StoredBatch): { name: string; data: Buffer }[] {
  return [
    { name: pubFileName(b.file_name), data: Buffer.from(formatPublicKey(parsePublicKey(b.public_key))) },
    { name: `${b.file_name}.minisig`, data: Buffer.from(b.minisig) },
    { name: b.file_name, data: b.content }
  ]
}

function fileState(path: string, data: Buffer, deep: boolean): FileState {
  if (!existsSync(path)) return 'missing'
  if (statSync(path).size !== data.length) return 'modified'
  return !deep || readFileSync(path).equals(data) ? 'ok' : 'modified'
}

/**
 * Whether the batch's files are where it was saved, and unchanged. `deep: false` compares
 * sizes only, for listing many batches; verifying compares every byte.
 */
export function batchFilesState(b: StoredBatch, deep = true): { state: BatchFilesState; files: { name: string; state: FileState }[] } {
  if (!existsSync(b.out_dir) || !statSync(b.out_dir).isDirectory()) {
    return { state: 'unreachable', files: batchFiles(b).map((f) => ({ name: f.name, state: 'missing' })) }
  }
  const files = batchFiles(b).map((f) => ({ name: f.name, state: fileState(join(b.out_dir, f.name), f.data, deep) }))
  const state = files.some((f) => f.state === 'modified') ? 'modified' : files.every((f) => f.state === 'ok') ? 'complete' : 'incomplete'
  return { state, files }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Temporary files left by a writer that was killed; a live writer's are left alone. */
function removeStaleTemps(dir: string, names: ReadonlySet<string>): void {
  for (const entry of readdirSync(dir)) {
    const m = TEMP_NAME.exec(entry)
    if (m && m[1] && names.has(m[1]) && (Number(m[2]) === process.pid || !pidAlive(Number(m[2])))) unlinkSync(join(dir, entry))
  }
}

/** Writes whichever of the batch's files are missing. Returns the state afterwards. */
export function writeBatchFiles(b: StoredBatch): BatchFilesState {
  const before = batchFilesState(b)
  if (before.state === 'unreachable' || before.state === 'complete') return before.state
  const files = batchFiles(b)
  removeStaleTemps(b.out_dir, new Set(files.map((f) => f.name)))
  for (const f of files) {
    if (before.files.find((x) => x.name === f.name)?.state !== 'missing') continue
    const kind = f.name.endsWith('.xlsx') ? 'xlsx' : f.name.endsWith('.minisig') ? 'minisig' : 'pub'
    writeFileAtomic(join(b.out_dir, f.name), f.data, () => crashPoint(`export:temp:${kind}`))
    crashPoint(`export:renamed:${kind}`)
  }
  return batchFilesState(b).state
}

/**
 * Finishes batches whose export was interrupted after the workspace recorded them (the
 * only window in which a recorded batch can lack its files). Returns their numbers.
 */
export function completeInterruptedBatches(ws: Workspace): string[] {
  const done: string[] = []
  const all = ws.db.prepare('SELECT id, out_dir, file_name FROM export_batches ORDER BY id').all() as Pick<
    StoredBatch,
    'id' | 'out_dir' | 'file_name'
  >[]
  const load = ws.db.prepare(`SELECT ${STORED_BATCH_COLUMNS} FROM export_batches WHERE id = ?`)
  for (const b of all) {
    // Existence first: reading every earlier batch back on each export would not scale.
    const names = [pubFileName(b.file_name), `${b.file_name}.minisig`, b.file_name]
    if (!existsSync(b.out_dir) || names.every((n) => existsSync(join(b.out_dir, n)))) continue
    const full = load.get(b.id) as StoredBatch
    if (writeBatchFiles(full) === 'complete') done.push(full.batch_no)
  }
  return done
}
