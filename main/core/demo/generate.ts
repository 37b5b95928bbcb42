import { join } from 'node:path'
import { VaxError } from '../base/errors.ts'
import type { JobProgress } from '../base/job-context.ts'
import { COMPLAINT_COLUMNS, maybeComplain, type Complaint, type DoseRecord } from './complaints.ts'
import { DOSE_RATES, vaccinate } from './doses.ts'
import { layoutMapping } from './layouts.ts'
import { drawName, fullName } from './names.ts'
import { findNamesakes, namesakeKey } from './namesakes.ts'
import { SITE_NOISE } from './noise/rates.ts'
import { prepareOutDir } from './output-dir.ts'
import { PersonGenerator } from './people.ts'
import { REGISTRY_COLUMNS, REGISTRY_SHEET, registryCells } from './registry.ts'
import { Rng } from '../base/random.ts'
import { siteRowValues } from './site-rows.ts'
import { TruthFiles } from './truth.ts'
import type { Dose, HardCase, Person } from './types.ts'
import { buildWorld, type World } from './world.ts'
import { SiteWriter, type SiteFileInfo } from './writers/site-writer.ts'
import { TableWriter } from './writers/table-writer.ts'

export interface DemoOptions {
  persons: number
  seed: number
  onProgress?: (p: JobProgress) => void
}

export interface DemoSummary {
  outDir: string
  seed: number
  persons: number
  district: { code: string; name: string; province: string }
  registryRows: number
  notInRegistry: number
  twins: number
  namesakes: number
  sites: SiteFileInfo[]
  siteRows: number
  duplicateRows: number
  omittedDoses: number
  complaints: number
  trueComplaints: number
}

export const DEMO_LIMITS = { minPersons: 100, maxPersons: 1_000_000 } as const

/** Yield to the event loop (and let zlib catch up) this often. */
const DRAIN_EVERY = 256
const PROGRESS_EVERY = 1000

/**
 * Writes a complete, deterministic sample set into outDir: registry.xlsx, one
 * site_NN_*.xlsx per vaccination site, complaints.xlsx and truth/*.csv. The same persons
 * and seed give byte-identical files. Everything streams, so memory stays flat from a
 * hundred people to a million (only complaints, about 1% of people, are held until the end
 * so they can be sorted by time).
 */
export async function generateDemo(outDir: string, opts: DemoOptions): Promise<DemoSummary> {
  const { persons, seed } = opts
  if (!Number.isInteger(persons) || persons < DEMO_LIMITS.minPersons || persons > DEMO_LIMITS.maxPersons) {
    throw new VaxError('DEMO_PERSONS_RANGE', {
      vi: `Số người phải là số nguyên từ ${DEMO_LIMITS.minPersons} đến ${DEMO_LIMITS.maxPersons.toLocaleString('vi-VN')}.`,
      en: `The number of persons must be a whole number from ${DEMO_LIMITS.minPersons} to ${DEMO_LIMITS.maxPersons.toLocaleString('en-US')}.`
    })
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new VaxError('DEMO_SEED_RANGE', {
      vi: 'Hạt giống (seed) phải là số nguyên từ 0 đến 4294967295.',
      en: 'The seed must be a whole number from 0 to 4294967295.'
    })
  }
  const progress = opts.onProgress ?? (() => {})
  prepareOutDir(outDir)
  const world = buildWorld(seed, persons)
  progress({ done: 0, total: persons, stage: 'namesakes' })
  const run = new DemoRun(outDir, seed, world, findNamesakes(seed, world, persons))

  const gen = new PersonGenerator(seed, world, persons)
  let done = 0
  for (let group = gen.nextGroup(); group.length > 0; group = gen.nextGroup()) {
    for (const person of group) {
      run.person(person)
      done++
      if (done % DRAIN_EVERY === 0) await run.drain()
      if (done % PROGRESS_EVERY === 0) progress({ done, total: persons, stage: 'persons' })
    }
  }
  progress({ done: persons, total: persons, stage: 'finishing' })
  const summary = await run.finish(persons)
  progress({ done: persons, total: persons, stage: 'done' })
  return summary
}

/** The state of one generation: open writers, random streams and counters. */
class DemoRun {
  private readonly outDir: string
  private readonly seed: number
  private readonly world: World
  private readonly shared: Set<number>
  private readonly registry: TableWriter
  private readonly sites: SiteWriter[]
  private readonly truth: TruthFiles
  private readonly doseRng: Rng
  private readonly noiseRng: Rng
  private readonly complaintRng: Rng
  private readonly complaints: Complaint[] = []
  /** The person of the last row written at each site. */
  private readonly lastAt: (Person | null)[]
  private registryRows = 0
  private notInRegistry = 0
  private twins = 0
  private namesakes = 0
  private siteRows = 0
  private duplicateRows = 0
  private omittedDoses = 0

  constructor(outDir: string, seed: number, world: World, shared: Set<number>) {
    this.outDir = outDir
    this.seed = seed
    this.world = world
    this.shared = shared
    this.registry = new TableWriter(join(outDir, 'registry.xlsx'), REGISTRY_SHEET, REGISTRY_COLUMNS)
    this.sites = world.sites.map((s) => new SiteWriter(outDir, s, world))
    this.lastAt = world.sites.map(() => null)
    this.truth = new TruthFiles(outDir)
    this.doseRng = new Rng(seed, 'doses')
    this.noiseRng = new Rng(seed, 'noise')
    this.complaintRng = new Rng(seed, 'complaints')
  }

