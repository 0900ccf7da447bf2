import { z } from "zod";
import { ZNotification } from "../../core/notifications/notification.schemas.ts";
import { listNotifications, markNotificationsRead } from "../../services/notifications/read-notifications.ts";
import { contextOf } from "../context.ts";
import { presentNotification } from "../presenters/notification.presenter.ts";
import { errorResponses } from "../schemas.ts";
import type { AppRoutes } from "./types.ts";

export const notificationRoutes: AppRoutes = (app, deps) => {
  app.get(
    "/api/notifications",
    {
      schema: {
        tags: ["notifications"],
        summary: "Your notifications, newest first, with the unread count",
        querystring: z.object({
          unread: z.enum(["true", "false"]).optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
        }),
        response: {
          200: z.object({
            unread: z.number(),
            /** Whether this instance sends e-mail at all (an SMTP server is set): without one, mail stays unsent. */
            emailEnabled: z.boolean(),
            items: z.array(ZNotification),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const result = await listNotifications(contextOf(deps, request), {
        unreadOnly: request.query.unread === "true",
        limit: request.query.limit,
      });
      return {
        unread: result.unread,
        emailEnabled: deps.config.smtp !== undefined,
        items: result.items.map(presentNotification),
      };
    },
  );

  app.post(
    "/api/notifications/read",
    {
      schema: {
        tags: ["notifications"],
        summary: "Mark notifications as read (ids, or all)",
        body: z.object({ ids: z.union([z.array(z.uuid()).max(500), z.literal("all")]) }),
        response: { 200: z.object({ marked: z.number() }), ...errorResponses },
      },
    },
    async (request) => ({ marked: await markNotificationsRead(contextOf(deps, request), request.body.ids) }),
  );
};
