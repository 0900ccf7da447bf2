import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, get } from "../../api/client.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ClearanceField } from "../../components/ClearanceField.tsx";
import { Field } from "../../components/Field.tsx";
import { FormOutcome } from "../../components/FormOutcome.tsx";
import { personLabel } from "../../components/person-label.ts";
import { when } from "../../i18n/dates.ts";
import { useSession } from "../../session.tsx";
import { CategoryOptions, StatusOptions } from "./ReportOptions.tsx";
import { submitted, useReportRefresh } from "./report-forms.ts";
import { triageChange } from "./triage-change.ts";
import type { ReportDetail } from "./voices-api.ts";

/** The people of the receiving organisation a report can be assigned to, the one assigned already left out. */
const AssignmentField = ({ report }: { report: ReportDetail }) => {
  const { t } = useTranslation();
  const { me } = useSession();
  const colleagues = useQuery({
    queryKey: ["voices", "report", report.id, "assignees"],
    queryFn: () =>
      get<{ userId: string; name: string; email: string }[]>(`/api/voices/reports/${report.id}/assignees`),
  });
  return (
    <Field label={t("voices.assignment")}>
      <select name="assign" defaultValue="">
        <option value="">
          {report.assignedTo === me.user.id ? t("voices.assignedToMe") : t("voices.unchanged")}
        </option>
        {colleagues.data
          ?.filter((c) => c.userId !== report.assignedTo)
          .map((c) => (
            <option key={c.userId} value={c.userId}>
              {c.userId === me.user.id ? t("voices.assignMe") : personLabel(c)}
            </option>
          ))}
        <option value="none">{t("voices.unassign")}</option>
      </select>
    </Field>
  );
};

/** Triage by the receiving organisation: status, duplicate, category, assignment, clearance and a note. */
export const ReportTriage = ({ report }: { report: ReportDetail }) => {
  const { t, i18n } = useTranslation();
  const triage = useMutation({
    mutationFn: (input: object) => api<ReportDetail>("PATCH", `/api/voices/reports/${report.id}`, input),
    onSuccess: useReportRefresh(report.id),
  });
  return (
    <section aria-labelledby="triage">
      <h2 id="triage">{t("voices.triage")}</h2>
      <form
        className="stacked-form"
        onSubmit={(event) => {
          const { data, clear } = submitted(event);
          triage.mutate(triageChange(data, report), clear);
        }}
      >
        <Field label={t("voices.status")}>
          <select name="status" defaultValue="">
            <option value="">{t("voices.unchanged")}</option>
            <StatusOptions />
          </select>
        </Field>
        <Field label={t("voices.duplicateOf")}>
          <input name="duplicateOf" defaultValue={report.possibleDuplicateOf ?? ""} />
        </Field>
        <Field label={t("voices.category")}>
          <select name="category" defaultValue="">
            <option value="">{t("voices.unchanged")}</option>
            <CategoryOptions />
          </select>
        </Field>
        <AssignmentField report={report} />
        <ClearanceField unchanged={t("voices.unchanged")} />
        <Field label={t("voices.note")}>
          <textarea name="note" rows={2} dir="auto" />
        </Field>
        <BusyButton type="submit" busy={triage.isPending}>
          {t("voices.save")}
        </BusyButton>
        <FormOutcome
          error={triage.error}
          saved={triage.isSuccess}
          labels={{
            status: t("voices.status"),
            duplicateOf: t("voices.duplicateOf"),
            category: t("voices.category"),
            assignedTo: t("voices.assignment"),
          }}
        />
      </form>
      {report.notes.length > 0 && (
        <ul>
          {report.notes.map((note) => (
            <li key={note.id}>
              {when(note.at, i18n.language)} · {note.author}: <span dir="auto">{note.body}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
