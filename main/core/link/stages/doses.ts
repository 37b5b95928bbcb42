import { checkDoses, type DoseIssue } from '../dose-checks.ts'
import { dobString } from '../prepare.ts'
import { siteRows, type EngineContext } from './context.ts'
import type { Persons } from './persons.ts'

/** Dose checks on every person, against the registry's birth date where linked. */
export function checkPersonDoses(ec: EngineContext, grouped: Persons): (DoseIssue & { person: number })[] {
  const { registry, opts } = ec
  ec.job.progress({ done: 0, total: null, stage: 'doses' })
  const doseIssues: (DoseIssue & { person: number })[] = []
  grouped.persons.forEach((p, i) => {
    const rows = siteRows(ec, p.rows)
    const target = grouped.linkedTarget(p)
    const reg = target !== null ? registry[ec.regIndex.get(target) ?? -1] : undefined
    const dob = dobString(reg?.dob ?? rows.find((r) => r.dob)?.dob ?? null)
    const issues = checkDoses(
      rows.map((r) => ({ recordId: r.id, vaccine: r.vaccine, doseNumber: r.doseNumber, doseDate: r.doseDate })),
      dob,
      { duplicateWindowDays: opts.duplicateWindowDays, today: opts.today }
    )
    for (const issue of issues) doseIssues.push({ ...issue, person: i })
  })
  return doseIssues
}
