import type { Config } from "../../config.ts";
import { authorize } from "../../core/access/policies.ts";
import { createMailer } from "../../repositories/mailer.ts";
import type { ServiceContext } from "../shared/context.ts";
import { sendPendingEmails } from "./send-pending-emails.ts";

/** One sending round through the configured SMTP server, for every organisation; null when none is configured. */
export const sendEmailsNow = async (
  ctx: ServiceContext,
  config: Config,
): Promise<{ sent: number; failed: number } | null> => {
  authorize(ctx.actor, "notification.send");
  if (!config.smtp) return null;
  const mailer = createMailer(config.smtp);
  try {
    return await sendPendingEmails(ctx.db, mailer, { now: ctx.now, publicUrl: config.publicUrl });
  } finally {
    mailer.close();
  }
};
