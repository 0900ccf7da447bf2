import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type {
  AlertRuleKind,
  TAlertRule,
  TAlertRuleDefinition,
} from "../../../../src/core/alerts/alert.schemas.ts";
import { api, get } from "../../api/client.ts";
import { useApiCall } from "../../api/use-api-call.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ChoiceField } from "../../components/ChoiceField.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { percent } from "../warning/warning-api.ts";
import { SeverityField } from "./SeverityField.tsx";

/** The kinds this platform evaluates from its own data; surges and missed commitments are raised where they happen. */
const formKinds = [
  "forecast_threshold",
  "forecast_jump",
  "fatalities_above_range",
  "risk_factor_severe",
] as const;
type FormKind = (typeof formKinds)[number];

type Evaluation = {
  rules: number;
  candidates: number;
  raised: number;
  merged: number;
  alreadyRaised: number;
};

/** What the form's fields say, as the definition the API validates (percentages become probabilities). */
const definitionFrom = (kind: FormKind, form: Record<string, string>): TAlertRuleDefinition => {
  const number = (name: string) => Number(form[name]);
  const measure = form.measure === "p_gt0" ? "p_gt0" : "p_ge25";
  switch (kind) {
    case "forecast_threshold":
      return {
        kind,
        measure,
        threshold: number("threshold") / 100,
        maxHorizon: number("maxHorizon"),
        maxDataAgeMonths: number("maxDataAgeMonths"),
      };
    case "forecast_jump":
      return {
        kind,
        measure,
        increase: number("increase") / 100,
        maxHorizon: number("maxHorizon"),
        maxDataAgeMonths: number("maxDataAgeMonths"),
      };
    case "fatalities_above_range":
      return {
        kind,
        lookbackMonths: number("lookbackMonths"),
        minFatalities: number("minFatalities"),
        maxDataAgeMonths: number("maxDataAgeMonths"),
      };
    case "risk_factor_severe":
      return {
        kind,
        factorCodes: (form.factorCodes ?? "")
          .split(",")
          .map((code) => code.trim())
          .filter(Boolean),
      };
  }
};

const useRuleWords = () => {
  const { t, i18n } = useTranslation();
  const pct = (p: number) => percent(p, i18n.language);
  const measure = (m: "p_ge25" | "p_gt0") => t(`alerts.messages.measure_${m}`);
  return (d: TAlertRuleDefinition): string => {
    const key = `alertSetup.watches.${d.kind}`;
    switch (d.kind) {
      case "forecast_threshold":
        return t(key, {
          measure: measure(d.measure),
          threshold: pct(d.threshold),
          months: d.maxHorizon,
          age: d.maxDataAgeMonths,
        });
      case "forecast_jump":
        return t(key, {
          measure: measure(d.measure),
          points: Math.round(d.increase * 100),
          months: d.maxHorizon,
          age: d.maxDataAgeMonths,
        });
      case "fatalities_above_range":
        return t(key, { lookback: d.lookbackMonths, minimum: d.minFatalities, age: d.maxDataAgeMonths });
      case "risk_factor_severe":
        return d.factorCodes.length
          ? t(key, { codes: d.factorCodes.join(", ") })
          : t("alertSetup.watches.risk_factor_severe_any");
      case "report_surge":
        return t(key, { count: d.minReports, days: d.windowDays });
      case "missed_commitment":
        return t(key, { days: d.graceDays });
    }
  };
};

