import { parseMonth } from "../../core/data/dates.ts";
import { type ImportKind, isEventImportKind } from "../../core/data/import/types.ts";
import { datasetsToRead } from "../../core/data/reference-datasets.ts";
import { monthExpected } from "../../core/shared/calendar.schemas.ts";
import { invalid } from "../../core/shared/errors.ts";
import type { Db } from "../../db/types.ts";
import { findDataset } from "../../repositories/data/datasets.repository.ts";
import { type EventMonthRow, eventMonthRows } from "../../repositories/data/series.repository.ts";

type ExportEventMonthsInput = {
  level: "country" | "grid";
  /** YYYY-MM, inclusive */
  from: string;
  /** YYYY-MM, inclusive */
  to: string;
  /** Event datasets to sum; default every dataset of kind `ged` (ACLED/HXL would double-count with GED). */
  datasetIds?: string[];
};

export type ExportEventMonthsResult = {
  level: "country" | "grid";
  rows: EventMonthRow[];
  datasetIds: string[];
};

/**
 * `event-months` export: deaths per country-month or PRIO-GRID-month by type of violence (`eventMonthsFile`
 * writes them as CSV); month = YYYY-MM of date_start, best fatalities summed;
 * months without events are zeros where the data cover them (covered countries that existed then; a cell in the
 * months its countries are covered).
 */
export const exportEventMonths = async (
  db: Db,
  input: ExportEventMonthsInput,
): Promise<ExportEventMonthsResult> => {
  const from = parseMonth(input.from);
  const to = parseMonth(input.to);
  const details = [];
  if (input.level !== "country" && input.level !== "grid")
    details.push({ field: "level", message: "must be country or grid", value: input.level });
  if (!from) details.push({ field: "from", message: monthExpected, value: input.from });
  if (!to) details.push({ field: "to", message: monthExpected, value: input.to });
  if (from && to && from > to)
    details.push({ field: "to", message: "must not be before from", value: input.to });
  const datasetIds = datasetsToRead(input.datasetIds, "events");
  for (const id of datasetIds) {
    const dataset = await findDataset(db, id);
    if (!dataset || !isEventImportKind(dataset.kind as ImportKind))
      details.push({
        field: "datasetIds",
        message: dataset ? `${id} holds ${dataset.kind} rows, not events` : `no dataset ${id}`,
        value: id,
      });
  }
  if (details.length || !from || !to) throw invalid("The export request is not valid.", details);
  const rows = await eventMonthRows(db, { level: input.level, from, to, datasetIds });
  return { level: input.level, rows, datasetIds };
};
