/**
 * Four eyes that survive an edit of the file: every decision is signed by the supervisor's
 * own key (approval_acts), every user is endorsed by a supervisor (users.endorsement), and
 * every export batch keeps a signed manifest of what it carried.
 */
export const sql = `
-- One decision by one supervisor over one or more corrections, signed with their key.
-- The signature covers the act's fields and a SHA-256 root over what each correction
-- said when it was decided (see main/core/approve/approval-signature.ts).
CREATE TABLE approval_acts (
  id          INTEGER PRIMARY KEY,
  verdict     TEXT NOT NULL CHECK (verdict IN ('approved', 'rejected', 'withdrawn')),
  decided_by  INTEGER NOT NULL REFERENCES users(id),
  key_id      TEXT NOT NULL,
  decided_at  TEXT NOT NULL,
  comment     TEXT,
  corrections INTEGER NOT NULL,
  root        TEXT NOT NULL,
  signature   TEXT NOT NULL
) STRICT;
ALTER TABLE approvals ADD COLUMN act_id INTEGER REFERENCES approval_acts(id);
CREATE INDEX approvals_act ON approvals(act_id);

-- JSON of who this user is, signed by the supervisor who added them (the first supervisor
-- signs their own): the role the export and verify trust.
ALTER TABLE users ADD COLUMN endorsement TEXT;

-- What the batch carried, per correction (id, content digest, approval act), signed by
-- the exporting supervisor: a correction set back to approved cannot leave twice.
ALTER TABLE export_batches ADD COLUMN manifest TEXT;
ALTER TABLE export_batches ADD COLUMN manifest_sig TEXT;
`
