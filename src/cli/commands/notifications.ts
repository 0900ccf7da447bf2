import type { Command } from "commander";
import { presentNotification } from "../../http/presenters/notification.presenter.ts";
import { listNotifications } from "../../services/notifications/read-notifications.ts";
import { sendEmailsNow } from "../../services/notifications/send-emails-now.ts";
import { cliContext, globalOptions, printOne, printRows, withDatabase } from "../runtime.ts";

export const registerNotifications = (program: Command): void => {
  const notifications = program.command("notifications").description("in-app notifications and their e-mail");

  notifications
    .command("list")
    .description("your notifications (as --as EMAIL), newest first")
    .option("--unread", "only unread")
    .action(async (options: { unread?: boolean }, command: Command) => {
      const global = globalOptions(command);
      await withDatabase(global, async (handle) => {
        const result = await listNotifications(await cliContext(handle, global), {
          unreadOnly: options.unread,
        });
        printRows(global, result.items.map(presentNotification), [
          "createdAt",
          "kind",
          "subject",
          "emailStatus",
        ]);
      });
    });

  notifications
    .command("send")
    .description("send queued notification e-mails now through the configured SMTP server")
    .action(async (_options: unknown, command: Command) => {
      const global = globalOptions(command);
      await withDatabase(global, async (handle, config) => {
        const result = await sendEmailsNow(await cliContext(handle, global), config);
        if (result)
          printOne(global, result, `${result.sent} e-mails sent, ${result.failed} failed (will retry).`);
        else
          printOne(
            global,
            { sent: 0, failed: 0, smtp: false },
            "No SMTP server configured (CONTINUUM_SMTP_HOST): nothing sent.",
          );
      });
    });
};
