import { useTranslation } from "react-i18next";
import type { TAlertRule } from "../../../../src/core/alerts/alert.schemas.ts";
import type { ApiWrite } from "../../api/use-api-call.ts";
import { TableScroll } from "../../components/TableScroll.tsx";
import { useRuleWords } from "./rule-words.ts";

/** The rules, each switched on or off in place; administrators also delete them here. */
export const AlertRulesTable = ({
  rules,
  mayConfigure,
  change,
}: {
  rules: TAlertRule[];
  mayConfigure: boolean;
  change: ApiWrite;
}) => {
  const { t } = useTranslation();
  const describe = useRuleWords();
  return (
    <TableScroll label={t("alertSetup.rules")}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("alertSetup.name")}</th>
            <th scope="col">{t("alertSetup.kind")}</th>
            <th scope="col">{t("alertSetup.watches.title")}</th>
            <th scope="col">{t("alerts.severity")}</th>
            <th scope="col">{t("alertSetup.enabled")}</th>
            {mayConfigure && (
              <th scope="col" className="visually-hidden">
                {t("alertSetup.delete")}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => (
            <tr key={rule.id}>
              <td>{rule.name}</td>
              <td>{t(`alertSetup.kinds.${rule.definition.kind}`)}</td>
              <td>{describe(rule.definition)}</td>
              <td className={`severity ${rule.severity}`}>{t(`alerts.severities.${rule.severity}`)}</td>
              <td>
                <input
                  type="checkbox"
                  aria-label={t("alertSetup.enabledFor", { name: rule.name })}
                  checked={rule.enabled}
                  disabled={!mayConfigure || change.isPending}
                  onChange={(event) =>
                    change.mutate({
                      method: "PATCH",
                      path: `/api/alerts/rules/${rule.id}`,
                      body: { enabled: event.target.checked },
                    })
                  }
                />
              </td>
              {mayConfigure && (
                <td>
                  <button
                    type="button"
                    onClick={() => {
                      if (window.confirm(t("alertSetup.confirmDelete", { name: rule.name })))
                        change.mutate({ method: "DELETE", path: `/api/alerts/rules/${rule.id}` });
                    }}
                  >
                    {t("alertSetup.delete")}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
};
