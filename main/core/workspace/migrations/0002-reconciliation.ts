/**
 * Linkage, review, approval and export: the tables the workflow after import fills.
 */
export const sql = `
-- A site person is a cluster of site rows believed to be one human being.
CREATE TABLE persons (
  id         INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL
) STRICT;
ALTER TABLE records ADD COLUMN person_id INTEGER REFERENCES persons(id) ON DELETE SET NULL;
CREATE INDEX records_person ON records(person_id);

CREATE TABLE match_runs (
  id            INTEGER PRIMARY KEY,
  started_at    TEXT NOT NULL,
  finished_at   TEXT,
  params_json   TEXT NOT NULL,
  model_json    TEXT
) STRICT;

-- subject is a site person or a complaint row; target is a registry row.
CREATE TABLE links (
  id                 INTEGER PRIMARY KEY,
  run_id             INTEGER REFERENCES match_runs(id),
  subject_kind       TEXT NOT NULL CHECK (subject_kind IN ('person', 'complaint')),
  subject_id         INTEGER NOT NULL,
  registry_record_id INTEGER REFERENCES records(id),
  match_weight       REAL,
  match_probability  REAL,
  status             TEXT NOT NULL,
  contributions_json TEXT NOT NULL DEFAULT '[]',
  decided_by         TEXT,
  decided_at         TEXT
) STRICT;
CREATE INDEX links_subject ON links(subject_kind, subject_id);
CREATE INDEX links_registry ON links(registry_record_id);

CREATE TABLE candidates (
  id                 INTEGER PRIMARY KEY,
  subject_kind       TEXT NOT NULL,
  subject_id         INTEGER NOT NULL,
  registry_record_id INTEGER NOT NULL REFERENCES records(id),
  match_weight       REAL NOT NULL,
  contributions_json TEXT NOT NULL
) STRICT;
CREATE INDEX candidates_subject ON candidates(subject_kind, subject_id);

CREATE TABLE dose_issues (
  id        INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  record_id INTEGER REFERENCES records(id) ON DELETE CASCADE,
  kind      TEXT NOT NULL,
  detail    TEXT NOT NULL
) STRICT;

CREATE TABLE diffs (
  id             INTEGER PRIMARY KEY,
  link_id        INTEGER NOT NULL REFERENCES links(id) ON DELETE CASCADE,
  field          TEXT NOT NULL,
  site_value     TEXT,
  registry_value TEXT,
  class          TEXT NOT NULL CHECK (class IN ('formatting', 'minor', 'conflict', 'missing')),
  status         TEXT NOT NULL DEFAULT 'open'
) STRICT;
CREATE INDEX diffs_link ON diffs(link_id);
CREATE INDEX diffs_class ON diffs(class, status);

-- A proposed correction. Who proposed it is a user; the four-eyes rule lives in core.
CREATE TABLE proposals (
  id           INTEGER PRIMARY KEY,
  diff_id      INTEGER REFERENCES diffs(id),
  record_id    INTEGER REFERENCES records(id),
  target       TEXT NOT NULL,
  field        TEXT NOT NULL,
  old_value    TEXT,
  new_value    TEXT,
  reason       TEXT,
  evidence     TEXT,
  proposed_by  INTEGER NOT NULL REFERENCES users(id),
  proposed_at  TEXT NOT NULL,
  status       TEXT NOT NULL DEFAULT 'proposed'
    CHECK (status IN ('proposed', 'approved', 'rejected', 'withdrawn', 'exported', 'superseded')),
  batch_id     INTEGER REFERENCES export_batches(id)
) STRICT;
CREATE INDEX proposals_status ON proposals(status);

CREATE TABLE approvals (
  id          INTEGER PRIMARY KEY,
  proposal_id INTEGER NOT NULL REFERENCES proposals(id),
  verdict     TEXT NOT NULL CHECK (verdict IN ('approved', 'rejected', 'withdrawn')),
  decided_by  INTEGER NOT NULL REFERENCES users(id),
  decided_at  TEXT NOT NULL,
  comment     TEXT
) STRICT;

CREATE TABLE export_batches (
  id              INTEGER PRIMARY KEY,
  batch_no        TEXT NOT NULL UNIQUE,
  file_name       TEXT NOT NULL,
  file_hash       TEXT NOT NULL,
  signer_id       INTEGER NOT NULL REFERENCES users(id),
  key_fingerprint TEXT NOT NULL,
  correction_count INTEGER NOT NULL,
  created_at      TEXT NOT NULL
) STRICT;

CREATE TABLE complaint_outcomes (
  id           INTEGER PRIMARY KEY,
  record_id    INTEGER NOT NULL REFERENCES records(id),
  outcome      TEXT NOT NULL CHECK (outcome IN ('approved', 'deferred', 'rejected')),
  reason_code  TEXT NOT NULL,
  note         TEXT,
  decided_by   INTEGER NOT NULL REFERENCES users(id),
  decided_at   TEXT NOT NULL
) STRICT;
`
