import type { MessageKey } from './vi.ts'
import { vi } from './vi.ts'

type T = (key: MessageKey) => string

/** A name for a key core keeps, in the language shown; a key with no name yet stays visible as itself. */
function label(t: T, prefix: string, key: string): string {
  const k = `${prefix}.${key}`
  return k in vi ? t(k as MessageKey) : key
}

export const fieldLabel = (t: T, field: string): string => label(t, 'label.field', field)
export const proposalStatusLabel = (t: T, status: string): string => label(t, 'label.proposal', status)
export const actionLabel = (t: T, action: string): string => label(t, 'label.action', action)
export const linkStatusLabel = (t: T, status: string): string => label(t, 'link.status', status)
