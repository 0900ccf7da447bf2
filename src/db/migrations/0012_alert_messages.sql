-- An alert the platform raised itself keeps what it said as a key and figures (see core/alerts/alert-messages.ts),
-- so that pages in other languages can word it; the summary column keeps the English wording.

ALTER TABLE alerts ADD COLUMN message jsonb;
