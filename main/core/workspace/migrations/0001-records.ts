/**
 * Users, imports with their provenance, normalized rows, rejects and the audit log:
 * everything the import step needs. Canonical field names match the CLI and the UI.
 */
export const sql = `
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE users (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL UNIQUE,
  role            TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor')),
  password_hash   TEXT NOT NULL,
  public_key      TEXT,
  secret_key_enc  TEXT,
  created_at      TEXT NOT NULL,
  disabled_at     TEXT
) STRICT;

CREATE TABLE imports (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('site', 'registry', 'complaint')),
  file_name     TEXT NOT NULL,
  file_hash     TEXT NOT NULL,
  sheet         TEXT,
  header_row    INTEGER,
  -- 2 when the header spans two rows; headers_json lists its labels in column order.
  header_rows   INTEGER NOT NULL DEFAULT 1,
  headers_json  TEXT NOT NULL DEFAULT '[]',
  mapping_json  TEXT NOT NULL DEFAULT '{}',
  rows_read     INTEGER NOT NULL DEFAULT 0,
  rows_imported INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0,
  rows_blank    INTEGER NOT NULL DEFAULT 0,
  -- warning code → count, for the import report.
  warnings_json TEXT NOT NULL DEFAULT '{}',
  imported_at   TEXT NOT NULL,
  imported_by   TEXT,
  UNIQUE (kind, file_hash)
) STRICT;

CREATE TABLE mapping_templates (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL UNIQUE,
  kind             TEXT NOT NULL CHECK (kind IN ('site', 'registry', 'complaint')),
  header_signature TEXT NOT NULL,
  mapping_json     TEXT NOT NULL,
  created_at       TEXT NOT NULL
) STRICT;

-- One row per imported spreadsheet row, whatever its kind. raw_json keeps the cells
-- exactly as read so the normalized values can always be explained.
CREATE TABLE records (
  id              INTEGER PRIMARY KEY,
  import_id       INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  kind            TEXT NOT NULL CHECK (kind IN ('site', 'registry', 'complaint')),
  source_sheet    TEXT NOT NULL,
  source_row      INTEGER NOT NULL,
  raw_json        TEXT NOT NULL,
  full_name       TEXT,
  dob             TEXT,
  gender          TEXT CHECK (gender IN ('M', 'F')),
  national_id     TEXT,
  id_kind         TEXT,
  old_national_id TEXT,
  phone           TEXT,
  address         TEXT,
  province_code   TEXT,
  district_code   TEXT,
  ward_code       TEXT,
  vaccine         TEXT,
  lot             TEXT,
  dose_number     INTEGER,
  dose_date       TEXT,
  site_name       TEXT,
  complaint_id    TEXT,
  submitted_at    TEXT,
  complaint_type  TEXT,
  description     TEXT,
  warnings_json   TEXT NOT NULL DEFAULT '[]',
  UNIQUE (import_id, source_sheet, source_row)
) STRICT;
CREATE INDEX records_kind ON records(kind);
CREATE INDEX records_national_id ON records(national_id);

CREATE TABLE rejects (
  id           INTEGER PRIMARY KEY,
  import_id    INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  source_sheet TEXT NOT NULL,
  source_row   INTEGER NOT NULL,
  raw_json     TEXT NOT NULL,
  reason_code  TEXT NOT NULL,
  reason_vi    TEXT NOT NULL,
  reason_en    TEXT NOT NULL
) STRICT;
CREATE INDEX rejects_import ON rejects(import_id);

-- Append-only and hash-chained; the triggers stop the app (and careless tools) from
-- rewriting history, and the chain catches anyone who drops the triggers first.
CREATE TABLE audit_log (
  seq        INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  actor      TEXT,
  action     TEXT NOT NULL,
  entity     TEXT NOT NULL,
  entity_id  TEXT,
  old_json   TEXT,
  new_json   TEXT,
  reason     TEXT,
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`
