/**
 * Every kind of noise the demo applies, with the probability the generator draws it and
 * the documented range of its measured share. Shares are of all site rows (or all
 * complaint rows for COMPLAINT_NOISE); a few kinds apply only where they can (an old
 * CMND needs a person who had one), so their measured share is below the draw, and the
 * range says so. README "Sample data and ground truth" mirrors this table; a test checks
 * that measured shares on a generated set fall inside [min, max].
 */
export interface NoiseSpec {
  /** Probability the generator draws, where the noise can apply. */
  p: number
  /** Documented range of the measured share of rows carrying the tag. */
  min: number
  max: number
  what: string
}

export const SITE_NOISE = {
  // Names
  name_no_diacritics: { p: 0.12, min: 0.09, max: 0.15, what: 'name typed without diacritics ("Nguyen Van Hung")' },
  name_nfd: { p: 0.04, min: 0.025, max: 0.055, what: 'name in Unicode NFD (decomposed), as some Mac and web tools save it' },
  name_upper: { p: 0.1, min: 0.075, max: 0.125, what: 'name in capitals' },
  name_spacing: { p: 0.03, min: 0.018, max: 0.042, what: 'double or trailing spaces in the name' },
  name_typo: {
    p: 0.025,
    min: 0.015,
    max: 0.035,
    what: 'one-letter typo: a wrong tone mark, a neighbouring key, a letter dropped or doubled'
  },
  name_middle_dropped: { p: 0.03, min: 0.018, max: 0.042, what: 'a middle name left out' },
  name_swapped: { p: 0.015, min: 0.008, max: 0.022, what: 'surname moved to the end, Western order ("Văn Hùng Nguyễn")' },
  // Birth dates
  dob_year_only: { p: 0.04, min: 0.028, max: 0.052, what: 'birth year only, as a number or text' },
  dob_day_month_swapped: {
    p: 0.02,
    min: 0.012,
    max: 0.028,
    what: 'day and month swapped (text "mm/dd/yyyy" when the day is over 12); skipped when day = month'
  },
  dob_wrong_digit: { p: 0.015, min: 0.008, max: 0.022, what: 'one digit of the day or month wrong, still a valid date' },
  dob_year_digit: { p: 0.015, min: 0.008, max: 0.022, what: 'one digit of the birth year wrong (1985 → 1986, 1958)' },
  dob_jan_first: {
    p: 0.01,
    min: 0.005,
    max: 0.016,
    what: 'day and month not known to the site, written 01/01 (skipped for people born on 1 January)'
  },
  dob_text: { p: 0.15, min: 0.12, max: 0.19, what: 'birth date as text "dd/mm/yyyy" instead of a date cell' },
  gender_missing: { p: 0.02, min: 0.012, max: 0.028, what: 'gender left empty' },
  gender_wrong: { p: 0.01, min: 0.005, max: 0.016, what: 'the other gender ticked' },
  // National ID
  id_missing: { p: 0.07, min: 0.05, max: 0.085, what: 'ID left empty' },
  id_cmnd: { p: 0.08, min: 0.035, max: 0.075, what: 'the old 9-digit CMND given instead of the CCCD (only people who had one)' },
  id_other_person: {
    p: 0.01,
    min: 0.003,
    max: 0.016,
    what: "someone else's CCCD: the row above's person's, copied down by the site clerk (only where that is another person)"
  },
  id_transposed: { p: 0.015, min: 0.008, max: 0.022, what: 'two neighbouring digits transposed' },
  id_spaces: { p: 0.03, min: 0.018, max: 0.042, what: 'spaces inside the ID ("001 085 012345")' },
  id_number: { p: 0.06, min: 0.045, max: 0.075, what: 'ID stored as a number cell, so its leading zeros are lost' },
  // Phone
  phone_missing: { p: 0.08, min: 0.05, max: 0.085, what: 'phone left empty although the person has one' },
  phone_plus84: { p: 0.08, min: 0.048, max: 0.082, what: '+84 form ("+84912345678")' },
  phone_84: { p: 0.04, min: 0.022, max: 0.046, what: '84 form without the plus' },
  phone_old_prefix: {
    p: 0.08,
    min: 0.022,
    max: 0.048,
    what: 'old 11-digit number from before the 2018 renumbering (0162→032...); only numbers that had one'
  },
  phone_number: { p: 0.05, min: 0.03, max: 0.055, what: 'phone stored as a number cell, leading zero lost' },
  phone_spaces: { p: 0.03, min: 0.015, max: 0.035, what: 'spaces or dots inside the phone ("0912 345 678")' },
  phone_other_person: {
    p: 0.01,
    min: 0.003,
    max: 0.016,
    what: "someone else's phone: the row above's person's (a family registering together; only where that is another person with a phone)"
  },
  // Address
  address_missing: { p: 0.04, min: 0.028, max: 0.052, what: 'address left empty' },
  address_abbrev: { p: 0.15, min: 0.115, max: 0.165, what: 'unit types abbreviated ("P. Hoàng Liệt, Q. Hoàng Mai")' },
  address_moved: { p: 0.02, min: 0.012, max: 0.028, what: 'a different address in the district (where the person lives now)' },
  // Dose
  vaccine_alias: {
    p: 0.3,
    min: 0.25,
    max: 0.35,
    what: 'vaccine written another way (AZ, Astra, Covishield, Comirnaty, Sinopharm, Spikevax...)'
  },
  vaccine_wrong: { p: 0.005, min: 0.002, max: 0.01, what: 'a different vaccine recorded than the one given' },
  lot_missing: { p: 0.05, min: 0.035, max: 0.065, what: 'lot number left empty' },
  dose_date_text: { p: 0.1, min: 0.075, max: 0.125, what: 'dose date as text "dd/mm/yyyy"' },
  dose_date_wrong: {
    p: 0.01,
    min: 0.005,
    max: 0.016,
    what: 'a different dose date recorded than the true one (a duplicate entered a day late counts too)'
  },
  interval_short: {
    p: 0.02,
    min: 0.005,
    max: 0.016,
    what: "a true dose given before the minimum interval since the previous one (tag on that dose's rows)"
  },
  duplicate: { p: 0.015, min: 0.01, max: 0.02, what: 'the same dose entered a second time, at the same site or another' }
} as const satisfies Record<string, NoiseSpec>

