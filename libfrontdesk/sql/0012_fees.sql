-- Schema version 12: fees (issue 14; R-FEE-1 … R-FEE-9, R-COM-3).
-- One column per field of libfrontdesk/records/fees.rec; the store owns every
-- module's tables. Money is INTEGER fen, prices INTEGER 1/10000 yuan, dates
-- TEXT 'YYYY-MM-DD' (the site's local day), instants INTEGER UTC seconds.
--
-- Nothing is deleted or overwritten (R-COM-3): triggers refuse DELETE on every
-- table here and INSERT OR REPLACE over an existing row. A spoiled receipt
-- gets a receipt_voids row and keeps its number; a refund is a refunds row; a
-- void or refund writes allocations with the negative of what it undoes; a
-- correction after a day close is an adjustment dated the next open day, and
-- a closed day takes no payment, void, refund or adjustment (triggers below,
-- behind the store's own checks).

CREATE TABLE fee_items (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  code             TEXT NOT NULL,
  name             TEXT NOT NULL,
  kind             TEXT NOT NULL,
  custody          INTEGER NOT NULL DEFAULT 0,
  rounding         TEXT,
  retired          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX fee_items_site_id ON fee_items (site_id, id);

CREATE TABLE fee_rates (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  item_id          INTEGER NOT NULL REFERENCES fee_items(id),
  effective_from   TEXT NOT NULL,
  price_e4         INTEGER NOT NULL,
  source           TEXT
);
CREATE INDEX fee_rates_site_id ON fee_rates (site_id, id);

CREATE TABLE unit_custodies (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  unit_id          INTEGER NOT NULL REFERENCES units(id),
  from_date        TEXT NOT NULL,
  to_date          TEXT
);
CREATE INDEX unit_custodies_site_id ON unit_custodies (site_id, id);

CREATE TABLE meter_readings (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  unit_id          INTEGER NOT NULL REFERENCES units(id),
  item_id          INTEGER NOT NULL REFERENCES fee_items(id),
  read_on          TEXT NOT NULL,
  reading_e2       INTEGER NOT NULL
);
CREATE INDEX meter_readings_site_id ON meter_readings (site_id, id);

CREATE TABLE unit_accounts (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  unit_id          INTEGER NOT NULL REFERENCES units(id),
  balance          INTEGER NOT NULL DEFAULT 0,
  rev              INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX unit_accounts_site_id ON unit_accounts (site_id, id);

CREATE TABLE bills (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  unit_id          INTEGER NOT NULL REFERENCES units(id),
  period           TEXT NOT NULL,
  period_start     TEXT NOT NULL,
  period_end       TEXT NOT NULL,
  due_on           TEXT NOT NULL,
  amount           INTEGER NOT NULL DEFAULT 0,
  paid             INTEGER NOT NULL DEFAULT 0,
  adjusted         INTEGER NOT NULL DEFAULT 0,
  state            TEXT,
  last_demand_on   TEXT,
  limitation_on    TEXT
);
CREATE INDEX bills_site_id ON bills (site_id, id);

CREATE TABLE bill_lines (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  bill_id          INTEGER NOT NULL REFERENCES bills(id),
  unit_id          INTEGER NOT NULL REFERENCES units(id),
  item_id          INTEGER NOT NULL REFERENCES fee_items(id),
  rate_id          INTEGER REFERENCES fee_rates(id),
  kind             TEXT NOT NULL,
  month_start      TEXT,
  qty_e2           INTEGER NOT NULL,
  price_e4         INTEGER NOT NULL,
  days             INTEGER NOT NULL DEFAULT 0,
  month_days       INTEGER NOT NULL DEFAULT 0,
  custody_pct      INTEGER NOT NULL DEFAULT 0,
  custody_days     INTEGER NOT NULL DEFAULT 0,
  rounding         TEXT NOT NULL,
  amount           INTEGER NOT NULL,
  residue_e4       INTEGER NOT NULL DEFAULT 0,
  paid             INTEGER NOT NULL DEFAULT 0,
  policy           TEXT
);
CREATE INDEX bill_lines_site_id ON bill_lines (site_id, id);

CREATE TABLE payments (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  unit_id          INTEGER NOT NULL REFERENCES units(id),
  payer            TEXT,
  method           TEXT NOT NULL,
  amount           INTEGER NOT NULL,
  tendered         INTEGER NOT NULL DEFAULT 0,
  change           INTEGER NOT NULL DEFAULT 0,
  reference        TEXT,
  expect_rev       INTEGER NOT NULL DEFAULT 0,
  to_balance       INTEGER NOT NULL DEFAULT 0,
  paid_on          TEXT,
  receipt_id       INTEGER REFERENCES receipts(id),
  state            TEXT
);
CREATE INDEX payments_site_id ON payments (site_id, id);

CREATE TABLE allocations (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  payment_id       INTEGER NOT NULL REFERENCES payments(id),
  bill_id          INTEGER NOT NULL REFERENCES bills(id),
  bill_line_id     INTEGER NOT NULL REFERENCES bill_lines(id),
  amount           INTEGER NOT NULL,
  void_id          INTEGER REFERENCES receipt_voids(id),
  refund_id        INTEGER REFERENCES refunds(id)
);
CREATE INDEX allocations_site_id ON allocations (site_id, id);

CREATE TABLE receipt_series (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  code             TEXT NOT NULL,
  kind             TEXT NOT NULL,
  first_no         INTEGER NOT NULL,
  last_no          INTEGER NOT NULL DEFAULT 0,
  next_no          INTEGER NOT NULL DEFAULT 0,
  closed           INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX receipt_series_site_id ON receipt_series (site_id, id);

CREATE TABLE receipts (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  series_id        INTEGER NOT NULL REFERENCES receipt_series(id),
  number           INTEGER NOT NULL,
  unit_id          INTEGER NOT NULL REFERENCES units(id),
  payment_id       INTEGER REFERENCES payments(id),
  bill_id          INTEGER REFERENCES bills(id),
  amount           INTEGER NOT NULL,
  amount_upper     TEXT,
  payer            TEXT,
  state            TEXT,
  collector_id     INTEGER REFERENCES staff(id),
  signature        TEXT,
  issued_on        TEXT
);
CREATE INDEX receipts_site_id ON receipts (site_id, id);

CREATE TABLE receipt_voids (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  receipt_id       INTEGER NOT NULL REFERENCES receipts(id),
  reason           TEXT NOT NULL,
  voided_on        TEXT
);
CREATE INDEX receipt_voids_site_id ON receipt_voids (site_id, id);

CREATE TABLE refunds (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  payment_id       INTEGER NOT NULL REFERENCES payments(id),
  amount           INTEGER NOT NULL,
  method           TEXT NOT NULL,
  reason           TEXT NOT NULL,
  state            TEXT,
  approved_by      INTEGER REFERENCES staff(id),
  approved_at      INTEGER NOT NULL DEFAULT 0,
  refunded_on      TEXT
);
CREATE INDEX refunds_site_id ON refunds (site_id, id);

CREATE TABLE adjustments (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  bill_id          INTEGER NOT NULL REFERENCES bills(id),
  amount           INTEGER NOT NULL,
  reason           TEXT NOT NULL,
  dated_on         TEXT
);
CREATE INDEX adjustments_site_id ON adjustments (site_id, id);

CREATE TABLE day_closes (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  day              TEXT NOT NULL,
  payments         INTEGER NOT NULL DEFAULT 0,
  collected        INTEGER NOT NULL DEFAULT 0,
  voided           INTEGER NOT NULL DEFAULT 0,
  refunded         INTEGER NOT NULL DEFAULT 0,
  receipts_issued  INTEGER NOT NULL DEFAULT 0,
  receipts_voided  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX day_closes_site_id ON day_closes (site_id, id);

CREATE TABLE dunning_steps (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  unit_id          INTEGER NOT NULL REFERENCES units(id),
  step             TEXT NOT NULL,
  channel          TEXT NOT NULL,
  happened_on      TEXT NOT NULL,
  owed             INTEGER NOT NULL DEFAULT 0,
  deadline         TEXT,
  result           TEXT,
  proof            TEXT
);
CREATE INDEX dunning_steps_site_id ON dunning_steps (site_id, id);

CREATE TABLE notice_templates (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  kind             TEXT NOT NULL,
  body             TEXT NOT NULL
);
CREATE INDEX notice_templates_site_id ON notice_templates (site_id, id);

-- ---------------------------------------------------------------- keys
CREATE UNIQUE INDEX fee_items_site_code ON fee_items (site_id, code);
CREATE UNIQUE INDEX fee_rates_item_day ON fee_rates (item_id, effective_from);
CREATE INDEX unit_custodies_unit ON unit_custodies (unit_id, from_date);
CREATE UNIQUE INDEX meter_readings_unit_item_day ON meter_readings (unit_id, item_id, read_on);
CREATE UNIQUE INDEX unit_accounts_unit ON unit_accounts (unit_id);
CREATE INDEX bills_unit ON bills (unit_id, period_start);
-- billing is idempotent (R-FEE-2): one recurring charge per unit, item and month
CREATE UNIQUE INDEX bill_lines_unit_item_month ON bill_lines (unit_id, item_id, month_start)
  WHERE kind = 'charge' AND month_start IS NOT NULL;
CREATE INDEX bill_lines_bill ON bill_lines (bill_id, id);
CREATE INDEX payments_unit ON payments (unit_id, id);
CREATE INDEX payments_site_day ON payments (site_id, paid_on);
CREATE INDEX allocations_payment ON allocations (payment_id, id);
CREATE INDEX allocations_bill ON allocations (bill_id, id);
CREATE UNIQUE INDEX receipt_series_site_code ON receipt_series (site_id, code);
-- a receipt number is used once per series, ever (R-FEE-4)
CREATE UNIQUE INDEX receipts_series_number ON receipts (series_id, number);
CREATE INDEX receipts_site_day ON receipts (site_id, issued_on);
CREATE INDEX receipts_payment ON receipts (payment_id) WHERE payment_id IS NOT NULL;
CREATE UNIQUE INDEX receipt_voids_receipt ON receipt_voids (receipt_id);
CREATE INDEX receipt_voids_site_day ON receipt_voids (site_id, voided_on);
CREATE INDEX refunds_payment ON refunds (payment_id, id);
CREATE INDEX refunds_site_day ON refunds (site_id, refunded_on) WHERE refunded_on IS NOT NULL;
CREATE INDEX adjustments_bill ON adjustments (bill_id, id);
CREATE INDEX adjustments_site_day ON adjustments (site_id, dated_on);
CREATE UNIQUE INDEX day_closes_site_day ON day_closes (site_id, day);
CREATE INDEX dunning_steps_unit ON dunning_steps (unit_id, happened_on);
CREATE INDEX dunning_steps_site_day ON dunning_steps (site_id, happened_on);
CREATE INDEX notice_templates_site_kind ON notice_templates (site_id, kind, id);

-- ---------------------------------------------------------------- billing, arrears, dunning
-- arrears (R-FEE-6): exactly the bills not paid, in unit order and covering what
-- fd_store_arrears reads (one pass, no sort, no row look-up)
CREATE INDEX bills_site_open ON bills (site_id, unit_id, due_on, amount, adjusted, paid, last_demand_on, limitation_on,
  state)
  WHERE state <> 'paid';
CREATE INDEX bills_unit_open ON bills (unit_id, due_on) WHERE state <> 'paid';
-- each unit's dunning steps in day order, for the arrears' pass (R-FEE-6)
CREATE INDEX dunning_steps_site_unit ON dunning_steps (site_id, unit_id, happened_on, id, step);
-- the units' numbers and the occupants in force, in unit order, for the same pass
CREATE INDEX units_site_id_number ON units (site_id, id, number);
CREATE INDEX occupants_site_unit_stay ON occupants (site_id, unit_id, move_in, move_out);
-- debts whose limitation ends soon (Civil Code art. 188, 195)
CREATE INDEX bills_site_limitation ON bills (site_id, limitation_on) WHERE state <> 'paid';

-- ---------------------------------------------------------------- cash desk
-- prepared receipts out with a collector or returned unused (R-FEE-5)
CREATE INDEX receipts_site_prepared ON receipts (site_id, state) WHERE state IN ('prepared', 'returned');

-- ---------------------------------------------------------------- R-COM-3: nothing deleted, nothing replaced
CREATE TRIGGER fee_items_no_delete BEFORE DELETE ON fee_items
BEGIN SELECT RAISE(ABORT, 'fee items are never deleted (R-COM-3)'); END;
CREATE TRIGGER fee_items_no_replace BEFORE INSERT ON fee_items
WHEN EXISTS (SELECT 1 FROM fee_items WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: fee_items.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER fee_rates_no_delete BEFORE DELETE ON fee_rates
BEGIN SELECT RAISE(ABORT, 'fee rates are never deleted (R-COM-3)'); END;
CREATE TRIGGER fee_rates_no_replace BEFORE INSERT ON fee_rates
WHEN EXISTS (SELECT 1 FROM fee_rates WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: fee_rates.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER unit_custodies_no_delete BEFORE DELETE ON unit_custodies
BEGIN SELECT RAISE(ABORT, 'unit custodies are never deleted (R-COM-3)'); END;
CREATE TRIGGER unit_custodies_no_replace BEFORE INSERT ON unit_custodies
WHEN EXISTS (SELECT 1 FROM unit_custodies WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: unit_custodies.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER meter_readings_no_delete BEFORE DELETE ON meter_readings
BEGIN SELECT RAISE(ABORT, 'meter readings are never deleted (R-COM-3)'); END;
CREATE TRIGGER meter_readings_no_replace BEFORE INSERT ON meter_readings
WHEN EXISTS (SELECT 1 FROM meter_readings WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: meter_readings.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER unit_accounts_no_delete BEFORE DELETE ON unit_accounts
BEGIN SELECT RAISE(ABORT, 'unit accounts are never deleted (R-COM-3)'); END;
CREATE TRIGGER unit_accounts_no_replace BEFORE INSERT ON unit_accounts
WHEN EXISTS (SELECT 1 FROM unit_accounts WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: unit_accounts.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER bills_no_delete BEFORE DELETE ON bills
BEGIN SELECT RAISE(ABORT, 'bills are never deleted (R-COM-3)'); END;
CREATE TRIGGER bills_no_replace BEFORE INSERT ON bills
WHEN EXISTS (SELECT 1 FROM bills WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: bills.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER bill_lines_no_delete BEFORE DELETE ON bill_lines
BEGIN SELECT RAISE(ABORT, 'bill lines are never deleted (R-COM-3)'); END;
CREATE TRIGGER bill_lines_no_replace BEFORE INSERT ON bill_lines
WHEN EXISTS (SELECT 1 FROM bill_lines WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: bill_lines.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
BEGIN SELECT RAISE(ABORT, 'payments are never deleted (R-COM-3)'); END;
CREATE TRIGGER payments_no_replace BEFORE INSERT ON payments
WHEN EXISTS (SELECT 1 FROM payments WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: payments.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER allocations_no_delete BEFORE DELETE ON allocations
BEGIN SELECT RAISE(ABORT, 'allocations are never deleted (R-COM-3)'); END;
CREATE TRIGGER allocations_no_replace BEFORE INSERT ON allocations
WHEN EXISTS (SELECT 1 FROM allocations WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: allocations.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER receipt_series_no_delete BEFORE DELETE ON receipt_series
BEGIN SELECT RAISE(ABORT, 'receipt series are never deleted (R-COM-3)'); END;
CREATE TRIGGER receipt_series_no_replace BEFORE INSERT ON receipt_series
WHEN EXISTS (SELECT 1 FROM receipt_series WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: receipt_series.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER receipts_no_delete BEFORE DELETE ON receipts
BEGIN SELECT RAISE(ABORT, 'receipts are never deleted (R-COM-3)'); END;
CREATE TRIGGER receipts_no_replace BEFORE INSERT ON receipts
WHEN EXISTS (SELECT 1 FROM receipts WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: receipts.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER receipt_voids_no_delete BEFORE DELETE ON receipt_voids
BEGIN SELECT RAISE(ABORT, 'receipt voids are never deleted (R-COM-3)'); END;
CREATE TRIGGER receipt_voids_no_replace BEFORE INSERT ON receipt_voids
WHEN EXISTS (SELECT 1 FROM receipt_voids WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: receipt_voids.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER refunds_no_delete BEFORE DELETE ON refunds
BEGIN SELECT RAISE(ABORT, 'refunds are never deleted (R-COM-3)'); END;
CREATE TRIGGER refunds_no_replace BEFORE INSERT ON refunds
WHEN EXISTS (SELECT 1 FROM refunds WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: refunds.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER adjustments_no_delete BEFORE DELETE ON adjustments
BEGIN SELECT RAISE(ABORT, 'adjustments are never deleted (R-COM-3)'); END;
CREATE TRIGGER adjustments_no_replace BEFORE INSERT ON adjustments
WHEN EXISTS (SELECT 1 FROM adjustments WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: adjustments.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER day_closes_no_delete BEFORE DELETE ON day_closes
BEGIN SELECT RAISE(ABORT, 'day closes are never deleted (R-COM-3)'); END;
CREATE TRIGGER day_closes_no_replace BEFORE INSERT ON day_closes
WHEN EXISTS (SELECT 1 FROM day_closes WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: day_closes.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER dunning_steps_no_delete BEFORE DELETE ON dunning_steps
BEGIN SELECT RAISE(ABORT, 'dunning steps are never deleted (R-COM-3)'); END;
CREATE TRIGGER dunning_steps_no_replace BEFORE INSERT ON dunning_steps
WHEN EXISTS (SELECT 1 FROM dunning_steps WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: dunning_steps.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER notice_templates_no_delete BEFORE DELETE ON notice_templates
BEGIN SELECT RAISE(ABORT, 'notice templates are never deleted (R-COM-3)'); END;
CREATE TRIGGER notice_templates_no_replace BEFORE INSERT ON notice_templates
WHEN EXISTS (SELECT 1 FROM notice_templates WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: notice_templates.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER fee_rates_no_update BEFORE UPDATE ON fee_rates
BEGIN SELECT RAISE(ABORT, 'fee rates are never changed (R-COM-3)'); END;
CREATE TRIGGER meter_readings_no_update BEFORE UPDATE ON meter_readings
BEGIN SELECT RAISE(ABORT, 'meter readings are never changed (R-COM-3)'); END;
CREATE TRIGGER allocations_no_update BEFORE UPDATE ON allocations
BEGIN SELECT RAISE(ABORT, 'allocations are never changed (R-COM-3)'); END;
CREATE TRIGGER receipt_voids_no_update BEFORE UPDATE ON receipt_voids
BEGIN SELECT RAISE(ABORT, 'receipt voids are never changed (R-COM-3)'); END;
CREATE TRIGGER adjustments_no_update BEFORE UPDATE ON adjustments
BEGIN SELECT RAISE(ABORT, 'adjustments are never changed (R-COM-3)'); END;
CREATE TRIGGER day_closes_no_update BEFORE UPDATE ON day_closes
BEGIN SELECT RAISE(ABORT, 'day closes are never changed (R-COM-3)'); END;
CREATE TRIGGER dunning_steps_no_update BEFORE UPDATE ON dunning_steps
BEGIN SELECT RAISE(ABORT, 'dunning steps are never changed (R-COM-3)'); END;
CREATE TRIGGER notice_templates_no_update BEFORE UPDATE ON notice_templates
BEGIN SELECT RAISE(ABORT, 'notice templates are never changed (R-COM-3)'); END;
-- a receipt keeps its series, number, unit and amount; a payment its amount and method (R-FEE-4)
CREATE TRIGGER receipts_number_kept BEFORE UPDATE OF series_id, number, unit_id, amount ON receipts
BEGIN SELECT RAISE(ABORT, 'a receipt keeps its series, number, unit and amount (R-FEE-4)'); END;
CREATE TRIGGER payments_amount_kept BEFORE UPDATE OF unit_id, method, amount, tendered, paid_on ON payments
BEGIN SELECT RAISE(ABORT, 'a payment keeps its unit, method, amount and day (R-FEE-3)'); END;
-- a closed day is frozen (R-FEE-9): nothing more is dated into it
CREATE TRIGGER payments_day_open BEFORE INSERT ON payments
WHEN EXISTS (SELECT 1 FROM day_closes WHERE site_id = NEW.site_id AND day = NEW.paid_on)
BEGIN SELECT RAISE(ABORT, 'the day is closed (R-FEE-9)'); END;
CREATE TRIGGER receipt_voids_day_open BEFORE INSERT ON receipt_voids
WHEN EXISTS (SELECT 1 FROM day_closes WHERE site_id = NEW.site_id AND day = NEW.voided_on)
BEGIN SELECT RAISE(ABORT, 'the day is closed (R-FEE-9)'); END;
CREATE TRIGGER refunds_day_open BEFORE UPDATE OF refunded_on ON refunds
WHEN EXISTS (SELECT 1 FROM day_closes WHERE site_id = NEW.site_id AND day = NEW.refunded_on)
BEGIN SELECT RAISE(ABORT, 'the day is closed (R-FEE-9)'); END;
CREATE TRIGGER adjustments_day_open BEFORE INSERT ON adjustments
WHEN EXISTS (SELECT 1 FROM day_closes WHERE site_id = NEW.site_id AND day = NEW.dated_on)
BEGIN SELECT RAISE(ABORT, 'the day is closed (R-FEE-9)'); END;
