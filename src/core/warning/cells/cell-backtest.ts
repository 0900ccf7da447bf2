import { type MonthKey, monthIndex } from "../../shared/months.ts";
import { averagePrecision, brier, rocAuc } from "../scoring.ts";
import type { CellEvent } from "./cell-panel.ts";

/** Whether each cell had at least one state-based death in each month after the origin (1..maxHorizon). */
export const cellOutcomes = (
  events: readonly CellEvent[],
  origin: MonthKey,
  maxHorizon: number,
): Set<string> => {
  const o = monthIndex(origin);
  const hits = new Set<string>();
  for (const e of events) {
    const h = monthIndex(e.month) - o;
    if (e.stateBased && e.deaths > 0 && h >= 1 && h <= maxHorizon) hits.add(`${e.priogridGid}|${h}`);
  }
  return hits;
};

export type CellScoredRow = { horizon: number; outcome: number; forecasts: Record<string, number> };

export type CellScores = { n: number; positives: number; brier: number; auc: number; ap: number };

const scoresOf = (rows: readonly CellScoredRow[], method: string): CellScores => {
  const outcomes = rows.map((r) => r.outcome);
  const p = rows.map((r) => r.forecasts[method] ?? Number.NaN);
  return {
    n: rows.length,
    positives: outcomes.reduce((s, y) => s + y, 0),
    brier: brier(outcomes, p),
    auc: rocAuc(outcomes, p),
    ap: averagePrecision(outcomes, p),
  };
};

/** Brier, ROC AUC and average precision per method, over all rows and per horizon, on the same rows. */
export const scoreCellRows = (rows: readonly CellScoredRow[], maxHorizon: number) => {
  const methods = Object.keys(rows[0]?.forecasts ?? {});
  return Object.fromEntries(
    methods.map((m) => [
      m,
      {
        pooled: scoresOf(rows, m),
        byHorizon: Array.from({ length: maxHorizon }, (_, k) =>
          scoresOf(
            rows.filter((r) => r.horizon === k + 1),
            m,
          ),
        ),
      },
    ]),
  );
};
