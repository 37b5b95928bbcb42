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

/** NFC, trimmed, single spaces (non-breaking and zero-width spaces included). */
export function cleanText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\u200b|\u200c|\u200d|\ufeff/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
}
