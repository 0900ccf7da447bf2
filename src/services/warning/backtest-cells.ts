import { z } from "zod";
import { authorize } from "../../core/access/policies.ts";
import { ZMonth } from "../../core/shared/calendar.schemas.ts";
import type { MonthKey } from "../../core/shared/months.ts";
import { type CellScoredRow, cellOutcomes, scoreCellRows } from "../../core/warning/cells/cell-backtest.ts";
import type { CellEvent } from "../../core/warning/cells/cell-panel.ts";
import { cellBaselines } from "../../core/warning/cells/cell-rows.ts";
import { ZIso3Code } from "../../core/warning/warning.schemas.ts";
import { loadCellEvents } from "../../repositories/warning/cell-events.repository.ts";
import type { ServiceContext } from "../shared/context.ts";
import { fitCellModel } from "./train-cell-model.ts";

export type CellBacktestFold =
  | { iso3: string; origin: MonthKey; rows: number; seconds: number }
  | {
      iso3: string;
      origin: MonthKey;
      skipped: string;
    };

export type CellBacktestReport = {
  folds: CellBacktestFold[];
  /** Scores per method over every country and origin; the same per country. */
  pooled: ReturnType<typeof scoreCellRows>;
  byCountry: Record<string, ReturnType<typeof scoreCellRows>>;
};

const ZCellBacktest = z.object({ iso3s: z.array(ZIso3Code).min(1), origins: z.array(ZMonth).min(1) });

/** The model's and the baselines' forecasts at one origin beside what happened, for the same cells. */
const fold = (events: readonly CellEvent[], origin: MonthKey): CellScoredRow[] => {
  const fitted = fitCellModel(events, origin, { maxHorizon: 12 });
  const happened = cellOutcomes(events, origin, 12);
  return fitted.forecasts.map((f) => ({
    horizon: f.horizon,
    outcome: happened.has(`${f.priogridGid}|${f.horizon}`) ? 1 : 0,
    forecasts: { model: f.pGt0, ...cellBaselines(fitted.grid, f.cellIndex, fitted.baseRate) },
  }));
};

/**
 * Rolling-origin backtest of the cell forecast: at each origin, retrain on events dated at or before it and
 * score 1..12 months ahead against the events that followed, beside the naive baselines on the same rows.
 * An origin before a country's first event, or with too little history, is skipped and said so.
 */
export const backtestCells = async (
  ctx: ServiceContext,
  input: { iso3s: string[]; origins: MonthKey[] },
  onFold: (done: number, total: number, label: string) => void = () => {},
): Promise<CellBacktestReport> => {
  authorize(ctx.actor, "forecast.run");
  const { iso3s, origins } = ZCellBacktest.parse(input);
  const folds: CellBacktestFold[] = [];
  const all: CellScoredRow[] = [];
  const byCountry: CellBacktestReport["byCountry"] = {};
  const total = iso3s.length * origins.length;
  for (const iso3 of iso3s) {
    const events = await loadCellEvents(ctx.db, iso3);
    const rows: CellScoredRow[] = [];
    for (const origin of origins) {
      onFold(folds.length, total, `${iso3} ${origin}`);
      const started = performance.now();
      try {
        const scored = fold(events, origin);
        rows.push(...scored);
        folds.push({ iso3, origin, rows: scored.length, seconds: (performance.now() - started) / 1000 });
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        folds.push({ iso3, origin, skipped: error.message });
      }
    }
    if (rows.length > 0) byCountry[iso3] = scoreCellRows(rows, 12);
    all.push(...rows);
  }
  onFold(total, total, "scored");
  return { folds, pooled: scoreCellRows(all, 12), byCountry };
};
