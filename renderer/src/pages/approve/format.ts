const VN = { timeZone: 'Asia/Ho_Chi_Minh' } as const
const parts = new Intl.DateTimeFormat('en-GB', { ...VN, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

/** dd/mm/yyyy hh:mm in Vietnam's time, as the batch file writes it. */
export function vnDateTime(iso: string): string {
  const p = Object.fromEntries(parts.formatToParts(new Date(iso)).map((x) => [x.type, x.value]))
  return `${p['day']}/${p['month']}/${p['year']} ${p['hour']}:${p['minute']}`
}

/** A stored date value (YYYY-MM-DD) as dd/mm/yyyy; anything else as it is. */
export function vnDateValue(v: string | null): string | null {
  const m = v ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null
  return m ? `${m[3]}/${m[2]}/${m[1]}` : v
}
