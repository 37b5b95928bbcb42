/**
 * VaxRecon's blocking rules (core/link/block.ts) as Splink blocking rules over the exported
 * columns: equality joins, which every Splink backend runs as hash joins. The rules that
 * look for one-letter or one-digit slips (id_edit, year_edit, address_edit) pair records
 * through deletion variants, which a join on columns cannot express; they are left out,
 * and the blocking recall this costs is measured in tests/integration/splink/.
 * Splink also keeps blocks VaxRecon skips as too big (maxBlock), so it compares more pairs.
 */
export const BLOCKING_SQL: readonly { rule: string; sql: string }[] = [
  { rule: 'id', sql: 'l."national_id" = r."national_id"' },
  { rule: 'id', sql: 'l."national_id" = r."old_national_id"' },
  { rule: 'id', sql: 'l."old_national_id" = r."national_id"' },
  { rule: 'id', sql: 'l."old_national_id" = r."old_national_id"' },
  { rule: 'dob_given', sql: 'l."dob_full" = r."dob_full" AND l."t_last" = r."t_last"' },
  { rule: 'dob_family', sql: 'l."dob_full" = r."dob_full" AND l."t_first" = r."t_first"' },
  { rule: 'year_name', sql: 'l."dob_year" = r."dob_year" AND l."name_sorted" = r."name_sorted"' },
  // VaxRecon skips sound-key blocks above 10 records; Splink cannot, and birth year with
  // the sound keys alone pairs 17 million at 200,000 × 500,000. The full date, or the year
  // within one ward, keeps the misspelt names and a few pairs per record.
  { rule: 'year_sound', sql: 'l."dob_full" = r."dob_full" AND l."sound_pair" = r."sound_pair"' },
  { rule: 'year_sound', sql: 'l."dob_year" = r."dob_year" AND l."sound_pair" = r."sound_pair" AND l."ward_code" = r."ward_code"' },
  { rule: 'name_day', sql: 'l."dob_md" = r."dob_md" AND l."name_sorted" = r."name_sorted"' },
  { rule: 'dob_place', sql: 'l."dob_full" = r."dob_full" AND l."ward_code" = r."ward_code"' },
  { rule: 'phone', sql: 'l."phone" = r."phone"' }
]
