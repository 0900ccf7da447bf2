import { authorize } from "../../core/access/policies.ts";
import { type TReviewSettings, ZReviewSettings } from "../../core/reviews/review.schemas.ts";
import { readSetting, writeSetting } from "../../repositories/settings.repository.ts";
import { audit, inTransaction, type ServiceContext } from "../shared/context.ts";

const KEY = "reviews.settings";

/** The cycle length and the bring-forward thresholds, with their defaults when never set. */
export const getReviewSettings = async (ctx: ServiceContext): Promise<TReviewSettings> =>
  ZReviewSettings.parse((await readSetting<unknown>(ctx.db, KEY)) ?? {});

export const setReviewSettings = async (ctx: ServiceContext, raw: unknown): Promise<TReviewSettings> => {
  authorize(ctx.actor, "review.schedule");
  const settings = ZReviewSettings.parse(raw);
  return inTransaction(ctx, async (tx) => {
    const before = await getReviewSettings(tx);
    await writeSetting(tx.db, KEY, settings);
    await audit(tx, {
      action: "review.settings",
      entityType: "settings",
      entityId: KEY,
      before,
      after: settings,
    });
    return settings;
  });
};
