import { type ApiTokenRecord, listApiTokens } from "../../repositories/credentials.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

export const listOwnApiTokens = (ctx: ServiceContext): Promise<ApiTokenRecord[]> =>
  listApiTokens(ctx.db, ctx.actor.userId);
