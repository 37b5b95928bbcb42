/** Just enough XML for spreadsheet parts, written for speed on millions of cells. */

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

export function decodeXml(s: string): string {
  if (s.indexOf('&') < 0) return s
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16))
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10))
    return NAMED[e] ?? m
  })
}

/** The value of one attribute inside an element's start tag (`tag` is the text between < and >). */
export function attr(tag: string, name: string): string | null {
  let i = 0
  for (;;) {
    i = tag.indexOf(name + '=', i)
    if (i < 0) return null
    const before = tag.charCodeAt(i - 1)
    // Must be a whole attribute name: preceded by whitespace.
    if (before === 32 || before === 9 || before === 10 || before === 13) {
      const q = tag[i + name.length + 1]
      if (q === '"' || q === "'") {
        const end = tag.indexOf(q, i + name.length + 2)
        if (end < 0) return null
        return decodeXml(tag.slice(i + name.length + 2, end))
      }
    }
    i += name.length + 1
  }
}

/** Every start tag of `element` in a (small) document, e.g. all <sheet .../> in workbook.xml. */
export function startTags(xml: string, element: string): string[] {
  const out: string[] = []
  const open = '<' + element
  let i = 0
  for (;;) {
    i = xml.indexOf(open, i)
    if (i < 0) return out
    const next = xml.charCodeAt(i + open.length)
    const end = xml.indexOf('>', i)
    if (end < 0) return out
    if (next === 32 || next === 62 || next === 47 || next === 9 || next === 10 || next === 13) out.push(xml.slice(i + 1, end))
    i = end
  }
}

/** Concatenated text of every <t> inside a fragment (a shared string or inline string), skipping phonetic runs. */
export function textOf(fragment: string): string {
  let s = fragment
  if (s.indexOf('<rPh') >= 0) s = s.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '')
  let out = ''
  let i = 0
  for (;;) {
    i = s.indexOf('<t', i)
    if (i < 0) return out
    const c = s.charCodeAt(i + 2)
    if (c !== 62 && c !== 32 && c !== 47) {
      i += 2
      continue
    }
    const gt = s.indexOf('>', i)
    if (gt < 0) return out
    if (s.charCodeAt(gt - 1) === 47) {
      i = gt
      continue
    }
    const end = s.indexOf('</t>', gt)
    if (end < 0) return out
    out += decodeXml(s.slice(gt + 1, end))
    i = end + 4
  }
}
