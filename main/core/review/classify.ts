import { oneDigitOrSwap, oneEditApart } from '../base/similarity.ts'
import { foldForMatch, hasDiacritics, tokens } from '../base/vn-text.ts'
import type { DiffClass, ReviewField } from './fields.ts'

/**
 * Says how two values of one field differ, and why:
 * - formatting: the same value written differently (Unicode form, spacing, case, or typed
 *   without diacritics at all: "Nguyen Van Anh" for "Nguyễn Văn Anh");
 * - minor: one slip of the keyboard (one letter, one digit, two swapped neighbours) or a
 *   day/month swap;
 * - missing: empty on one side, or only partly there (a birth year for a full date);
 * - conflict: anything else.
 * Values arrive normalized by import, so most formatting noise is already gone; what is
 * left is what a clerk must see.
 */
export interface Classified {
  class: DiffClass
  detail: string
}

export interface ClassifyContext {
  /** The registry person's old 9-digit CMND, to recognise it on the site side. */
  registryOldId?: string | null
  siteWard?: string | null
  registryWard?: string | null
}

const c = (cls: DiffClass, detail: string): Classified => ({ class: cls, detail })
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim()
const empty = (v: string | null | undefined): v is null | undefined | '' => v === null || v === undefined || v.trim() === ''

function classifyText(site: string, registry: string): Classified | null {
  const a = site.normalize('NFC')
  const b = registry.normalize('NFC')
  if (a === b) return site === registry ? null : c('formatting', 'unicode')
  const sa = squash(a)
  const sb = squash(b)
  if (sa === sb) return c('formatting', 'spacing')
  const la = sa.toLowerCase()
  const lb = sb.toLowerCase()
  if (la === lb) return c('formatting', 'case')
  const fa = foldForMatch(la)
  const fb = foldForMatch(lb)
  const plain = !hasDiacritics(a) || !hasDiacritics(b)
  if (fa === fb) {
    // Typed without any marks is formatting; marks on both sides that disagree are
    // different letters ("Anh" and "Ánh" are two names).
    if (plain) return c('formatting', 'diacritics')
    let differing = 0
    for (let i = 0; i < la.length; i++) if (la[i] !== lb[i]) differing++
    return differing === 1 ? c('minor', 'diacritic') : c('conflict', 'diacritics')
  }
  if (oneEditApart(la, lb) || (plain && oneEditApart(fa, fb))) return c('minor', 'typo')
  const ta = tokens(fa)
  const tb = tokens(fb)
  if (ta.length === tb.length && [...ta].sort().join(' ') === [...tb].sort().join(' ')) return c('conflict', 'word_order')
  const [short, long] = ta.length < tb.length ? [ta, tb] : [tb, ta]
  if (short.length > 0 && short.every((t) => long.includes(t))) return c('conflict', 'word_missing')
  return c('conflict', 'different')
}

// Abbreviations of administrative unit words, as typed on site lists ("P. 11", "Q. Gò Vấp").
const UNIT_WORDS: Record<string, string> = {
  p: 'phuong',
  f: 'phuong',
  q: 'quan',
  tp: 'thanh pho',
  x: 'xa',
  h: 'huyen',
  tt: 'thi tran',
  tx: 'thi xa',
  kp: 'khu pho'
}

/** An address as comparable words: folded, abbreviations spelled out, "05" read as "5". */
function addressKey(s: string): string {
  return foldForMatch(s)
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => UNIT_WORDS[w] ?? (/^\d+$/.test(w) ? String(Number(w)) : w))
    .join(' ')
}

function classifyAddress(site: string, registry: string, ctx: ClassifyContext): Classified | null {
  // The same ward is the same place: house numbers and hamlet spellings are not corrected.
  if (ctx.siteWard && ctx.registryWard && ctx.siteWard === ctx.registryWard) return null
  const text = classifyText(site, registry)
  if (text === null || text.class !== 'conflict') return text
  const a = addressKey(site)
  const b = addressKey(registry)
  if (a === b) return c('formatting', 'abbreviation')
  // One side names fewer units of the same place ("Khu phố 4, P. 11" within the full address).
  if (b.startsWith(a) || b.endsWith(a) || a.startsWith(b) || a.endsWith(b)) return c('missing', 'partial')
  return text
}

const swapDayMonth = (d: string): string => `${d.slice(0, 4)}-${d.slice(8, 10)}-${d.slice(5, 7)}`

function classifyDob(site: string, registry: string): Classified | null {
  if (site === registry) return null
  if (site.length === 4 || registry.length === 4) {
    return site.slice(0, 4) === registry.slice(0, 4) ? c('missing', 'year_only') : c('conflict', 'different')
  }
  if (swapDayMonth(site) === registry) return c('minor', 'day_month_swap')
  if (oneDigitOrSwap(site, registry)) return c('minor', 'typo')
  return c('conflict', 'different')
}

const compactId = (s: string): string => s.replace(/[\s.-]/g, '').toUpperCase()

function classifyId(site: string, registry: string, ctx: ClassifyContext): Classified | null {
  if (site === registry) return null
  const a = compactId(site)
  const b = compactId(registry)
  if (a === b) return c('formatting', 'spacing')
  if (ctx.registryOldId && a === compactId(ctx.registryOldId)) return c('minor', 'old_id')
  if (/^\d+$/.test(a) && /^\d+$/.test(b) && a.length < b.length && a.padStart(b.length, '0') === b) {
    return c('formatting', 'leading_zeros')
  }
  if (oneDigitOrSwap(a, b)) return c('minor', isAdjacentSwap(a, b) ? 'transposition' : 'typo')
  return c('conflict', 'different')
}

function isAdjacentSwap(a: string, b: string): boolean {
  let i = 0
  while (i < a.length && a[i] === b[i]) i++
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i]
}

const nationalPhone = (s: string): string => {
  const d = s.replace(/\D/g, '')
  return d.startsWith('84') && d.length >= 11 ? '0' + d.slice(2) : d
}

function classifyPhone(site: string, registry: string): Classified | null {
  if (site === registry) return null
  const a = nationalPhone(site)
  const b = nationalPhone(registry)
  if (a === b) return c('formatting', 'format')
  if (oneEditApart(a, b)) return c('minor', 'typo')
  return c('conflict', 'different')
}

export function classify(
  field: ReviewField,
  site: string | null | undefined,
  registry: string | null | undefined,
  ctx: ClassifyContext = {}
): Classified | null {
  if (empty(site) && empty(registry)) return null
  if (empty(site)) return c('missing', 'site_missing')
  if (empty(registry)) return c('missing', 'registry_missing')
  switch (field) {
    case 'full_name':
      return classifyText(site, registry)
    case 'address':
      return classifyAddress(site, registry, ctx)
    case 'dob':
      return classifyDob(site, registry)
    case 'gender':
      return site === registry ? null : c('conflict', 'different')
    case 'national_id':
      return classifyId(site, registry, ctx)
    case 'phone':
      return classifyPhone(site, registry)
  }
}
