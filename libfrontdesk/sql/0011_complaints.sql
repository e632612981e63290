-- Schema version 11: complaints (issue 13; R-CPL-1 … R-CPL-7, R-COM-3 … R-COM-5).
-- One column per field of libfrontdesk/records/complaints.rec; the store owns
-- every module's tables.
--
-- Nothing is deleted (R-COM-3): triggers refuse DELETE on every table here and
-- INSERT OR REPLACE over an existing row. A complaint changes by its steps,
-- each a row of complaint_events; its targets are kept, a superseded one
-- marked, never removed; a breach once recorded stays recorded.

CREATE TABLE complaints (
  id                 INTEGER PRIMARY KEY,
  site_id            INTEGER NOT NULL REFERENCES sites(id),
  staff_id           INTEGER REFERENCES staff(id),
  created_at         INTEGER NOT NULL,
  received_at        INTEGER NOT NULL,
  channel            TEXT NOT NULL,
  category           TEXT NOT NULL,
  severity           TEXT NOT NULL,
  place              TEXT,
  unit_id            INTEGER REFERENCES units(id),
  subject            TEXT,
  subject_department INTEGER REFERENCES departments(id),
  what               TEXT NOT NULL,
  asks               TEXT,
  customer           TEXT,
  occupant_id        INTEGER REFERENCES occupants(id),
  contact            TEXT,
  customer_due       INTEGER NOT NULL DEFAULT 0,
  call_id            INTEGER REFERENCES calls(id),
  visit_id           INTEGER REFERENCES visits(id),
  harm               INTEGER NOT NULL DEFAULT 0,
  state              TEXT NOT NULL,
  validity           TEXT,
  waiting            INTEGER NOT NULL DEFAULT 0,
  department_id      INTEGER REFERENCES departments(id),
  promised_at        INTEGER NOT NULL DEFAULT 0,
  cause              TEXT,
  responsible        TEXT,
  solution           TEXT,
  satisfaction       TEXT,
  reopened           INTEGER NOT NULL DEFAULT 0,
  contacted_at       INTEGER NOT NULL DEFAULT 0,
  reported_at        INTEGER NOT NULL DEFAULT 0,
  replied_at         INTEGER NOT NULL DEFAULT 0,
  accepted_at        INTEGER NOT NULL DEFAULT 0,
  closed_at          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX complaints_site_id ON complaints (site_id, id);
-- the month's statistics and the day's report: complaints by when received
CREATE INDEX complaints_site_received ON complaints (site_id, received_at);
-- the end-of-day list (R-COM-4): open complaints without a first contact,
-- an answer or a reply, by when received
CREATE INDEX complaints_site_unanswered ON complaints (site_id, received_at)
  WHERE closed_at = 0 AND contacted_at = 0 AND replied_at = 0;
CREATE INDEX complaints_call ON complaints (call_id) WHERE call_id IS NOT NULL;
-- the daily report (R-COM-4): complaints resolved (the acceptance signed) in the day
CREATE INDEX complaints_site_accepted ON complaints (site_id, accepted_at) WHERE accepted_at > 0;

CREATE TABLE complaint_events (
  id           INTEGER PRIMARY KEY,
  site_id      INTEGER NOT NULL REFERENCES sites(id),
  staff_id     INTEGER REFERENCES staff(id),
  created_at   INTEGER NOT NULL,
  complaint_id INTEGER NOT NULL REFERENCES complaints(id),
  kind         TEXT NOT NULL,
  from_state   TEXT,
  to_state     TEXT,
  detail       TEXT,
  happened_at  INTEGER NOT NULL DEFAULT 0,
  note         TEXT
);
CREATE INDEX complaint_events_site_id ON complaint_events (site_id, id);
-- the replay of one complaint's clocks: its events in order
CREATE INDEX complaint_events_complaint ON complaint_events (complaint_id, id);
-- the month's statistics: steps by kind and instant (resolved, reopened, followed up)
CREATE INDEX complaint_events_site_kind ON complaint_events (site_id, kind, created_at);

CREATE TABLE complaint_targets (
  id            INTEGER PRIMARY KEY,
  site_id       INTEGER NOT NULL REFERENCES sites(id),
  staff_id      INTEGER REFERENCES staff(id),
  created_at    INTEGER NOT NULL,
  complaint_id  INTEGER NOT NULL REFERENCES complaints(id),
  target        TEXT NOT NULL,
  severity      TEXT NOT NULL,
  policy_key    TEXT NOT NULL,
  amount        INTEGER NOT NULL,
  unit          TEXT NOT NULL,
  start_at      INTEGER NOT NULL DEFAULT 0,
  due_at        INTEGER NOT NULL DEFAULT 0,
  paused        INTEGER NOT NULL DEFAULT 0,
  met_at        INTEGER NOT NULL DEFAULT 0,
  breached_at   INTEGER NOT NULL DEFAULT 0,
  escalated_at  INTEGER NOT NULL DEFAULT 0,
  superseded_at INTEGER NOT NULL DEFAULT 0,
  data_version  TEXT,
  provisional   INTEGER NOT NULL DEFAULT 0,
  harm          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX complaint_targets_site_id ON complaint_targets (site_id, id);
CREATE INDEX complaint_targets_complaint ON complaint_targets (complaint_id, id);
-- The breach queue (R-CPL-2, R-CPL-5): exactly the targets whose clock runs —
-- open, in force, started, not paused — harm first, then by due. "Due within
-- N hours", "breached" and "to escalate" are ranges of it; it stays as small
-- as the open work however many complaints a site has had.
CREATE INDEX complaint_targets_site_queue ON complaint_targets (site_id, harm DESC, due_at, id)
  WHERE met_at = 0 AND superseded_at = 0 AND paused = 0 AND due_at > 0;
-- the recomputation after new holiday data: every open target in force
CREATE INDEX complaint_targets_site_open ON complaint_targets (site_id, id)
  WHERE met_at = 0 AND superseded_at = 0;
-- the daily report (R-COM-4): the breaches recorded in the day
CREATE INDEX complaint_targets_site_breached ON complaint_targets (site_id, breached_at) WHERE breached_at > 0;

CREATE TABLE complaint_categories (
  id            INTEGER PRIMARY KEY,
  site_id       INTEGER NOT NULL REFERENCES sites(id),
  staff_id      INTEGER REFERENCES staff(id),
  created_at    INTEGER NOT NULL,
  code          TEXT NOT NULL,
  label         TEXT NOT NULL,
  department_id INTEGER REFERENCES departments(id),
  retired_at    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX complaint_categories_site_id ON complaint_categories (site_id, id);
CREATE UNIQUE INDEX complaint_categories_site_code ON complaint_categories (site_id, code);

CREATE TABLE reply_phrases (
  id         INTEGER PRIMARY KEY,
  site_id    INTEGER NOT NULL REFERENCES sites(id),
  staff_id   INTEGER REFERENCES staff(id),
  created_at INTEGER NOT NULL,
  phrase     TEXT NOT NULL,
  retired_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX reply_phrases_site_id ON reply_phrases (site_id, id);

-- Not a record: holiday data loaded after the library was built
-- (fd_store_calendar_data_add), applied to every calendar the store builds.
-- A newer version is a new row; none is removed.
CREATE TABLE calendar_data (
  id         INTEGER PRIMARY KEY,
  version    TEXT NOT NULL UNIQUE,
  loaded_at  INTEGER NOT NULL,
  loaded_by  INTEGER REFERENCES staff(id),
  data       TEXT NOT NULL
);

-- R-COM-3: nothing is deleted, nothing replaced.
CREATE TRIGGER complaints_no_delete BEFORE DELETE ON complaints
BEGIN SELECT RAISE(ABORT, 'complaints are never deleted (R-COM-3)'); END;
CREATE TRIGGER complaints_no_replace BEFORE INSERT ON complaints
WHEN EXISTS (SELECT 1 FROM complaints WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: complaints.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER complaint_events_no_delete BEFORE DELETE ON complaint_events
BEGIN SELECT RAISE(ABORT, 'complaint events are never deleted (R-COM-3)'); END;
CREATE TRIGGER complaint_events_no_replace BEFORE INSERT ON complaint_events
WHEN EXISTS (SELECT 1 FROM complaint_events WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: complaint_events.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER complaint_events_no_update BEFORE UPDATE ON complaint_events
BEGIN SELECT RAISE(ABORT, 'complaint events are never changed (R-COM-3)'); END;
CREATE TRIGGER complaint_targets_no_delete BEFORE DELETE ON complaint_targets
BEGIN SELECT RAISE(ABORT, 'complaint targets are never deleted (R-COM-3)'); END;
CREATE TRIGGER complaint_targets_no_replace BEFORE INSERT ON complaint_targets
WHEN EXISTS (SELECT 1 FROM complaint_targets WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: complaint_targets.id (never replaced, R-COM-3)'); END;
-- a breach once recorded stays recorded
CREATE TRIGGER complaint_targets_breach_kept BEFORE UPDATE OF breached_at ON complaint_targets
WHEN OLD.breached_at <> 0 AND NEW.breached_at <> OLD.breached_at
BEGIN SELECT RAISE(ABORT, 'a recorded breach stays recorded (R-CPL-2)'); END;
CREATE TRIGGER complaint_categories_no_delete BEFORE DELETE ON complaint_categories
BEGIN SELECT RAISE(ABORT, 'complaint categories are retired, never deleted (R-COM-3)'); END;
CREATE TRIGGER complaint_categories_no_replace BEFORE INSERT ON complaint_categories
WHEN EXISTS (SELECT 1 FROM complaint_categories WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: complaint_categories.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER reply_phrases_no_delete BEFORE DELETE ON reply_phrases
BEGIN SELECT RAISE(ABORT, 'reply phrases are retired, never deleted (R-COM-3)'); END;
CREATE TRIGGER reply_phrases_no_replace BEFORE INSERT ON reply_phrases
WHEN EXISTS (SELECT 1 FROM reply_phrases WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: reply_phrases.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER calendar_data_no_delete BEFORE DELETE ON calendar_data
BEGIN SELECT RAISE(ABORT, 'holiday data is never deleted (R-COM-3)'); END;
CREATE TRIGGER calendar_data_no_update BEFORE UPDATE ON calendar_data
BEGIN SELECT RAISE(ABORT, 'holiday data is never changed (R-COM-3)'); END;
