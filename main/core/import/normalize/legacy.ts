/**
 * Text typed with the pre-Unicode Vietnamese fonts (.VnTime for TCVN3/ABC, VNI-Times
 * for VNI) arrives in spreadsheets as Latin-1 look-alikes: "NguyÔn V¨n An" (TCVN3),
 * "Nguyeãn Vaên An" (VNI). We detect such text and convert it to Unicode.
 */

const VOWELS_TONED: Record<string, string> = {
  // base: [level, grave, acute, hook, tilde, dot]
  a: 'aàáảãạ',
  ă: 'ăằắẳẵặ',
  â: 'âầấẩẫậ',
  e: 'eèéẻẽẹ',
  ê: 'êềếểễệ',
  i: 'iìíỉĩị',
  o: 'oòóỏõọ',
  ô: 'ôồốổỗộ',
  ơ: 'ơờớởỡợ',
  u: 'uùúủũụ',
  ư: 'ưừứửữự',
  y: 'yỳýỷỹỵ'
}

// TCVN3 (ABC) code points, in the same [level, grave, acute, hook, tilde, dot] order.
const TCVN3_CODES: Record<string, string> = {
  a: 'aµ¸¶·¹',
  ă: '¨»¾¼½Æ',
  â: '©ÇÊÈÉË',
  e: 'eÌÐÎÏÑ',
  ê: 'ªÒÕÓÔÖ',
  i: 'i×ÝØÜÞ',
  o: 'oßãáâä',
  ô: '«åèæçé',
  ơ: '¬êíëìî',
  u: 'uïóñòô',
  ư: '\u00adõøö÷ù',
  y: 'yúýûüþ'
}
const TCVN3_UPPER: Record<string, string> = { '¡': 'Ă', '¢': 'Â', '£': 'Ê', '¤': 'Ô', '¥': 'Ơ', '¦': 'Ư', '§': 'Đ', '®': 'đ' }

const tcvn3Map = new Map<string, string>()
for (const [base, codes] of Object.entries(TCVN3_CODES)) {
  const toned = VOWELS_TONED[base] ?? ''
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] ?? ''
    if (code !== base) tcvn3Map.set(code, toned[i] ?? '')
  }
}
for (const [code, ch] of Object.entries(TCVN3_UPPER)) tcvn3Map.set(code, ch)

// VNI: a base letter followed by one or two Latin-1 marks. Tone marks in
// [grave, acute, hook, tilde, dot] order, for the plain vowels and for the ones with a hat/breve.
const VNI_TONES_PLAIN = ['ø', 'ù', 'û', 'õ', 'ï']
const VNI_TONES_HAT = ['à', 'á', 'å', 'ã', 'ä'] // after â ê ô (written aâ eâ oâ)
const VNI_TONES_BREVE = ['è', 'é', 'ú', 'ü', 'ë'] // after ă (written aê)

const vniMap = new Map<string, string>()
function addVni(seq: string, ch: string): void {
  vniMap.set(seq, ch)
  vniMap.set(seq.toUpperCase(), ch.toUpperCase())
}
for (const v of ['a', 'e', 'o', 'u', 'y']) {
  const toned = VOWELS_TONED[v] ?? ''
  VNI_TONES_PLAIN.forEach((t, i) => addVni(v + t, toned[i + 1] ?? ''))
}
for (const [v, hatted] of [
  ['a', 'â'],
  ['e', 'ê'],
  ['o', 'ô']
] as const) {
  addVni(`${v}â`, hatted)
  const toned = VOWELS_TONED[hatted] ?? ''
  VNI_TONES_HAT.forEach((t, i) => addVni(`${v}â${t}`, toned[i + 1] ?? ''))
  VNI_TONES_HAT.forEach((t, i) => addVni(v + t, toned[i + 1] ?? ''))
}
addVni('aê', 'ă')
VNI_TONES_BREVE.forEach((t, i) => addVni(`a${t}`, (VOWELS_TONED['ă'] ?? '')[i + 1] ?? ''))
// ơ and ư are single characters in VNI; their tones follow them.
for (const [code, base] of [
  ['ô', 'ơ'],
  ['ö', 'ư']
] as const) {
  addVni(code, base)
  const toned = VOWELS_TONED[base] ?? ''
  VNI_TONES_PLAIN.forEach((t, i) => addVni(code + t, toned[i + 1] ?? ''))
}
// i and the dotted y have their own single code points.
for (const [seq, ch] of [
  ['ì', 'ì'],
  ['í', 'í'],
  ['æ', 'ỉ'],
  ['ó', 'ĩ'],
  ['ò', 'ị'],
  ['î', 'ỵ'],
  ['ñ', 'đ']
] as const)
  addVni(seq, ch)

export type LegacyEncoding = 'TCVN3' | 'VNI'

