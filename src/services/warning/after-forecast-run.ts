import type { ForecastRunRow } from "../../repositories/warning/forecast-runs.repository.ts";
import { evaluateAlertRules } from "../alerts/evaluate-alert-rules.ts";
import type { ServiceContext } from "../shared/context.ts";

type AfterForecastRunOutcome =
  | { alerts: "evaluated"; raised: number; merged: number }
  | { alerts: "failed"; message: string };

/**
 * What follows a successful forecast run: the alert rules are evaluated against the new forecasts. An alert
 * failure never turns a stored forecast into a failed run; the outcome says what happened.
 */
export const afterForecastRun = async (
  ctx: ServiceContext,
  run: ForecastRunRow,
): Promise<AfterForecastRunOutcome> => {
  try {
    // The platform evaluates the rules, whoever started the run: their role need not include alert.evaluate.
    const report = await evaluateAlertRules(
      { ...ctx, via: "system", actorLabel: `system (after forecast run ${run.id})` },
      { now: ctx.now() },
    );
    return { alerts: "evaluated", raised: report.raised, merged: report.merged };
  } catch (error) {
    return { alerts: "failed", message: error instanceof Error ? error.message : String(error) };
  }
};
