import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { now as clockNow } from '../base/clock.ts'
import { writeFileAtomic } from '../base/atomic-file.ts'
import { parsePublicKey, verifyMinisig, type PublicKey } from '../base/minisign.ts'
import { VaxError, type BilingualMessage } from '../base/errors.ts'
import { APP_VERSION } from '../base/version.ts'
import { daysBetween, emptyDay } from './daily.ts'
import { PROVINCE_TOTAL, REPORT_FORMAT, type Counts, type DayRow, type ReportFile, type ReportSource, type UnitRow } from './report-file.ts'
import { buildReportWorkbook } from './report-workbook.ts'
import { readReport, type ReadReport } from './read-report.ts'

export interface MergeOptions {
  files: string[]
  /** The districts' public keys (.pub files' text), obtained apart from the reports. */
  publicKeys: string[]
  out: string
  now?: Date
}

interface Verified {
  file: string
  sha256: string
  keyId: string
  report: ReadReport
}

const field = (trusted: string, name: string) => new RegExp(`(?:^|\\s)${name}:(\\S*)`).exec(trusted)?.[1] ?? null

/** One file checked: its signature against the given keys, then what it says it is. */
async function verifyOne(file: string, keys: PublicKey[]): Promise<Verified | BilingualMessage> {
  const name = basename(file)
  if (!existsSync(file)) return { vi: `${name}: không tìm thấy tệp.`, en: `${name}: file not found.` }
  const sigPath = `${file}.minisig`
  if (!existsSync(sigPath))
    return { vi: `${name}: không có chữ ký (${name}.minisig) bên cạnh.`, en: `${name}: no signature (${name}.minisig) beside it.` }
  const content = readFileSync(file)
  const minisig = readFileSync(sigPath, 'utf8')
  const verdicts = keys.map((k) => verifyMinisig(content, minisig, k))
  const ok = verdicts.find((v) => v.ok)
  if (!ok || !ok.ok) {
    const matched = verdicts.find((v) => !v.ok && v.problem !== 'key-mismatch')
    if (!matched) {
      const id = verdicts.find((v) => !v.ok)?.keyId ?? '?'
      return {
        vi: `${name}: được ký bằng khoá ${id}, không thuộc các khoá công khai đã cho.`,
        en: `${name}: signed with key ${id}, which is not among the public keys given.`
      }
    }
    return matched.ok === false && matched.problem === 'format'
      ? { vi: `${name}: tệp chữ ký hỏng hoặc sai định dạng.`, en: `${name}: the signature file is damaged or not in minisign format.` }
      : {
          vi: `${name}: chữ ký không khớp — tệp đã bị sửa sau khi ký.`,
          en: `${name}: the signature does not match — the file was changed after it was signed.`
        }
  }
  const trusted = ok.trustedComment
  if (field(trusted, 'report') !== 'district') {
    return { vi: `${name}: không phải báo cáo cấp huyện của VaxRecon.`, en: `${name}: not a VaxRecon district report.` }
  }
  let report: ReadReport
  try {
    report = await readReport(content, name)
  } catch (e) {
    return e instanceof VaxError ? { vi: e.vi, en: e.en } : { vi: `${name}: không đọc được.`, en: `${name}: cannot be read.` }
  }
  // The bytes are signed, so a summary that disagrees with the signed comment was made by something else than VaxRecon.
  if (
    report.level !== 'district' ||
    report.districtCode !== field(trusted, 'district') ||
    report.from !== field(trusted, 'from') ||
    report.to !== field(trusted, 'to')
  ) {
    return {
      vi: `${name}: trang tổng hợp không khớp với nội dung đã ký.`,
      en: `${name}: the summary sheet disagrees with what was signed.`
    }
  }
  return { file, sha256: createHash('sha256').update(content).digest('hex'), keyId: ok.keyId, report }
}

function refuse(problems: BilingualMessage[]): VaxError {
  return new VaxError('REPORT_MERGE_REFUSED', {
    vi: `Không gộp báo cáo:\n  ${problems.map((p) => p.vi).join('\n  ')}`,
    en: `Reports not merged:\n  ${problems.map((p) => p.en).join('\n  ')}`
  })
}

