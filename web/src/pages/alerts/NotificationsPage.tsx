import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { TNotification } from "../../../../src/core/notifications/notification.schemas.ts";
import { api, get } from "../../api/client.ts";
import { when } from "../../i18n/dates.ts";
import { AlertsNav } from "./AlertsNav.tsx";

export const NotificationsPage = () => {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const notifications = useQuery({
    queryKey: ["notifications", "page"],
    queryFn: () =>
      get<{ unread: number; emailEnabled: boolean; items: TNotification[] }>("/api/notifications?limit=200"),
  });
  const markAll = useMutation({
    mutationFn: () => api("POST", "/api/notifications/read", { ids: "all" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["notifications"] }),
  });
  return (
    <>
      <h1>{t("notifications.title")}</h1>
      <AlertsNav />
      <button type="button" onClick={() => markAll.mutate()} disabled={!notifications.data?.unread}>
        {t("notifications.markAll")}
      </button>
      {notifications.data?.items.length === 0 && <p>{t("notifications.empty")}</p>}
      <ul className="timeline">
        {notifications.data?.items.map((n) => (
          <li key={n.id}>
            <time dateTime={n.createdAt}>{when(n.createdAt, i18n.language)}</time>
            <span dir="auto">{n.readAt ? n.subject : <strong>{n.subject}</strong>}</span>{" "}
            {n.link && <Link to={n.link}>{t("notifications.open")}</Link>}
            <details>
              <summary>{t("notifications.message")}</summary>
              <p className="prose" dir="auto">
                {n.body}
              </p>
            </details>
            <div className="muted">
              {notifications.data?.emailEnabled || n.emailStatus !== "pending"
                ? t(`notifications.email.${n.emailStatus}`)
                : t("notifications.email.off")}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
};
