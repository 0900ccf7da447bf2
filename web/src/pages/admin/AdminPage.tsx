import { useTranslation } from "react-i18next";
import { allows } from "../../api/permissions.ts";
import { useSession } from "../../session.tsx";
import { AuditLogPanel } from "./AuditLogPanel.tsx";
import { OrganisationsPanel } from "./OrganisationsPanel.tsx";
import { PeoplePanel } from "./PeoplePanel.tsx";
import { TokensPanel } from "./TokensPanel.tsx";

/** People, organisations, the API tokens acting for them and the audit log: for administrators; anyone else is told so, not shown empty forms. */
export const AdminPage = () => {
  const { t } = useTranslation();
  const { me } = useSession();
  if (!allows(me, "member.manage"))
    return (
      <>
        <h1>{t("admin.title")}</h1>
        <p>{t("admin.administratorsOnly")}</p>
      </>
    );
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <OrganisationsPanel />
      <PeoplePanel />
      <TokensPanel />
      <AuditLogPanel />
    </>
  );
};
