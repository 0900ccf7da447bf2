/**
 * Reads the forecaster's panel out of the database. PGlite turns every returned row into a JS object slowly,
 * so each table comes back as one text value built by `string_agg` (one row, one column): the same trick as
 * `COPY … TO`, but through Kysely on both engines and inside any open transaction.
 */
import { type RawBuilder, sql } from "kysely";
import { referenceDatasets } from "../../core/data/reference-datasets.ts";
import { firstDayOf, type MonthKey } from "../../core/shared/months.ts";
import type { MonthCoverage } from "../../core/warning/default-origin.ts";
import type {
  Capital,
  ConflictYear,
  CountryYearRow,
  PanelRow,
  PeaceAgreement,
  WarningPanel,
} from "../../core/warning/panel.ts";
import type { Db } from "../../db/types.ts";

/**
 * State-based fatalities per country-month from the reference datasets only (a file imported under another
 * id changes no one's forecast). The ViEWS series comes first; months after its last month come from the GED
 * event aggregates, so a newer GED release extends the panel.
 */
const panelRows = (upTo: MonthKey): RawBuilder<unknown> => sql`
  SELECT coalesce(cm.gwcode, c.gwcode) AS gwcode, cm.iso3, cm.month, cm.sb_best AS sb
  FROM country_month cm
  LEFT JOIN countries c ON c.iso3 = cm.iso3
  WHERE cm.sb_best IS NOT NULL
    AND coalesce(cm.gwcode, c.gwcode) IS NOT NULL
    AND cm.month <= ${firstDayOf(upTo)}::date
    AND (
      (cm.series = 'views' AND cm.dataset_id = ${referenceDatasets.views})
      -- An uncorrelated subquery: computed once (as a joined CTE it was recomputed for every row).
      OR (cm.series = 'events' AND cm.dataset_id = ${referenceDatasets.events}
          AND cm.month > coalesce(
            (SELECT max(month) FROM country_month
             WHERE series = 'views' AND dataset_id = ${referenceDatasets.views}),
            '0001-01-01'::date))
    )`;

/** Panel rows dated at or before `upTo`: nothing later leaves the database. */
export const loadPanelRows = async (db: Db, upTo: MonthKey): Promise<PanelRow[]> => {
  const result = await sql<{ text: string | null }>`
    SELECT string_agg(concat_ws(',', gwcode, iso3, to_char(month, 'YYYY-MM'), sb), ';' ORDER BY gwcode, month) AS text
    FROM (${panelRows(upTo)}) rows`.execute(db);
  const text = result.rows[0]?.text;
  if (!text) return [];
  return text.split(";").map((line) => {
    const [gwcode, iso3, month, sb] = line.split(",");
    return { gwcode: Number(gwcode), iso3: iso3 ?? "", month: month ?? "", sb: Number(sb) };
  });
};

/**
 * For each of the last `months` months of the panel up to `upTo` (to pick an origin): how many countries have
 * data, and how many that had data the month before have none (`leftOut`: a late or partial delivery).
 */
export const panelCoverageQuery = (months: number, upTo: MonthKey): RawBuilder<MonthCoverage> => sql`
  WITH latest AS (SELECT max(month) AS month FROM (${panelRows(upTo)}) rows),
  -- Only the months asked about and the one before: the whole panel's history would take seconds to sort.
  all_rows AS (
    SELECT DISTINCT gwcode, month FROM (${panelRows(upTo)}) rows
    WHERE month >= (SELECT month FROM latest) - make_interval(months => ${months})
  ),
  months AS (
    SELECT month, count(*)::int AS countries FROM all_rows GROUP BY month ORDER BY month DESC LIMIT ${months}
  ),
  -- Each country-month beside the next month the country has data for. Joining the months to themselves
  -- instead compared every pair on the embedded engine (25 million for three years): seconds during which
  -- the server answered no one.
  recent AS (
    SELECT month, lead(month) OVER (PARTITION BY gwcode ORDER BY month) AS next FROM all_rows
    WHERE month >= (SELECT min(month) FROM months) - interval '1 month'
  ),
  left_out AS (
    SELECT (month + interval '1 month')::date AS month, count(*)::int AS n
    FROM recent
    WHERE next IS NULL OR next <> (month + interval '1 month')::date
    GROUP BY 1
  )
  SELECT to_char(m.month, 'YYYY-MM') AS month, m.countries, coalesce(l.n, 0)::int AS "leftOut"
  FROM months m LEFT JOIN left_out l ON l.month = m.month
  ORDER BY m.month DESC`;

