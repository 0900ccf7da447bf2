-- A form's imported text heads every answer with its question, so lists showed the same opening for every
-- submission. A report now keeps a summary of its answers for lists; reports imported before it get theirs
-- from their text, each line stripped of the question heading it (a line no question heads stays whole).
-- A redacted text is left alone: its summary would quote nothing but the redaction.
ALTER TABLE voices_reports ADD COLUMN summary text;

WITH answers AS (
  SELECT r.id,
    string_agg(regexp_replace(btrim(coalesce(heading.answer, line.text)), '\s+', ' ', 'g'), ' · '
      ORDER BY line.n) AS joined
  FROM voices_reports r
  JOIN voices_forms f ON f.id = r.form_id
  CROSS JOIN LATERAL regexp_split_to_table(r.description, '\n') WITH ORDINALITY AS line(text, n)
  LEFT JOIN LATERAL (
    SELECT substr(line.text, length(q.label) + 3) AS answer
    FROM jsonb_array_elements_text(f.mapping -> 'description') AS d(name)
    CROSS JOIN LATERAL (SELECT coalesce(f.mapping -> 'questions' ->> d.name, d.name) AS label) q
    WHERE starts_with(line.text, q.label || ': ')
    ORDER BY length(q.label) DESC
    LIMIT 1
  ) heading ON true
  WHERE NOT r.redacted
    AND jsonb_array_length(f.mapping -> 'description') > 1
    AND btrim(line.text) <> ''
  GROUP BY r.id
)
UPDATE voices_reports r
SET summary = CASE WHEN length(a.joined) > 160 THEN rtrim(left(a.joined, 159)) || '…' ELSE a.joined END
FROM answers a
WHERE r.id = a.id AND a.joined <> '';
