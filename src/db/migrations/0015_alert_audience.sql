-- Repeats of a warning merge into one open alert only when both have the same readers. Before, a repeat merged
-- into any open alert of its country and cause, so a confidential finding could be added to a public alert
-- and a person could read (and change) an alert they were not cleared for by naming its cause. The audience
-- is 'public', or the clearance, the owning organisation and the organisations it is shared with.

ALTER TABLE alerts ADD COLUMN audience text NOT NULL DEFAULT 'public';

UPDATE alerts SET audience = clearance || ':' || owner_org_id::text || ':' || coalesce(
  (SELECT string_agg(s.org_id::text, ',' ORDER BY s.org_id) FROM record_shares s
    WHERE s.record_type = 'alerts' AND s.record_id = alerts.id),
  '')
WHERE clearance <> 'public';

DROP INDEX alerts_open_cause;
CREATE UNIQUE INDEX alerts_open_cause ON alerts (iso3, cause, audience) WHERE status <> 'closed';
