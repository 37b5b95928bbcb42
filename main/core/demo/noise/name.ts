import { stripDiacritics } from '../../base/vn-text.ts'
import type { Rng } from '../../base/random.ts'
import type { PersonName } from '../types.ts'

/** A name as written on one row: split where the layout has two name columns. */
export interface WrittenName {
  /** Surname and middle names ("Họ và đệm"), or whatever stands first. */
  family: string
  /** Given name ("Tên"), or whatever stands last. */
  given: string
}

export function joinName(n: WrittenName): string {
  return n.family === '' ? n.given : n.given === '' ? n.family : `${n.family} ${n.given}`
}

interface NameRates {
  name_no_diacritics: { p: number }
  name_nfd: { p: number }
  name_upper: { p: number }
  name_spacing: { p: number }
  name_typo: { p: number }
  name_middle_dropped: { p: number }
  name_swapped: { p: number }
}

/** The structural noise (typo, dropped middle name, swapped order) excludes itself: one at most. */
export function noisyName(rng: Rng, name: PersonName, rates: NameRates, tags: string[]): WrittenName {
  let surname = name.surname
  let middle = [...name.middle]
  let given = name.given
  let swapped = false
  const structural = rng.float()
  const { name_typo: typo, name_middle_dropped: dropped, name_swapped: swap } = rates
  if (structural < typo.p) {
    const which = rng.float()
    if (which < 0.55 || (middle.length === 0 && which < 0.8)) given = typoIn(rng, given)
    else if (which < 0.8 && middle.length > 0) {
      const i = rng.int(middle.length)
      middle[i] = typoIn(rng, middle[i] ?? '')
    } else surname = typoIn(rng, surname)
    tags.push('name_typo')
  } else if (structural < typo.p + dropped.p && middle.length > 0) {
    middle = middle.slice(1)
    tags.push('name_middle_dropped')
  } else if (structural < typo.p + dropped.p + swap.p) {
    swapped = true
    tags.push('name_swapped')
  }
  let written: WrittenName = swapped
    ? { family: [...middle, given].join(' '), given: surname }
    : { family: [surname, ...middle].join(' '), given }

  // A form that changes nothing (a name with no diacritics) is not noise and is not tagged.
  const form = rng.float()
  const formed =
    form < rates.name_no_diacritics.p
      ? { tag: 'name_no_diacritics', name: mapName(written, stripDiacritics) }
      : form < rates.name_no_diacritics.p + rates.name_nfd.p
        ? { tag: 'name_nfd', name: mapName(written, (s) => s.normalize('NFD')) }
        : null
  if (formed && joinName(formed.name) !== joinName(written)) {
    written = formed.name
    tags.push(formed.tag)
  }
  if (rng.chance(rates.name_upper.p)) {
    written = mapName(written, (s) => s.toUpperCase())
    tags.push('name_upper')
  }
  if (rng.chance(rates.name_spacing.p)) {
    written = rng.chance(0.5)
      ? { family: written.family.replace(' ', '  '), given: written.given }
      : { family: written.family, given: written.given + ' ' }
    // A single-word family part has no inner space to double: pad the end instead.
    if (!/ {2}| $/.test(joinName(written))) written = { ...written, given: written.given + ' ' }
    tags.push('name_spacing')
  }
  return written
}

function mapName(n: WrittenName, f: (s: string) => string): WrittenName {
  return { family: f(n.family), given: f(n.given) }
}

// Tone marks (combining): grave, acute, tilde, hook above, dot below.
const TONES = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']
const TONE_RE = /[\u0300\u0301\u0303\u0309\u0323]/
const NEIGHBOURS: Readonly<Record<string, string>> = {
  a: 'sq',
  b: 'vn',
  c: 'xv',
  d: 'sf',
  e: 'wr',
  g: 'fh',
  h: 'gj',
  i: 'uo',
  k: 'jl',
  l: 'k',
  m: 'n',
  n: 'bm',
  o: 'ip',
  p: 'o',
  q: 'w',
  r: 'et',
  s: 'ad',
  t: 'ry',
  u: 'yi',
  v: 'cb',
  x: 'zc',
  y: 'tu'
}

/**
 * One realistic slip in one word: the wrong tone mark (Hùng → Húng), a neighbouring key,
 * a letter dropped or doubled. Always returns a different word.
 */
export function typoIn(rng: Rng, word: string): string {
  for (let attempt = 0; attempt < 8; attempt++) {
    const out = typoAttempt(rng, word)
    if (out !== word && out !== '') return out
  }
  return word + word.slice(-1)
}

function typoAttempt(rng: Rng, word: string): string {
  const letters = [...word.normalize('NFD')].reduce<string[]>((acc, ch) => {
    if (/[\u0300-\u036f]/.test(ch) && acc.length > 0) acc[acc.length - 1] += ch
    else acc.push(ch)
    return acc
  }, [])
  const kind = rng.float()
  if (kind < 0.4) {
    // Change the tone of one vowel (or add one).
    const vowels = letters.map((l, i) => ({ l, i })).filter(({ l }) => /[aeiouy]/i.test(l[0] ?? ''))
    if (vowels.length === 0) return word
    const { l, i } = rng.pick(vowels)
    const bare = [...l].filter((c) => !TONE_RE.test(c)).join('')
    const tone = rng.pick(TONES.filter((t) => !l.includes(t)))
    letters[i] = bare + tone
  } else if (kind < 0.7) {
    const i = rng.int(letters.length)
    const base = stripDiacritics(letters[i] ?? '').toLowerCase()
    const near = NEIGHBOURS[base]
    if (!near) return word
    const sub = near[rng.int(near.length)] ?? base
    letters[i] = (letters[i] ?? '') === (letters[i] ?? '').toLowerCase() ? sub : sub.toUpperCase()
  } else if (kind < 0.85 && letters.length >= 3) {
    letters.splice(1 + rng.int(letters.length - 1), 1)
  } else {
    const i = rng.int(letters.length)
    letters.splice(i, 0, letters[i] ?? '')
  }
  return letters.join('').normalize('NFC')
}
