import { z } from 'zod'

/** User shapes; zod only, as the IPC contract (bundled into the sandboxed preload) is built from it. */
export const Role = z.enum(['clerk', 'supervisor'])
export type Role = z.infer<typeof Role>

export const UserInfo = z.object({ id: z.number(), name: z.string(), role: Role })

export const AccountInfo = UserInfo.extend({
  createdAt: z.string(),
  keyId: z.string().nullable(),
  fingerprint: z.string().nullable()
})

const Named = z.object({ id: z.number(), name: z.string() })

/** What adopting a workspace made before signed approvals did (`users/adopt.ts`). */
export const AdoptResult = z.object({
  root: Named,
  endorsed: z.array(Named.extend({ role: Role })),
  /** Supervisors with no signing key: they cannot sign, so they are left out; add them again. */
  leftOut: z.array(Named),
  /** Approved, not exported corrections whose approval is unsigned. */
  unsignedApprovals: z.number()
})
export type AdoptResult = z.infer<typeof AdoptResult>
