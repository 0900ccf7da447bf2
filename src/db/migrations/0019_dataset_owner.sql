-- The organisation that created a dataset by importing it under its own id: only it (and the platform's
-- curators) import into that dataset again. Null for the platform's own datasets (bundled, reference).
ALTER TABLE datasets ADD COLUMN owner_org_id uuid REFERENCES organisations (id);