const KindFields = ({ kind }: { kind: FormKind }) => {
  const { t } = useTranslation();
  const measureField = (
    <ChoiceField
      label={t("alertSetup.measure")}
      name="measure"
      choices={["p_ge25", "p_gt0"]}
      defaultValue="p_ge25"
      wording={(m) => t(`alerts.messages.measure_${m}`)}
    />
  );
  const ageField = (
    <Field label={t("alertSetup.maxDataAgeMonths")}>
      <input name="maxDataAgeMonths" type="number" min={0} max={600} defaultValue={6} required />
    </Field>
  );
  const horizonField = (
    <>
      <Field label={t("alertSetup.maxHorizon")}>
        <input name="maxHorizon" type="number" min={1} max={12} defaultValue={3} required />
      </Field>
      {ageField}
    </>
  );
  switch (kind) {
    case "forecast_threshold":
      return (
        <>
          {measureField}
          <Field label={t("alertSetup.threshold")}>
            <input name="threshold" type="number" min={1} max={100} defaultValue={50} required />
          </Field>
          {horizonField}
        </>
      );
    case "forecast_jump":
      return (
        <>
          {measureField}
          <Field label={t("alertSetup.increase")}>
            <input name="increase" type="number" min={1} max={100} defaultValue={20} required />
          </Field>
          {horizonField}
        </>
      );
    case "fatalities_above_range":
      return (
        <>
          <Field label={t("alertSetup.lookbackMonths")}>
            <input name="lookbackMonths" type="number" min={3} max={120} defaultValue={24} required />
          </Field>
          <Field label={t("alertSetup.minFatalities")}>
            <input name="minFatalities" type="number" min={0} defaultValue={25} required />
          </Field>
          {ageField}
        </>
      );
    case "risk_factor_severe":
      return (
        <Field label={t("alertSetup.factorCodes")}>
          <input name="factorCodes" placeholder="1, 7, 13" size={12} />
        </Field>
      );
  }
};

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
  const queryClient = useQueryClient();
  const describe = useRuleWords();
  const [kind, setKind] = useState<FormKind>("forecast_threshold");
  const rules = useQuery({
    queryKey: ["alert-rules"],
    queryFn: () => get<TAlertRule[]>("/api/alerts/rules"),
  });
  const change = useApiCall(["alert-rules"]);
  const evaluate = useMutation({
    mutationFn: () => api<Evaluation>("POST", "/api/alerts/evaluate"),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["alerts"] }),
  });
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = Object.fromEntries(new FormData(formElement)) as Record<string, string>;
    change.mutate(
      {
        method: "POST",
        path: "/api/alerts/rules",
        body: { name: form.name, severity: form.severity, definition: definitionFrom(kind, form) },
      },
      { onSuccess: () => formElement.reset() },
    );
  };
  const kindLabel = (k: AlertRuleKind) => t(`alertSetup.kinds.${k}`);
  return (
    <section aria-labelledby="alert-rules">
      <h2 id="alert-rules">{t("alertSetup.rules")}</h2>
      <p>{t("alertSetup.rulesIntro")}</p>
      <ErrorNote error={rules.error} />
      {rules.data && (
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
              {rules.data.map((rule) => (
                <tr key={rule.id}>
                  <td>{rule.name}</td>
                  <td>{kindLabel(rule.definition.kind)}</td>
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
      )}
      {mayEvaluate && (
        <p>
          <BusyButton onClick={() => evaluate.mutate()} busy={evaluate.isPending}>
            {t("alertSetup.evaluate")}
          </BusyButton>{" "}
          {evaluate.data && <output>{t("alertSetup.evaluated", evaluate.data)}</output>}
        </p>
      )}
      <ErrorNote error={evaluate.error} />
      {mayConfigure && (
        <>
          <h3 id="add-rule">{t("alertSetup.addRule")}</h3>
          <form className="inline-form" onSubmit={add} aria-labelledby="add-rule">
            <Field label={t("alertSetup.name")}>
              <input name="name" required minLength={3} maxLength={200} size={30} />
            </Field>
            <ChoiceField
              label={t("alertSetup.kind")}
              choices={formKinds}
              value={kind}
              onChange={setKind}
              wording={kindLabel}
            />
            <KindFields kind={kind} />
            <SeverityField defaultValue="high" />
            <BusyButton type="submit" busy={change.isPending}>
              {t("alertSetup.addButton")}
            </BusyButton>
          </form>
        </>
      )}
      <ErrorNote error={change.error} />
    </section>
  );
};
