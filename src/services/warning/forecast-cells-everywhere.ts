import { DomainError } from "../../core/shared/errors.ts";
import { cellEventCountries } from "../../repositories/warning/cell-events.repository.ts";
import type { ServiceContext } from "../shared/context.ts";
import { forecastCells } from "./forecast-cells.ts";

/** What became of one country: its new run, or why the model refused it. */
export type CellForecastOutcome = { iso3: string; runId: string } | { iso3: string; skipped: string };

/**
 * Forecasts the cells of every country with GED events, one after another, from the latest month the events
 * cover. A country the model refuses (too few events, e.g. no state-based death in ten years) is skipped and
 * said to be; any other failure stops the round, as it would stop the command.
 */
export const forecastCellsEverywhere = async (ctx: ServiceContext): Promise<CellForecastOutcome[]> => {
  const outcomes: CellForecastOutcome[] = [];
  for (const iso3 of await cellEventCountries(ctx.db)) {
    try {
      const { run } = await forecastCells(ctx, { iso3 });
      outcomes.push({ iso3, runId: run.id });
    } catch (error) {
      if (!(error instanceof DomainError && error.code === "validation_failed")) throw error;
      const reason = error.details.map((d) => d.message).join("; ") || error.message;
      outcomes.push({ iso3, skipped: reason });
    }
  }
  return outcomes;
};

/** One line per country, for the server's log. */
export const describeCellOutcomes = (outcomes: readonly CellForecastOutcome[]): string =>
  outcomes
    .map((o) => ("runId" in o ? `${o.iso3}: forecast` : `${o.iso3}: skipped (${o.skipped})`))
    .join(", ");
