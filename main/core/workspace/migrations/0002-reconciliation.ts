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
  status             TEXT NOT NULL CHECK (status IN ('auto', 'review', 'none', 'confirmed', 'rejected')),
  -- Why the engine would not auto-link it whatever the weight (tie, twin, namesake, conflict,
  -- rejected_before, shared_target); see main/core/link/decide.ts.
  hold_reason        TEXT,
  -- [{comparison, level, weight, frequency?, swapped?}], the prior first: the waterfall.
  contributions_json TEXT NOT NULL DEFAULT '[]',
  decided_by         TEXT,
  decided_at         TEXT
) STRICT;
CREATE INDEX links_subject ON links(subject_kind, subject_id);
CREATE INDEX links_registry ON links(registry_record_id);
-- The review band and the unlinked rows are the candidates queue.
CREATE INDEX links_status ON links(status);

CREATE TABLE candidates (
  id                 INTEGER PRIMARY KEY,
  subject_kind       TEXT NOT NULL,
  subject_id         INTEGER NOT NULL,
  registry_record_id INTEGER NOT NULL REFERENCES records(id),
  match_weight       REAL NOT NULL,
  contributions_json TEXT NOT NULL
) STRICT;
CREATE INDEX candidates_subject ON candidates(subject_kind, subject_id);

-- kind: duplicate, impossible_order, short_interval, before_birth, future, before_campaign;
-- detail is JSON (the other dose, days apart, the rule). See main/core/link/dose-checks.ts.
CREATE TABLE dose_issues (
  id        INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  record_id INTEGER REFERENCES records(id) ON DELETE CASCADE,
  kind      TEXT NOT NULL,
  detail    TEXT NOT NULL
) STRICT;
CREATE INDEX dose_issues_person ON dose_issues(person_id);

-- How each site row of a complaint's person bears on the complaint (the complaint's person
-- is records.person_id of the complaint row). relation: supports, contradicts or related;
-- reasons_json lists codes such as same_date or vaccine_differs (main/core/link/complaint-evidence.ts).
CREATE TABLE complaint_evidence (
  id                  INTEGER PRIMARY KEY,
  complaint_record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  site_record_id      INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  relation            TEXT NOT NULL CHECK (relation IN ('supports', 'contradicts', 'related')),
  reasons_json        TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX complaint_evidence_complaint ON complaint_evidence(complaint_record_id);

-- Review (main/core/review). A decision is one clerk action (a cell, a row, a bulk rule, a link
-- choice, a dose change); it is what undo takes back, so it keeps what it changed.
CREATE TABLE review_decisions (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL,
  scope        TEXT NOT NULL CHECK (scope IN ('cell', 'row', 'bulk', 'link', 'dose', 'complaint')),
  decided_by   INTEGER NOT NULL REFERENCES users(id),
  decided_at   TEXT NOT NULL,
  summary_json TEXT NOT NULL,
  undo_json    TEXT NOT NULL DEFAULT '{}',
  undone_at    TEXT
) STRICT;
CREATE INDEX review_decisions_user ON review_decisions(decided_by, undone_at, id);

-- One difference between one subject row (a site row, or a complaint) and the linked
-- registry row, for one field. The class says how serious it is, detail says why.
-- A re-run of match replaces undecided links: their diffs lose link_id for a moment and
-- are given back to the new link between the same rows (decisions, notes and undo intact).
CREATE TABLE diffs (
  id             INTEGER PRIMARY KEY,
  link_id        INTEGER REFERENCES links(id) ON DELETE SET NULL,
  registry_record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  record_id      INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  field          TEXT NOT NULL,
  site_value     TEXT,
  registry_value TEXT,
  class          TEXT NOT NULL CHECK (class IN ('formatting', 'minor', 'conflict', 'missing')),
  detail         TEXT NOT NULL DEFAULT '',
  status         TEXT NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'accepted', 'kept', 'edited', 'deferred', 'unlinked', 'resolved')),
  note           TEXT,
  decision_id    INTEGER REFERENCES review_decisions(id),
  UNIQUE (link_id, field, record_id)
) STRICT;
CREATE INDEX diffs_record ON diffs(record_id, field);

-- What a decision changed on each diff, so undo can put it back.
CREATE TABLE review_decision_diffs (
  decision_id INTEGER NOT NULL REFERENCES review_decisions(id),
  diff_id     INTEGER NOT NULL REFERENCES diffs(id) ON DELETE CASCADE,
  old_status  TEXT NOT NULL,
  old_note    TEXT,
  old_decision_id INTEGER,
  PRIMARY KEY (decision_id, diff_id)
) STRICT, WITHOUT ROWID;

