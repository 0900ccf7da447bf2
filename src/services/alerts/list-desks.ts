import { type DeskRecord, listDesks as selectDesks } from "../../repositories/alerts/desks.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

export const listDesks = (ctx: ServiceContext): Promise<DeskRecord[]> => selectDesks(ctx.db);
