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
