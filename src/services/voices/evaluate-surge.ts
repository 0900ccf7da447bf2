import { authorize } from "../../core/access/policies.ts";
import { addMonths } from "../../core/shared/months.ts";
import { withheldSurgeFigures } from "../../core/voices/protection.ts";
import {
  DEFAULT_SURGE_RULE,
  evaluateSurge,
  type SurgeFinding,
  type SurgeRule,
} from "../../core/voices/surge.ts";
import { countryMonthTotals } from "../../repositories/voices/signals.repository.ts";
import { raiseAlert } from "../alerts/raise-alert.ts";
import type { ServiceContext } from "../shared/context.ts";
import { assertKnownCountry } from "../shared/known-country.ts";

export type SurgeOutcome = SurgeFinding & {
  iso3: string;
  month: string;
  /**
   * raised: a new alert; merged: into the open alert for the same country and month; failed: the alerts
   * capability refused (the reason says why; the triage stands).
   */
  alert: "raised" | "merged" | "failed" | "none";
  alertError?: string;
};

/** The first day of the month `by` months from `month`'s, as the reports' month totals are keyed. */
const monthShift = (month: string, by: number): string => `${addMonths(month, by)}-01`;

/** Applies the surge rule to one country-month of verified reports and raises an alert on a surge. */
export const evaluateCountrySurge = async (
  ctx: ServiceContext,
  iso3: string,
  month: string,
  rule: SurgeRule = DEFAULT_SURGE_RULE,
): Promise<SurgeOutcome> => {
  authorize(ctx.actor, "voices.triage");
  await assertKnownCountry(ctx.db, iso3);
  const first = monthShift(month, 0);
  const totals = new Map(
    (await countryMonthTotals(ctx.db, iso3, monthShift(first, -rule.baselineMonths), first)).map((r) => [
      r.month,
      r.count,
    ]),
  );
  const previous = Array.from(
    { length: rule.baselineMonths },
    (_, i) => totals.get(monthShift(first, i - rule.baselineMonths)) ?? 0,
  );
  const finding = evaluateSurge(totals.get(first) ?? 0, previous, rule);
  const outcome: SurgeOutcome = { ...finding, iso3, month: first, alert: "none" };
  if (!finding.surge) return outcome;
  const shown = withheldSurgeFigures(finding, rule.baselineMonths, rule.minimum);
  // The surge is the platform's finding, not the triager's: a system alert that names no one, since readers in
  // every organisation see it; who verified what stays in the reporting organisation's audit log.
  try {
    const { merged } = await raiseAlert(
      { ...ctx, via: "system", actorLabel: "system: voices surge" },
      {
        repeatOnlyWhenMoreSevere: true,
        iso3,
        // One alert per surging month: a later month's surge is news, a later verification in the same month is not.
        cause: `voices_surge:${first.slice(0, 7)}`,
        severity: finding.severity,
        source: "voices",
        // Every organisation reads the alert: a baseline of a few reports, and the ratio to it, stay out of it.
        message: {
          key: "voices_surge",
          count: finding.count,
          month: first.slice(0, 7),
          ratio: shown.ratio,
          baselineMonths: rule.baselineMonths,
          baseline: shown.baseline,
        },
        details: { ...shown, month: first, rule },
      },
    );
    return { ...outcome, alert: merged ? "merged" : "raised" };
  } catch (error) {
    return {
      ...outcome,
      alert: "failed",
      alertError: error instanceof Error ? error.message : String(error),
    };
  }
};
