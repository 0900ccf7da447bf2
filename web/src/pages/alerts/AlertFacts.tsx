import type { RefObject } from "react";
import { useTranslation } from "react-i18next";
import type { TAlertDetail } from "../../../../src/core/alerts/alert.schemas.ts";
import { when } from "../../i18n/dates.ts";

/** Where the alert came from, in the reader's language: a person, a rule (by its name) or community reports. */
const useSourceText = () => {
  const { t } = useTranslation();
  return (source: string) =>
    source === "person" || source === "voices"
      ? t(`alerts.sources.${source}`)
      : source.startsWith("rule: ")
        ? t("alerts.sources.rule", { name: source.slice("rule: ".length) })
        : source;
};

/** The decision an alert led to, with the options weighed and who took it. */
const DecisionFact = ({ decision }: { decision: NonNullable<TAlertDetail["decision"]> }) => {
  const { t } = useTranslation();
  return (
    <>
      <dt>{t("alerts.decision")}</dt>
      <dd>
        <strong>
          <bdi>{decision.decision}</bdi>
        </strong>{" "}
        — <bdi>{decision.rationale}</bdi>
        <div className="muted">
          {t("alerts.optionsConsidered")}: {decision.options.join("; ")} · {t("alerts.decidedBy")}{" "}
          {decision.decidedBy}
        </div>
      </dd>
    </>
  );
};

/**
 * What is known of an alert, from its severity to its outcome. The status takes the keyboard after a step
 * (`statusRef`), so the change is read out.
 */
export const AlertFacts = ({
  alert: a,
  statusRef,
}: {
  alert: TAlertDetail;
  statusRef: RefObject<HTMLElement | null>;
}) => {
  const { t, i18n } = useTranslation();
  const sourceText = useSourceText();
  return (
    <dl className="facts">
      <dt>{t("alerts.severity")}</dt>
      <dd className={`severity ${a.severity}`}>{t(`alerts.severities.${a.severity}`)}</dd>
      <dt>{t("alerts.status")}</dt>
      <dd data-testid="alert-status" ref={statusRef} tabIndex={-1} aria-live="polite">
        {t(`alerts.statuses.${a.status}`)}
      </dd>
      <dt>{t("admin.clearance")}</dt>
      <dd>
        <span className={`badge ${a.clearance}`}>{t(`clearance.${a.clearance}`)}</span>
      </dd>
      <dt>{t("alerts.owner")}</dt>
      <dd>
        {a.owner.name ? `${a.owner.name} · ` : ""}
        {a.owner.orgName}
      </dd>
      <dt>{t("alerts.deadline")}</dt>
      <dd>
        {when(a.deadline, i18n.language)}{" "}
        {a.overdue && <strong className="overdue">{t("alerts.overdue")}</strong>}
        {a.escalationLevel > 0 && <span> · {t("alerts.escalated", { level: a.escalationLevel })}</span>}
      </dd>
      <dt>{t("alerts.source")}</dt>
      <dd>
        {sourceText(a.source)} · {t("alerts.occurrences", { count: a.occurrences })}
      </dd>
      {a.assessment && (
        <>
          <dt>{t("alerts.assessment")}</dt>
          <dd className="prose" dir="auto">
            {a.assessment}
          </dd>
        </>
      )}
      {a.decision && <DecisionFact decision={a.decision} />}
      {a.outcome && (
        <>
          <dt>{t("alerts.outcome")}</dt>
          <dd className="prose" dir="auto">
            {a.outcome}
          </dd>
        </>
      )}
    </dl>
  );
};
