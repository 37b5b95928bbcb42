import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { cliInProcess } from '../../helpers/cli.ts'
import { tempDir } from '../../helpers/tmp.ts'

/**
 * The instants of each step, chosen at 01:30 in Vietnam: the day before in UTC and in
 * New York, so a report that took the PC's calendar day would put every event a day early.
 */
export const STEPS = {
  registry: '2021-12-27T18:30:00Z', // 28/12 01:30 in Vietnam
  sitesA: '2021-12-27T18:45:00Z', // 28/12
  sitesB: '2021-12-28T18:30:00Z', // 29/12
  match: '2021-12-29T18:30:00Z', // 30/12
  propose: '2021-12-30T18:30:00Z', // 31/12
  approve: '2021-12-31T18:30:00Z', // 01/01/2022
  export: '2022-01-01T18:30:00Z', // 02/01/2022
  report: '2022-01-03T05:00:00Z' // 03/01/2022 12:00
} as const

export const PASSWORDS = { lan: 'lan-password-1', minh: 'minh-password-1' } as const

export interface SpreadWorkspace {
  path: string
  dir: string
  siteFilesA: string[]
  siteFilesB: string[]
}

async function step(at: string, args: string[], input?: string): Promise<string> {
  process.env.VAXRECON_NOW = at
  try {
    const r = await cliInProcess(args, input)
    expect(r.code, `vaxrecon ${args.join(' ')}\n${r.stderr}`).toBe(0)
    return r.stdout
  } finally {
    delete process.env.VAXRECON_NOW
  }
}

/**
 * A demo district worked through over a week, each step on its own day through the CLI
 * with the clock set: the registry and half the sites imported on 28/12, the other half
 * on 29/12, matched on 30/12, formatting corrections proposed on 31/12, approved on
 * 01/01, exported on 02/01. Users are Lan (clerk) and Minh (supervisor).
 */
export async function spreadWorkspace(persons = 150): Promise<SpreadWorkspace> {
  const dir = tempDir('vaxrecon-report-')
  const demo = join(dir, 'demo')
  const path = join(dir, 'huyen.vaxrecon')
  await step(STEPS.registry, ['demo', demo, '--persons', String(persons), '--seed', '19'])
  await step(STEPS.registry, ['init', path, '--plain'])
  // The first user is the supervisor; after that only a signed-in supervisor adds users.
  await step(STEPS.registry, ['user', 'add', path, '--name', 'Minh', '--role', 'supervisor'], `${PASSWORDS.minh}\n`)
  await step(
    STEPS.registry,
    ['user', 'add', path, '--as', 'Minh', '--name', 'Lan', '--role', 'clerk'],
    `${PASSWORDS.minh}\n${PASSWORDS.lan}\n`
  )
  await step(STEPS.registry, ['import', path, '--kind', 'registry', join(demo, 'registry.xlsx')])
  const sites = readdirSync(demo)
    .filter((n) => n.startsWith('site_') && n.endsWith('.xlsx'))
    .sort()
  const half = Math.ceil(sites.length / 2)
  const siteFilesA = sites.slice(0, half)
  const siteFilesB = sites.slice(half)
  for (const f of siteFilesA) await step(STEPS.sitesA, ['import', path, '--kind', 'site', join(demo, f)])
  for (const f of siteFilesB) await step(STEPS.sitesB, ['import', path, '--kind', 'site', join(demo, f)])
  await step(STEPS.sitesB, ['import', path, '--kind', 'complaint', join(demo, 'complaints.xlsx')])
  await step(STEPS.match, ['match', path])
  await step(STEPS.propose, ['propose', path, '--as', 'Lan', '--accept-registry', '--class', 'formatting'], `${PASSWORDS.lan}\n`)
  await step(STEPS.approve, ['approve', path, '--as', 'Minh', '--all'], `${PASSWORDS.minh}\n`)
  await step(STEPS.export, ['export', path, '--as', 'Minh', '--out', join(dir, 'lo')], `${PASSWORDS.minh}\n`)
  return { path, dir, siteFilesA, siteFilesB }
}
