import { z } from "zod";

export const ZNotification = z.object({
  id: z.uuid(),
  kind: z.string(),
  subject: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  alertId: z.uuid().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  emailStatus: z.enum(["pending", "sent", "failed"]),
});
export type TNotification = z.infer<typeof ZNotification>;

/** What one notification says; the recipient's address comes from their account. */
export type NotificationMessage = {
  kind: string;
  subject: string;
  body: string;
  link: string | null;
  alertId: string | null;
};

/** A notification to several people, each reading it in their own language (a code such as `fr`). */
export type NotificationDraft = Omit<NotificationMessage, "subject" | "body"> & {
  write: (language: string) => Pick<NotificationMessage, "subject" | "body">;
};
