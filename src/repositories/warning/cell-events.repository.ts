import { sql } from "kysely";
import { referenceDatasets } from "../../core/data/reference-datasets.ts";
import type { CellEvent } from "../../core/warning/cells/cell-panel.ts";
import type { Db } from "../../db/types.ts";

/**
 * A country's placed events from the reference GED dataset (a file imported under another id changes no one's
 * forecast), as one text value: PGlite builds JS rows slowly (see panel.repository.ts).
 */
export const loadCellEvents = async (db: Db, iso3: string): Promise<CellEvent[]> => {
  const result = await sql<{ text: string | null }>`
    SELECT string_agg(concat_ws(',', priogrid_gid, to_char(month, 'YYYY-MM'), best, coalesce(type_of_violence, 0)), ';') AS text
    FROM events
    WHERE dataset_id = ${referenceDatasets.events} AND iso3 = ${iso3} AND priogrid_gid IS NOT NULL`.execute(
    db,
  );
  const text = result.rows[0]?.text;
  if (!text) return [];
  return text.split(";").map((line) => {
    const [gid, month, best, violence] = line.split(",");
    return {
      priogridGid: Number(gid),
      month: month ?? "",
      deaths: Number(best),
      stateBased: violence === "1",
    };
  });
};

/** The last month the reference GED dataset covers: months after it are unknown, not calm. */
export const cellEventsEnd = async (db: Db): Promise<string | undefined> => {
  const row = await db
    .selectFrom("datasets")
    .select(sql<string | null>`to_char(span_end, 'YYYY-MM')`.as("end"))
    .where("id", "=", referenceDatasets.events)
    .executeTakeFirst();
  return row?.end ?? undefined;
};

/** The countries with placed events in the reference GED dataset: the ones a cell forecast may cover. */
export const cellEventCountries = async (db: Db): Promise<string[]> => {
  const rows = await db
    .selectFrom("events")
    .select("iso3")
    .distinct()
    .where("dataset_id", "=", referenceDatasets.events)
    .where("priogrid_gid", "is not", null)
    .where("iso3", "is not", null)
    .orderBy("iso3")
    .execute();
  return rows.map((r) => r.iso3).filter((iso3): iso3 is string => iso3 !== null);
};

/** Whether any cell forecast run is stored: none means the platform has not yet forecast its cells. */
export const hasCellForecastRun = async (db: Db): Promise<boolean> =>
  (await db.selectFrom("cell_forecast_runs").select("id").limit(1).executeTakeFirst()) !== undefined;