// Symbols that are TCVN3 letters but never occur in Vietnamese (or other Latin) names.
const TCVN3_SYMBOLS = /[µ¸¶·¹¨»¾¼½©®ª×Þ÷þ¡¢§£¤¥¦«¬\u00ad]/g
// A Latin-1 capital right after a small letter ("NguyÔn", "ViÖt"): a TCVN3 toned vowel.
const TCVN3_CASE = /[a-z][ÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝ]/g
// Latin-1 letters that Unicode Vietnamese never uses: VNI marks after a vowel, TCVN3 letters elsewhere.
const FOREIGN = /[øûïåäëüöñæîØÛÏÅÄËÜÖÑÆÎ]/g
// VNI sequences that are also valid Unicode Vietnamese ("hoà", "hoá", "hoã").
const AMBIGUOUS_VNI = new Set(['oà', 'oá', 'oã', 'Oà', 'Oá', 'Oã', 'OÀ', 'OÁ', 'OÃ'])
const isAsciiVowel = (c: string | undefined): boolean => c !== undefined && 'aeiouyAEIOUY'.includes(c)

function vniScore(s: string): number {
  let n = 0
  for (let i = 0; i + 1 < s.length; i++) {
    const pair = s.slice(i, i + 2)
    if (pair.charCodeAt(1) > 0x7f && vniMap.has(pair) && !AMBIGUOUS_VNI.has(pair)) n++
  }
  for (const m of s.matchAll(/[ñÑöÖ]/g)) if (!isAsciiVowel(s[m.index - 1])) n++
  return n
}

function tcvn3Score(s: string): number {
  let n = (s.match(TCVN3_SYMBOLS) ?? []).length + (s.match(TCVN3_CASE) ?? []).length
  for (const m of s.matchAll(FOREIGN)) if (!isAsciiVowel(s[m.index - 1])) n++
  return n
}

/** Which legacy encoding, if any, this text looks like. Unicode Vietnamese is never matched. */
export function detectLegacy(s: string): LegacyEncoding | null {
  // Text with real Vietnamese letters (ă, đ, ơ, ư, ạ...) is Unicode already.
  if (/[\u0100-\u024f\u1e00-\u1eff]/.test(s) || !/[\u00a1-\u00ff]/.test(s)) return null
  const vni = vniScore(s)
  const tcvn3 = tcvn3Score(s)
  if (vni === 0 && tcvn3 === 0) return null
  return vni > tcvn3 ? 'VNI' : 'TCVN3'
}

export function fromTcvn3(s: string): string {
  let out = ''
  for (const ch of s) out += tcvn3Map.get(ch) ?? ch
  return out.normalize('NFC')
}

export function fromVni(s: string): string {
  let out = ''
  for (let i = 0; i < s.length;) {
    // Longest match first: a base letter with up to two marks.
    const three = vniMap.get(s.slice(i, i + 3))
    if (three !== undefined) {
      out += three
      i += 3
      continue
    }
    const two = vniMap.get(s.slice(i, i + 2))
    if (two !== undefined) {
      out += two
      i += 2
      continue
    }
    const ch = s[i] ?? ''
    out += vniMap.get(ch) ?? ch
    i += 1
  }
  return out.normalize('NFC')
}

/** Converts legacy-encoded text to Unicode; returns null when the text is not legacy-encoded. */
export function convertLegacy(s: string): { text: string; encoding: LegacyEncoding } | null {
  const encoding = detectLegacy(s)
  if (!encoding) return null
  return { text: encoding === 'TCVN3' ? fromTcvn3(s) : fromVni(s), encoding }
}

let encoders: Record<LegacyEncoding, Map<string, string>> | null = null

/**
 * Unicode → TCVN3 or VNI, as a .VnTime / VNI-Times typist would have produced it (capital
 * toned letters do not exist in TCVN3's normal font and come out small). Used to build
 * test files and to check that decoding is the exact inverse.
 */
export function encodeLegacy(s: string, encoding: LegacyEncoding): string {
  if (!encoders) {
    const tcvn3 = new Map<string, string>()
    for (const [code, ch] of tcvn3Map) if (!tcvn3.has(ch)) tcvn3.set(ch, code)
    const vni = new Map<string, string>()
    for (const [seq, ch] of vniMap) if (!vni.has(ch) || (vni.get(ch)?.length ?? 0) > seq.length) vni.set(ch, seq)
    encoders = { TCVN3: tcvn3, VNI: vni }
  }
  const map = encoders[encoding]
  let out = ''
  for (const ch of s.normalize('NFC')) {
    const direct = map.get(ch)
    const lower = ch.toLowerCase()
    out += direct ?? (encoding === 'TCVN3' && lower !== ch ? (map.get(lower) ?? ch) : ch)
  }
  return out
}
