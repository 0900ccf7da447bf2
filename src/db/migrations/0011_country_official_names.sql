-- The formal name of each country in the six UN languages (UNTERM), keyed by language code, so a page in
-- French or Arabic can show the name the UN uses in that language.

ALTER TABLE countries ADD COLUMN official_names jsonb NOT NULL DEFAULT '{}';