export const panelCoverage = async (
  db: Db,
  months = 36,
  upTo: MonthKey = "9999-12",
): Promise<MonthCoverage[]> => (await panelCoverageQuery(months, upTo).execute(db)).rows;

/**
 * Country-year covariates for years that ended on or before `upTo` (a value for a year still running at the
 * origin is from the future). For each indicator one dataset is used throughout, so units never mix between
 * countries: the dataset holding the most of the requested indicators, else the one with the most values.
 */
const loadCountryYear = async (
  db: Db,
  upTo: MonthKey,
  indicators: readonly string[],
  readable: ReadonlySet<string>,
): Promise<{ rows: CountryYearRow[]; sources: Record<string, string> }> => {
  if (indicators.length === 0 || readable.size === 0) return { rows: [], sources: {} };
  const counts = await db
    .selectFrom("indicator_values")
    .select(["dataset_id as datasetId", "indicator", sql<number>`count(*)::int`.as("n")])
    .where("indicator", "in", [...indicators])
    .where("dataset_id", "in", [...readable])
    .where("gwcode", "is not", null)
    .groupBy(["dataset_id", "indicator"])
    .execute();
  const breadth = new Map<string, number>();
  for (const c of counts) breadth.set(c.datasetId, (breadth.get(c.datasetId) ?? 0) + 1);
  const sources: Record<string, string> = {};
  for (const indicator of indicators) {
    const best = counts
      .filter((c) => c.indicator === indicator)
      .sort(
        (a, b) =>
          (breadth.get(b.datasetId) ?? 0) - (breadth.get(a.datasetId) ?? 0) ||
          b.n - a.n ||
          a.datasetId.localeCompare(b.datasetId),
      )[0];
    if (best) sources[indicator] = best.datasetId;
  }
  const chosen = Object.entries(sources);
  if (chosen.length === 0) return { rows: [], sources };
  const [year, month] = upTo.split("-").map(Number) as [number, number];
  const lastYear = month === 12 ? year : year - 1;
  const pairs = sql.join(chosen.map(([indicator, datasetId]) => sql`(${indicator}, ${datasetId})`));
  const result = await sql<{ text: string | null }>`
    SELECT string_agg(concat_ws(',', gwcode, year, indicator, value), ';' ORDER BY gwcode, year) AS text
    FROM (
      SELECT gwcode, year, indicator, avg(value) AS value
      FROM indicator_values
      WHERE gwcode IS NOT NULL AND year <= ${lastYear} AND (indicator, dataset_id) IN (${pairs})
      GROUP BY gwcode, year, indicator
    ) values_by_year`.execute(db);
  const byKey = new Map<string, CountryYearRow & { values: Record<string, number | null> }>();
  for (const line of result.rows[0]?.text?.split(";") ?? []) {
    const [gwcode, yearText, indicator, value] = line.split(",");
    const key = `${gwcode}|${yearText}`;
    let row = byKey.get(key);
    if (!row) {
      row = { gwcode: Number(gwcode), year: Number(yearText), values: {} };
      byKey.set(key, row);
    }
    row.values[indicator ?? ""] = Number(value);
  }
  return { rows: [...byKey.values()], sources };
};

/** Capitals with their validity (capitals move), from the country registry. */
const loadCapitals = async (db: Db): Promise<Capital[]> => {
  const rows = await db
    .selectFrom("country_capitals")
    .select([
      "gwcode",
      "latitude",
      "longitude",
      sql<string | null>`to_char(valid_from, 'YYYY-MM')`.as("from"),
      sql<string | null>`to_char(valid_to, 'YYYY-MM')`.as("to"),
    ])
    .execute();
  return rows.map((r) => ({
    gwcode: r.gwcode,
    lat: r.latitude,
    lon: r.longitude,
    ...(r.from ? { from: r.from } : {}),
    ...(r.to ? { to: r.to } : {}),
  }));
};

/**
 * Armed conflicts by location and year, for years that ended on or before `upTo`. A conflict fought on
 * several countries' territory (`gwno_loc` "645, 652") counts for each of them.
 */
