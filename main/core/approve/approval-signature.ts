import { createHash, sign, verify } from 'node:crypto'
import { ed25519PublicKey, keyIdHex, parsePublicKey, type Signer } from '../base/minisign.ts'
import { trustedUsers } from '../users/endorse.ts'
import type { ProposalDbRow } from './proposal-query.ts'
import type { Db } from '../workspace/workspace.ts'

/**
 * A decision (approve, reject, withdraw) is one act signed by the supervisor's own key.
 * The signature covers the act (verdict, who, which key, when, comment, how many) and a
 * SHA-256 root over each correction exactly as decided: its id, record, target, field, old
 * and new value, proposer and proposal time. One signature per act, not per correction,
 * keeps 100,000 approvals checkable in well under a second (Ed25519 verifies at ~10k/s
 * here); each correction costs one SHA-256.
 */

const CONTEXT = 'vaxrecon-approval-v1\n'

export type ActVerdict = 'approved' | 'rejected' | 'withdrawn'

/** What a correction says, as the act's signature covers it (CONTENT_COLUMNS reads it). */
export type CorrectionContent = Pick<
  ProposalDbRow,
  'id' | 'record_id' | 'target' | 'field' | 'old_value' | 'new_value' | 'proposed_by' | 'proposed_at'
>

export const CONTENT_COLUMNS = 'p.id, p.record_id, p.target, p.field, p.old_value, p.new_value, p.proposed_by, p.proposed_at'

export function correctionDigest(c: CorrectionContent): Buffer {
  const canonical = JSON.stringify([c.id, c.record_id, c.target, c.field, c.old_value, c.new_value, c.proposed_by, c.proposed_at])
  return createHash('sha256').update(canonical).digest()
}

/** The root over an act's corrections, in id order, and each one's digest (a batch's manifest lists them). */
export function actDigests(corrections: readonly CorrectionContent[]): { root: string; digests: Map<number, Buffer> } {
  const h = createHash('sha256')
  const digests = new Map<number, Buffer>()
  for (const c of [...corrections].sort((a, b) => a.id - b.id)) {
    const d = correctionDigest(c)
    digests.set(c.id, d)
    h.update(d)
  }
  return { root: h.digest('hex'), digests }
}

export const actRoot = (corrections: readonly CorrectionContent[]): string => actDigests(corrections).root

export interface ActFields {
  verdict: ActVerdict
  decided_by: number
  key_id: string
  decided_at: string
  comment: string | null
  corrections: number
  root: string
}

const message = (a: ActFields) =>
  Buffer.from(CONTEXT + JSON.stringify([a.verdict, a.decided_by, a.key_id, a.decided_at, a.comment, a.corrections, a.root]))

export function signAct(a: Omit<ActFields, 'key_id'>, signer: Signer): ActFields & { signature: string } {
  const fields = { ...a, key_id: keyIdHex(signer.publicKey.keyId) }
  return { ...fields, signature: sign(null, message(fields), signer.secret).toString('base64') }
}

/** A malformed key or signature is a failed check, not a crash. */
export function verifies(check: () => boolean): boolean {
  try {
    return check()
  } catch {
    return false
  }
}

export type ActProblem = 'missing' | 'content' | 'key' | 'signature'

export interface ActCheck {
  ok: boolean
  problem: ActProblem | null
  decidedBy: number | null
  keyId: string | null
  verdict: ActVerdict | null
  /** The digest of each correction the act covers, as read now (none when the act is missing). */
  digests: ReadonlyMap<number, Buffer>
}

/**
 * Checks signed acts against the workspace as it is now: the corrections the act's
 * approvals point at must hash to its root, and the signature must be by the key a chain
 * of endorsements vouches for as that supervisor's.
 */
export function checkActs(db: Db, actIds: Iterable<number>): Map<number, ActCheck> {
  const trust = trustedUsers(db)
  const actOf = db.prepare('SELECT * FROM approval_acts WHERE id = ?')
  const contentOf = db.prepare(
    `SELECT ${CONTENT_COLUMNS} FROM approvals a JOIN proposals p ON p.id = a.proposal_id WHERE a.act_id = ? ORDER BY p.id`
  )
  const out = new Map<number, ActCheck>()
  for (const id of new Set(actIds)) {
    const act = actOf.get(id) as (ActFields & { signature: string }) | undefined
    if (!act) {
      out.set(id, { ok: false, problem: 'missing', decidedBy: null, keyId: null, verdict: null, digests: new Map() })
      continue
    }
    const content = contentOf.all(id) as CorrectionContent[]
    const { root, digests } = actDigests(content)
    const base = { decidedBy: act.decided_by, keyId: act.key_id, verdict: act.verdict, digests }
    if (content.length !== act.corrections || root !== act.root) {
      out.set(id, { ok: false, problem: 'content', ...base })
      continue
    }
    const who = trust.users.get(act.decided_by)
    if (who?.role !== 'supervisor' || !who.publicKey || who.keyId !== act.key_id) {
      out.set(id, { ok: false, problem: 'key', ...base })
      continue
    }
    const pk = who.publicKey
    const good = verifies(() => verify(null, message(act), ed25519PublicKey(parsePublicKey(pk).key), Buffer.from(act.signature, 'base64')))
    out.set(id, good ? { ok: true, problem: null, ...base } : { ok: false, problem: 'signature', ...base })
  }
  return out
}
