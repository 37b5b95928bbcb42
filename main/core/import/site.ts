import { basename, extname } from 'node:path'
import type { Workspace } from '../workspace/workspace.ts'
import type { SourceKind } from './fields.ts'
import type { Layout } from './layout.ts'
import { headerSignature } from './mapping.ts'
import { cleanText, foldToKey } from '../base/vn-text.ts'
import type { SheetRow } from './readers/types.ts'
import { findTemplate } from './templates.ts'

/**
 * The site a list comes from, as its title rows name it. Most site lists have no
 * "Điểm tiêm" column: the site is written once above the header, in the administrative
 * block ("TRUNG TÂM Y TẾ QUẬN 1" over "TRẠM Y TẾ PHƯỜNG BẾN NGHÉ") or on a line of its own
 * ("Điểm tiêm: Trạm Y tế Phường Bến Nghé").
 */

/** "Điểm tiêm: …", "Cơ sở tiêm chủng: …", "Đơn vị: …": the site, said outright. */
const LABELLED = /^(diem tiem|noi tiem|co so tiem chung|co so tiem|co so|don vi tiem|don vi|ten co so|ten don vi)$/
/** Words that open the name of a place that vaccinates. */
const FACILITY = /^(tram y te|tyt|trung tam y te|ttyt|benh vien|bv|phong kham|pkdk|diem tiem|trung tam kiem soat benh tat|cdc)\b/

/** Canonical casing of the words that open facility and place names, for titles in capitals (\b is ASCII-only, hence the lookarounds). */
const CASING: [RegExp, string][] = [
  [/^Trạm Y Tế(?=\s|$)/u, 'Trạm Y tế'],
  [/^Trung Tâm Y Tế(?=\s|$)/u, 'Trung tâm Y tế'],
  [/^Bệnh Viện Đa Khoa(?=\s|$)/u, 'Bệnh viện Đa khoa'],
  [/^Bệnh Viện(?=\s|$)/u, 'Bệnh viện'],
  [/^Phòng Khám Đa Khoa(?=\s|$)/u, 'Phòng khám Đa khoa'],
  [/^Phòng Khám(?=\s|$)/u, 'Phòng khám'],
  [/^Điểm Tiêm(?=\s|$)/u, 'Điểm tiêm'],
  [/(?<=^|\s)Thị Trấn(?=\s|$)/gu, 'Thị trấn'],
  [/(?<=^|\s)Thị Xã(?=\s|$)/gu, 'Thị xã'],
  [/(?<=^|\s)Thành Phố(?=\s|$)/gu, 'Thành phố']
]

/** A title written in capitals reads as the name is usually written: "Trạm Y tế Phường Bến Nghé". */
export function tidySiteName(raw: string): string {
  const s = cleanText(raw).replace(/^[\s:.\-–]+|[\s:.\-–]+$/g, '')
  if (s !== s.toLocaleUpperCase('vi') || s === s.toLocaleLowerCase('vi')) return s
  let out = s
    .toLocaleLowerCase('vi')
    .split(' ')
    .map((w) => (w === '' ? w : (w[0] as string).toLocaleUpperCase('vi') + w.slice(1)))
    .join(' ')
  for (const [re, to] of CASING) out = out.replace(re, to)
  return out
}

/** The site named in the title rows (the rows above the header), or null. */
export function siteFromTitle(titleRows: SheetRow[]): string | null {
  let facility: string | null = null
  for (const r of titleRows) {
    for (const cell of r.cells) {
      if (typeof cell !== 'string') continue
      const text = cleanText(cell)
      const colon = text.indexOf(':')
      if (colon > 0 && LABELLED.test(foldToKey(text.slice(0, colon)))) {
        const named = tidySiteName(text.slice(colon + 1))
        if (named !== '') return named
      }
      // The administrative block names the superior first, then the unit itself: the last one wins.
      if (FACILITY.test(foldToKey(text)) && text.length <= 120) facility = tidySiteName(text)
    }
  }
  return facility
}

/** The last resort: the file's name ("TYT_Ben_Nghe.xlsx" → "TYT Ben Nghe"). */
export function siteFromFileName(path: string): string {
  return cleanText(basename(path, extname(path)).replace(/[_]+/g, ' ')) || basename(path)
}

/** The site of a file and where its name came from (the wizard shows it, the CLI prints it). */
export interface FileSite {
  name: string
  source: 'given' | 'title' | 'template' | 'file_name'
}

/**
 * The site a site list's rows get when they have none of their own: as given (`--site`,
 * the wizard), else as its title rows name it, else as the template saved for this shape
 * remembers it, else the file's name. A file with a site column names its sites row by
 * row and gets none unless one is given; registry and complaint lists have no site.
 */
export function fileSite(
  ws: Workspace,
  opts: { kind: SourceKind; site?: string; fileName: string },
  file: { head: SheetRow[]; layout: Layout; hasSiteColumn: boolean }
): FileSite | null {
  if (opts.kind !== 'site') return null
  const given = cleanText(opts.site ?? '')
  if (given !== '') return { name: given, source: 'given' }
  if (file.hasSiteColumn) return null
  const title = siteFromTitle(file.head.filter((r) => r.row < file.layout.headerRow))
  if (title) return { name: title, source: 'title' }
  const remembered = findTemplate(ws, opts.kind, headerSignature(file.layout.headers))?.siteName
  if (remembered) return { name: remembered, source: 'template' }
  return { name: siteFromFileName(opts.fileName), source: 'file_name' }
}