export const loadConflictYears = async (
  db: Db,
  upTo: MonthKey,
  readable: ReadonlySet<string>,
): Promise<ConflictYear[]> => {
  if (readable.size === 0) return [];
  const [year, month] = upTo.split("-").map(Number) as [number, number];
  const rows = await db
    .selectFrom("conflicts")
    .select(["gwno_loc as locations", "year", "intensity_level as intensity", "type_of_conflict as type"])
    .where("dataset_id", "in", [...readable])
    .where("year", "<=", month === 12 ? year : year - 1)
    .execute();
  return rows.flatMap((r) =>
    r.locations.split(",").map((code) => ({
      gwcode: Number(code.trim()),
      year: r.year,
      intensity: r.intensity,
      type: r.type,
    })),
  );
};

/** Peace agreements signed on or before the origin month, once per country they were signed for. */
export const loadPeaceAgreements = async (
  db: Db,
  upTo: MonthKey,
  readable: ReadonlySet<string>,
): Promise<PeaceAgreement[]> => {
  if (readable.size === 0) return [];
  const rows = await db
    .selectFrom("peace_agreements")
    .select(["gwno", sql<string>`to_char(pa_date, 'YYYY-MM')`.as("month"), "pa_type as type"])
    .where("dataset_id", "in", [...readable])
    .where("pa_date", "<", sql<string>`(${firstDayOf(upTo)}::date + interval '1 month')::date`)
    .execute();
  return rows.flatMap((r) =>
    r.gwno.split(",").map((code) => ({
      gwcode: Number(code.trim()),
      month: r.month,
      comprehensive: r.type === 1,
    })),
  );
};

type LoadedPanel = {
  panel: WarningPanel;
  /** Which dataset each covariate came from. */
  covariateSources: Record<string, string>;
  seconds: number;
};

/**
 * Everything the forecaster reads for an origin, dated at or before it: the reference conflict series, and
 * covariates, conflicts and agreements from the `readable` datasets only (those every organisation reads).
 */
export const loadWarningPanel = async (
  db: Db,
  upTo: MonthKey,
  covariates: readonly string[],
  readable: ReadonlySet<string>,
): Promise<LoadedPanel> => {
  const started = performance.now();
  const [rows, countryYear, capitals, conflicts, agreements] = await Promise.all([
    loadPanelRows(db, upTo),
    loadCountryYear(db, upTo, covariates, readable),
    loadCapitals(db),
    loadConflictYears(db, upTo, readable),
    loadPeaceAgreements(db, upTo, readable),
  ]);
  const panel: WarningPanel = { rows };
  if (countryYear.rows.length > 0) panel.countryYear = countryYear.rows;
  if (capitals.length > 0) panel.capitals = capitals;
  if (conflicts.length > 0) panel.conflicts = conflicts;
  if (agreements.length > 0) panel.agreements = agreements;
  return {
    panel,
    covariateSources: countryYear.sources,
    seconds: (performance.now() - started) / 1000,
  };
};

/** The first month of the conflict series the model reads, if any. */
export const firstPanelMonth = async (db: Db): Promise<MonthKey | undefined> => {
  const result = await sql<{ month: string | null }>`
    SELECT to_char(min(month), 'YYYY-MM') AS month FROM (${panelRows("9999-12")}) rows`.execute(db);
  return result.rows[0]?.month ?? undefined;
};

/** Observed state-based fatalities of one country, from the same series the model reads. */
export const countrySeries = async (
  db: Db,
  iso3: string,
  from: MonthKey,
  to: MonthKey,
): Promise<{ month: MonthKey; fatalities: number }[]> => {
  const result = await sql<{ month: string; fatalities: number }>`
    SELECT to_char(month, 'YYYY-MM') AS month, sum(sb)::float8 AS fatalities
    FROM (${panelRows(to)}) rows
    WHERE gwcode IN (SELECT gwcode FROM country_month WHERE iso3 = ${iso3} AND gwcode IS NOT NULL
                     UNION SELECT gwcode FROM countries WHERE iso3 = ${iso3} AND gwcode IS NOT NULL)
      AND month >= ${firstDayOf(from)}::date
    GROUP BY month ORDER BY month`.execute(db);
  return result.rows;
};
