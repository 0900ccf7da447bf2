import { type CycleRecord, listCycles } from "../../repositories/reviews/cycles.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

export const listReviewCycles = (ctx: ServiceContext): Promise<CycleRecord[]> => listCycles(ctx.db);
