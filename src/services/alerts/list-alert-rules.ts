import {
  type AlertRuleRecord,
  listAlertRules as selectRules,
} from "../../repositories/alerts/rules.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

/** Everyone may read the rules: knowing why an alert was raised is part of trusting it. */
export const listAlertRules = (ctx: ServiceContext): Promise<AlertRuleRecord[]> => selectRules(ctx.db);
