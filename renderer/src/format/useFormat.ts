import { useMemo } from 'react'
import { useI18n } from '../i18n/i18n.tsx'
import { formatDateTime, formatDateValue, formatDay, formatFieldValue, formatGender, formatNumber, formatPercent } from './format.ts'

/** The formatting functions bound to the language shown (see format.ts for the rules). */
export function useFormat() {
  const { lang } = useI18n()
  return useMemo(
    () => ({
      num: (n: number | null | undefined, digits = 0) => formatNumber(n, lang, digits),
      pct: (share: number) => formatPercent(share, lang),
      date: formatDateValue,
      dateTime: formatDateTime,
      day: formatDay,
      gender: (v: string | null | undefined) => formatGender(v, lang),
      field: (field: string, v: string | null | undefined) => formatFieldValue(field, v, lang)
    }),
    [lang]
  )
}

export type Format = ReturnType<typeof useFormat>
