/** A sheet column's letters from its 0-based index: 0 → A, 25 → Z, 26 → AA (Excel's last, 16,383, is XFD). */
export function columnLetter(i: number): string {
  let s = ''
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s
  return s
}
