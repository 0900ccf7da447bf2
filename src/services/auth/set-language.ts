import { setUserLanguage } from "../../repositories/users.repository.ts";
import type { ServiceContext } from "../shared/context.ts";

/** The language a person reads the app in; notifications to them are written in it (a preference, not audited). */
export const setLanguage = async (ctx: ServiceContext, language: string): Promise<void> => {
  await setUserLanguage(ctx.db, ctx.actor.userId, language);
};
