import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { exportBatch } from '../../core/export/export-batch.ts'
import { pubFileName } from '../../core/export/batch-files.ts'
import { inlineContext } from '../../core/base/job-context.ts'
import { authenticate } from '../../core/users/users.ts'
import { openForCli, readPassword } from '../auth.ts'
import { UsageError, type Command } from '../command.ts'
import { formatPairs } from '../kv.ts'

/**
 * Exports every approved correction not yet exported as one signed batch. Run again
 * after an interruption, it first finishes the interrupted batch's files.
 */
export const exportCommand: Command = {
  usage: 'vaxrecon export WORKSPACE --as USER --out DIR [--json]   (password from stdin or VAXRECON_PASSWORD)',
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { as: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean', default: false } }
    })
    const [path, ...extra] = positionals
    if (!path || extra.length > 0) throw new UsageError('expected exactly one WORKSPACE path')
    if (!values.as) throw new UsageError('--as USER is required')
    if (!values.out) throw new UsageError('--out DIR is required')
    const ws = await openForCli(resolve(path), io)
    try {
      const password = await readPassword(io)
      const user = await authenticate(ws, values.as, password)
      const r = await exportBatch(ws, user, password, { outDir: values.out }, inlineContext())
      if (values.json) {
        io.out(JSON.stringify(r, null, 2) + '\n')
        return 0
      }
      if (r.refusedMessage) io.err(`Cảnh báo: ${r.refusedMessage.vi}\nWarning: ${r.refusedMessage.en}\n`)
      for (const no of r.completed) {
        io.out(`completed    ${no}   (lô bị gián đoạn trước đó đã được ghi đủ / an interrupted batch's files were written)\n`)
      }
      if (!r.batch) {
        io.out('Không có điều chỉnh nào đã duyệt đang chờ xuất.\nNo approved correction is waiting to be exported.\n')
        return 0
      }
      const b = r.batch
      io.out(
        formatPairs([
          ['batch', b.batchNo],
          ['file', b.path],
          ['signature', `${b.path}.minisig`],
          ['public_key', resolve(values.out, pubFileName(b.fileName))],
          ['corrections', b.corrections],
          ['refused', r.refused.length],
          ['sha256', b.sha256],
          ['signer', b.signer],
          ['key_id', b.keyId],
          ['fingerprint', b.fingerprint]
        ])
      )
      return 0
    } finally {
      ws.close()
    }
  }
}
