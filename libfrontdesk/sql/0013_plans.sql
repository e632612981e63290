-- Schema version 13: plans (issue 15; R-PLN-1 … R-PLN-6, R-CALL-8, R-CALL-9,
-- R-COM-4): repair work orders and their hand-offs, follow-ups, callbacks and
-- their attempts, specialists and customer assignments, visit plans and their
-- visits, questions taken away, surveys. One column per field of
-- libfrontdesk/records/plans.rec; the store owns every module's tables.
--
-- Nothing is deleted (R-COM-3): triggers refuse DELETE on every table here and
-- INSERT OR REPLACE over an existing row; events, attempts and answers are
-- never changed. Every "due" list has a partial index of exactly what is
-- still open, by due time.

CREATE TABLE repairs (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  received_at      INTEGER NOT NULL,
  channel          TEXT NOT NULL,
  category         TEXT NOT NULL,
  unit_id          INTEGER REFERENCES units(id),
  address          TEXT,
  customer         TEXT,
  occupant_id      INTEGER REFERENCES occupants(id),
  organisation_id  INTEGER REFERENCES organisations(id),
  contact          TEXT,
  what             TEXT NOT NULL,
  paid             INTEGER NOT NULL DEFAULT 0,
  agreed_from      INTEGER NOT NULL DEFAULT 0,
  agreed_to        INTEGER NOT NULL DEFAULT 0,
  skill            TEXT,
  call_id          INTEGER REFERENCES calls(id),
  complaint_id     INTEGER REFERENCES complaints(id),
  state            TEXT,
  handler_id       INTEGER REFERENCES staff(id),
  dispatched_at    INTEGER NOT NULL DEFAULT 0,
  accepted_at      INTEGER NOT NULL DEFAULT 0,
  done_at          INTEGER NOT NULL DEFAULT 0,
  leak_tested_at   INTEGER NOT NULL DEFAULT 0,
  closed_at        INTEGER NOT NULL DEFAULT 0,
  undone           INTEGER NOT NULL DEFAULT 0,
  close_reason     TEXT
);
CREATE INDEX repairs_site_id ON repairs (site_id, id);

CREATE TABLE repair_events (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  repair_id        INTEGER NOT NULL REFERENCES repairs(id),
  kind             TEXT NOT NULL,
  from_state       TEXT,
  to_state         TEXT,
  from_handler     INTEGER REFERENCES staff(id),
  to_handler       INTEGER REFERENCES staff(id),
  happened_at      INTEGER NOT NULL DEFAULT 0,
  note             TEXT
);
CREATE INDEX repair_events_site_id ON repair_events (site_id, id);

