-- Schema version 8: visitors (issue 12, items 2-4; R-VIS-1 … R-VIS-3, R-COM-2 …
-- R-COM-4). One column per field of libfrontdesk/records/visitors.rec; the
-- store owns every module's tables.
--
-- Nothing is deleted (R-COM-3): triggers refuse DELETE on every table here and
-- INSERT OR REPLACE over an existing row (a REPLACE deletes without firing
-- DELETE triggers). A visit changes only by its events — the host's answer,
-- check-in, check-out, a blocklist decision, an explanation — each of which is
-- also a row of visit_events, and by the retention purge, which may only
-- empty its personal fields, once.

CREATE TABLE visits (
  id                INTEGER PRIMARY KEY,
  site_id           INTEGER NOT NULL REFERENCES sites(id),
  staff_id          INTEGER REFERENCES staff(id),
  registered_at     INTEGER NOT NULL,
  slip_no           INTEGER NOT NULL,
  visitor           TEXT NOT NULL,
  organisation      TEXT,
  phone             TEXT,
  party_size        INTEGER NOT NULL DEFAULT 1,
  plate             TEXT,
  host_occupant     INTEGER REFERENCES occupants(id),
  host_employee     INTEGER REFERENCES employees(id),
  host_department   INTEGER REFERENCES departments(id),
  host_organisation INTEGER REFERENCES organisations(id),
  host              TEXT,
  purpose           TEXT NOT NULL,
  preregistered     INTEGER NOT NULL DEFAULT 0,
  planned_from      INTEGER NOT NULL DEFAULT 0,
  planned_until     INTEGER NOT NULL DEFAULT 0,
  important         INTEGER NOT NULL DEFAULT 0,
  state             TEXT NOT NULL,
  id_type           TEXT,
  id_masked         TEXT,
  id_kept           INTEGER NOT NULL DEFAULT 0,
  id_consent        INTEGER NOT NULL DEFAULT 0,
  blocklist_level   TEXT,
  answer            TEXT,
  answered_at       INTEGER NOT NULL DEFAULT 0,
  arrived_at        INTEGER NOT NULL DEFAULT 0,
  departed_at       INTEGER NOT NULL DEFAULT 0,
  explained_at      INTEGER NOT NULL DEFAULT 0,
  id_purged_at      INTEGER NOT NULL DEFAULT 0,
  purged_at         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX visits_site_id ON visits (site_id, id);
-- R-VIS-3: the slip serial is unique per site, and the next one is max + 1
-- read from this index in the registering transaction (no gaps)
CREATE UNIQUE INDEX visits_site_slip ON visits (site_id, slip_no);
-- R-COM-4 "still on site": exactly the visits that arrived and have not left,
-- in id order; it stays as small as the lobby however many visits there were.
-- Two columns only: the planner statistics seeded at open (store.c) rate a
-- per-site index ending in id as narrowest, so the generic page query picks
-- this one over visits_site_id (with more columns it scanned the whole site)
CREATE INDEX visits_site_onsite ON visits (site_id, id) WHERE arrived_at > 0 AND departed_at = 0;
-- pre-registered visits not yet arrived, by when they are expected
CREATE INDEX visits_site_expected ON visits (site_id, planned_from) WHERE state = 'expected';
-- visits held by a blocklist match, awaiting the desk's decision
CREATE INDEX visits_site_held ON visits (site_id, id) WHERE state = 'held';
-- the day's visits (report, period queries)
CREATE INDEX visits_site_registered ON visits (site_id, registered_at);
-- the retention purge: visits whose ID number or personal data is still there
CREATE INDEX visits_site_id_live ON visits (site_id, registered_at) WHERE id_masked <> '' AND id_purged_at = 0;
CREATE INDEX visits_site_live ON visits (site_id, registered_at) WHERE purged_at = 0;
CREATE INDEX visits_host_employee ON visits (host_employee) WHERE host_employee IS NOT NULL;
CREATE INDEX visits_host_occupant ON visits (host_occupant) WHERE host_occupant IS NOT NULL;

CREATE TABLE visit_events (
  id          INTEGER PRIMARY KEY,
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  staff_id    INTEGER REFERENCES staff(id),
  at          INTEGER NOT NULL,
  visit_id    INTEGER NOT NULL REFERENCES visits(id),
  kind        TEXT NOT NULL,
  code        TEXT,
  happened_at INTEGER NOT NULL DEFAULT 0,
  note        TEXT
);
CREATE INDEX visit_events_site_id ON visit_events (site_id, id);
CREATE INDEX visit_events_visit ON visit_events (visit_id, id);

-- Not a record: what the library keeps of an ID document besides its masked
-- form, never read out through a query. `hash` is HMAC-SHA-256 (hex) of
-- "<type>:<canonical number>" under the site's secret, for repeat visits and
-- the blocklist; `cipher` the full number under AES-256-GCM (12-byte nonce,
-- ciphertext, 16-byte tag; the visit's id as associated data) with the key of
-- the file the store was opened with, named by `key_id` (its SHA-256, first
-- 8 bytes, hex) — only when the site's policy keeps full numbers. The purge
-- empties both.
CREATE TABLE id_documents (
  visit_id  INTEGER PRIMARY KEY REFERENCES visits(id),
  site_id   INTEGER NOT NULL REFERENCES sites(id),
  hash      TEXT,
  cipher    BLOB,
  key_id    TEXT
);
CREATE INDEX id_documents_site_hash ON id_documents (site_id, hash);

-- Not a record: each site's secret key for the keyed hashes (32 bytes from the
-- operating system's CSPRNG), created at first use, never changed.
CREATE TABLE site_secrets (
  site_id     INTEGER PRIMARY KEY REFERENCES sites(id),
  secret      BLOB NOT NULL,
  created_at  INTEGER NOT NULL
);

CREATE TABLE blocklist (
  id          INTEGER PRIMARY KEY,
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  staff_id    INTEGER REFERENCES staff(id),
  added_at    INTEGER NOT NULL,
  level       TEXT NOT NULL,
  reason      TEXT NOT NULL,
  name        TEXT,
  phone       TEXT,
  id_type     TEXT,
  id_masked   TEXT,
  valid_from  INTEGER NOT NULL DEFAULT 0,
  valid_until INTEGER NOT NULL DEFAULT 0,
  lifted_at   INTEGER NOT NULL DEFAULT 0,
  lifted_by   INTEGER REFERENCES staff(id),
  -- not fields, set once by the store after the insert: the keys a match is
  -- made on (fd__property_name_keys, as the resident check folds names) and
  -- the ID number's keyed hash (as id_documents.hash)
  name_fold       TEXT,
  name_pinyin     TEXT,
  name_pinyin_alt TEXT,
  id_hash         TEXT
);
CREATE INDEX blocklist_site_id ON blocklist (site_id, id);
CREATE INDEX blocklist_site_name_fold ON blocklist (site_id, name_fold);
CREATE INDEX blocklist_site_name_pinyin ON blocklist (site_id, name_pinyin);
CREATE INDEX blocklist_site_name_pinyin_alt ON blocklist (site_id, name_pinyin_alt);
CREATE INDEX blocklist_site_phone ON blocklist (site_id, phone);
CREATE INDEX blocklist_site_id_hash ON blocklist (site_id, id_hash);

CREATE TABLE blocklist_hits (
  id          INTEGER PRIMARY KEY,
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  staff_id    INTEGER REFERENCES staff(id),
  at          INTEGER NOT NULL,
  visit_id    INTEGER NOT NULL REFERENCES visits(id),
  entry_id    INTEGER NOT NULL REFERENCES blocklist(id),
  level       TEXT NOT NULL,
  basis       TEXT NOT NULL,
  outcome     TEXT NOT NULL DEFAULT 'pending',
  outcome_at  INTEGER NOT NULL DEFAULT 0,
  outcome_by  INTEGER REFERENCES staff(id)
);
CREATE INDEX blocklist_hits_site_id ON blocklist_hits (site_id, id);
CREATE INDEX blocklist_hits_visit ON blocklist_hits (visit_id);
-- the period's matches (report)
CREATE INDEX blocklist_hits_site_at ON blocklist_hits (site_id, at);

-- R-VIS-3: slips handed to security in batches; each batch starts after the last.
CREATE TABLE slip_handovers (
  id          INTEGER PRIMARY KEY,
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  staff_id    INTEGER REFERENCES staff(id),
  at          INTEGER NOT NULL,
  first_slip  INTEGER NOT NULL,
  last_slip   INTEGER NOT NULL,
  received_by TEXT NOT NULL,
  note        TEXT
);
CREATE INDEX slip_handovers_site_id ON slip_handovers (site_id, id);
CREATE UNIQUE INDEX slip_handovers_site_first ON slip_handovers (site_id, first_slip);

-- R-COM-3: never deleted.
CREATE TRIGGER visits_no_delete BEFORE DELETE ON visits
BEGIN SELECT RAISE(ABORT, 'visits are never deleted (R-COM-3)'); END;
CREATE TRIGGER visit_events_append_only_update BEFORE UPDATE ON visit_events
BEGIN SELECT RAISE(ABORT, 'visit events are append-only (R-COM-3)'); END;
CREATE TRIGGER visit_events_append_only_delete BEFORE DELETE ON visit_events
BEGIN SELECT RAISE(ABORT, 'visit events are append-only (R-COM-3)'); END;
CREATE TRIGGER id_documents_no_delete BEFORE DELETE ON id_documents
BEGIN SELECT RAISE(ABORT, 'ID documents are never deleted, only purged (R-COM-3)'); END;
CREATE TRIGGER site_secrets_never_updated BEFORE UPDATE ON site_secrets
BEGIN SELECT RAISE(ABORT, 'a site secret never changes (R-COM-2)'); END;
CREATE TRIGGER site_secrets_never_deleted BEFORE DELETE ON site_secrets
BEGIN SELECT RAISE(ABORT, 'a site secret is never deleted (R-COM-2)'); END;
CREATE TRIGGER blocklist_no_delete BEFORE DELETE ON blocklist
BEGIN SELECT RAISE(ABORT, 'blocklist entries are never deleted, they are lifted (R-COM-3)'); END;
CREATE TRIGGER blocklist_hits_no_delete BEFORE DELETE ON blocklist_hits
BEGIN SELECT RAISE(ABORT, 'blocklist hits are never deleted (R-COM-3)'); END;
CREATE TRIGGER slip_handovers_append_only_update BEFORE UPDATE ON slip_handovers
BEGIN SELECT RAISE(ABORT, 'slip handovers are append-only (R-COM-3)'); END;
CREATE TRIGGER slip_handovers_append_only_delete BEFORE DELETE ON slip_handovers
BEGIN SELECT RAISE(ABORT, 'slip handovers are append-only (R-COM-3)'); END;

-- R-COM-3: never replaced (INSERT OR REPLACE would delete the old row silently).
CREATE TRIGGER visits_no_replace BEFORE INSERT ON visits
WHEN EXISTS (SELECT 1 FROM visits WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: visits.id (visits are never replaced, R-COM-3)'); END;
CREATE TRIGGER visit_events_no_replace BEFORE INSERT ON visit_events
WHEN EXISTS (SELECT 1 FROM visit_events WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: visit_events.id (visit events are append-only, R-COM-3)'); END;
CREATE TRIGGER id_documents_no_replace BEFORE INSERT ON id_documents
WHEN EXISTS (SELECT 1 FROM id_documents WHERE visit_id = NEW.visit_id)
BEGIN SELECT RAISE(ABORT, 'exists: id_documents.visit_id (never replaced, R-COM-3)'); END;
CREATE TRIGGER site_secrets_no_replace BEFORE INSERT ON site_secrets
WHEN EXISTS (SELECT 1 FROM site_secrets WHERE site_id = NEW.site_id)
BEGIN SELECT RAISE(ABORT, 'exists: site_secrets.site_id (a site secret never changes, R-COM-2)'); END;
CREATE TRIGGER blocklist_no_replace BEFORE INSERT ON blocklist
WHEN EXISTS (SELECT 1 FROM blocklist WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: blocklist.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER blocklist_hits_no_replace BEFORE INSERT ON blocklist_hits
WHEN EXISTS (SELECT 1 FROM blocklist_hits WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: blocklist_hits.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER slip_handovers_no_replace BEFORE INSERT ON slip_handovers
WHEN EXISTS (SELECT 1 FROM slip_handovers WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: slip_handovers.id (slip handovers are append-only, R-COM-3)'); END;

-- R-COM-3: what a visit says is kept. Its events set the host's answer, the
-- arrival and the departure once each, the state, and the last explanation;
-- the retention purge empties the personal fields once (name, organisation,
-- phone, plate when purged_at is set; the masked ID number when id_purged_at is).
CREATE TRIGGER visits_only_events_and_purge BEFORE UPDATE ON visits
WHEN NEW.id IS NOT OLD.id OR NEW.site_id IS NOT OLD.site_id OR NEW.staff_id IS NOT OLD.staff_id
  OR NEW.registered_at IS NOT OLD.registered_at OR NEW.slip_no IS NOT OLD.slip_no
  OR NEW.party_size IS NOT OLD.party_size OR NEW.host_occupant IS NOT OLD.host_occupant
  OR NEW.host_employee IS NOT OLD.host_employee OR NEW.host_department IS NOT OLD.host_department
  OR NEW.host_organisation IS NOT OLD.host_organisation OR NEW.host IS NOT OLD.host
  OR NEW.purpose IS NOT OLD.purpose OR NEW.preregistered IS NOT OLD.preregistered
  OR NEW.planned_from IS NOT OLD.planned_from OR NEW.planned_until IS NOT OLD.planned_until
  OR NEW.important IS NOT OLD.important OR NEW.id_type IS NOT OLD.id_type OR NEW.id_kept IS NOT OLD.id_kept OR NEW.id_consent IS NOT OLD.id_consent
  OR NEW.blocklist_level IS NOT OLD.blocklist_level
  OR (OLD.answer IS NOT NULL AND OLD.answer <> '' AND NEW.answer IS NOT OLD.answer)
  OR (OLD.answered_at <> 0 AND NEW.answered_at IS NOT OLD.answered_at)
  OR (OLD.arrived_at <> 0 AND NEW.arrived_at IS NOT OLD.arrived_at)
  OR (OLD.departed_at <> 0 AND NEW.departed_at IS NOT OLD.departed_at)
  OR (OLD.id_purged_at <> 0 AND NEW.id_purged_at IS NOT OLD.id_purged_at)
  OR (OLD.purged_at <> 0 AND NEW.purged_at IS NOT OLD.purged_at)
  OR ((NEW.visitor IS NOT OLD.visitor OR NEW.organisation IS NOT OLD.organisation OR NEW.phone IS NOT OLD.phone
       OR NEW.plate IS NOT OLD.plate)
      AND NOT (OLD.purged_at = 0 AND NEW.purged_at <> 0 AND NEW.visitor = '' AND NEW.organisation IS NULL
               AND NEW.phone IS NULL AND NEW.plate IS NULL))
  OR (NEW.id_masked IS NOT OLD.id_masked AND NOT (OLD.id_purged_at = 0 AND NEW.id_purged_at <> 0 AND NEW.id_masked = ''))
BEGIN SELECT RAISE(ABORT, 'a visit changes only by its events and the retention purge (R-COM-3)'); END;

-- An ID document's hash and encrypted number are only ever emptied (the purge).
CREATE TRIGGER id_documents_only_purged BEFORE UPDATE ON id_documents
WHEN NEW.visit_id IS NOT OLD.visit_id OR NEW.site_id IS NOT OLD.site_id OR NEW.hash IS NOT NULL
  OR NEW.cipher IS NOT NULL OR NEW.key_id IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'an ID document is only ever purged (R-COM-3)'); END;

-- A blocklist entry: the keys the store computes after the insert, once, and lifting, once.
CREATE TRIGGER blocklist_only_keys_and_lifting BEFORE UPDATE ON blocklist
WHEN NEW.id IS NOT OLD.id OR NEW.site_id IS NOT OLD.site_id OR NEW.staff_id IS NOT OLD.staff_id
  OR NEW.added_at IS NOT OLD.added_at OR NEW.level IS NOT OLD.level OR NEW.reason IS NOT OLD.reason
  OR NEW.name IS NOT OLD.name OR NEW.phone IS NOT OLD.phone OR NEW.id_type IS NOT OLD.id_type
  OR NEW.id_masked IS NOT OLD.id_masked OR NEW.valid_from IS NOT OLD.valid_from
  OR NEW.valid_until IS NOT OLD.valid_until
  OR (OLD.lifted_at <> 0 AND (NEW.lifted_at IS NOT OLD.lifted_at OR NEW.lifted_by IS NOT OLD.lifted_by))
  OR ((OLD.name_fold IS NOT NULL OR OLD.id_hash IS NOT NULL)
      AND (NEW.name_fold IS NOT OLD.name_fold OR NEW.name_pinyin IS NOT OLD.name_pinyin
           OR NEW.name_pinyin_alt IS NOT OLD.name_pinyin_alt OR NEW.id_hash IS NOT OLD.id_hash))
BEGIN SELECT RAISE(ABORT, 'a blocklist entry changes only by being lifted, once (R-COM-3)'); END;

-- A blocklist hit's outcome is decided once.
CREATE TRIGGER blocklist_hits_outcome_once BEFORE UPDATE ON blocklist_hits
WHEN OLD.outcome <> 'pending' OR NEW.id IS NOT OLD.id OR NEW.site_id IS NOT OLD.site_id
  OR NEW.staff_id IS NOT OLD.staff_id OR NEW.at IS NOT OLD.at OR NEW.visit_id IS NOT OLD.visit_id
  OR NEW.entry_id IS NOT OLD.entry_id OR NEW.level IS NOT OLD.level OR NEW.basis IS NOT OLD.basis
BEGIN SELECT RAISE(ABORT, 'a blocklist hit is decided once (R-COM-3)'); END;

-- R-VIS-4: visitor cards and other counted items, each issued to a visit and
-- returned or lost (a card is issued once at a time), and the counts at a
-- shift's start and end, signed by both staff; a difference stays open until
-- explained.
CREATE TABLE counted_items (
  id          INTEGER PRIMARY KEY,
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  staff_id    INTEGER REFERENCES staff(id),
  created_at  INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  code        TEXT NOT NULL,
  name        TEXT,
  state       TEXT NOT NULL DEFAULT 'in_stock',
  visit_id    INTEGER REFERENCES visits(id),
  state_at    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX counted_items_site_id ON counted_items (site_id, id);
CREATE UNIQUE INDEX counted_items_site_code ON counted_items (site_id, code);
-- what should be in stock, per kind (the expected count)
CREATE INDEX counted_items_site_kind_state ON counted_items (site_id, kind, state);
-- the items a visit holds
CREATE INDEX counted_items_visit ON counted_items (visit_id) WHERE visit_id IS NOT NULL;

CREATE TABLE item_events (
  id          INTEGER PRIMARY KEY,
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  staff_id    INTEGER REFERENCES staff(id),
  at          INTEGER NOT NULL,
  item_id     INTEGER NOT NULL REFERENCES counted_items(id),
  kind        TEXT NOT NULL,
  visit_id    INTEGER REFERENCES visits(id),
  note        TEXT
);
CREATE INDEX item_events_site_id ON item_events (site_id, id);
CREATE INDEX item_events_item ON item_events (item_id, id);

CREATE TABLE item_counts (
  id           INTEGER PRIMARY KEY,
  site_id      INTEGER NOT NULL REFERENCES sites(id),
  staff_id     INTEGER REFERENCES staff(id),
  at           INTEGER NOT NULL,
  kind         TEXT NOT NULL,
  moment       TEXT NOT NULL,
  expected     INTEGER NOT NULL,
  counted      INTEGER NOT NULL,
  cosigner     INTEGER NOT NULL REFERENCES staff(id),
  state        TEXT NOT NULL,
  explained_at INTEGER NOT NULL DEFAULT 0,
  explained_by INTEGER REFERENCES staff(id),
  explanation  TEXT
);
CREATE INDEX item_counts_site_id ON item_counts (site_id, id);
-- counts whose difference is still open (R-COM-4)
CREATE INDEX item_counts_site_state ON item_counts (site_id, state);

CREATE TRIGGER counted_items_no_delete BEFORE DELETE ON counted_items
BEGIN SELECT RAISE(ABORT, 'counted items are never deleted (R-COM-3)'); END;
CREATE TRIGGER item_events_append_only_update BEFORE UPDATE ON item_events
BEGIN SELECT RAISE(ABORT, 'item events are append-only (R-COM-3)'); END;
CREATE TRIGGER item_events_append_only_delete BEFORE DELETE ON item_events
BEGIN SELECT RAISE(ABORT, 'item events are append-only (R-COM-3)'); END;
CREATE TRIGGER item_counts_no_delete BEFORE DELETE ON item_counts
BEGIN SELECT RAISE(ABORT, 'item counts are never deleted (R-COM-3)'); END;
CREATE TRIGGER counted_items_no_replace_id BEFORE INSERT ON counted_items
WHEN EXISTS (SELECT 1 FROM counted_items WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: counted_items.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER counted_items_no_replace_code BEFORE INSERT ON counted_items
WHEN EXISTS (SELECT 1 FROM counted_items WHERE site_id = NEW.site_id AND code = NEW.code)
BEGIN SELECT RAISE(ABORT, 'exists: counted_items.code (never replaced, R-COM-3)'); END;
CREATE TRIGGER item_events_no_replace BEFORE INSERT ON item_events
WHEN EXISTS (SELECT 1 FROM item_events WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: item_events.id (item events are append-only, R-COM-3)'); END;
CREATE TRIGGER item_counts_no_replace BEFORE INSERT ON item_counts
WHEN EXISTS (SELECT 1 FROM item_counts WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: item_counts.id (never replaced, R-COM-3)'); END;
-- An item changes only its state (in stock, issued to a visit, lost).
CREATE TRIGGER counted_items_only_state BEFORE UPDATE ON counted_items
WHEN NEW.id IS NOT OLD.id OR NEW.site_id IS NOT OLD.site_id OR NEW.staff_id IS NOT OLD.staff_id
  OR NEW.created_at IS NOT OLD.created_at OR NEW.kind IS NOT OLD.kind OR NEW.code IS NOT OLD.code
  OR NEW.name IS NOT OLD.name
  OR (NEW.state = 'issued') <> (NEW.visit_id IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'a counted item changes only its state (R-COM-3)'); END;
-- A count is what was counted; only an open difference is explained, once.
CREATE TRIGGER item_counts_only_explained BEFORE UPDATE ON item_counts
WHEN OLD.state <> 'open' OR NEW.state <> 'explained' OR NEW.id IS NOT OLD.id OR NEW.site_id IS NOT OLD.site_id
  OR NEW.staff_id IS NOT OLD.staff_id OR NEW.at IS NOT OLD.at OR NEW.kind IS NOT OLD.kind
  OR NEW.moment IS NOT OLD.moment OR NEW.expected IS NOT OLD.expected OR NEW.counted IS NOT OLD.counted
  OR NEW.cosigner IS NOT OLD.cosigner
BEGIN SELECT RAISE(ABORT, 'a count is explained once and never changed (R-COM-3)'); END;

-- R-VIS-7: goods leave the premises on a permit the gate checks: the items
-- counted there and whether they match, each check a row (a mismatch is the
-- event). The applicant's ID number is kept masked only, never in full.
CREATE TABLE goods_permits (
  id              INTEGER PRIMARY KEY,
  site_id         INTEGER NOT NULL REFERENCES sites(id),
  staff_id        INTEGER REFERENCES staff(id),
  created_at      INTEGER NOT NULL,
  applicant       TEXT NOT NULL,
  phone           TEXT,
  id_type         TEXT,
  id_masked       TEXT,
  unit_id         INTEGER REFERENCES units(id),
  organisation_id INTEGER REFERENCES organisations(id),
  items           TEXT NOT NULL,
  reason          TEXT,
  valid_until     INTEGER NOT NULL DEFAULT 0,
  state           TEXT NOT NULL,
  approved_by     INTEGER REFERENCES staff(id),
  approved_at     INTEGER NOT NULL DEFAULT 0,
  checked_at      INTEGER NOT NULL DEFAULT 0,
  checked_by      INTEGER REFERENCES staff(id),
  purged_at       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX goods_permits_site_id ON goods_permits (site_id, id);
-- permits waiting for approval or for the gate
CREATE INDEX goods_permits_site_state ON goods_permits (site_id, state);
-- the purge
CREATE INDEX goods_permits_site_live ON goods_permits (site_id, created_at) WHERE purged_at = 0;

CREATE TABLE goods_checks (
  id          INTEGER PRIMARY KEY,
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  staff_id    INTEGER REFERENCES staff(id),
  at          INTEGER NOT NULL,
  permit_id   INTEGER NOT NULL REFERENCES goods_permits(id),
  gate        TEXT,
  items       TEXT NOT NULL,
  matched     INTEGER NOT NULL,
  difference  TEXT,
  note        TEXT
);
CREATE INDEX goods_checks_site_id ON goods_checks (site_id, id);
CREATE INDEX goods_checks_permit ON goods_checks (permit_id, id);
-- the period's mismatches (report)
CREATE INDEX goods_checks_site_at ON goods_checks (site_id, at);

-- R-VIS-8: one custody ledger for items left behind, parcels, deposits and
-- what declined visitors leave, each step an event.
CREATE TABLE custody_items (
  id           INTEGER PRIMARY KEY,
  site_id      INTEGER NOT NULL REFERENCES sites(id),
  staff_id     INTEGER REFERENCES staff(id),
  deposited_at INTEGER NOT NULL,
  kind         TEXT NOT NULL,
  description  TEXT NOT NULL,
  owner        TEXT,
  phone        TEXT,
  unit_id      INTEGER REFERENCES units(id),
  occupant_id  INTEGER REFERENCES occupants(id),
  visit_id     INTEGER REFERENCES visits(id),
  found_where  TEXT,
  state        TEXT NOT NULL DEFAULT 'held',
  notified_at  INTEGER NOT NULL DEFAULT 0,
  reminders    INTEGER NOT NULL DEFAULT 0,
  closed_at    INTEGER NOT NULL DEFAULT 0,
  closed_by    INTEGER REFERENCES staff(id),
  handed_to    TEXT,
  check_method TEXT,
  purged_at    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX custody_items_site_id ON custody_items (site_id, id);
-- what the desk still holds, oldest first (the unclaimed horizon, reminders)
CREATE INDEX custody_items_site_held ON custody_items (site_id, deposited_at) WHERE state = 'held';
CREATE INDEX custody_items_site_occupant ON custody_items (site_id, occupant_id) WHERE occupant_id IS NOT NULL;
CREATE INDEX custody_items_site_live ON custody_items (site_id, closed_at) WHERE purged_at = 0 AND state <> 'held';

CREATE TABLE custody_events (
  id          INTEGER PRIMARY KEY,
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  staff_id    INTEGER REFERENCES staff(id),
  at          INTEGER NOT NULL,
  item_id     INTEGER NOT NULL REFERENCES custody_items(id),
  kind        TEXT NOT NULL,
  how         TEXT,
  note        TEXT
);
CREATE INDEX custody_events_site_id ON custody_events (site_id, id);
CREATE INDEX custody_events_item ON custody_events (item_id, id);

CREATE TRIGGER goods_permits_no_delete BEFORE DELETE ON goods_permits
BEGIN SELECT RAISE(ABORT, 'goods permits are never deleted (R-COM-3)'); END;
CREATE TRIGGER goods_checks_append_only_update BEFORE UPDATE ON goods_checks
BEGIN SELECT RAISE(ABORT, 'gate checks are append-only (R-COM-3)'); END;
CREATE TRIGGER goods_checks_append_only_delete BEFORE DELETE ON goods_checks
BEGIN SELECT RAISE(ABORT, 'gate checks are append-only (R-COM-3)'); END;
CREATE TRIGGER custody_items_no_delete BEFORE DELETE ON custody_items
BEGIN SELECT RAISE(ABORT, 'custody items are never deleted (R-COM-3)'); END;
CREATE TRIGGER custody_events_append_only_update BEFORE UPDATE ON custody_events
BEGIN SELECT RAISE(ABORT, 'custody events are append-only (R-COM-3)'); END;
CREATE TRIGGER custody_events_append_only_delete BEFORE DELETE ON custody_events
BEGIN SELECT RAISE(ABORT, 'custody events are append-only (R-COM-3)'); END;
CREATE TRIGGER goods_permits_no_replace BEFORE INSERT ON goods_permits
WHEN EXISTS (SELECT 1 FROM goods_permits WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: goods_permits.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER goods_checks_no_replace BEFORE INSERT ON goods_checks
WHEN EXISTS (SELECT 1 FROM goods_checks WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: goods_checks.id (gate checks are append-only, R-COM-3)'); END;
CREATE TRIGGER custody_items_no_replace BEFORE INSERT ON custody_items
WHEN EXISTS (SELECT 1 FROM custody_items WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: custody_items.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER custody_events_no_replace BEFORE INSERT ON custody_events
WHEN EXISTS (SELECT 1 FROM custody_events WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: custody_events.id (custody events are append-only, R-COM-3)'); END;
-- A permit keeps what was applied for; its approval, its last gate check and
-- its state change, and the purge empties the applicant's personal data once.
CREATE TRIGGER goods_permits_only_state_and_purge BEFORE UPDATE ON goods_permits
WHEN NEW.id IS NOT OLD.id OR NEW.site_id IS NOT OLD.site_id OR NEW.staff_id IS NOT OLD.staff_id
  OR NEW.created_at IS NOT OLD.created_at OR NEW.id_type IS NOT OLD.id_type
  OR NEW.unit_id IS NOT OLD.unit_id OR NEW.organisation_id IS NOT OLD.organisation_id
  OR NEW.items IS NOT OLD.items OR NEW.reason IS NOT OLD.reason OR NEW.valid_until IS NOT OLD.valid_until
  OR (OLD.approved_at <> 0 AND (NEW.approved_at IS NOT OLD.approved_at OR NEW.approved_by IS NOT OLD.approved_by))
  OR (OLD.purged_at <> 0 AND NEW.purged_at IS NOT OLD.purged_at)
  OR ((NEW.applicant IS NOT OLD.applicant OR NEW.phone IS NOT OLD.phone OR NEW.id_masked IS NOT OLD.id_masked)
      AND NOT (OLD.purged_at = 0 AND NEW.purged_at <> 0 AND NEW.applicant = '' AND NEW.phone IS NULL
               AND NEW.id_masked IS NULL))
BEGIN SELECT RAISE(ABORT, 'a goods permit changes only by its approval, gate checks and the purge (R-COM-3)'); END;
-- A custody item keeps what was deposited; its steps and the purge change it.
CREATE TRIGGER custody_items_only_steps_and_purge BEFORE UPDATE ON custody_items
WHEN NEW.id IS NOT OLD.id OR NEW.site_id IS NOT OLD.site_id OR NEW.staff_id IS NOT OLD.staff_id
  OR NEW.deposited_at IS NOT OLD.deposited_at OR NEW.kind IS NOT OLD.kind OR NEW.description IS NOT OLD.description
  OR NEW.unit_id IS NOT OLD.unit_id OR NEW.occupant_id IS NOT OLD.occupant_id OR NEW.visit_id IS NOT OLD.visit_id
  OR NEW.found_where IS NOT OLD.found_where
  OR (OLD.state <> 'held' AND (NEW.state IS NOT OLD.state OR NEW.closed_at IS NOT OLD.closed_at
                               OR NEW.closed_by IS NOT OLD.closed_by OR NEW.check_method IS NOT OLD.check_method))
  OR (OLD.purged_at <> 0 AND NEW.purged_at IS NOT OLD.purged_at)
  OR ((NEW.owner IS NOT OLD.owner OR NEW.phone IS NOT OLD.phone OR (NEW.handed_to IS NOT OLD.handed_to
       AND OLD.state <> 'held'))
      AND NOT (OLD.purged_at = 0 AND NEW.purged_at <> 0 AND NEW.owner IS NULL AND NEW.phone IS NULL
               AND NEW.handed_to IS NULL))
BEGIN SELECT RAISE(ABORT, 'a custody item changes only by its steps and the purge (R-COM-3)'); END;

-- R-VIS-6: an important visit's preparation checklist, each item ticked off
-- once with who and when.
CREATE TABLE visit_preps (
  id          INTEGER PRIMARY KEY,
  site_id     INTEGER NOT NULL REFERENCES sites(id),
  staff_id    INTEGER REFERENCES staff(id),
  created_at  INTEGER NOT NULL,
  visit_id    INTEGER NOT NULL REFERENCES visits(id),
  item        TEXT NOT NULL,
  due_at      INTEGER NOT NULL DEFAULT 0,
  done_at     INTEGER NOT NULL DEFAULT 0,
  done_by     INTEGER REFERENCES staff(id),
  note        TEXT
);
CREATE INDEX visit_preps_site_id ON visit_preps (site_id, id);
CREATE INDEX visit_preps_visit ON visit_preps (visit_id, id);
-- items still open (the day's important visits with open items)
CREATE INDEX visit_preps_site_open ON visit_preps (site_id, visit_id) WHERE done_at = 0;
-- important visits by when they are expected
CREATE INDEX visits_site_important ON visits (site_id, planned_from) WHERE important = 1;

CREATE TRIGGER visit_preps_no_delete BEFORE DELETE ON visit_preps
BEGIN SELECT RAISE(ABORT, 'preparation items are never deleted (R-COM-3)'); END;
CREATE TRIGGER visit_preps_no_replace BEFORE INSERT ON visit_preps
WHEN EXISTS (SELECT 1 FROM visit_preps WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: visit_preps.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER visit_preps_ticked_once BEFORE UPDATE ON visit_preps
WHEN OLD.done_at <> 0 OR NEW.done_at = 0 OR NEW.id IS NOT OLD.id OR NEW.site_id IS NOT OLD.site_id
  OR NEW.staff_id IS NOT OLD.staff_id OR NEW.created_at IS NOT OLD.created_at OR NEW.visit_id IS NOT OLD.visit_id
  OR NEW.item IS NOT OLD.item OR NEW.due_at IS NOT OLD.due_at
BEGIN SELECT RAISE(ABORT, 'a preparation item is ticked off once and never changed (R-COM-3)'); END;
