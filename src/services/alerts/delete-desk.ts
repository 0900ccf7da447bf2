import { authorize } from "../../core/access/policies.ts";
import { notFound } from "../../core/shared/errors.ts";
import {
  deleteDesk as removeDesk,
  listDesks as selectDesks,
} from "../../repositories/alerts/desks.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";

export const deleteDesk = async (ctx: ServiceContext, iso3: string): Promise<void> => {
  authorize(ctx.actor, "alert.configure");
  await inTransaction(ctx, async (tx) => {
    const before = (await selectDesks(tx.db)).find((d) => d.iso3 === iso3);
    if (!before || !(await removeDesk(tx.db, iso3))) throw notFound(`Desk ${iso3}`);
    await audit(tx, {
      action: "alert_desk.delete",
      entityType: "alert_desks",
      entityId: iso3,
      before,
      orgId: before.orgId,
    });
  });
};
