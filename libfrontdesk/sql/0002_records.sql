-- Schema version 2: the record platform (issue 8).
-- R-COM-1: sites and staff say who added them (NULL = the system).
-- R-COM-2: roles are given grants per site; every reveal of personal data is
-- logged in an append-only access log.
-- Search keys of search-keyed fields (fd_text_search_key), index-backed.

ALTER TABLE sites ADD COLUMN created_by INTEGER REFERENCES staff(id);
ALTER TABLE staff ADD COLUMN created_by INTEGER REFERENCES staff(id);

CREATE TABLE role_grants (
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  role        TEXT NOT NULL,
  grant_name  TEXT NOT NULL,
  granted_at  INTEGER NOT NULL,
  granted_by  INTEGER REFERENCES staff(id),
  PRIMARY KEY (site_id, role, grant_name)
) WITHOUT ROWID;

CREATE TABLE reveals (
  id          INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  staff_id    INTEGER NOT NULL REFERENCES staff(id),
  record      TEXT NOT NULL,
  record_id   INTEGER NOT NULL,
  field       TEXT NOT NULL,
  reason      TEXT NOT NULL
);
CREATE INDEX reveals_site_at ON reveals (site_id, at);

CREATE TRIGGER reveals_append_only_update BEFORE UPDATE ON reveals
BEGIN SELECT RAISE(ABORT, 'the access log is append-only (R-COM-2)'); END;
CREATE TRIGGER reveals_append_only_delete BEFORE DELETE ON reveals
BEGIN SELECT RAISE(ABORT, 'the access log is append-only (R-COM-2)'); END;

-- One row per (table, key, row): the keys of all search-keyed fields of a row.
CREATE TABLE search_keys (
  tbl     TEXT NOT NULL,
  key     TEXT NOT NULL,
  row_id  INTEGER NOT NULL,
  PRIMARY KEY (tbl, key, row_id)
) WITHOUT ROWID;

-- Record queries page by id within the actor's site ("site_id = ? AND id > ?
-- ORDER BY id LIMIT 64"): (site_id, id) serves them without a sort.
CREATE INDEX journal_site_id ON journal (site_id, id);
CREATE INDEX staff_site_id ON staff (site_id, id);
CREATE INDEX reveals_site_id ON reveals (site_id, id);
CREATE INDEX journal_site_staff ON journal (site_id, staff_id);
