-- The default "fatalities above the recent range" rule was seeded before its data-age limit existed; it is
-- given the limit's default (6 months), as every rule saved through the API already has.

UPDATE alert_rules
SET definition = definition || '{"maxDataAgeMonths": 6}'::jsonb
WHERE definition ->> 'kind' = 'fatalities_above_range' AND NOT definition ? 'maxDataAgeMonths';
