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
