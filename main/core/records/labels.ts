import { FIELD_TABLE, SPLIT_COLUMNS, type FieldSpec, type Label, type LabelPlace } from './schema.ts'
import {
  IDENTITY_FIELDS,
  MAPPABLE_FIELDS,
  RECORD_FIELDS,
  REVIEW_FIELDS,
  specOfName,
  type IdentityField,
  type MappableField,
  type RecordField,
  type ReviewField,
  type SplitColumn
} from './fields.ts'

/** The names of the fields, as records/schema.ts declares them, for the batch file, reports and the UI. */

/** Fields whose values are dates (written dd/mm/yyyy in the batch). */
export const DATE_FIELDS: ReadonlySet<string> = new Set(
  FIELD_TABLE.filter((f) => f.value === 'yearOrDate' || f.value === 'date' || f.value === 'dateTime').map((f) => f.column)
)

/** Names that are not fields but share their labels (the batch's "dose" column). */
const EXTRA_BATCH_LABELS: Record<string, string> = { dose: 'Mũi tiêm' }
const batchLabels = new Map<string, string>(FIELD_TABLE.map((f: FieldSpec) => [f.column, (f.labelIn?.batch ?? f.label).vi]))
/** The Vietnamese name of a field as the batch file and reports show it; an unknown key stays itself. */
export const fieldLabel = (field: string): string => batchLabels.get(field) ?? EXTRA_BATCH_LABELS[field] ?? field

/** A field's English name inside a sentence: "Date of birth" → "date of birth", "ID number" stays. */
export function fieldNameEn(field: RecordField): string {
  const en = specOfName(field)?.label.en ?? field
  return /^.[A-Z]/.test(en) ? en : en.charAt(0).toLowerCase() + en.slice(1)
}

/** Which fields the UI names in each place. */
const PLACE_FIELDS = {
  label: [...RECORD_FIELDS, ...SPLIT_COLUMNS.map((s) => s.name)],
  import: MAPPABLE_FIELDS,
  review: REVIEW_FIELDS,
  link: IDENTITY_FIELDS
} satisfies Record<'label' | LabelPlace, readonly string[]>
type PlaceField = {
  label: RecordField | SplitColumn
  import: MappableField
  review: ReviewField
  link: IdentityField
}

const labelOf = (name: string, place: 'label' | LabelPlace): Label => {
  const f = specOfName(name)
  if (f) return (place === 'label' ? undefined : f.labelIn?.[place]) ?? f.label
  return SPLIT_COLUMNS.find((s) => s.name === name)?.label ?? { vi: name, en: name }
}

/** The i18n entries `<place>.field.<name>` of one language, for the renderer's dictionaries. */
export function fieldMessages<P extends keyof PlaceField>(place: P, lang: keyof Label): Record<`${P}.field.${PlaceField[P]}`, string> {
  return Object.fromEntries(PLACE_FIELDS[place].map((name) => [`${place}.field.${name}`, labelOf(name, place)[lang]])) as Record<
    `${P}.field.${PlaceField[P]}`,
    string
  >
}
