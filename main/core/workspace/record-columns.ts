// The declaration moved to records/ (issue 10); this keeps the importers outside review/ and splink/ unchanged until their owners move.
export type { DoseColumns, IdentityColumns } from '../records/record-columns.ts'
