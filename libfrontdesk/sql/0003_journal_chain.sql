-- Schema version 3: a journal whose rewriting is prevented where SQLite can
-- prevent it and evident where it cannot (issue 17).
-- R-COM-3: nothing is ever lost.
--
-- * meta: the database's UUID, written once at creation (the chain of each
--   database is checked per UUID when journals are shipped centrally).
-- * journal.hash: SHA-256 over a canonical encoding of the entry computed in
--   C (never SQL text) and the previous entry's hash; ids are consecutive. The
--   library computes the chain of the rows that exist and re-creates the
--   UPDATE trigger dropped here once that is done (store.c, migrate()).
-- * INSERT OR REPLACE deletes a row without firing DELETE triggers: every
--   append-only table refuses an insert whose id exists.

CREATE TABLE meta (
  key    TEXT PRIMARY KEY,
  value  BLOB NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER meta_never_updated BEFORE UPDATE ON meta
BEGIN SELECT RAISE(ABORT, 'meta is written once (R-COM-3)'); END;
CREATE TRIGGER meta_never_deleted BEFORE DELETE ON meta
BEGIN SELECT RAISE(ABORT, 'meta is written once (R-COM-3)'); END;

ALTER TABLE journal ADD COLUMN hash BLOB;
DROP TRIGGER journal_append_only_update;

-- The messages start with "exists: <table>.<column>" so that the library names
-- the field, as it does for a UNIQUE conflict (the trigger fires first).
CREATE TRIGGER journal_no_replace BEFORE INSERT ON journal
WHEN EXISTS (SELECT 1 FROM journal WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: journal.id (the journal is append-only, R-COM-3)'); END;
CREATE TRIGGER reveals_no_replace BEFORE INSERT ON reveals
WHEN EXISTS (SELECT 1 FROM reveals WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: reveals.id (the access log is append-only, R-COM-2)'); END;
CREATE TRIGGER sites_no_replace_id BEFORE INSERT ON sites
WHEN EXISTS (SELECT 1 FROM sites WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: sites.id (sites are never replaced, R-COM-3)'); END;
CREATE TRIGGER sites_no_replace_code BEFORE INSERT ON sites
WHEN EXISTS (SELECT 1 FROM sites WHERE code = NEW.code)
BEGIN SELECT RAISE(ABORT, 'exists: sites.code (sites are never replaced, R-COM-3)'); END;
CREATE TRIGGER staff_no_replace_id BEFORE INSERT ON staff
WHEN EXISTS (SELECT 1 FROM staff WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: staff.id (staff are never replaced, R-COM-3)'); END;
CREATE TRIGGER staff_no_replace_code BEFORE INSERT ON staff
WHEN EXISTS (SELECT 1 FROM staff WHERE site_id = NEW.site_id AND code = NEW.code)
BEGIN SELECT RAISE(ABORT, 'exists: staff.code (staff are never replaced, R-COM-3)'); END;
CREATE TRIGGER sites_never_updated BEFORE UPDATE ON sites
BEGIN SELECT RAISE(ABORT, 'sites are never changed (R-COM-3)'); END;
-- Staff change only by being deactivated or reactivated.
CREATE TRIGGER staff_only_active_changes BEFORE UPDATE ON staff
WHEN NEW.id IS NOT OLD.id OR NEW.site_id IS NOT OLD.site_id OR NEW.code IS NOT OLD.code
  OR NEW.name IS NOT OLD.name OR NEW.role IS NOT OLD.role OR NEW.created_at IS NOT OLD.created_at
  OR NEW.created_by IS NOT OLD.created_by
BEGIN SELECT RAISE(ABORT, 'staff change only by (de)activation (R-COM-3)'); END;
