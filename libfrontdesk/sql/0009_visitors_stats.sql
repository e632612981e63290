-- Schema version 9: the indexes the daily report's visitors section reads
-- through (issue 12, item 8; fd_store_visit_stats, R-COM-4). Each count of a
-- day is one range of one index of the site — never a walk over the site's
-- visits or events. Only indexes: no table, trigger or row changes.
--
-- What stood at the day's end (who was on site, which cards were out, what the
-- desk held, which counts were open) is read as the records stand now, plus
-- what changed since the day ended: the ranges "departed at or after the end",
-- "closed at or after the end", "explained at or after the end", "changed at or
-- after the end" below. For today's report those ranges are empty.
--
-- Named <table>_site_<...>: the planner statistics seeded at open cover them
-- (store.c), and the queries name them (INDEXED BY) all the same.

-- Visits that arrived in the day (walk-ins when registered, pre-registrations
-- at check-in): the day's arrivals and their purposes and host organisations.
-- Partial by `<> 0`, not `> 0`: a query of a partial index repeats its term,
-- and beside `arrived_at >= ?` a second lower bound `arrived_at > 0` may be
-- the one SQLite starts the range from — every arrival of the site; `<>` is
-- never a bound. Nor can "still on site" (`arrived_at > 0 AND departed_at = 0`,
-- visits_site_onsite) take these two.
CREATE INDEX visits_site_arrived ON visits (site_id, arrived_at) WHERE arrived_at <> 0;
-- Visits that left in the day, and those on site at a past day's end that left later.
CREATE INDEX visits_site_departed ON visits (site_id, departed_at) WHERE departed_at <> 0;
-- Pre-registered visits planned to start in the day: expected, and who did not come.
CREATE INDEX visits_site_planned ON visits (site_id, planned_from) WHERE preregistered = 1;
-- The day's events: answers (declined), refusals, cancellations.
CREATE INDEX visit_events_site_at ON visit_events (site_id, at);
-- The day's card and item events: issued, returned, lost, found (R-VIS-4).
CREATE INDEX item_events_site_at ON item_events (site_id, at);
-- Items issued at the day's end: those issued now, and those changed since the end.
CREATE INDEX counted_items_site_issued ON counted_items (site_id, state_at) WHERE state = 'issued';
CREATE INDEX counted_items_site_state_at ON counted_items (site_id, state_at);
-- Counts whose difference was explained after the day's end were open at it (R-VIS-4).
CREATE INDEX item_counts_site_explained ON item_counts (site_id, explained_at) WHERE state = 'explained';
-- The day's custody steps: deposited, collected, returned, handed on (R-VIS-8).
CREATE INDEX custody_events_site_at ON custody_events (site_id, at);
-- Items given out after the day's end were held at it (R-VIS-8).
CREATE INDEX custody_items_site_closed ON custody_items (site_id, closed_at) WHERE state <> 'held';