CREATE TABLE staff_skills (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  member_id        INTEGER NOT NULL REFERENCES staff(id),
  skill            TEXT NOT NULL,
  retired          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX staff_skills_site_id ON staff_skills (site_id, id);

CREATE TABLE followups (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  repair_id        INTEGER NOT NULL REFERENCES repairs(id),
  policy_key       TEXT NOT NULL,
  start_at         INTEGER NOT NULL,
  due_at           INTEGER NOT NULL,
  provisional      INTEGER NOT NULL DEFAULT 0,
  state            TEXT,
  done_at          INTEGER NOT NULL DEFAULT 0,
  done_by          INTEGER REFERENCES staff(id),
  method           TEXT,
  result           TEXT,
  satisfaction     TEXT,
  said             TEXT
);
CREATE INDEX followups_site_id ON followups (site_id, id);

CREATE TABLE callbacks (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  source           TEXT NOT NULL,
  call_task_id     INTEGER REFERENCES call_tasks(id),
  complaint_id     INTEGER REFERENCES complaints(id),
  repair_id        INTEGER REFERENCES repairs(id),
  occupant_id      INTEGER REFERENCES occupants(id),
  organisation_id  INTEGER REFERENCES organisations(id),
  customer         TEXT,
  number           TEXT,
  member           INTEGER NOT NULL DEFAULT 0,
  agreed_at        INTEGER NOT NULL DEFAULT 0,
  due_at           INTEGER NOT NULL DEFAULT 0,
  provisional      INTEGER NOT NULL DEFAULT 0,
  state            TEXT,
  attempts         INTEGER NOT NULL DEFAULT 0,
  done_at          INTEGER NOT NULL DEFAULT 0,
  satisfaction     TEXT,
  close_reason     TEXT
);
CREATE INDEX callbacks_site_id ON callbacks (site_id, id);

CREATE TABLE callback_attempts (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  callback_id      INTEGER NOT NULL REFERENCES callbacks(id),
  placed_at        INTEGER NOT NULL,
  result           TEXT NOT NULL,
  satisfaction     TEXT,
  said             TEXT
);
CREATE INDEX callback_attempts_site_id ON callback_attempts (site_id, id);

CREATE TABLE specialists (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  member_id        INTEGER NOT NULL REFERENCES staff(id),
  level            INTEGER NOT NULL,
  left_at          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX specialists_site_id ON specialists (site_id, id);

CREATE TABLE customer_assignments (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  specialist_id    INTEGER NOT NULL REFERENCES specialists(id),
  occupant_id      INTEGER REFERENCES occupants(id),
  organisation_id  INTEGER REFERENCES organisations(id),
  contact_due_at   INTEGER NOT NULL DEFAULT 0,
  contacted_at     INTEGER NOT NULL DEFAULT 0,
  ended_at         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX customer_assignments_site_id ON customer_assignments (site_id, id);

CREATE TABLE visit_plans (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  occupant_id      INTEGER REFERENCES occupants(id),
  organisation_id  INTEGER REFERENCES organisations(id),
  purpose          TEXT NOT NULL,
  recurrence       TEXT NOT NULL,
  interval         INTEGER NOT NULL DEFAULT 0,
  first_at         INTEGER NOT NULL,
  until_on         TEXT,
  assigned_to      INTEGER NOT NULL REFERENCES staff(id),
  ended_at         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX visit_plans_site_id ON visit_plans (site_id, id);

CREATE TABLE planned_visits (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  plan_id          INTEGER NOT NULL REFERENCES visit_plans(id),
  due_at           INTEGER NOT NULL,
  assigned_to      INTEGER NOT NULL REFERENCES staff(id),
  state            TEXT,
  done_at          INTEGER NOT NULL DEFAULT 0,
  done_by          INTEGER REFERENCES staff(id),
  said             TEXT
);
CREATE INDEX planned_visits_site_id ON planned_visits (site_id, id);

CREATE TABLE visit_questions (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  planned_visit_id INTEGER NOT NULL REFERENCES planned_visits(id),
  question         TEXT NOT NULL,
  callback_id      INTEGER REFERENCES callbacks(id),
  answered_at      INTEGER NOT NULL DEFAULT 0,
  answer           TEXT
);
CREATE INDEX visit_questions_site_id ON visit_questions (site_id, id);

CREATE TABLE surveys (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  title            TEXT NOT NULL,
  opened_on        TEXT NOT NULL,
  closes_on        TEXT NOT NULL,
  questions        TEXT NOT NULL
);
CREATE INDEX surveys_site_id ON surveys (site_id, id);

CREATE TABLE survey_answers (
  id               INTEGER PRIMARY KEY,
  site_id          INTEGER NOT NULL REFERENCES sites(id),
  staff_id         INTEGER REFERENCES staff(id),
  created_at       INTEGER NOT NULL,
  survey_id        INTEGER NOT NULL REFERENCES surveys(id),
  occupant_id      INTEGER NOT NULL REFERENCES occupants(id),
  question_no      INTEGER NOT NULL,
  score            INTEGER NOT NULL DEFAULT 0,
  answer           TEXT
);
CREATE INDEX survey_answers_site_id ON survey_answers (site_id, id);

-- ---------------------------------------------------------------- keys
CREATE INDEX repair_events_repair ON repair_events (repair_id, id);
CREATE INDEX repair_events_site_kind ON repair_events (site_id, kind, created_at);
CREATE UNIQUE INDEX staff_skills_member_skill ON staff_skills (member_id, skill);
CREATE INDEX followups_repair ON followups (repair_id, id);
CREATE INDEX callback_attempts_callback ON callback_attempts (callback_id, id);
CREATE UNIQUE INDEX specialists_member_active ON specialists (member_id) WHERE left_at = 0;
CREATE UNIQUE INDEX customer_assignments_occupant ON customer_assignments (occupant_id)
  WHERE ended_at = 0 AND occupant_id IS NOT NULL;
CREATE UNIQUE INDEX customer_assignments_organisation ON customer_assignments (organisation_id)
  WHERE ended_at = 0 AND organisation_id IS NOT NULL;
CREATE UNIQUE INDEX planned_visits_plan_due ON planned_visits (plan_id, due_at);
CREATE INDEX visit_questions_visit ON visit_questions (planned_visit_id, id);
CREATE INDEX surveys_site_opened ON surveys (site_id, opened_on);
CREATE UNIQUE INDEX survey_answers_one ON survey_answers (survey_id, occupant_id, question_no);

-- ---------------------------------------------------------------- repairs and follow-ups
-- the month's summary and recurring problems (same unit or category, 90 days)
CREATE INDEX repairs_site_received ON repairs (site_id, received_at);
CREATE INDEX repairs_unit_received ON repairs (unit_id, received_at) WHERE unit_id IS NOT NULL;
-- open work orders by handler (least open orders in the skill)
CREATE INDEX repairs_handler_open ON repairs (handler_id) WHERE closed_at = 0 AND done_at = 0;
-- the follow-ups due (R-PLN-1): exactly the open ones, by due
CREATE INDEX followups_site_due ON followups (site_id, due_at) WHERE state = 'open';

-- ---------------------------------------------------------------- callbacks and specialists
-- the callbacks due (R-PLN-2): exactly the open ones, by due
CREATE INDEX callbacks_site_due ON callbacks (site_id, due_at) WHERE state = 'open';
CREATE INDEX callbacks_site_created ON callbacks (site_id, created_at);
CREATE UNIQUE INDEX callbacks_call_task ON callbacks (call_task_id) WHERE call_task_id IS NOT NULL;
CREATE INDEX customer_assignments_specialist ON customer_assignments (specialist_id) WHERE ended_at = 0;
-- new customers not yet contacted (R-PLN-3)
CREATE INDEX customer_assignments_contact_due ON customer_assignments (site_id, contact_due_at)
  WHERE contacted_at = 0 AND ended_at = 0;

-- ---------------------------------------------------------------- visit plans and surveys
-- the visits due (R-PLN-4): exactly the planned ones, by appointment
CREATE INDEX planned_visits_site_due ON planned_visits (site_id, due_at) WHERE state = 'planned';
CREATE INDEX planned_visits_site_done ON planned_visits (site_id, done_at) WHERE done_at > 0;
CREATE INDEX visit_questions_site_open ON visit_questions (site_id, created_at) WHERE answered_at = 0;
-- the monthly summary (R-PLN-5): every task due in a month, read from the index alone
CREATE INDEX planned_visits_site_month ON planned_visits (site_id, due_at, state, done_at);
CREATE INDEX callbacks_site_month ON callbacks (site_id, due_at, state, done_at, member, satisfaction);
CREATE INDEX followups_site_month ON followups (site_id, due_at, state, done_at, result, satisfaction);
CREATE INDEX visit_questions_site_created ON visit_questions (site_id, created_at, answered_at);

-- ---------------------------------------------------------------- R-COM-3: nothing deleted, nothing replaced
CREATE TRIGGER repairs_no_delete BEFORE DELETE ON repairs
BEGIN SELECT RAISE(ABORT, 'repairs are never deleted (R-COM-3)'); END;
CREATE TRIGGER repairs_no_replace BEFORE INSERT ON repairs
WHEN EXISTS (SELECT 1 FROM repairs WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: repairs.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER repair_events_no_delete BEFORE DELETE ON repair_events
BEGIN SELECT RAISE(ABORT, 'repair events are never deleted (R-COM-3)'); END;
CREATE TRIGGER repair_events_no_replace BEFORE INSERT ON repair_events
WHEN EXISTS (SELECT 1 FROM repair_events WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: repair_events.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER staff_skills_no_delete BEFORE DELETE ON staff_skills
BEGIN SELECT RAISE(ABORT, 'staff skills are never deleted (R-COM-3)'); END;
CREATE TRIGGER staff_skills_no_replace BEFORE INSERT ON staff_skills
WHEN EXISTS (SELECT 1 FROM staff_skills WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: staff_skills.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER followups_no_delete BEFORE DELETE ON followups
BEGIN SELECT RAISE(ABORT, 'followups are never deleted (R-COM-3)'); END;
CREATE TRIGGER followups_no_replace BEFORE INSERT ON followups
WHEN EXISTS (SELECT 1 FROM followups WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: followups.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER callbacks_no_delete BEFORE DELETE ON callbacks
BEGIN SELECT RAISE(ABORT, 'callbacks are never deleted (R-COM-3)'); END;
CREATE TRIGGER callbacks_no_replace BEFORE INSERT ON callbacks
WHEN EXISTS (SELECT 1 FROM callbacks WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: callbacks.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER callback_attempts_no_delete BEFORE DELETE ON callback_attempts
BEGIN SELECT RAISE(ABORT, 'callback attempts are never deleted (R-COM-3)'); END;
CREATE TRIGGER callback_attempts_no_replace BEFORE INSERT ON callback_attempts
WHEN EXISTS (SELECT 1 FROM callback_attempts WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: callback_attempts.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER specialists_no_delete BEFORE DELETE ON specialists
BEGIN SELECT RAISE(ABORT, 'specialists are never deleted (R-COM-3)'); END;
CREATE TRIGGER specialists_no_replace BEFORE INSERT ON specialists
WHEN EXISTS (SELECT 1 FROM specialists WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: specialists.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER customer_assignments_no_delete BEFORE DELETE ON customer_assignments
BEGIN SELECT RAISE(ABORT, 'customer assignments are never deleted (R-COM-3)'); END;
CREATE TRIGGER customer_assignments_no_replace BEFORE INSERT ON customer_assignments
WHEN EXISTS (SELECT 1 FROM customer_assignments WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: customer_assignments.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER visit_plans_no_delete BEFORE DELETE ON visit_plans
BEGIN SELECT RAISE(ABORT, 'visit plans are never deleted (R-COM-3)'); END;
CREATE TRIGGER visit_plans_no_replace BEFORE INSERT ON visit_plans
WHEN EXISTS (SELECT 1 FROM visit_plans WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: visit_plans.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER planned_visits_no_delete BEFORE DELETE ON planned_visits
BEGIN SELECT RAISE(ABORT, 'planned visits are never deleted (R-COM-3)'); END;
CREATE TRIGGER planned_visits_no_replace BEFORE INSERT ON planned_visits
WHEN EXISTS (SELECT 1 FROM planned_visits WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: planned_visits.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER visit_questions_no_delete BEFORE DELETE ON visit_questions
BEGIN SELECT RAISE(ABORT, 'visit questions are never deleted (R-COM-3)'); END;
CREATE TRIGGER visit_questions_no_replace BEFORE INSERT ON visit_questions
WHEN EXISTS (SELECT 1 FROM visit_questions WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: visit_questions.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER surveys_no_delete BEFORE DELETE ON surveys
BEGIN SELECT RAISE(ABORT, 'surveys are never deleted (R-COM-3)'); END;
CREATE TRIGGER surveys_no_replace BEFORE INSERT ON surveys
WHEN EXISTS (SELECT 1 FROM surveys WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: surveys.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER survey_answers_no_delete BEFORE DELETE ON survey_answers
BEGIN SELECT RAISE(ABORT, 'survey answers are never deleted (R-COM-3)'); END;
CREATE TRIGGER survey_answers_no_replace BEFORE INSERT ON survey_answers
WHEN EXISTS (SELECT 1 FROM survey_answers WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'exists: survey_answers.id (never replaced, R-COM-3)'); END;
CREATE TRIGGER repair_events_no_update BEFORE UPDATE ON repair_events
BEGIN SELECT RAISE(ABORT, 'repair events are never changed (R-COM-3)'); END;
CREATE TRIGGER callback_attempts_no_update BEFORE UPDATE ON callback_attempts
BEGIN SELECT RAISE(ABORT, 'callback attempts are never changed (R-COM-3)'); END;
CREATE TRIGGER survey_answers_no_update BEFORE UPDATE ON survey_answers
BEGIN SELECT RAISE(ABORT, 'survey answers are never changed (R-COM-3)'); END;
