-- Schema version 7: the property register (issue 12, item 1; R-VIS-1, R-VIS-5,
-- R-COM-1 … R-COM-3). One column per field of libfrontdesk/records/property.rec;
-- the store owns every module's tables. Names carry search keys in the shared
-- search_keys table (tbl = the table's name), written by the record engine.
--
-- Nothing is deleted (R-COM-3): people move out and leave, which is a date on
-- their row. Triggers refuse DELETE on every table here, refuse INSERT OR
-- REPLACE over an existing row (a REPLACE deletes without firing DELETE
-- triggers), and allow UPDATE only of the column that records leaving (and of
-- the keys the store computes once, right after the insert).

CREATE TABLE buildings (
  id          INTEGER PRIMARY KEY,
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  staff_id    INTEGER REFERENCES staff(id),
  created_at  INTEGER NOT NULL,
  code        TEXT NOT NULL,
  name        TEXT NOT NULL,
  -- not a field: fd_text_natural_key(code), so buildings list 2, 3, 10, A, B
  sort_key    BLOB
);
CREATE INDEX buildings_site_id ON buildings (site_id, id);
CREATE UNIQUE INDEX buildings_site_code ON buildings (site_id, code);
CREATE INDEX buildings_site_sort ON buildings (site_id, sort_key, id);

CREATE TABLE units (
  id          INTEGER PRIMARY KEY,
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  staff_id    INTEGER REFERENCES staff(id),
  created_at  INTEGER NOT NULL,
  building_id INTEGER NOT NULL REFERENCES buildings(id),
  number      TEXT NOT NULL,
  floor       TEXT,
  use         TEXT NOT NULL,
  area_m2x100 INTEGER NOT NULL DEFAULT 0,
  -- not fields, set once by the store after the insert:
  -- fd_text_natural_key(number), so 2-101 < 2-1001 < 10-101 in listings;
  sort_key    BLOB,
  -- the number's last part (1201 of 3-1201), so "1201" finds the unit in every building
  room        TEXT
);
CREATE INDEX units_site_id ON units (site_id, id);
-- a unit number is found exactly (fd_store_unit_get_by_number, find, resident check)
CREATE UNIQUE INDEX units_site_number ON units (site_id, number);
-- a bare room (1201) in every building, in natural order, LIMITed without a sort
CREATE INDEX units_site_room ON units (site_id, room, sort_key, id);
-- listings in natural order, of the site or of one building (fd_store_unit_list)
CREATE INDEX units_site_sort ON units (site_id, sort_key, id);
CREATE INDEX units_building_sort ON units (building_id, sort_key, id);

CREATE TABLE occupants (
  id          INTEGER PRIMARY KEY,
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  staff_id    INTEGER REFERENCES staff(id),
  created_at  INTEGER NOT NULL,
  unit_id     INTEGER NOT NULL REFERENCES units(id),
  name        TEXT NOT NULL,
  phone       TEXT,
  role        TEXT NOT NULL,
  move_in     TEXT NOT NULL,
  move_out    TEXT,
  -- not fields, set once by the store after the insert, for R-VIS-5's exact
  -- answers (fd_store_resident_check): the whole name folded as search keys
  -- fold it (NFKC, case, no spaces, Traditional to Simplified), and its
  -- toneless pinyin without spaces — with a surname's reading (单 shan) and,
  -- when different, the everyday one (单 dan)
  name_fold       TEXT,
  name_pinyin     TEXT,
  name_pinyin_alt TEXT
);
CREATE INDEX occupants_site_id ON occupants (site_id, id);
CREATE INDEX occupants_site_name_fold ON occupants (site_id, name_fold);
CREATE INDEX occupants_site_name_pinyin ON occupants (site_id, name_pinyin);
CREATE INDEX occupants_site_name_pinyin_alt ON occupants (site_id, name_pinyin_alt);
-- who lives in a unit (find by unit number, the unit's occupants)
CREATE INDEX occupants_unit ON occupants (unit_id, move_in);
-- a phone (normalised national form) is found exactly: R-VIS-5, find. Not a partial
-- index: SQLite cannot prove a bound ?2 <> '' and would scan the site instead.
CREATE INDEX occupants_site_phone ON occupants (site_id, phone);

CREATE TABLE organisations (
  id          INTEGER PRIMARY KEY,
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  staff_id    INTEGER REFERENCES staff(id),
  created_at  INTEGER NOT NULL,
  name        TEXT NOT NULL,
  unit_id     INTEGER REFERENCES units(id),
  phone       TEXT,
  move_in     TEXT,
  move_out    TEXT
);
CREATE INDEX organisations_site_id ON organisations (site_id, id);
CREATE INDEX organisations_unit ON organisations (unit_id);
CREATE INDEX organisations_site_phone ON organisations (site_id, phone);

CREATE TABLE departments (
  id              INTEGER PRIMARY KEY,
  site_id         INTEGER NOT NULL REFERENCES sites(id),
  staff_id        INTEGER REFERENCES staff(id),
  created_at      INTEGER NOT NULL,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  name            TEXT NOT NULL,
  unit_id         INTEGER REFERENCES units(id)
);
CREATE INDEX departments_site_id ON departments (site_id, id);
CREATE UNIQUE INDEX departments_org_name ON departments (organisation_id, name);

CREATE TABLE employees (
  id              INTEGER PRIMARY KEY,
  site_id         INTEGER NOT NULL REFERENCES sites(id),
  staff_id        INTEGER REFERENCES staff(id),
  created_at      INTEGER NOT NULL,
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  department_id   INTEGER REFERENCES departments(id),
  name            TEXT NOT NULL,
  phone           TEXT,
  title           TEXT,
  left_on         TEXT
);
CREATE INDEX employees_site_id ON employees (site_id, id);
CREATE INDEX employees_org ON employees (organisation_id, id);
CREATE INDEX employees_department ON employees (department_id);
CREATE INDEX employees_site_phone ON employees (site_id, phone);

-- R-COM-3: never deleted.
CREATE TRIGGER buildings_no_delete BEFORE DELETE ON buildings
BEGIN SELECT RAISE(ABORT, 'buildings are never deleted (R-COM-3)'); END;
CREATE TRIGGER units_no_delete BEFORE DELETE ON units
BEGIN SELECT RAISE(ABORT, 'units are never deleted (R-COM-3)'); END;
CREATE TRIGGER occupants_no_delete BEFORE DELETE ON occupants
BEGIN SELECT RAISE(ABORT, 'occupants are never deleted, they move out (R-COM-3)'); END;
CREATE TRIGGER organisations_no_delete BEFORE DELETE ON organisations
BEGIN SELECT RAISE(ABORT, 'organisations are never deleted, they move out (R-COM-3)'); END;
CREATE TRIGGER departments_no_delete BEFORE DELETE ON departments
BEGIN SELECT RAISE(ABORT, 'departments are never deleted (R-COM-3)'); END;
CREATE TRIGGER employees_no_delete BEFORE DELETE ON employees
BEGIN SELECT RAISE(ABORT, 'employees are never deleted, they leave (R-COM-3)'); END;

-- R-COM-3: never replaced (INSERT OR REPLACE would delete the old row silently).
-- "exists: table.column" names the field to the caller (record engine).
CREATE TRIGGER buildings_no_replace_id BEFORE INSERT ON buildings
WHEN EXISTS (SELECT 1 FROM buildings WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: buildings.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER buildings_no_replace_code BEFORE INSERT ON buildings
WHEN EXISTS (SELECT 1 FROM buildings WHERE site_id = NEW.site_id AND code = NEW.code)
BEGIN SELECT RAISE(ABORT, 'exists: buildings.code (never replaced, R-COM-3)'); END;
CREATE TRIGGER units_no_replace_id BEFORE INSERT ON units
WHEN EXISTS (SELECT 1 FROM units WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: units.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER units_no_replace_number BEFORE INSERT ON units
WHEN EXISTS (SELECT 1 FROM units WHERE site_id = NEW.site_id AND number = NEW.number)
BEGIN SELECT RAISE(ABORT, 'exists: units.number (never replaced, R-COM-3)'); END;
CREATE TRIGGER occupants_no_replace BEFORE INSERT ON occupants
WHEN EXISTS (SELECT 1 FROM occupants WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: occupants.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER organisations_no_replace BEFORE INSERT ON organisations
WHEN EXISTS (SELECT 1 FROM organisations WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: organisations.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER departments_no_replace_id BEFORE INSERT ON departments
WHEN EXISTS (SELECT 1 FROM departments WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: departments.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER departments_no_replace_name BEFORE INSERT ON departments
WHEN EXISTS (SELECT 1 FROM departments WHERE organisation_id = NEW.organisation_id AND name = NEW.name)
BEGIN SELECT RAISE(ABORT, 'exists: departments.name (never replaced, R-COM-3)'); END;
CREATE TRIGGER employees_no_replace BEFORE INSERT ON employees
WHEN EXISTS (SELECT 1 FROM employees WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: employees.id (never replaced, R-COM-3)'); END;

-- R-COM-3: what a row says is kept; only leaving is recorded later, once.
-- Buildings and units: only the keys the store computes after the insert, once.
CREATE TRIGGER buildings_only_keys_once BEFORE UPDATE ON buildings
WHEN OLD.sort_key IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.site_id IS NOT OLD.site_id
  OR NEW.staff_id IS NOT OLD.staff_id OR NEW.created_at IS NOT OLD.created_at OR NEW.code IS NOT OLD.code
  OR NEW.name IS NOT OLD.name
BEGIN SELECT RAISE(ABORT, 'buildings are never changed (R-COM-3)'); END;
CREATE TRIGGER units_only_keys_once BEFORE UPDATE ON units
WHEN OLD.sort_key IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.site_id IS NOT OLD.site_id
  OR NEW.staff_id IS NOT OLD.staff_id OR NEW.created_at IS NOT OLD.created_at
  OR NEW.building_id IS NOT OLD.building_id OR NEW.number IS NOT OLD.number OR NEW.floor IS NOT OLD.floor
  OR NEW.use IS NOT OLD.use OR NEW.area_m2x100 IS NOT OLD.area_m2x100
BEGIN SELECT RAISE(ABORT, 'units are never changed (R-COM-3)'); END;
CREATE TRIGGER occupants_only_move_out BEFORE UPDATE ON occupants
WHEN (OLD.move_out IS NOT NULL AND NEW.move_out IS NOT OLD.move_out)
  OR (OLD.name_fold IS NOT NULL AND (NEW.name_fold IS NOT OLD.name_fold OR NEW.name_pinyin IS NOT OLD.name_pinyin
      OR NEW.name_pinyin_alt IS NOT OLD.name_pinyin_alt))
  OR NEW.id IS NOT OLD.id OR NEW.site_id IS NOT OLD.site_id
  OR NEW.staff_id IS NOT OLD.staff_id OR NEW.created_at IS NOT OLD.created_at
  OR NEW.unit_id IS NOT OLD.unit_id OR NEW.name IS NOT OLD.name OR NEW.phone IS NOT OLD.phone
  OR NEW.role IS NOT OLD.role OR NEW.move_in IS NOT OLD.move_in
BEGIN SELECT RAISE(ABORT, 'occupants change only by moving out, once (R-COM-3)'); END;
CREATE TRIGGER organisations_only_move_out BEFORE UPDATE ON organisations
WHEN OLD.move_out IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.site_id IS NOT OLD.site_id
  OR NEW.staff_id IS NOT OLD.staff_id OR NEW.created_at IS NOT OLD.created_at
  OR NEW.name IS NOT OLD.name OR NEW.unit_id IS NOT OLD.unit_id OR NEW.phone IS NOT OLD.phone
  OR NEW.move_in IS NOT OLD.move_in
BEGIN SELECT RAISE(ABORT, 'organisations change only by moving out, once (R-COM-3)'); END;
CREATE TRIGGER departments_never_updated BEFORE UPDATE ON departments
BEGIN SELECT RAISE(ABORT, 'departments are never changed (R-COM-3)'); END;
CREATE TRIGGER employees_only_left_on BEFORE UPDATE ON employees
WHEN OLD.left_on IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.site_id IS NOT OLD.site_id
  OR NEW.staff_id IS NOT OLD.staff_id OR NEW.created_at IS NOT OLD.created_at
  OR NEW.organisation_id IS NOT OLD.organisation_id OR NEW.department_id IS NOT OLD.department_id
  OR NEW.name IS NOT OLD.name OR NEW.phone IS NOT OLD.phone OR NEW.title IS NOT OLD.title
BEGIN SELECT RAISE(ABORT, 'employees change only by leaving, once (R-COM-3)'); END;
