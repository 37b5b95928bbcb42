import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { en } from './en.ts'
import { vi, type MessageKey } from './vi.ts'

export type Lang = 'vi' | 'en'
const STORAGE_KEY = 'vaxrecon.lang'
const dictionaries: Record<Lang, Record<MessageKey, string>> = { vi, en }

interface I18n {
  lang: Lang
  t(key: MessageKey): string
  /** Picks the right half of a bilingual message from main. */
  pick(m: { vi: string; en: string }): string
  toggle(): void
}

const I18nContext = createContext<I18n | null>(null)

function initialLang(): Lang {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi'
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(initialLang)
  useEffect(() => {
    document.documentElement.lang = lang
    localStorage.setItem(STORAGE_KEY, lang)
  }, [lang])
  const toggle = useCallback(() => setLang((l) => (l === 'vi' ? 'en' : 'vi')), [])
  const value = useMemo<I18n>(() => ({ lang, t: (key) => dictionaries[lang][key], pick: (m) => m[lang], toggle }), [lang, toggle])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext)
  if (!ctx) throw new Error('useI18n outside I18nProvider')
  return ctx
}
