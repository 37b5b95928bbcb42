import { VaxError } from '../base/errors.ts'
import { foldForMatch } from '../base/vn-text.ts'

/**
 * User names are what the audit trail and the four-eyes rule tell people apart by, so two
 * names that read the same are one name: "nguyễn thị lan" is "Nguyễn Thị Lan", and a
 * Cyrillic "а" in "Hоa" would pass for Latin. Names are compared by this key, and a name
 * that mixes scripts is refused outright.
 */
export function userNameKey(name: string): string {
  return foldForMatch(name.normalize('NFKC')).replace(/\s+/g, ' ').trim()
}

const SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Armenian', 'Han', 'Arabic', 'Hebrew', 'Thai'] as const
const SCRIPT_RE = SCRIPTS.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'u')] as const)

/** The scripts a name's letters come from (a letter of no listed script counts as 'Other'). */
export function scriptsOf(name: string): string[] {
  const found = new Set<string>()
  for (const ch of name.normalize('NFC')) {
    if (!/\p{L}/u.test(ch)) continue
    found.add(SCRIPT_RE.find(([, re]) => re.test(ch))?.[0] ?? 'Other')
  }
  return [...found]
}

/** Refuses a name whose letters come from more than one script. */
export function checkUserNameScript(name: string): void {
  const scripts = scriptsOf(name)
  if (scripts.length > 1) {
    throw new VaxError(
      'USER_NAME_MIXED_SCRIPTS',
      {
        vi: `Tên “${name}” trộn chữ của nhiều hệ chữ (${scripts.join(', ')}): có thể là chữ giả dạng chữ Latin. Hãy gõ lại tên.`,
        en: `The name “${name}” mixes letters of several scripts (${scripts.join(', ')}), perhaps look-alikes of Latin letters. Please type it again.`
      },
      { scripts }
    )
  }
}
