import type { MonthKey } from "../../core/shared/months.ts";
import { defaultOrigin } from "../../core/warning/default-origin.ts";
import { panelCoverage } from "../../repositories/warning/panel.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

/**
 * The newest month a forecast can start from in the data held now: where a run without an origin starts, and
 * where the data end for a backtest. Null when no conflict series is loaded.
 */
export const latestOrigin = async (ctx: ServiceContext): Promise<MonthKey | null> =>
  defaultOrigin(await panelCoverage(ctx.db));
