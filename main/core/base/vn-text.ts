/**
 * Vietnamese text, folded for the three purposes the app has. Names arrive NFC and
 * title-cased from import, but clerks type everything, so nothing here trusts that.
 * đ is a letter of its own in Unicode, not d plus a mark, so every fold maps it by hand.
 *
 * - foldForMatch: lower case without diacritics, spacing and punctuation kept: how names
 *   and addresses are compared ("Trần Thị" and "tran thi" are the same name).
 * - foldToKey: foldForMatch with punctuation and runs of spaces made one space: how header
 *   synonyms and codes are looked up ("Số CCCD/CMND" and "SO CCCD CMND" are one key).
 * - stripDiacritics: case and spacing kept, for text a person reads (demo data, file names).
 */

const COMBINING = /[\u0300-\u036f]/g

/** Lower-case NFC: the form in which "exact with diacritics" is judged. */
export function lowerNfc(s: string): string {
  return s.normalize('NFC').toLowerCase()
}

export function foldForMatch(s: string): string {
  return s.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase()
}

export function foldToKey(s: string): string {
  return foldForMatch(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

export function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC')
}

/** "Trạm Y tế Phường 12" → "tram-y-te-phuong-12": ASCII, for file names and keys. */
export function slugify(s: string): string {
  return stripDiacritics(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

/** True when the text carries any Vietnamese diacritic (so it was typed with marks). */
export function hasDiacritics(s: string): boolean {
  return foldForMatch(s) !== lowerNfc(s)
}

/** Words of a name or address: split on spaces and the punctuation clerks put between them. */
export function tokens(s: string): string[] {
  return s
    .split(/[\s,.;:/\\()-]+/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
}

// Anything cleanText would change: combining marks (NFC), odd spaces, runs or ends of whitespace.
const NEEDS_CLEANING = /[\u0300-\u036f\u00a0\ufeff\t\n\r\f\v]|\u200b|\u200c|\u200d|\s\s|^\s|\s$/

/** NFC, trimmed, single spaces (non-breaking and zero-width spaces included). */
export function cleanText(s: string): string {
  // Most cells are clean already; NFC normalization is costly on a million rows.
  if (!NEEDS_CLEANING.test(s)) return s
  return s
    .normalize('NFC')
    .replace(/\u200b|\u200c|\u200d|\ufeff/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
}
