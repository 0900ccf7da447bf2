import { deleteSession } from "../../repositories/credentials.repository.ts";
import { audit, type ServiceContext } from "../shared/context.ts";

export const signOut = async (ctx: ServiceContext, sessionHash: string): Promise<void> => {
  await deleteSession(ctx.db, sessionHash);
  await audit(ctx, { action: "auth.sign_out", entityType: "session", entityId: null });
};
