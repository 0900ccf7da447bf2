import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { answerableChannels } from "../../../../src/core/voices/report.schemas.ts";
import { api, get } from "../../api/client.ts";
import { worksOn } from "../../api/permissions.ts";
import { BackLink } from "../../components/BackLink.tsx";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ClearanceField } from "../../components/ClearanceField.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { FormOutcome } from "../../components/FormOutcome.tsx";
import { when } from "../../i18n/dates.ts";
import { useSession } from "../../session.tsx";
import { type Category, type ReportDetail, type Revealed, reportStatuses } from "./voices-api.ts";

/** One report: what was reported, triage (status, category, assignment, note), a reply to the reporter, redaction and reveal. */
/** The page shows a report's id by its first characters: typed so, the flagged possible original is meant. */
const fullReportId = (typed: string, flagged: string | null): string => {
  const start = typed.trim().toLowerCase();
  return flagged && start.length >= 8 && flagged.startsWith(start) ? flagged : typed.trim();
};

export const ReportPage = () => {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const report = useQuery({
    queryKey: ["voices", "report", id],
    queryFn: () => get<ReportDetail>(`/api/voices/reports/${id}`),
  });
  const categories = useQuery({
    queryKey: ["voices", "categories"],
    queryFn: () => get<Category[]>("/api/voices/categories"),
  });
  // Only the receiving organisation's staff assign its reports.
  const colleagues = useQuery({
    queryKey: ["voices", "report", id, "assignees"],
    enabled: report.data?.ownerOrgId === me.acting.orgId,
    queryFn: () =>
      get<{ userId: string; name: string; email: string }[]>(`/api/voices/reports/${id}/assignees`),
  });
  const refresh = (data: ReportDetail) => {
    queryClient.setQueryData(["voices", "report", id], data);
    void queryClient.invalidateQueries({ queryKey: ["voices", "queue"] });
  };
  const triage = useMutation({
    mutationFn: (input: object) => api<ReportDetail>("PATCH", `/api/voices/reports/${id}`, input),
    onSuccess: refresh,
  });
  const reply = useMutation({
    mutationFn: (body: string) => api("POST", `/api/voices/reports/${id}/replies`, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["voices", "report", id] }),
  });
  const redact = useMutation({
    mutationFn: (description: string) =>
      api<ReportDetail>("POST", `/api/voices/reports/${id}/redact`, { description }),
    onSuccess: refresh,
  });
  const reveal = useMutation({
    mutationFn: (reason: string) => api<Revealed>("POST", `/api/voices/reports/${id}/reveal`, { reason }),
    onSuccess: setRevealed,
  });
  // A form is emptied only once the server took it: after a refusal the person corrects what they chose.
  const form = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const data = Object.fromEntries(new FormData(element)) as Record<string, string>;
    return { data, clear: { onSuccess: () => element.reset() } };
  };
  if (report.error) return <ErrorNote error={report.error} />;
  const r = report.data;
  if (!r) return <p className="loading">{t("app.loading")}</p>;
  // Only the receiving organisation acts on a report, each action by the roles the server allows.
  const own = r.ownerOrgId === me.acting.orgId;
  const mayTriage = worksOn(me, r.ownerOrgId, "voices.triage");
  const mayReply = worksOn(me, r.ownerOrgId, "voices.reply");
  const answerable = answerableChannels.includes(r.channel);
  const mayReveal = worksOn(me, r.ownerOrgId, "voices.reveal") && me.acting.clearance === "confidential";
  return (
    <>
      <p>
        <BackLink to="/reports" label={t("voices.queueTitle")} />
      </p>
      <h1>
        {t(`voices.categories.${r.category}`, { defaultValue: r.category })}{" "}
        <span className={`badge ${r.clearance}`}>{t(`clearance.${r.clearance}`)}</span>
      </h1>
      <dl className="facts">
        <dt>{t("voices.status")}</dt>
        <dd>{t(`voices.statuses.${r.status}`)}</dd>
        <dt>{t("voices.date")}</dt>
        <dd>{r.date}</dd>
        <dt>{t("voices.place")}</dt>
        <dd>
          {[r.place, r.adm2, r.adm1, r.iso3].filter(Boolean).join(" · ") || "—"}
          {r.latitude !== null && ` (${r.latitude.toFixed(3)}, ${r.longitude?.toFixed(3)})`}
          {r.coarsened && ` — ${t("voices.coarsened")}`}
        </dd>
        <dt>{t("voices.channel")}</dt>
        <dd>{t(`voices.channels.${r.channel}`)}</dd>
        <dt>{t("voices.factors")}</dt>
        <dd>{r.factors.length ? r.factors.join(", ") : "—"}</dd>
        {r.possibleDuplicateOf && (
          <>
            <dt>{t("voices.possibleDuplicate")}</dt>
            <dd>
              <Link to={`/reports/${r.possibleDuplicateOf}`}>{r.possibleDuplicateOf.slice(0, 8)}</Link> (
              {r.duplicateScore})
            </dd>
          </>
        )}
      </dl>
      <h2>{t("voices.description")}</h2>
      <p className="prose" dir="auto">
        {r.description}
      </p>
      {r.redacted && <p>{t("voices.redactedNote")}</p>}

      {mayTriage && (
        <section aria-labelledby="triage">
          <h2 id="triage">{t("voices.triage")}</h2>
          <form
            className="stacked-form"
            onSubmit={(event) => {
              const { data, clear } = form(event);
              triage.mutate(
                {
                  ...(data.status ? { status: data.status } : {}),
                  ...(data.duplicateOf
                    ? { duplicateOf: fullReportId(data.duplicateOf, r.possibleDuplicateOf) }
                    : {}),
                  ...(data.category ? { category: data.category } : {}),
                  ...(data.clearance ? { clearance: data.clearance } : {}),
                  ...(data.assign === "none"
                    ? { assignedTo: null }
                    : data.assign
                      ? { assignedTo: data.assign }
                      : {}),
                  ...(data.note ? { note: data.note } : {}),
                },
                clear,
              );
            }}
          >
            <Field label={t("voices.status")}>
              <select name="status" defaultValue="">
                <option value="">{t("voices.unchanged")}</option>
                {reportStatuses.map((status) => (
                  <option key={status} value={status}>
                    {t(`voices.statuses.${status}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t("voices.duplicateOf")}>
              <input name="duplicateOf" defaultValue={r.possibleDuplicateOf ?? ""} />
            </Field>
            <Field label={t("voices.category")}>
              <select name="category" defaultValue="">
                <option value="">{t("voices.unchanged")}</option>
                {categories.data?.map((c) => (
                  <option key={c.code} value={c.code}>
                    {t(`voices.categories.${c.code}`, { defaultValue: c.label })}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t("voices.assignment")}>
              <select name="assign" defaultValue="">
                <option value="">
                  {r.assignedTo === me.user.id ? t("voices.assignedToMe") : t("voices.unchanged")}
                </option>
                {colleagues.data
                  ?.filter((c) => c.userId !== r.assignedTo)
                  .map((c) => (
                    <option key={c.userId} value={c.userId}>
                      {c.userId === me.user.id ? t("voices.assignMe") : `${c.name} (${c.email})`}
                    </option>
                  ))}
                <option value="none">{t("voices.unassign")}</option>
              </select>
            </Field>
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
          {r.notes.length > 0 && (
            <ul>
              {r.notes.map((note) => (
                <li key={note.id}>
                  {when(note.at, i18n.language)} · {note.author}: <span dir="auto">{note.body}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {mayReply && (
        <section aria-labelledby="reply">
          <h2 id="reply">{t("voices.replyTitle")}</h2>
          <p>
            {!answerable
              ? t("voices.replyNoWayBack")
              : r.channel === "sms"
                ? t("voices.replyBySms")
                : t("voices.replyOnReceipt")}
          </p>
          {answerable && (
            <form
              className="stacked-form"
              onSubmit={(event) => {
                const { data, clear } = form(event);
                reply.mutate(data.body ?? "", clear);
              }}
            >
              <Field label={t("voices.reply")}>
                <textarea name="body" rows={2} required maxLength={1000} dir="auto" />
              </Field>
              <BusyButton type="submit" busy={reply.isPending}>
                {t("voices.send")}
              </BusyButton>
              <FormOutcome error={reply.error} saved={reply.isSuccess} />
            </form>
          )}
          <ul>
            {r.replies.map((rep) => (
              <li key={rep.id}>
                {when(rep.at, i18n.language)} · {t(`voices.delivery.${rep.delivery}`)}:{" "}
                <span dir="auto">{rep.body}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {mayTriage && (
        <section aria-labelledby="redact">
          <h2 id="redact">{t("voices.redactTitle")}</h2>
          <form
            className="stacked-form"
            onSubmit={(event) => {
              const { data, clear } = form(event);
              redact.mutate(data.description ?? "", clear);
            }}
          >
            <Field label={t("voices.redactedText")}>
              <textarea name="description" rows={4} defaultValue={r.description} required dir="auto" />
            </Field>
            <BusyButton type="submit" busy={redact.isPending}>
              {t("voices.redact")}
            </BusyButton>
            <FormOutcome error={redact.error} saved={redact.isSuccess} />
          </form>
        </section>
      )}
      {own && !mayReveal && (r.hasContact || r.channel !== "web") && (
        <p className="muted">{t("voices.contactRoles")}</p>
      )}
      {mayReveal && (r.hasContact || r.channel !== "web") ? (
        <section aria-labelledby="reveal">
          <h2 id="reveal">{t("voices.revealTitle")}</h2>
          <p>{t("voices.revealIntro")}</p>
          <form
            className="inline-form"
            onSubmit={(event) => {
              const { data, clear } = form(event);
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
      ) : null}
    </>
  );
};
