import type { Db } from "../../src/db/types.ts";

/**
 * Inserts a succeeded forecast run with rows for the given countries, as the forecast service would
 * (tables of migration 0003), so that rule evaluation can be tested without training a model.
 */
export const insertForecastRun = async (
  db: Db,
  origin: string,
  rows: readonly { iso3: string; pGe25: number; pGt0?: number }[],
  finishedAt = new Date(),
): Promise<string> => {
  const run = await db
    .insertInto("forecast_runs")
    .values({
      origin: `${origin}-01`,
      max_horizon: 3,
      status: "succeeded",
      model_version: "test",
      parameters: "{}",
      dataset_versions: "{}",
      scores: null,
      trigger: "cli",
      requested_by: "test",
      finished_at: finishedAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const [y, m] = origin.split("-").map(Number) as [number, number];
  await db
    .insertInto("forecasts")
    .values(
      rows.flatMap((row) =>
        [1, 2, 3].map((horizon) => {
          const index = y * 12 + m - 1 + horizon;
          const month = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
          // The peak sits at horizon 2, so evaluation must look beyond the first month.
          const p = horizon === 2 ? row.pGe25 : row.pGe25 / 2;
          return {
            run_id: run.id,
            iso3: row.iso3,
            gwcode: 0,
            month,
            horizon,
            p_gt0: Math.max(p, row.pGt0 ?? p),
            p_ge25: p,
            mean: p * 100,
            q10: 0,
            q50: p * 50,
            q90: p * 300,
            drivers: JSON.stringify([
              { feature: "ln_sb_1", contribution: 0.4, value: Math.log1p(35), target: "gt0" },
              { feature: "months_since_ge25", contribution: -0.3, value: 4, target: "ge25" },
            ]),
          };
        }),
      ),
    )
    .execute();
  return run.id;
};
