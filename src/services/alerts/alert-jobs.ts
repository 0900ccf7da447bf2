import type { Config } from "../../config.ts";
import type { Db } from "../../db/types.ts";
import { createMailer, type Mailer } from "../../repositories/mailer.ts";
import { sendPendingEmails } from "../notifications/send-pending-emails.ts";
import { escalateOverdueAlerts } from "./escalate-overdue-alerts.ts";
import { evaluateAlertRules } from "./evaluate-alert-rules.ts";
import { systemContext } from "./system-context.ts";

type AlertJobReport = {
  rules: Awaited<ReturnType<typeof evaluateAlertRules>> | null;
  escalated: number;
  emails: { sent: number; failed: number } | null;
};

/** One round of the periodic work: evaluate rules, escalate what is overdue, send queued e-mail. */
const runAlertJobs = async (
  db: Db,
  now: () => Date,
  mailer: Mailer | undefined,
  publicUrl: string,
): Promise<AlertJobReport> => {
  const ctx = await systemContext(db, now, "alert job");
  if (!ctx) return { rules: null, escalated: 0, emails: null };
  const rules = await evaluateAlertRules(ctx, { now: now() });
  const escalated = (await escalateOverdueAlerts(ctx, { now: now() })).escalations.length;
  const emails = mailer ? await sendPendingEmails(db, mailer, { now, publicUrl }) : null;
  return { rules, escalated, emails };
};

/** Started by `serve`: runs the round every `alertJobSeconds`, never two at once. Returns the stop function. */
export const startAlertJobs = (
  db: Db,
  config: Config,
  options: { now?: () => Date; onError?: (error: unknown) => void } = {},
): (() => void) => {
  if (config.alertJobSeconds <= 0) return () => {};
  const mailer = config.smtp ? createMailer(config.smtp) : undefined;
  const now = options.now ?? (() => new Date());
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runAlertJobs(db, now, mailer, config.publicUrl);
    } catch (error) {
      options.onError?.(error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), config.alertJobSeconds * 1000);
  timer.unref();
  return () => {
    clearInterval(timer);
    mailer?.close();
  };
};
