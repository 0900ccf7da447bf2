-- A sourced report (Ushahidi incident, Kobo submission, gateway message) is the same report only within the
-- organisation that received it: two organisations importing their own incidents 101–103 must both store
-- them, and neither may learn through a refused import that the other holds those numbers.

DROP INDEX voices_reports_source;
CREATE UNIQUE INDEX voices_reports_source
  ON voices_reports (owner_org_id, channel, coalesce(form_id, ''), source_ref)
  WHERE source_ref IS NOT NULL;
