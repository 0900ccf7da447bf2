import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { get } from "../../api/client.ts";
import type { AuditEntry } from "../../api/types.ts";

const summarise = (entry: AuditEntry) => {
  const value = entry.after ?? entry.before;
  return value ? JSON.stringify(value).slice(0, 160) : "";
};

export const AuditLogPanel = () => {
  const { t } = useTranslation();
  const log = useQuery({
    queryKey: ["audit-log"],
    queryFn: () => get<AuditEntry[]>("/api/audit-log?limit=200"),
  });
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t("admin.auditLog")}</h2>
      <p>
        <a href="/api/audit-log/export" download>
          {t("admin.export")}
        </a>
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("admin.when")}</th>
            <th scope="col">{t("admin.who")}</th>
            <th scope="col">{t("admin.via")}</th>
            <th scope="col">{t("admin.action")}</th>
            <th scope="col">{t("admin.record")}</th>
            <th scope="col">{t("admin.change")}</th>
          </tr>
        </thead>
        <tbody>
          {log.data?.map((entry) => (
            <tr key={entry.id}>
              <td>
                <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time>
              </td>
              <td>{entry.actor}</td>
              <td>{entry.via}</td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td>
                {entry.entityType} {entry.entityId?.slice(0, 8)}
              </td>
              <td className="json">{summarise(entry)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};
