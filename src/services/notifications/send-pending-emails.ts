import type { Db } from "../../db/types.ts";
import type { Mailer } from "../../repositories/mailer.ts";
import { listOutbox, recordDelivery } from "../../repositories/notifications.repository.ts";

const MAX_ATTEMPTS = 5;
/** Messages sent per run; the rest wait for the next run, so one run never holds the job for long. */
const BATCH = 200;

/**
 * Sends queued notification e-mails, oldest first. A failure is recorded and retried on the next run;
 * after five failures the message stays in the app only. Returns what happened, for the CLI and the job.
 */
export const sendPendingEmails = async (
  db: Db,
  mailer: Mailer,
  options: { now: () => Date; publicUrl: string },
): Promise<{ sent: number; failed: number }> => {
  const outbox = await listOutbox(db, BATCH, MAX_ATTEMPTS);
  let sent = 0;
  let failed = 0;
  for (const mail of outbox) {
    const link = mail.link ? `\n\n${new URL(mail.link, options.publicUrl).toString()}` : "";
    try {
      await mailer.send({
        to: mail.to,
        subject: mail.subject,
        text: `${mail.name},\n\n${mail.body}${link}\n\n— Continuum`,
      });
      await recordDelivery(db, mail.id, { ok: true, at: options.now() });
      sent += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await recordDelivery(db, mail.id, {
        ok: false,
        error: message,
        final: mail.attempts + 1 >= MAX_ATTEMPTS,
      });
      failed += 1;
    }
  }
  return { sent, failed };
};
