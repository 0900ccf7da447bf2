import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import type { TNotification } from "../../../../src/core/notifications/notification.schemas.ts";
import { get } from "../../api/client.ts";

export const AlertsNav = () => {
  const { t } = useTranslation();
  const notifications = useQuery({
    queryKey: ["notifications"],
    queryFn: () => get<{ unread: number; items: TNotification[] }>("/api/notifications?limit=50"),
  });
  return (
    <nav className="subnav" aria-label={t("alerts.sections")}>
      <NavLink to="/alerts" end>
        {t("alerts.inbox")}
      </NavLink>
      <NavLink to="/alerts/measures">{t("measures.title")}</NavLink>
      <NavLink to="/alerts/notifications">
        {t("notifications.title")} ({notifications.data?.unread ?? 0})
      </NavLink>
      <NavLink to="/alerts/setup">{t("alertSetup.title")}</NavLink>
    </nav>
  );
};
