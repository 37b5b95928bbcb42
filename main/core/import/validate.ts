import { z } from 'zod'
import type { SourceKind } from './fields.ts'

/**
 * The normalized record, one zod schema per source kind: the last gate before a row is
 * written. Normalizers already produce these shapes; a row that still fails is rejected.
 */
const code = (len: number) =>
  z
    .string()
    .regex(new RegExp(`^\\d{${len}}$`))
    .nullable()
const date = z
  .string()
  .regex(/^\d{4}(-\d{2}-\d{2})?$/)
  .nullable()

const Person = z.object({
  full_name: z.string().min(1).nullable(),
  dob: date,
  gender: z.enum(['M', 'F']).nullable(),
  national_id: z.string().min(1).nullable(),
  id_kind: z.enum(['CCCD', 'CMND', 'PASSPORT', 'OTHER']).nullable(),
  old_national_id: z.string().min(1).nullable(),
  phone: z
    .string()
    .regex(/^0\d{9,10}$/)
    .nullable(),
  address: z.string().min(1).nullable(),
  province_code: code(2),
  district_code: code(3),
  ward_code: code(5)
})

const Dose = z.object({
  vaccine: z.string().nullable(),
  lot: z.string().nullable(),
  dose_number: z.number().int().min(1).max(10).nullable(),
  dose_date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  site_name: z.string().nullable()
})

const Complaint = z.object({
  complaint_id: z.string().nullable(),
  submitted_at: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/)
    .nullable(),
  complaint_type: z.string().nullable(),
  description: z.string().nullable()
})

const none = z.null()
export const SiteRecord = Person.extend(Dose.shape).extend({
  complaint_id: none,
  submitted_at: none,
  complaint_type: none,
  description: none
})
export const RegistryRecord = Person.extend({
  vaccine: none,
  lot: none,
  dose_number: none,
  dose_date: none,
  site_name: none,
  complaint_id: none,
  submitted_at: none,
  complaint_type: none,
  description: none
})
export const ComplaintRecord = Person.extend(Dose.shape).extend(Complaint.shape)

export type NormalizedRecord = z.infer<typeof ComplaintRecord>
export const RECORD_SCHEMAS: Record<SourceKind, z.ZodType<NormalizedRecord>> = {
  site: SiteRecord as z.ZodType<NormalizedRecord>,
  registry: RegistryRecord as z.ZodType<NormalizedRecord>,
  complaint: ComplaintRecord
}