/** The same checks across files: one report per district, one period, one province. */
function crossCheck(all: Verified[]): BilingualMessage[] {
  const problems: BilingualMessage[] = []
  const byDistrict = new Map<string, string[]>()
  for (const v of all)
    byDistrict.set(v.report.districtCode ?? '', [...(byDistrict.get(v.report.districtCode ?? '') ?? []), basename(v.file)])
  for (const [code, files] of byDistrict) {
    if (files.length > 1)
      problems.push({
        vi: `Hai báo cáo của cùng huyện ${code}: ${files.join(', ')}.`,
        en: `Two reports of the same district ${code}: ${files.join(', ')}.`
      })
  }
  const periods = [...new Set(all.map((v) => `${v.report.from} → ${v.report.to}`))]
  if (periods.length > 1) {
    const list = all.map((v) => `${basename(v.file)}: ${v.report.from} → ${v.report.to}`).join('; ')
    problems.push({
      vi: `Các báo cáo khác kỳ báo cáo (${list}). Hãy lập lại với cùng --from và --to.`,
      en: `The reports cover different periods (${list}). Make them again with the same --from and --to.`
    })
  }
  const provinces = [...new Set(all.map((v) => v.report.provinceCode ?? ''))]
  if (provinces.length > 1)
    problems.push({
      vi: `Các huyện thuộc nhiều tỉnh khác nhau (${provinces.join(', ')}).`,
      en: `The districts belong to different provinces (${provinces.join(', ')}).`
    })
  return problems
}

const sumCounts = <T extends object>(rows: T[], zero: T): T => {
  const t = { ...zero }
  for (const r of rows) for (const k of Object.keys(t) as (keyof T)[]) (t[k] as number) += r[k] as number
  return t
}

function provinceReport(all: Verified[], now: Date): ReportFile {
  const first = all[0]?.report as ReadReport
  const provinceCode = first.provinceCode ?? ''
  const sorted = [...all].sort((a, b) => (a.report.districtCode ?? '').localeCompare(b.report.districtCode ?? ''))
  const districtRow = (v: Verified): UnitRow => {
    const total = v.report.units.find((u) => u.kind === 'district')
    if (!total) throw refuse([{ vi: `${basename(v.file)}: thiếu dòng toàn huyện.`, en: `${basename(v.file)}: no district total row.` }])
    return {
      kind: 'district',
      code: v.report.districtCode ?? '',
      name: v.report.districtName ?? v.report.districtCode ?? '',
      counts: total.counts
    }
  }
  const units = sorted.map(districtRow)
  const zero = Object.fromEntries(Object.keys(units[0]?.counts ?? {}).map((k) => [k, 0])) as Counts
  units.push({
    kind: 'province',
    code: provinceCode,
    name: PROVINCE_TOTAL,
    counts: sumCounts(
      units.map((u) => u.counts),
      zero
    )
  })

  const days: DayRow[] = []
  for (const date of daysBetween(first.from, first.to)) {
    const rows = sorted.map((v, i) => {
      const d = v.report.days.find((x) => x.date === date && x.kind === 'district')
      if (!d) throw refuse([{ vi: `${basename(v.file)}: thiếu số liệu ngày ${date}.`, en: `${basename(v.file)}: no figures for ${date}.` }])
      return { ...d, name: units[i]?.name ?? d.name }
    })
    days.push(...rows, {
      date,
      kind: 'province',
      code: provinceCode,
      name: PROVINCE_TOTAL,
      counts: sumCounts(
        rows.map((r) => r.counts),
        emptyDay()
      )
    })
  }
  const sources: ReportSource[] = sorted.map((v) => ({
    districtCode: v.report.districtCode ?? '',
    districtName: v.report.districtName ?? '',
    signer: v.report.signerName,
    keyId: v.keyId,
    sha256: v.sha256,
    file: basename(v.file)
  }))
  return {
    format: REPORT_FORMAT,
    level: 'province',
    districtCode: null,
    districtName: null,
    provinceCode: first.provinceCode,
    provinceName: first.provinceName,
    from: first.from,
    to: first.to,
    generatedAt: now.toISOString(),
    signer: null,
    appVersion: APP_VERSION,
    units,
    days,
    batches: [],
    sources
  }
}

/**
 * Merges district reports into a province report. Every file must carry a valid
 * signature by one of the given keys; the districts must be distinct, cover one period
 * and lie in one province. Any problem refuses the whole merge (listing every problem
 * found) and writes nothing.
 */
export async function mergeReports(opts: MergeOptions): Promise<{ path: string; report: ReportFile }> {
  const out = resolve(opts.out)
  if (opts.files.some((f) => resolve(f) === out)) {
    throw new VaxError('REPORT_MERGE_OUT_IS_INPUT', {
      vi: 'Tệp kết quả (--out) trùng với một báo cáo huyện đầu vào.',
      en: 'The output file (--out) is one of the district reports given.'
    })
  }
  const keys = opts.publicKeys.map(parsePublicKey)
  const checked = await Promise.all(opts.files.map((f) => verifyOne(resolve(f), keys)))
  const problems = checked.filter((c): c is BilingualMessage => !('report' in c))
  const verified = checked.filter((c): c is Verified => 'report' in c)
  problems.push(...crossCheck(verified))
  if (problems.length > 0) throw refuse(problems)
  const report = provinceReport(verified, opts.now ?? clockNow())
  writeFileAtomic(out, await buildReportWorkbook(report))
  return { path: out, report }
}
