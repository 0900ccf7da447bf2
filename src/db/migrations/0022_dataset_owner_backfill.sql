-- Datasets an organisation created before 0019 kept no owner, so that organisation could no longer import into
-- them. The audit log says which organisation imported each first; the platform's own datasets (bundled and
-- reference, as they were when owners were introduced) stay without one.
UPDATE datasets d
SET owner_org_id = first_import.org_id
FROM (
  SELECT DISTINCT ON (entity_id) entity_id, org_id
  FROM audit_log
  WHERE entity_type = 'dataset'
    AND action IN ('dataset.import', 'dataset.replace', 'dataset.update')
    AND org_id IS NOT NULL
  ORDER BY entity_id, id
) first_import
WHERE d.id = first_import.entity_id
  AND d.owner_org_id IS NULL
  AND d.id NOT IN (
    'gw-registry', 'iso-country-codes', 'views-cm', 'ucdp-ged', 'ucdp-acd', 'ucdp-dyadic',
    'ucdp-peace-agreements', 'poldat-static-world', 'gwcode-democracy', 'gw-sdp-gdp', 'wdi-population',
    'wdi-homicide', 'acled-schema', 'kobo-reach-irq-water-xlsform', 'awsd-incidents'
  )
  AND EXISTS (SELECT 1 FROM organisations o WHERE o.id = first_import.org_id);
