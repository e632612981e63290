-- Schema version 6: calls (issue 11, R-CALL-1 … R-CALL-12). One column per
-- field of libfrontdesk/records/calls.rec; the store owns every module's tables.
-- Nothing is deleted (R-COM-3): triggers refuse DELETE on every table here,
-- and UPDATE on the append-only message events.

CREATE TABLE directory (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  kind             TEXT NOT NULL,
  name             TEXT NOT NULL,
  department       TEXT,
  title            TEXT,
  extension        TEXT,
  number           TEXT,
  confidential     INTEGER NOT NULL DEFAULT 0,
  screen           TEXT,
  manager_entry    INTEGER REFERENCES directory(id),
  purchasing_entry INTEGER REFERENCES directory(id),
  presence         TEXT NOT NULL DEFAULT 'in',
  presence_until   INTEGER NOT NULL DEFAULT 0,
  -- not a field: the ICU collation key of the name (fd_text_sort_key), so a
  -- lookup reads matches in collation order through directory_site_sort
  sort_key         BLOB
);
CREATE INDEX directory_site_id ON directory (site_id, id);
CREATE INDEX directory_site_sort ON directory (site_id, sort_key, id);
CREATE UNIQUE INDEX directory_site_extension ON directory (site_id, extension)
  WHERE extension IS NOT NULL AND extension <> '';
-- A directory entry's search keys carry its place in collation order: its
-- site (8 bytes, big-endian) then its sort_key. fd_store_dir_find reads the
-- first page of a query's matches from the key range alone (the table's
-- primary key covers it), never looking up or sorting every matching entry.
-- NULL for the keys of other tables. (A migration that rebuilds search keys
-- writes this again for directory rows.)
ALTER TABLE search_keys ADD COLUMN sort_key BLOB;
-- a directory entry's keys by entry: setting their sort_key, and the probe of
-- fd_store_dir_find's walk of directory_site_sort (partial: the keys of other
-- tables carry no second index)
CREATE INDEX search_keys_directory ON search_keys (row_id, key) WHERE tbl = 'directory';

CREATE TABLE calls (
  id            INTEGER PRIMARY KEY,
  site_id       INTEGER NOT NULL REFERENCES sites(id),
  staff_id      INTEGER REFERENCES staff(id),
  logged_at     INTEGER NOT NULL,
  direction     TEXT NOT NULL,
  caller_number TEXT,
  caller_name   TEXT,
  caller_type   TEXT,
  callee_entry  INTEGER REFERENCES directory(id),
  callee        TEXT,
  ring_at       INTEGER NOT NULL,
  answer_at     INTEGER NOT NULL DEFAULT 0,
  ring_leg_at   INTEGER NOT NULL DEFAULT 0,
  end_at        INTEGER NOT NULL DEFAULT 0,
  disposition   TEXT NOT NULL,
  category      TEXT,
  channel       TEXT,
  line          TEXT,
  matter        TEXT,
  read_back     INTEGER NOT NULL DEFAULT 0,
  rings         INTEGER NOT NULL DEFAULT 0,
  late          INTEGER NOT NULL DEFAULT 0,
  apology       TEXT,
  over_limit    INTEGER NOT NULL DEFAULT 0,
  unresolved    INTEGER NOT NULL DEFAULT 0,
  source        TEXT,
  source_key    TEXT,
  legs          INTEGER NOT NULL DEFAULT 0,
  transfers     TEXT
);
CREATE INDEX calls_site_id ON calls (site_id, id);
-- the day's calls and the report: one range scan of the period
CREATE INDEX calls_site_ring ON calls (site_id, ring_at);
-- calls of a number (the normalised caller_number)
CREATE INDEX calls_site_number ON calls (site_id, caller_number);
-- an imported call is found again by its CDR key (idempotent import)
CREATE UNIQUE INDEX calls_site_source ON calls (site_id, source, source_key)
  WHERE source IS NOT NULL AND source <> '';

CREATE TABLE call_tasks (
  id          INTEGER PRIMARY KEY,
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  staff_id    INTEGER REFERENCES staff(id),
  created_at  INTEGER NOT NULL,
  call_id     INTEGER NOT NULL REFERENCES calls(id),
  kind        TEXT NOT NULL,
  number      TEXT,
  due_at      INTEGER NOT NULL,
  provisional INTEGER NOT NULL DEFAULT 0,
  state       TEXT NOT NULL DEFAULT 'open',
  done_at     INTEGER NOT NULL DEFAULT 0,
  done_by     INTEGER REFERENCES staff(id),
  outcome     TEXT
);
CREATE INDEX call_tasks_site_id ON call_tasks (site_id, id);
-- "what is still open, by due time" (R-COM-4) and "overdue" are index range scans
CREATE INDEX call_tasks_site_state_due ON call_tasks (site_id, state, due_at);
CREATE INDEX call_tasks_call ON call_tasks (call_id);
-- tasks done since a period's end were open at it (fd_store_call_stats)
CREATE INDEX call_tasks_site_done ON call_tasks (site_id, done_at) WHERE state = 'done';