export type SiteNoiseTag = keyof typeof SITE_NOISE

/**
 * Citizens type their own identity on the portal: fewer kinds of noise, other rates.
 * Complaints are few (about 4% of people), so at 2,000 people the ranges are wide.
 */
export const COMPLAINT_NOISE = {
  name_no_diacritics: { p: 0.2, min: 0.08, max: 0.32, what: 'name typed without diacritics' },
  name_upper: { p: 0.05, min: 0.0, max: 0.12, what: 'name in capitals' },
  dob_text: { p: 0.2, min: 0.08, max: 0.32, what: 'birth date as text' },
  id_missing: { p: 0.03, min: 0.0, max: 0.08, what: 'ID left empty' },
  id_cmnd: { p: 0.1, min: 0.0, max: 0.16, what: 'old CMND given instead of the CCCD' },
  phone_plus84: { p: 0.1, min: 0.02, max: 0.26, what: '+84 form' }
} as const satisfies Record<string, NoiseSpec>

export type ComplaintNoiseTag = keyof typeof COMPLAINT_NOISE

/**
 * Tags that describe the person, not the row: every row of that person carries them.
 * not_in_registry: the true person has no registry row. twin / namesake: see registry_rows.csv.
 */
export const PERSON_TAGS = ['not_in_registry', 'twin', 'namesake'] as const
export type PersonTag = (typeof PERSON_TAGS)[number]

export type NoiseTag = SiteNoiseTag | ComplaintNoiseTag | PersonTag
