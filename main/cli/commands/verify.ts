import { parseArgs } from 'node:util'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { verifyBatchFile, type BatchProblem } from '../../core/export/verify-batch.ts'
import type { Workspace } from '../../core/workspace/index.ts'
import { openForCli } from '../auth.ts'
import { UsageError, type Command } from '../command.ts'
import { formatPairs } from '../kv.ts'

const PROBLEMS: Record<BatchProblem, { vi: string; en: string }> = {
  'signature-missing': { vi: 'Không có tệp chữ ký .minisig bên cạnh tệp lô.', en: 'No .minisig signature beside the batch.' },
  'key-mismatch': { vi: 'Chữ ký được tạo bằng một khoá khác.', en: 'The signature was made with a different key.' },
  signature: { vi: 'Chữ ký không khớp: tệp lô đã bị thay đổi.', en: 'The signature does not match: the batch file was changed.' },
  'trusted-comment': { vi: 'Lời chú thích tin cậy đã bị sửa.', en: 'The trusted comment was altered.' },
  'signature-format': { vi: 'Tệp chữ ký sai định dạng minisign.', en: 'The signature file is not in minisign format.' },
  'not-recorded': { vi: 'Không gian làm việc không có lô này.', en: 'The workspace has no record of this batch.' },
  'hash-mismatch': {
    vi: 'Mã băm khác với lô đã ghi trong không gian làm việc.',
    en: 'The hash differs from the batch the workspace recorded.'
  },
  'file-modified': { vi: 'Tệp trên đĩa khác với lô đã ghi.', en: 'The file on disk differs from the recorded batch.' },
  'manifest-missing': { vi: 'Lô không có bản kê đã ký (hoặc bản kê bị hỏng).', en: 'The batch has no signed manifest (or it is damaged).' },
  'manifest-signature': {
    vi: 'Chữ ký của bản kê lô không hợp lệ: bản kê đã bị sửa.',
    en: "The batch manifest's signature is not valid: it was altered."
  },
  'manifest-key': {
    vi: 'Khoá ký lô không thuộc một người phê duyệt được xác nhận.',
    en: 'The batch was signed by a key no endorsed supervisor holds.'
  },
  'manifest-root': {
    vi: 'Khoá gốc của chuỗi xác nhận người dùng đã đổi kể từ khi xuất lô.',
    en: 'The root of the user endorsements changed since the batch was exported.'
  },
  'manifest-content': { vi: 'Nội dung một điều chỉnh đã bị sửa sau khi xuất.', en: 'A correction was changed after it was exported.' },
  approval: {
    vi: 'Có điều chỉnh trong lô không còn phê duyệt hợp lệ đã ký.',
    en: 'Some corrections in the batch no longer have a valid signed approval.'
  }
}

/** Checks a batch the way the receiving side does; exit 0 only if it verifies. */
export const verify: Command = {
  usage: 'vaxrecon verify BATCH.xlsx [--pubkey KEY.pub] [--workspace WORKSPACE] [--json]',
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { pubkey: { type: 'string' }, workspace: { type: 'string' }, json: { type: 'boolean', default: false } }
    })
    const [path, ...extra] = positionals
    if (!path || extra.length > 0) throw new UsageError('expected exactly one BATCH.xlsx path')
    const ws: Workspace | undefined = values.workspace ? await openForCli(resolve(values.workspace), io) : undefined
    try {
      const v = verifyBatchFile(resolve(path), {
        publicKey: values.pubkey ? readFileSync(resolve(values.pubkey), 'utf8') : undefined,
        workspace: ws
      })
      if (values.json) {
        io.out(JSON.stringify(v, null, 2) + '\n')
        return v.ok ? 0 : 1
      }
      io.out(
        formatPairs([
          ['result', v.ok ? 'OK' : 'FAILED'],
          ['batch', v.batchNo ?? '?'],
          ['sha256', v.sha256],
          ['key_id', v.keyId],
          ['fingerprint', v.fingerprint],
          ['key_from', v.keySource],
          ['trusted_comment', v.trustedComment ?? '']
        ])
      )
      for (const p of v.problems) io.err(`Lỗi: ${PROBLEMS[p].vi}\nError: ${PROBLEMS[p].en}\n`)
      if (v.badApprovals?.length) io.err(`Mã điều chỉnh / correction ids: ${v.badApprovals.join(', ')}\n`)
      if (v.ok && v.keySource === 'beside') {
        io.err(
          'Lưu ý: khoá công khai lấy từ tệp .pub cạnh lô. Hãy so dấu vân tay với khoá bạn nhận riêng từ người ký, hoặc dùng --pubkey.\n' +
            "Note: the public key was taken from the .pub beside the batch. Compare its fingerprint with the signer's key you received separately, or use --pubkey.\n"
        )
      }
      return v.ok ? 0 : 1
    } finally {
      ws?.close()
    }
  }
}
