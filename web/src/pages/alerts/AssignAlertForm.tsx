import { useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { get } from "../../api/client.ts";
import { useApiCall } from "../../api/use-api-call.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { personLabel } from "../../components/person-label.ts";

type Assignee = { userId: string; name: string; email: string };

/** Hands the alert to another person of the owning organisation (the desk's routing decision). */
export const AssignAlertForm = ({
  alertId,
  ownerUserId,
}: {
  alertId: string;
  ownerUserId: string | null;
}) => {
  const { t } = useTranslation();
  const people = useQuery({
    queryKey: ["alert", alertId, "assignees"],
    queryFn: () => get<Assignee[]>(`/api/alerts/${alertId}/assignees`),
  });
  const assign = useApiCall(["alert", alertId]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    assign.mutate({ method: "POST", path: `/api/alerts/${alertId}/assign`, body: form });
  };
  const others = (people.data ?? []).filter((p) => p.userId !== ownerUserId);
  if (!people.data) return null;
  if (others.length === 0) return <p className="muted">{t("alerts.noAssignees")}</p>;
  return (
    <form className="inline-form" aria-label={t("alerts.assign")} onSubmit={submit}>
      <Field label={t("alerts.assign")}>
        <select name="userId" required>
          {others.map((p) => (
            <option key={p.userId} value={p.userId}>
              {personLabel(p)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("alerts.note")}>
        <input name="note" size={30} />
      </Field>
      <BusyButton type="submit" busy={assign.isPending}>
        {t("alerts.assignButton")}
      </BusyButton>
      <ErrorNote error={assign.error} />
    </form>
  );
};
