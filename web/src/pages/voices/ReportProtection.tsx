import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { worksOn } from "../../api/permissions.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { FormOutcome } from "../../components/FormOutcome.tsx";
import { useSession } from "../../session.tsx";
import { submitted, useReportRefresh } from "./report-forms.ts";
import type { ReportDetail, Revealed } from "./voices-api.ts";

/** Rewrites the report's text, to take out what would identify the reporter; the original stays sealed. */
const ReportRedaction = ({ report }: { report: ReportDetail }) => {
  const { t } = useTranslation();
  const redact = useMutation({
    mutationFn: (description: string) =>
      api<ReportDetail>("POST", `/api/voices/reports/${report.id}/redact`, { description }),
    onSuccess: useReportRefresh(report.id),
  });
  return (
    <section aria-labelledby="redact">
      <h2 id="redact">{t("voices.redactTitle")}</h2>
      <form
        className="stacked-form"
        onSubmit={(event) => {
          const { data, clear } = submitted(event);
          redact.mutate(data.description ?? "", clear);
        }}
      >
        <Field label={t("voices.redactedText")}>
          <textarea name="description" rows={4} defaultValue={report.description} required dir="auto" />
        </Field>
        <BusyButton type="submit" busy={redact.isPending}>
          {t("voices.redact")}
        </BusyButton>
        <FormOutcome error={redact.error} saved={redact.isSuccess} />
      </form>
    </section>
  );
};

/** The reporter's contact and original text, shown to cleared staff for a stated reason, which is logged. */
const ReportReveal = ({ report }: { report: ReportDetail }) => {
  const { t } = useTranslation();
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const reveal = useMutation({
    mutationFn: (reason: string) =>
      api<Revealed>("POST", `/api/voices/reports/${report.id}/reveal`, { reason }),
    onSuccess: setRevealed,
  });
  return (
    <section aria-labelledby="reveal">
      <h2 id="reveal">{t("voices.revealTitle")}</h2>
      <p>{t("voices.revealIntro")}</p>
      <form
        className="inline-form"
        onSubmit={(event) => {
          const { data, clear } = submitted(event);
          reveal.mutate(data.reason ?? "", clear);
        }}
      >
        <Field label={t("voices.reason")}>
          <input name="reason" required minLength={3} />
        </Field>
        <BusyButton type="submit" busy={reveal.isPending}>
          {t("voices.reveal")}
        </BusyButton>
      </form>
      <ErrorNote error={reveal.error} />
      {revealed && (
        <dl className="facts">
          <dt>{t("voices.name")}</dt>
          <dd>{revealed.contact.name ?? "—"}</dd>
          <dt>{t("voices.phone")}</dt>
          <dd dir="ltr">{revealed.contact.phone ?? "—"}</dd>
          <dt>{t("voices.email")}</dt>
          <dd>{revealed.contact.email ?? "—"}</dd>
          <dt>{t("voices.original")}</dt>
          <dd dir="auto">{revealed.originalDescription}</dd>
        </dl>
      )}
    </section>
  );
};

/**
 * Redaction for those who triage; the reveal only for confidential-cleared staff of the receiving organisation,
 * and only where there is someone to reveal (a contact, or a phone or form behind the report).
 */
export const ReportProtection = ({ report, mayRedact }: { report: ReportDetail; mayRedact: boolean }) => {
  const { t } = useTranslation();
  const { me } = useSession();
  const own = report.ownerOrgId === me.acting.orgId;
  const mayReveal = worksOn(me, report.ownerOrgId, "voices.reveal") && me.acting.clearance === "confidential";
  const identifiable = report.hasContact || report.channel !== "web";
  return (
    <>
      {mayRedact && <ReportRedaction report={report} />}
      {own && !mayReveal && identifiable && <p className="muted">{t("voices.contactRoles")}</p>}
      {mayReveal && identifiable && <ReportReveal report={report} />}
    </>
  );
};
