import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TAlertRule } from "../../../../src/core/alerts/alert.schemas.ts";
import { get } from "../../api/client.ts";
import { useApiCall } from "../../api/use-api-call.ts";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { AddAlertRuleForm } from "./AddAlertRuleForm.tsx";
import { AlertRulesTable } from "./AlertRulesTable.tsx";
import { EvaluateRulesButton } from "./EvaluateRulesButton.tsx";

/**
 * The rules that raise alerts from the platform's data: everyone reads them, administrators add, switch
 * off and delete them, and people who may evaluate run them at once rather than wait for the next round.
 */
export const AlertRulesPanel = ({
  mayConfigure,
  mayEvaluate,
}: {
  mayConfigure: boolean;
  mayEvaluate: boolean;
}) => {
  const { t } = useTranslation();
  const rules = useQuery({
    queryKey: ["alert-rules"],
    queryFn: () => get<TAlertRule[]>("/api/alerts/rules"),
  });
  // Adding, switching and deleting share one write: the table waits while the form saves, and one note
  // below says why a write failed.
  const change = useApiCall(["alert-rules"]);
  return (
    <section aria-labelledby="alert-rules">
      <h2 id="alert-rules">{t("alertSetup.rules")}</h2>
      <p>{t("alertSetup.rulesIntro")}</p>
      <ErrorNote error={rules.error} />
      {rules.data && <AlertRulesTable rules={rules.data} mayConfigure={mayConfigure} change={change} />}
      {mayEvaluate && <EvaluateRulesButton />}
      {mayConfigure && <AddAlertRuleForm change={change} />}
      <ErrorNote error={change.error} />
    </section>
  );
};