CREATE TABLE messages (
  id            INTEGER PRIMARY KEY,
  site_id       INTEGER NOT NULL REFERENCES sites(id),
  staff_id      INTEGER REFERENCES staff(id),
  taken_at      INTEGER NOT NULL,
  call_id       INTEGER REFERENCES calls(id),
  for_entry     INTEGER REFERENCES directory(id),
  for_name      TEXT NOT NULL,
  from_name     TEXT NOT NULL,
  from_number   TEXT,
  body          TEXT NOT NULL,
  confirmed     INTEGER NOT NULL DEFAULT 0,
  state         TEXT NOT NULL DEFAULT 'taken',
  state_at      INTEGER NOT NULL,
  state_by      INTEGER REFERENCES staff(id),
  delivered_how TEXT
);
CREATE INDEX messages_site_id ON messages (site_id, id);
-- undelivered messages, oldest first; overdue ones are a prefix of it
CREATE INDEX messages_site_state_taken ON messages (site_id, state, taken_at);
CREATE INDEX messages_call ON messages (call_id);
-- messages delivered or expired since a period's end were open at it (fd_store_call_stats)
CREATE INDEX messages_site_closed ON messages (site_id, state_at) WHERE state <> 'taken';

CREATE TABLE message_events (
  id          INTEGER PRIMARY KEY,
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  staff_id    INTEGER REFERENCES staff(id),
  at          INTEGER NOT NULL,
  message_id  INTEGER NOT NULL REFERENCES messages(id),
  state       TEXT NOT NULL,
  how         TEXT,
  note        TEXT
);
CREATE INDEX message_events_site_id ON message_events (site_id, id);
CREATE INDEX message_events_message ON message_events (message_id, id);

CREATE TABLE guests (
  id             INTEGER PRIMARY KEY,
  site_id        INTEGER NOT NULL REFERENCES sites(id),
  staff_id       INTEGER REFERENCES staff(id),
  created_at     INTEGER NOT NULL,
  name           TEXT NOT NULL,
  room           TEXT NOT NULL,
  arrival        TEXT NOT NULL,
  departure      TEXT NOT NULL,
  checked_out_at INTEGER NOT NULL DEFAULT 0,
  incognito      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX guests_site_id ON guests (site_id, id);
CREATE INDEX guests_site_room ON guests (site_id, room, departure);

CREATE TABLE cdr_legs (
  id           INTEGER PRIMARY KEY,
  site_id      INTEGER NOT NULL REFERENCES sites(id),
  staff_id     INTEGER REFERENCES staff(id),
  imported_at  INTEGER NOT NULL,
  source       TEXT NOT NULL,
  dialect      TEXT NOT NULL,
  uniqueid     TEXT NOT NULL,
  sequence     INTEGER NOT NULL DEFAULT 0,
  linkedid     TEXT,
  peer         TEXT,
  src          TEXT,
  dst          TEXT,
  clid         TEXT,
  channel      TEXT,
  dstchannel   TEXT,
  lastapp      TEXT,
  start_at     INTEGER NOT NULL,
  answer_at    INTEGER NOT NULL DEFAULT 0,
  end_at       INTEGER NOT NULL,
  duration     INTEGER NOT NULL DEFAULT 0,
  billsec      INTEGER NOT NULL DEFAULT 0,
  disposition  TEXT NOT NULL,
  call_id      INTEGER REFERENCES calls(id)
);
CREATE INDEX cdr_legs_site_id ON cdr_legs (site_id, id);
-- the import's key: the same file imported twice stores nothing new
CREATE UNIQUE INDEX cdr_legs_key ON cdr_legs (site_id, source, uniqueid, sequence);
-- the legs of one call, to assemble it
CREATE INDEX cdr_legs_linked ON cdr_legs (site_id, source, linkedid);
-- FreeSWITCH legs name their other leg (bleg_uuid): the importer groups them across files
CREATE INDEX cdr_legs_peer ON cdr_legs (site_id, source, peer) WHERE peer <> '';

CREATE TRIGGER directory_no_delete BEFORE DELETE ON directory
BEGIN SELECT RAISE(ABORT, 'directory entries are never deleted (R-COM-3)'); END;
CREATE TRIGGER calls_no_delete BEFORE DELETE ON calls
BEGIN SELECT RAISE(ABORT, 'calls are never deleted (R-COM-3)'); END;
CREATE TRIGGER call_tasks_no_delete BEFORE DELETE ON call_tasks
BEGIN SELECT RAISE(ABORT, 'call-back and reply tasks are never deleted (R-COM-3)'); END;
CREATE TRIGGER messages_no_delete BEFORE DELETE ON messages
BEGIN SELECT RAISE(ABORT, 'messages are never deleted (R-COM-3)'); END;
CREATE TRIGGER message_events_append_only_update BEFORE UPDATE ON message_events
BEGIN SELECT RAISE(ABORT, 'message events are append-only (R-COM-3)'); END;
CREATE TRIGGER message_events_append_only_delete BEFORE DELETE ON message_events
BEGIN SELECT RAISE(ABORT, 'message events are append-only (R-COM-3)'); END;
CREATE TRIGGER guests_no_delete BEFORE DELETE ON guests
BEGIN SELECT RAISE(ABORT, 'guests are never deleted (R-COM-3)'); END;
CREATE TRIGGER cdr_legs_no_delete BEFORE DELETE ON cdr_legs
BEGIN SELECT RAISE(ABORT, 'CDR legs are never deleted (R-COM-3)'); END;
