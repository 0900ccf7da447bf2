-- Voices: community and civil-society reports, their triage, replies to reporters, import forms and
-- the gazetteer used to place them. The reporter's contact, the original free text and any unmapped
-- answers live only in `sealed` (AES-256-GCM under a per-report data key, itself wrapped by the master
-- key named by `key_id`); no column holds them in plain text.

-- Report categories are data: administrators may add or remap them. `factors` are the risk-factor
-- numbers (1–14) of the UN Framework of Analysis for Atrocity Crimes (2014) each category informs.
CREATE TABLE voices_categories (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  label text NOT NULL,
  factors integer[] NOT NULL DEFAULT '{}',
  position integer NOT NULL DEFAULT 0
);

INSERT INTO voices_categories (code, label, factors, position) VALUES
  ('armed_violence', 'Armed clashes or attacks', '{1,13}', 1),
  ('attack_on_civilians', 'Killing, injury or abuse of civilians', '{2,11,13}', 2),
  ('sexual_violence', 'Sexual or gender-based violence', '{2,11,13}', 3),
  ('hate_speech', 'Hate speech or incitement against a group', '{7,9,10}', 4),
  ('discrimination', 'Discrimination or exclusion of a group', '{4,9}', 5),
  ('displacement', 'Forced displacement or flight', '{1,11,12}', 6),
  ('arrests', 'Arbitrary arrests, detention or disappearances', '{2,3,12}', 7),
  ('political_tension', 'Political tension, protest or repression', '{1,4,8}', 8),
  ('armed_mobilisation', 'Weapons, recruitment or armed mobilisation', '{5,7}', 9),
  ('attack_on_aid', 'Threats to humanitarian workers or peacekeepers', '{14}', 10),
  ('services', 'Loss of water, food, health or other services', '{3,6}', 11),
  ('other', 'Something else', '{}', 12);

-- Import forms (KoboToolbox/ODK or any mapped CSV/JSON feed) with the column mapping saved per form.
CREATE TABLE voices_forms (
  id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$'),
  owner_org_id uuid NOT NULL REFERENCES organisations (id),
  title text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('kobo', 'odk', 'feed')),
  mapping jsonb NOT NULL,
  clearance text NOT NULL DEFAULT 'restricted' CHECK (clearance IN ('public', 'restricted', 'confidential')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE voices_reports (
  id uuid PRIMARY KEY,
  owner_org_id uuid NOT NULL REFERENCES organisations (id),
  clearance text NOT NULL CHECK (clearance IN ('public', 'restricted', 'confidential')),
  -- Only the SHA-256 of the receipt code: a leaked table does not open reporters' receipt pages.
  receipt_hash text NOT NULL UNIQUE,
  channel text NOT NULL CHECK (channel IN ('web', 'api', 'sms', 'kobo', 'ushahidi', 'feed')),
  form_id text REFERENCES voices_forms (id),
  -- The id the source gave the submission (SMS message id, Kobo _uuid, Ushahidi #): re-imports and
  -- gateway retries find it and store nothing twice.
  source_ref text,
  category text NOT NULL REFERENCES voices_categories (code),
  description text NOT NULL,
  redacted boolean NOT NULL DEFAULT false,
  language text NOT NULL DEFAULT 'en',
  incident_date date NOT NULL,
  incident_month date NOT NULL,
  iso3 text,
  place text,
  latitude double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude double precision CHECK (longitude BETWEEN -180 AND 180),
  priogrid_gid integer CHECK (priogrid_gid BETWEEN 1 AND 259200),
  adm1 text,
  adm2 text,
  location_source text NOT NULL DEFAULT 'none'
    CHECK (location_source IN ('coordinates', 'map', 'gazetteer', 'capital', 'country', 'none')),
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'verified', 'unverified', 'false', 'duplicate')),
  duplicate_of uuid REFERENCES voices_reports (id),
  possible_duplicate_of uuid REFERENCES voices_reports (id),
  duplicate_score double precision,
  assigned_to uuid REFERENCES users (id) ON DELETE SET NULL,
  has_contact boolean NOT NULL DEFAULT false,
  sealed text NOT NULL,
  wrapped_key text NOT NULL,
  key_id text NOT NULL,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX voices_reports_source ON voices_reports (channel, coalesce(form_id, ''), source_ref)
  WHERE source_ref IS NOT NULL;
CREATE INDEX voices_reports_queue ON voices_reports (owner_org_id, status, submitted_at DESC);
CREATE INDEX voices_reports_near ON voices_reports (iso3, incident_date);
CREATE INDEX voices_reports_signals ON voices_reports (status, incident_month, iso3);
CREATE INDEX voices_reports_key ON voices_reports (key_id);

CREATE TABLE voices_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  report_id uuid NOT NULL REFERENCES voices_reports (id) ON DELETE CASCADE,
  author_id uuid REFERENCES users (id) ON DELETE SET NULL,
  author text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX voices_notes_report ON voices_notes (report_id, created_at);

-- Replies to the reporter, through the channel the report came by. Web replies are shown on the receipt
-- page; SMS replies wait here until the gateway collects them (or its next webhook call carries them).
CREATE TABLE voices_replies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  report_id uuid NOT NULL REFERENCES voices_reports (id) ON DELETE CASCADE,
  body text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('receipt', 'sms')),
  delivery text NOT NULL CHECK (delivery IN ('shown', 'queued', 'sent')),
  author_id uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX voices_replies_report ON voices_replies (report_id, created_at);
CREATE INDEX voices_replies_outbox ON voices_replies (delivery, created_at) WHERE delivery = 'queued';

-- Place names for geocoding: admin areas (centroids of the GED events that name them), capitals and
-- country names. Rebuilt from the data by `continuum voices gazetteer`.
CREATE TABLE voices_gazetteer (
  id serial PRIMARY KEY,
  iso3 text NOT NULL,
  level text NOT NULL CHECK (level IN ('country', 'adm1', 'adm2', 'capital')),
  name text NOT NULL,
  key text NOT NULL,
  adm1 text,
  latitude double precision,
  longitude double precision,
  weight integer NOT NULL DEFAULT 0
);
CREATE INDEX voices_gazetteer_key ON voices_gazetteer (key);
CREATE INDEX voices_gazetteer_iso3 ON voices_gazetteer (iso3, key);
