import { useTranslation } from "react-i18next";
import { allows } from "../../api/permissions.ts";
import { useSession } from "../../session.tsx";
import { AlertRulesPanel } from "./AlertRulesPanel.tsx";
import { AlertsNav } from "./AlertsNav.tsx";
import { DesksPanel } from "./DesksPanel.tsx";

/** /alerts/setup: what raises alerts and who owns them. */
export const AlertSetupPage = () => {
  const { t } = useTranslation();
  const { me } = useSession();
  const mayConfigure = allows(me, "alert.configure");
  return (
    <>
      <h1>{t("alertSetup.title")}</h1>
      <AlertsNav />
      <AlertRulesPanel mayConfigure={mayConfigure} mayEvaluate={allows(me, "alert.evaluate")} />
      <DesksPanel mayConfigure={mayConfigure} />
    </>
  );
};
