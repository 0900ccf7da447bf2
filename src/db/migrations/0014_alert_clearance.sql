-- Alerts come under clearance like analyses and reports: a person's warning may name informants or victims.
-- Alerts raised so far were open to every signed-in person and stay public; the platform's own alerts (from
-- public data) are public; a person's alert is restricted unless they choose otherwise.

ALTER TABLE alerts
  ADD COLUMN clearance text NOT NULL DEFAULT 'public'
  CHECK (clearance IN ('public', 'restricted', 'confidential'));