  person(p: Person): void {
    // Namesakes (planted or by chance) are the harder case, so they win over twin.
    const hardCase: HardCase = this.shared.has(namesakeKey(p)) ? 'namesake' : p.group === 'twin' ? 'twin' : ''
    if (hardCase === 'namesake') this.namesakes++
    if (hardCase === 'twin') this.twins++
    let registryRow: number | null = null
    if (p.inRegistry) {
      registryRow = this.registry.write(registryCells(p))
      this.registryRows++
      this.truth.row('registry_rows.csv', [registryRow, p.key, hardCase])
    } else this.notInRegistry++
    const personTags = [...(p.inRegistry ? [] : ['not_in_registry']), ...(hardCase ? [hardCase] : [])]

    const records: DoseRecord[] = []
    const omitted: Dose[] = []
    for (const dose of vaccinate(this.doseRng, p, this.world)) {
      if (this.doseRng.chance(DOSE_RATES.omitted)) {
        omitted.push(dose)
        this.omittedDoses++
        continue
      }
      const record: DoseRecord = { dose, rows: [] }
      const original = this.writeRow(p, dose, dose.site, registryRow, personTags, record, false)
      if (this.noiseRng.chance(SITE_NOISE.duplicate.p)) {
        // Entered twice: at the same site, or again by another site (a mobile team's list).
        const n = this.sites.length
        const site = this.noiseRng.chance(0.5) ? dose.site : (dose.site + 1 + this.noiseRng.int(n - 1)) % n
        const dup = this.writeRow(p, dose, site, registryRow, personTags, record, true)
        this.truth.row('duplicate_doses.csv', [dup.file, dup.row, original.file, original.row])
        this.duplicateRows++
      }
      records.push(record)
    }
    const complaint = maybeComplain(this.complaintRng, p, registryRow, records, omitted, this.world)
    if (complaint) this.complaints.push(complaint)
  }

  private writeRow(
    p: Person,
    dose: Dose,
    siteIndex: number,
    registryRow: number | null,
    personTags: readonly string[],
    record: DoseRecord,
    duplicate: boolean
  ): { file: string; row: number } {
    const rng = this.noiseRng
    const tags: string[] = duplicate ? ['duplicate'] : []
    let written = dose
    if (duplicate && rng.chance(0.1)) {
      // Re-entered from memory a day later.
      written = { ...dose, day: dose.day + 1 }
      tags.push('dose_date_wrong')
    }
    const values = siteRowValues(rng, p, written, siteIndex, this.world, tags, this.lastAt[siteIndex] ?? null)
    this.lastAt[siteIndex] = p
    const site = this.sites[siteIndex] as SiteWriter
    const row = site.write(values)
    this.siteRows++
    const file = site.site.file
    this.truth.row('site_rows.csv', [file, row, registryRow, p.key, [...personTags, ...tags].join(';')])
    record.rows.push({ file, row, tags, day: written.day, vaccine: dose.vaccine })
    return { file, row }
  }

  async drain(): Promise<void> {
    await this.registry.drain()
    for (const s of this.sites) await s.drain()
    await this.truth.drain()
  }

  async finish(persons: number): Promise<DemoSummary> {
    await this.registry.close()
    const signerRng = new Rng(this.seed, 'signers')
    const signer = () => fullName(drawName(signerRng, signerRng.chance(0.6) ? 'F' : 'M'))
    const sites: SiteFileInfo[] = []
    for (const s of this.sites) {
      const info = await s.finish([signer(), signer()])
      sites.push(info)
      this.truth.row('site_files.csv', [
        info.file,
        info.siteName,
        info.sheet,
        info.layout,
        info.headerFirstRow,
        info.headerLastRow,
        info.firstDataRow,
        info.lastDataRow,
        info.dataRows,
        layoutMapping(s.site.layout)
      ])
    }
    const trueComplaints = await this.writeComplaints()
    await this.truth.close()
    return {
      outDir: this.outDir,
      seed: this.seed,
      persons,
      district: { code: this.world.district.code, name: this.world.district.name_with_type, province: this.world.province.name_with_type },
      registryRows: this.registryRows,
      notInRegistry: this.notInRegistry,
      twins: this.twins,
      namesakes: this.namesakes,
      sites,
      siteRows: this.siteRows,
      duplicateRows: this.duplicateRows,
      omittedDoses: this.omittedDoses,
      complaints: this.complaints.length,
      trueComplaints
    }
  }

  /** The portal exports complaints in the order they arrived, numbered in that order. */
  private async writeComplaints(): Promise<number> {
    const sorted = [...this.complaints].sort((a, b) => a.submittedMinute - b.submittedMinute || a.personIndex - b.personIndex)
    const out = new TableWriter(join(this.outDir, 'complaints.xlsx'), 'Phản ánh', COMPLAINT_COLUMNS)
    let trueCount = 0
    for (const [i, c] of sorted.entries()) {
      const id = `PA21-${String(i + 1).padStart(6, '0')}`
      const row = out.write([id, ...c.cells])
      this.truth.row('complaint_rows.csv', [
        'complaints.xlsx',
        row,
        c.registryRow,
        c.personKey,
        c.isTrue ? 'true' : 'false',
        c.tags.join(';')
      ])
      for (const e of c.evidence) this.truth.row('complaint_evidence.csv', ['complaints.xlsx', row, c.type, e.file, e.row])
      if (c.isTrue) trueCount++
      if (i % DRAIN_EVERY === 0) {
        await out.drain()
        await this.truth.drain()
      }
    }
    await out.close()
    return trueCount
  }
}
