import { authorize } from "../../core/access/policies.ts";
import { ZAlertRuleDefinition } from "../../core/alerts/alert.schemas.ts";
import { hasTrigger } from "../../repositories/alerts/alerts.repository.ts";
import { listAlertRules } from "../../repositories/alerts/rules.repository.ts";
import { takeTurn } from "../../repositories/turns.ts";
import { inTransaction, type ServiceContext } from "../shared/context.ts";
import { raiseAlertWithin } from "./raise-alert.ts";
import { evaluateRule } from "./rule-evaluators.ts";

type EvaluationReport = {
  rules: number;
  candidates: number;
  raised: number;
  merged: number;
  alreadyRaised: number;
  invalidRules: string[];
};

/**
 * Evaluates every enabled rule against the data as of `now` and raises (or merges) an alert for each
 * country a rule fires for. Idempotent: evidence a rule already raised from (a forecast run, a month
 * of data, an assessment) raises nothing again. Call it after a forecast run has committed; each alert
 * is raised in its own transaction.
 */
export const evaluateAlertRules = async (
  ctx: ServiceContext,
  { now }: { now: Date },
): Promise<EvaluationReport> => {
  if (ctx.via !== "system") authorize(ctx.actor, "alert.evaluate");
  const at = { ...ctx, now: () => now };
  const report: EvaluationReport = {
    rules: 0,
    candidates: 0,
    raised: 0,
    merged: 0,
    alreadyRaised: 0,
    invalidRules: [],
  };
  for (const rule of await listAlertRules(ctx.db)) {
    if (!rule.enabled) continue;
    const definition = ZAlertRuleDefinition.safeParse(rule.definition);
    if (!definition.success) {
      report.invalidRules.push(rule.name);
      continue;
    }
    report.rules += 1;
    for (const candidate of await evaluateRule(ctx.db, definition.data, now)) {
      report.candidates += 1;
      const outcome = await inTransaction(at, async (tx) => {
        // Two servers evaluating at once: the second waits and finds the first one's trigger.
        await takeTurn(tx.db, `alert-rule:${rule.id}:${candidate.iso3}:${candidate.evidenceKey}`);
        if (await hasTrigger(tx.db, rule.id, candidate.iso3, candidate.evidenceKey)) return "already";
        const raised = await raiseAlertWithin(
          { ...tx, via: "system", actorLabel: `rule: ${rule.name}` },
          {
            iso3: candidate.iso3,
            cause: candidate.cause,
            severity: rule.severity,
            source: `rule: ${rule.name}`,
            message: candidate.message,
            details: { ...candidate.details, ruleId: rule.id },
            ...(candidate.protectedAs
              ? { clearance: candidate.protectedAs.clearance, ownedBy: candidate.protectedAs.owner }
              : {}),
          },
          { ruleId: rule.id, evidenceKey: candidate.evidenceKey },
        );
        return raised.merged ? "merged" : "raised";
      });
      if (outcome === "already") report.alreadyRaised += 1;
      else if (outcome === "merged") report.merged += 1;
      else report.raised += 1;
    }
  }
  return report;
};
