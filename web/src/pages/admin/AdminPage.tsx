import { useTranslation } from "react-i18next";
import { AuditLogPanel } from "./AuditLogPanel.tsx";
import { OrganisationsPanel } from "./OrganisationsPanel.tsx";
import { PeoplePanel } from "./PeoplePanel.tsx";

export const AdminPage = () => {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <OrganisationsPanel />
      <PeoplePanel />
      <AuditLogPanel />
    </>
  );
};
