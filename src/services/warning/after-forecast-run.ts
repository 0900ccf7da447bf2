import type { ForecastRunRow } from "../../repositories/warning/forecast-runs.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

export type AfterForecastRunOutcome = { alerts: "evaluated" | "not_available" | "failed"; message?: string };

/**
 * What follows a successful forecast run: alert rules are evaluated against the new forecasts. The alerts
 * capability is optional at this point of the code's history: when its service is absent the hook says so,
 * and an alert failure never turns a stored forecast into a failed run.
 */
export const afterForecastRun = async (
  ctx: ServiceContext,
  run: ForecastRunRow,
): Promise<AfterForecastRunOutcome> => {
  let evaluate: ((ctx: ServiceContext, input: { now: Date }) => Promise<unknown>) | undefined;
  try {
    const module = (await import(alertsModule)) as { evaluateAlertRules?: typeof evaluate };
    evaluate = module.evaluateAlertRules;
  } catch {
    return { alerts: "not_available" };
  }
  if (!evaluate) return { alerts: "not_available" };
  try {
    // The platform evaluates the rules, whoever started the run: their role need not include alert.evaluate.
    await evaluate(
      { ...ctx, via: "system", actorLabel: `system (after forecast run ${run.id})` },
      { now: ctx.now() },
    );
    return { alerts: "evaluated" };
  } catch (error) {
    return { alerts: "failed", message: error instanceof Error ? error.message : String(error) };
  }
};

// A variable specifier keeps the type checker from requiring a module that is still being written.
const alertsModule = "../alerts/evaluate-alert-rules.ts";
