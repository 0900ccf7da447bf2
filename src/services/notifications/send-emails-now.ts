import type { Config } from "../../config.ts";
import type { Db } from "../../db/types.ts";
import { createMailer } from "../../repositories/mailer.ts";
import { sendPendingEmails } from "./send-pending-emails.ts";

/** One sending round through the configured SMTP server; null when none is configured. */
export const sendEmailsNow = async (
  db: Db,
  config: Config,
): Promise<{ sent: number; failed: number } | null> => {
  if (!config.smtp) return null;
  const mailer = createMailer(config.smtp);
  try {
    return await sendPendingEmails(db, mailer, { now: () => new Date(), publicUrl: config.publicUrl });
  } finally {
    mailer.close();
  }
};
