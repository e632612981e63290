-- Schema version 1: sites, staff, the append-only journal, policy overrides.
-- R-COM-1: every record says which site, who and when (UTC seconds).
-- R-COM-3: nothing is hard-deleted; triggers refuse DELETE on records and any
-- change to the journal.

PRAGMA application_id = 1178881841; -- 0x46444B31, "FDK1": marks a libfrontdesk database

CREATE TABLE sites (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  time_zone   TEXT NOT NULL DEFAULT 'Asia/Shanghai',
  created_at  INTEGER NOT NULL
);

CREATE TABLE staff (
  id          INTEGER PRIMARY KEY,
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  code        TEXT NOT NULL,
  name        TEXT NOT NULL,
  role        TEXT NOT NULL,
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at  INTEGER NOT NULL,
  UNIQUE (site_id, code)
);

CREATE TABLE journal (
  id          INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  staff_id    INTEGER REFERENCES staff(id),
  entity      TEXT NOT NULL,
  entity_id   INTEGER NOT NULL DEFAULT 0,
  action      TEXT NOT NULL,
  detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX journal_site_at ON journal (site_id, at);
CREATE INDEX journal_entity ON journal (entity, entity_id);

CREATE TABLE policy (
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  key         TEXT NOT NULL,
  value       INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  updated_by  INTEGER REFERENCES staff(id),
  PRIMARY KEY (site_id, key)
) WITHOUT ROWID;

CREATE TRIGGER journal_append_only_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'journal is append-only (R-COM-3)'); END;
CREATE TRIGGER journal_append_only_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'journal is append-only (R-COM-3)'); END;
CREATE TRIGGER sites_never_deleted BEFORE DELETE ON sites
BEGIN SELECT RAISE(ABORT, 'sites are never deleted (R-COM-3)'); END;
CREATE TRIGGER staff_never_deleted BEFORE DELETE ON staff
BEGIN SELECT RAISE(ABORT, 'staff are never deleted, deactivate them (R-COM-3)'); END;
