-- Alerts and reviews come under clearance like analyses and reports: a person's warning may name informants
-- or victims, and a draft atrocity-risk review is not for every reader. Those created so far were open to
-- every signed-in person and stay public; the platform's own alerts (from public data) are public; a
-- person's alert and a new review are restricted unless their author chooses otherwise.

ALTER TABLE alerts
  ADD COLUMN clearance text NOT NULL DEFAULT 'public'
  CHECK (clearance IN ('public', 'restricted', 'confidential'));

ALTER TABLE reviews
  ADD COLUMN clearance text NOT NULL DEFAULT 'public'
  CHECK (clearance IN ('public', 'restricted', 'confidential'));
