import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { COMPLAINT_NOISE, SITE_NOISE, type NoiseSpec } from '../../main/core/demo/noise/rates.ts'
import { TRUTH_HEADERS } from '../../main/core/demo/truth.ts'

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
const section = readme.slice(readme.indexOf('## Sample data and ground truth'), readme.indexOf('## Tests'))
const pct = (x: number) => `${+(x * 100).toFixed(2)}%`

test('the README documents every noise tag with the rates the code uses', () => {
  const [siteTable = '', complaintTable = ''] = section.split('On complaints')
  const check = (table: string, specs: Record<string, NoiseSpec>) => {
    for (const [tag, s] of Object.entries(specs)) {
      const line = table.split('\n').find((l) => l.startsWith(`| \`${tag}\` |`))
      expect(line, tag).toBeDefined()
      expect(line, tag).toContain(`| ${pct(s.p)} | ${pct(s.min)}–${pct(s.max)} |`)
    }
  }
  check(siteTable, SITE_NOISE)
  check(complaintTable, COMPLAINT_NOISE)
})

test('the README documents every truth file with its exact columns', () => {
  for (const [file, header] of Object.entries(TRUTH_HEADERS)) expect(section).toContain(`| \`${file}\` | \`${header.join(',')}\``)
})
