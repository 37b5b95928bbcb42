import { formatNumber, type FormatLang } from '../format/format.ts'
import type { Res } from '../../../main/ipc/contract.ts'
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
/** Why a difference got its class (core/review/classify.ts): 'word_order' → 'đảo thứ tự từ'. */
export const diffDetailLabel = (t: T, detail: string): string => label(t, 'label.detail', detail)
export const linkStatusLabel = (t: T, status: string): string => label(t, 'link.status', status)
/** A user as the sign-in list and the adoption name them: "Lan (văn thư)". */
export const userWithRole = (t: T, u: Pick<Res<'users:state'>['users'][number], 'name' | 'role'>): string =>
  `${u.name} (${t(`users.role.${u.role}`)})`

/**
 * What an undone decision was, from core's summary ("accept_registry × 561",
 * "edit: dob, gender"): the action and fields named, the count formatted.
 */
export function decisionText(t: T, lang: FormatLang, d: { kind: string; summary: string }): string {
  const action = actionLabel(t, d.kind)
  const rest = d.summary.startsWith(d.kind) ? d.summary.slice(d.kind.length) : ''
  const many = /^ × (\d+)$/.exec(rest)
  if (many) return `${action} × ${formatNumber(Number(many[1]), lang)}`
  if (rest.startsWith(': '))
    return `${action}: ${rest
      .slice(2)
      .split(', ')
      .map((f) => fieldLabel(t, f))
      .join(', ')}`
  return action
}
