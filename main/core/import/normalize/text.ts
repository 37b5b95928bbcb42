/**
 * Folds text for matching: no diacritics, đ→d, lower case, punctuation to single spaces.
 * "Số CCCD/CMND" and "SO CCCD CMND" fold to the same key.
 */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
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
