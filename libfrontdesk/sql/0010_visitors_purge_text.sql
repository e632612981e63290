-- The retention purge reaches the free text of the visitor log (issue 12, the
-- trial's item 10; R-COM-2, R-COM-3). ID numbers go after
-- visitor.id_retention_days — those of the ID document, and those people typed
-- into a visit's purpose and its events' notes: at that horizon the purge masks
-- every phone, ID and passport number in the purpose and the notes
-- (fd_pii_mask_text()), for every visit, with an ID document or without.
--
-- So `id_purged_at` is set on every visit the ID horizon passes (it says when
-- its ID numbers were purged, the document's and any in its text), and the
-- partial index of visits still to pass holds them all, not only those with a
-- document. A visit's purpose changes only in that purge, once; an event's
-- note only by the same purge, once (its new `purged_at`).

DROP INDEX visits_site_id_live;
CREATE INDEX visits_site_id_live ON visits (site_id, registered_at) WHERE id_purged_at = 0;

ALTER TABLE visit_events ADD COLUMN purged_at INTEGER NOT NULL DEFAULT 0;

DROP TRIGGER visit_events_append_only_update;
CREATE TRIGGER visit_events_append_only_update BEFORE UPDATE ON visit_events
WHEN OLD.purged_at <> 0 OR NEW.purged_at = 0 OR NEW.id IS NOT OLD.id OR NEW.site_id IS NOT OLD.site_id
  OR NEW.staff_id IS NOT OLD.staff_id OR NEW.at IS NOT OLD.at OR NEW.visit_id IS NOT OLD.visit_id
  OR NEW.kind IS NOT OLD.kind OR NEW.code IS NOT OLD.code OR NEW.happened_at IS NOT OLD.happened_at
  OR length(NEW.note) IS NOT length(OLD.note)
BEGIN SELECT RAISE(ABORT, 'visit events are append-only; the purge masks their notes once (R-COM-3)'); END;

DROP TRIGGER visits_only_events_and_purge;
CREATE TRIGGER visits_only_events_and_purge BEFORE UPDATE ON visits
WHEN NEW.id IS NOT OLD.id OR NEW.site_id IS NOT OLD.site_id OR NEW.staff_id IS NOT OLD.staff_id
  OR NEW.registered_at IS NOT OLD.registered_at OR NEW.slip_no IS NOT OLD.slip_no
  OR NEW.party_size IS NOT OLD.party_size OR NEW.host_occupant IS NOT OLD.host_occupant
  OR NEW.host_employee IS NOT OLD.host_employee OR NEW.host_department IS NOT OLD.host_department
  OR NEW.host_organisation IS NOT OLD.host_organisation OR NEW.host IS NOT OLD.host
  OR (NEW.purpose IS NOT OLD.purpose
      AND NOT (OLD.id_purged_at = 0 AND NEW.id_purged_at <> 0 AND length(NEW.purpose) = length(OLD.purpose)))
  OR NEW.preregistered IS NOT OLD.preregistered
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
