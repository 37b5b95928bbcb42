/** Removes Vietnamese diacritics (tones and vowel marks, đ→d) and keeps case and spacing. */
export function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC')
}

/** "Trạm Y tế Phường 12" → "tram-y-te-phuong-12": ASCII, for file names and keys. */
export function slugify(s: string): string {
  return stripDiacritics(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}
