import { invalid } from "../../core/shared/errors.ts";
import { addMonths, type MonthKey } from "../../core/shared/months.ts";
import type { Db } from "../../db/types.ts";
import { firstPanelMonth } from "../../repositories/warning/panel.repository.ts";

/**
 * Refuses, before a job is queued, origins too early to train on: each horizon's model needs
 * `minHistoryMonths` of history before its first training month and `maxHorizon` months to see what followed.
 */
export const assertEnoughHistory = async (
  db: Db,
  origins: readonly MonthKey[],
  model: { maxHorizon: number; minHistoryMonths: number },
  field: string,
): Promise<void> => {
  const first = await firstPanelMonth(db);
  if (!first) return;
  const earliest = addMonths(first, model.minHistoryMonths + model.maxHorizon);
  const early = origins.filter((origin) => origin < earliest);
  if (early.length > 0)
    throw invalid(
      `Forecasting ${model.maxHorizon} month${model.maxHorizon === 1 ? "" : "s"} ahead needs ${model.minHistoryMonths + model.maxHorizon} months of data before the origin; the data start in ${first}.`,
      [{ field, message: `the earliest origin is ${earliest}`, value: early }],
    );
};
