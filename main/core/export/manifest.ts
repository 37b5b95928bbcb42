import { sign, verify } from 'node:crypto'
import { z } from 'zod'
import { correctionDigest, CONTENT_COLUMNS, verifies, type CorrectionContent } from '../approve/approval-signature.ts'
import { trustedUsers } from '../users/endorse.ts'
import type { Db } from '../workspace/workspace.ts'
import { ed25519PublicKey, keyIdHex, parsePublicKey, type Signer } from '../base/minisign.ts'

/**
 * What a batch carried, signed by the supervisor who exported it: per correction its id,
 * the digest of its content and the approval act that let it go. It outlives any edit of
 * the proposals table: a correction set back to approved is still listed here, and a value
 * changed after export no longer matches its digest.
 */

const CONTEXT = 'vaxrecon-batch-manifest-v1\n'

const Manifest = z.object({
  v: z.literal(1),
  batchNo: z.string(),
  keyId: z.string(),
  /** The first supervisor's key id when the batch was made: the root every key chains to. */
  rootKeyId: z.string().nullable(),
  /** [correction id, approval act id, base64 SHA-256 of the content] */
  rows: z.array(z.tuple([z.number().int(), z.number().int(), z.string()]))
})
export type Manifest = z.infer<typeof Manifest>

export function signManifest(m: Omit<Manifest, 'v' | 'keyId'>, signer: Signer): { manifest: string; manifestSig: string } {
  const manifest = JSON.stringify({ v: 1, ...m, keyId: keyIdHex(signer.publicKey.keyId) } satisfies Manifest)
  return { manifest, manifestSig: sign(null, Buffer.from(CONTEXT + manifest), signer.secret).toString('base64') }
}

export const manifestRow = (id: number, actId: number, digest: Buffer): [number, number, string] => [id, actId, digest.toString('base64')]

interface BatchRow {
  id: number
  batch_no: string
  public_key: string
  manifest: string | null
  manifest_sig: string | null
}

function parse(text: string | null): Manifest | null {
  if (text === null) return null
  try {
    return Manifest.parse(JSON.parse(text))
  } catch {
    return null
  }
}

/** Every correction id some recorded batch lists, whether or not its manifest still verifies. */
export function exportedBefore(db: Db): Set<number> {
  const ids = new Set<number>()
  for (const b of db.prepare('SELECT manifest FROM export_batches').all() as { manifest: string | null }[]) {
    for (const [id] of parse(b.manifest)?.rows ?? []) ids.add(id)
  }
  for (const r of db.prepare('SELECT id FROM proposals WHERE batch_id IS NOT NULL').all() as { id: number }[]) ids.add(r.id)
  return ids
}

export type ManifestProblem = 'manifest-missing' | 'manifest-signature' | 'manifest-key' | 'manifest-content' | 'manifest-root'

/** Checks one batch's manifest: its signature by the batch's endorsed key, and each listed correction's content now. */
export function checkManifest(db: Db, b: BatchRow): { manifest: Manifest | null; problems: ManifestProblem[] } {
  const m = parse(b.manifest)
  if (!m || b.manifest === null || b.manifest_sig === null || m.batchNo !== b.batch_no)
    return { manifest: m, problems: ['manifest-missing'] }
  const pk = parsePublicKey(b.public_key)
  const problems: ManifestProblem[] = []
  const manifest = b.manifest
  const sig = b.manifest_sig
  const good =
    keyIdHex(pk.keyId) === m.keyId &&
    verifies(() => verify(null, Buffer.from(CONTEXT + manifest), ed25519PublicKey(pk.key), Buffer.from(sig, 'base64')))
  if (!good) problems.push('manifest-signature')
  const trust = trustedUsers(db)
  if (![...trust.users.values()].some((u) => u.role === 'supervisor' && u.keyId === m.keyId)) problems.push('manifest-key')
  if (m.rootKeyId !== trust.rootKeyId) problems.push('manifest-root')
  const contentOf = db.prepare(`SELECT ${CONTENT_COLUMNS} FROM proposals p WHERE p.id = ?`)
  for (const [id, , digest] of m.rows) {
    const c = contentOf.get(id) as CorrectionContent | undefined
    if (!c || correctionDigest(c).toString('base64') !== digest) {
      problems.push('manifest-content')
      break
    }
  }
  return { manifest: m, problems }
}
