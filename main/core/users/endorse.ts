import { sign, verify } from 'node:crypto'
import { z } from 'zod'
import { ed25519PublicKey, keyIdHex, parsePublicKey, type Signer } from '../base/minisign.ts'
import type { Db } from '../workspace/workspace.ts'
import { Role } from './schema.ts'

/**
 * Who a user is, signed by the supervisor who added them; the first supervisor of a
 * workspace signs their own (the root). A role is trusted only along an unbroken chain of
 * such signatures back to that root, so a role or key written into the users table with
 * sqlite3 grants nothing: the export and verify read roles from here.
 */

const CONTEXT = 'vaxrecon-endorsement-v1\n'

const Body = z.object({
  v: z.literal(1),
  userId: z.number().int(),
  name: z.string(),
  role: Role,
  /** The endorsed user's minisign public key blob (base64), or null for a clerk. */
  publicKey: z.string().nullable(),
  /** null only for the root: the first supervisor endorses themself. */
  endorserId: z.number().int().nullable(),
  endorserKeyId: z.string(),
  at: z.string()
})
type Body = z.infer<typeof Body>

const Stored = z.object({ body: z.string(), sig: z.string() })

export interface Endorser {
  userId: number
  signer: Signer
}

/** The endorsement column's text for a new user, signed by `by` (or by the user's own key for the root). */
export function endorse(body: Omit<Body, 'v' | 'endorserKeyId'>, by: Signer): string {
  const text = JSON.stringify({ v: 1, ...body, endorserKeyId: keyIdHex(by.publicKey.keyId) } satisfies Body)
  const sig = sign(null, Buffer.from(CONTEXT + text), by.secret).toString('base64')
  return JSON.stringify({ body: text, sig })
}

interface UserRow {
  id: number
  name: string
  role: Role
  public_key: string | null
  endorsement: string | null
  disabled_at: string | null
}

export interface TrustedUser {
  id: number
  name: string
  role: Role
  /** Hex key id of the user's endorsed signing key (supervisors). */
  keyId: string | null
  publicKey: string | null
  /** A disabled supervisor's key still vouches for what they signed while active. */
  disabled: boolean
}

export interface Trust {
  /** The first supervisor's key id: every trusted key chains back to it. */
  rootKeyId: string | null
  users: Map<number, TrustedUser>
}

function parse(row: UserRow): { body: Body; text: string; sig: Buffer } | null {
  if (!row.endorsement) return null
  try {
    const stored = Stored.parse(JSON.parse(row.endorsement))
    const body = Body.parse(JSON.parse(stored.body))
    return { body, text: stored.body, sig: Buffer.from(stored.sig, 'base64') }
  } catch {
    return null
  }
}

function signedBy(e: { text: string; sig: Buffer }, publicKeyB64: string): boolean {
  try {
    return verify(null, Buffer.from(CONTEXT + e.text), ed25519PublicKey(parsePublicKey(publicKeyB64).key), e.sig)
  } catch {
    return false
  }
}

const keyIdOf = (publicKeyB64: string | null) => (publicKeyB64 ? keyIdHex(parsePublicKey(publicKeyB64).keyId) : null)

/** The endorsement matches the row it sits on: a role, name or key changed in the table breaks it. */
function matchesRow(b: Body, r: UserRow): boolean {
  return b.userId === r.id && b.name === r.name && b.publicKey === r.public_key && b.role === r.role
}

function computeTrust(rows: readonly UserRow[]): Trust {
  const users = new Map<number, TrustedUser>()
  const parsed = new Map(rows.map((r) => [r.id, parse(r)]))
  // The root is the first user who signed their own endorsement (the first user of a new
  // workspace; the adopter of one made before endorsements, see adopt.ts), and only if a
  // supervisor. Rewriting that row with sqlite3 replaces the root, which every batch names.
  const first = rows.find((r) => parsed.get(r.id)?.body.endorserId === null)
  const rootE = first ? parsed.get(first.id) : null
  if (!first || !rootE || rootE.body.role !== 'supervisor' || !first.public_key) return { rootKeyId: null, users }
  if (!matchesRow(rootE.body, first) || rootE.body.endorserKeyId !== keyIdOf(first.public_key) || !signedBy(rootE, first.public_key)) {
    return { rootKeyId: null, users }
  }
  const trust = (r: UserRow, role: Role) =>
    users.set(r.id, {
      id: r.id,
      name: r.name,
      role,
      keyId: keyIdOf(r.public_key),
      publicKey: r.public_key,
      disabled: r.disabled_at !== null
    })
  trust(first, 'supervisor')
  // Endorsers come before those they endorse, so passes over the rows settle every chain.
  for (let changed = true; changed;) {
    changed = false
    for (const r of rows) {
      if (users.has(r.id)) continue
      const e = parsed.get(r.id)
      if (!e || e.body.endorserId === null || !matchesRow(e.body, r)) continue
      const endorser = users.get(e.body.endorserId)
      if (endorser?.role !== 'supervisor' || !endorser.publicKey || endorser.keyId !== e.body.endorserKeyId) continue
      if (!signedBy(e, endorser.publicKey)) continue
      trust(r, e.body.role)
      changed = true
    }
  }
  return { rootKeyId: users.get(first.id)?.keyId ?? null, users }
}

const cache = new WeakMap<Db, { stamp: string; trust: Trust }>()

/** The users whose role a chain of signatures vouches for; recomputed only when the users table changed. */
export function trustedUsers(db: Db): Trust {
  const rows = db.prepare('SELECT id, name, role, public_key, endorsement, disabled_at FROM users ORDER BY id').all() as UserRow[]
  const stamp = JSON.stringify(rows)
  const hit = cache.get(db)
  if (hit?.stamp === stamp) return hit.trust
  const trust = computeTrust(rows)
  cache.set(db, { stamp, trust })
  return trust
}

/** A user's role as the chain vouches for it: a supervisor without a valid chain counts as a clerk. */
export function trustedRole(db: Db, userId: number): Role {
  const u = trustedUsers(db).users.get(userId)
  return u?.role === 'supervisor' && !u.disabled ? 'supervisor' : 'clerk'
}