-- The review grid: one row per linked subject with differences, kept in step with diffs
-- by core/review so a page of a million rows is an indexed range scan, never an aggregate.
-- classes and fields are bitmasks over the undecided diffs (over all diffs once decided).
CREATE TABLE review_rows (
  link_id      INTEGER PRIMARY KEY REFERENCES links(id) ON DELETE CASCADE,
  subject_kind TEXT NOT NULL,
  subject_id   INTEGER NOT NULL,
  full_name    TEXT NOT NULL DEFAULT '',
  name_key     TEXT NOT NULL DEFAULT '',
  site_name    TEXT NOT NULL DEFAULT '',
  band         TEXT NOT NULL,
  match_weight REAL NOT NULL DEFAULT 0,
  classes      INTEGER NOT NULL,
  fields       INTEGER NOT NULL,
  open_diffs   INTEGER NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('open', 'deferred', 'done', 'unlinked'))
) STRICT;
-- One index: led by status (the grid opens on the open rows, by name) and covering every
-- facet column, so a view filtered on status is an index-only scan. Other views scan the
-- table once; their snapshot keeps the order (main/core/review/grid.ts).
CREATE INDEX review_rows_by_name ON review_rows(status, name_key, link_id, band, subject_kind, site_name, classes, fields);

-- A proposed correction. Who proposed it is a user; the four-eyes rule lives in core.
CREATE TABLE proposals (
  id           INTEGER PRIMARY KEY,
  diff_id      INTEGER REFERENCES diffs(id) ON DELETE SET NULL,
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
  batch_id     INTEGER REFERENCES export_batches(id),
  decision_id  INTEGER REFERENCES review_decisions(id)
) STRICT;
CREATE INDEX proposals_status ON proposals(status);
CREATE INDEX proposals_decision ON proposals(decision_id);
CREATE INDEX proposals_record ON proposals(record_id, field);

CREATE TABLE approvals (
  id          INTEGER PRIMARY KEY,
  proposal_id INTEGER NOT NULL REFERENCES proposals(id),
  verdict     TEXT NOT NULL CHECK (verdict IN ('approved', 'rejected', 'withdrawn')),
  decided_by  INTEGER NOT NULL REFERENCES users(id),
  decided_at  TEXT NOT NULL,
  comment     TEXT
) STRICT;
-- A proposal's latest approvals row is its current verdict; earlier ones are its history.
CREATE INDEX approvals_proposal ON approvals(proposal_id, id);

-- A signed batch, kept byte for byte (content, minisig) so its files can be written again
-- after a crash or a lost USB stick and still verify. out_dir/file_name is where it was saved.
-- audit_seq/audit_hash anchor the audit log in the signed file.
CREATE TABLE export_batches (
  id              INTEGER PRIMARY KEY,
  batch_no        TEXT NOT NULL UNIQUE,
  file_name       TEXT NOT NULL,
  file_hash       TEXT NOT NULL,
  signer_id       INTEGER NOT NULL REFERENCES users(id),
  key_fingerprint TEXT NOT NULL,
  correction_count INTEGER NOT NULL,
  created_at      TEXT NOT NULL,
  out_dir         TEXT NOT NULL,
  district_code   TEXT,
  public_key      TEXT NOT NULL,
  trusted_comment TEXT NOT NULL,
  minisig         TEXT NOT NULL,
  content         BLOB NOT NULL,
  audit_seq       INTEGER NOT NULL,
  audit_hash      TEXT NOT NULL
) STRICT;
CREATE TRIGGER export_batches_no_update BEFORE UPDATE ON export_batches
BEGIN SELECT RAISE(ABORT, 'export batches are immutable'); END;
CREATE TRIGGER export_batches_no_delete BEFORE DELETE ON export_batches
BEGIN SELECT RAISE(ABORT, 'export batches are immutable'); END;
-- Once exported, a correction has left the district: nothing may change or withdraw it.
CREATE TRIGGER proposals_exported_frozen BEFORE UPDATE OF status, batch_id, field, old_value, new_value ON proposals
WHEN OLD.status = 'exported' AND (NEW.status IS NOT OLD.status OR NEW.batch_id IS NOT OLD.batch_id
  OR NEW.field IS NOT OLD.field OR NEW.old_value IS NOT OLD.old_value OR NEW.new_value IS NOT OLD.new_value)
BEGIN SELECT RAISE(ABORT, 'an exported correction cannot change'); END;

CREATE TABLE complaint_outcomes (
  id           INTEGER PRIMARY KEY,
  record_id    INTEGER NOT NULL REFERENCES records(id),
  outcome      TEXT NOT NULL CHECK (outcome IN ('approved', 'deferred', 'rejected')),
  reason_code  TEXT NOT NULL,
  note         TEXT,
  decided_by   INTEGER NOT NULL REFERENCES users(id),
  decided_at   TEXT NOT NULL,
  -- An approved outcome's proposed corrections carry this decision id.
  decision_id  INTEGER REFERENCES review_decisions(id)
) STRICT;
-- The latest outcome of a complaint is its current state; earlier ones are its history.
CREATE INDEX complaint_outcomes_record ON complaint_outcomes(record_id, id);
`
