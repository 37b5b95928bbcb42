export type Gender = 'M' | 'F'

export interface PersonName {
  surname: string
  /** Middle names ("tên đệm"), zero to two. */
  middle: string[]
  given: string
}

export interface Address {
  /** House and street, or hamlet/residential group ("Số 12 ngõ 34 Nguyễn Trãi", "Tổ 5", "Thôn 3"). */
  line: string
  wardCode: string
  districtCode: string
  provinceCode: string
}

export type HardCase = 'twin' | 'namesake' | ''

/** One true human. What the files say about them is this plus noise. */
export interface Person {
  /** 0-based, in generation order. */
  index: number
  /** Stable id of the true human, also for people not in the registry. */
  key: string
  name: PersonName
  gender: Gender
  /** Days since 1970-01-01. */
  dob: number
  cccd: string
  /** Old 9-digit CMND, for people who had one. */
  cmnd: string | null
  /** 10-digit national form, or null for people without a phone. */
  phone: string | null
  address: Address
  inRegistry: boolean
  /** How the generator made this person: a twin, one of a planted namesake pair, or alone. */
  group: 'single' | 'twin' | 'namesake'
}

export type VaccineCode = 'ASTRAZENECA' | 'PFIZER' | 'MODERNA' | 'VEROCELL' | 'SPUTNIKV' | 'ABDALA' | 'HAYATVAX' | 'JANSSEN'

/** A dose the person really received. */
export interface Dose {
  number: number
  day: number
  vaccine: VaccineCode
  site: number
  lot: string
  /** Given earlier than the Ministry's minimum interval (a true event, flagged by dose checks). */
  intervalShort: boolean
}
