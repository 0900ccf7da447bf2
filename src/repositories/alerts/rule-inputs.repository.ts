import { sql } from "kysely";
import { referenceDatasetIds } from "../../core/data/reference-datasets.ts";
import type { Db } from "../../db/types.ts";

type CountryForecastPeak = { iso3: string; probability: number; month: string; horizon: number };

/** Per country, the highest probability within the first `maxHorizon` months of a run. */
export const forecastPeaks = async (
  db: Db,
  runId: string,
  measure: "p_ge25" | "p_gt0",
  maxHorizon: number,
): Promise<CountryForecastPeak[]> => {
  const column = sql.ref(measure);
  const result = await sql<CountryForecastPeak>`
    SELECT DISTINCT ON (iso3) iso3, ${column} AS probability, to_char(month, 'YYYY-MM') AS month, horizon
    FROM forecasts WHERE run_id = ${runId} AND horizon <= ${maxHorizon}
    ORDER BY iso3, ${column} DESC, horizon`.execute(db);
  return result.rows.map((row) => ({ ...row, probability: Number(row.probability) }));
};

type CountryMonthTotal = { iso3: string; month: string; fatalities: number };

/**
 * Monthly fatalities per country (state-based + non-state + one-sided, best estimates) from the months
 * `monthsBack` before each country's latest month on. Where several sources cover a country-month (GED
 * event aggregates, ViEWS), the larger total is taken: sources undercount, they rarely invent deaths.
 */
export const recentCountryMonths = async (db: Db, monthsBack: number): Promise<CountryMonthTotal[]> => {
  const result = await sql<CountryMonthTotal>`
    WITH per_source AS (
      SELECT iso3, month, dataset_id,
             sum(coalesce(sb_best, 0) + coalesce(ns_best, 0) + coalesce(os_best, 0)) AS total
      FROM country_month WHERE dataset_id IN (${sql.join([...referenceDatasetIds])})
      GROUP BY iso3, month, dataset_id
    ), best AS (
      SELECT iso3, month, max(total) AS total FROM per_source GROUP BY iso3, month
    ), latest AS (
      SELECT iso3, max(month) AS last_month FROM best GROUP BY iso3
    )
    SELECT b.iso3, to_char(b.month, 'YYYY-MM') AS month, b.total AS fatalities
    FROM best b JOIN latest l ON l.iso3 = b.iso3
    WHERE b.month >= (l.last_month - make_interval(months => ${monthsBack}))
    ORDER BY b.iso3, b.month`.execute(db);
  return result.rows.map((row) => ({ ...row, fatalities: Number(row.fatalities) }));
};

type SevereAssessment = {
  reviewId: string;
  iso3: string;
  factorCode: string;
  assessedAt: Date;
  /** The review's: the alert raised from it is read by no more people than the review. */
  clearance: string;
  ownerOrgId: string;
  assessedBy: string | null;
};

/** Risk factors assessed as severe in reviews that are not superseded by a later adopted review. */
export const severeAssessments = async (db: Db): Promise<SevereAssessment[]> =>
  db
    .selectFrom("review_assessments as ra")
    .innerJoin("reviews as r", "r.id", "ra.review_id")
    .select([
      "r.id as reviewId",
      "r.iso3",
      "ra.factor_code as factorCode",
      "ra.assessed_at as assessedAt",
      "r.clearance",
      "r.owner_org_id as ownerOrgId",
      "ra.assessed_by as assessedBy",
    ])
    .where("ra.level", "=", "severe")
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("reviews as later")
            .select("later.id")
            .whereRef("later.iso3", "=", "r.iso3")
            .whereRef("later.id", "<>", "r.id")
            .where("later.status", "=", "adopted")
            .whereRef("later.adopted_at", ">", "ra.assessed_at"),
        ),
      ),
    )
    .orderBy("ra.assessed_at")
    .execute();
