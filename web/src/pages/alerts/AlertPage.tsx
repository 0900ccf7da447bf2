import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import {
  type AlertStep,
  stepGrants,
  type TAlert,
  type TAlertDetail,
  transitions,
  ZAlertMessage,
} from "../../../../src/core/alerts/alert.schemas.ts";
import { api, get } from "../../api/client.ts";
import { useCountryNames } from "../../api/country-names.ts";
import { allows, worksOn } from "../../api/permissions.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { when } from "../../i18n/dates.ts";
import { useSession } from "../../session.tsx";
import { AlertsNav } from "./AlertsNav.tsx";
import { AssignAlertForm } from "./AssignAlertForm.tsx";
import { useAlertSummary } from "./alert-summary.ts";

const formValues = (event: FormEvent<HTMLFormElement>) => {
  event.preventDefault();
  return Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
};

export const AlertPage = () => {
  const { t, i18n } = useTranslation();
  /** Where the alert came from, in the reader's language: a person, a rule (by its name) or community reports. */
  const sourceText = (source: string) =>
    source === "person" || source === "voices"
      ? t(`alerts.sources.${source}`)
      : source.startsWith("rule: ")
        ? t("alerts.sources.rule", { name: source.slice("rule: ".length) })
        : source;
  const alertSummary = useAlertSummary();
  const names = useCountryNames();
  const { me } = useSession();
  const { id = "" } = useParams();
  const queryClient = useQueryClient();
  const statusRef = useRef<HTMLElement>(null);
  const alert = useQuery({ queryKey: ["alert", id], queryFn: () => get<TAlertDetail>(`/api/alerts/${id}`) });
  const step = useMutation({
    mutationFn: ({ name, body }: { name: AlertStep; body: object }) =>
      api<TAlert>("POST", `/api/alerts/${id}/${name}`, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({
        predicate: (q) => ["alert", "alerts", "measures"].includes(String(q.queryKey[0])),
      });
      // The form just used is gone with the step it took: the keyboard goes to the new status, which is read out.
      statusRef.current?.focus();
    },
  });
  if (alert.error)
    return (
      <>
        <AlertsNav />
        <ErrorNote error={alert.error} />
      </>
    );
  const a = alert.data;
  if (!a) return <p className="loading">{t("app.loading")}</p>;
  const open = a.status !== "closed";
  const own = me.acting.orgId === a.owner.orgId;
  const mayStep = (name: AlertStep) =>
    worksOn(me, a.owner.orgId, stepGrants[name]) &&
    (transitions[name].from as readonly string[]).includes(a.status);
  // Raising and merging record the platform's message beside the English note.
  const eventNote = (event: TAlertDetail["timeline"][number]) => {
    const message = ZAlertMessage.safeParse((event.data as { message?: unknown } | null)?.message);
    return alertSummary({
      iso3: a.iso3,
      summary: event.note,
      message: message.success ? message.data : null,
    });
  };
  return (
    <>
      <AlertsNav />
      <h1>
        {names.byIso3(a.iso3)}: {alertSummary(a)}
      </h1>
      <p>
        <Link to={`/warning/countries/${a.iso3}`}>
          {t("alerts.countryForecast", { country: names.byIso3(a.iso3) })}
        </Link>
        {allows(me, "review.write") && (
          <>
            {" · "}
            <Link to={`/reviews?open=${a.iso3}#open-review`}>
              {t("alerts.openReview", { country: names.byIso3(a.iso3) })}
            </Link>
          </>
        )}
      </p>
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
        {a.decision && (
          <>
            <dt>{t("alerts.decision")}</dt>
            <dd>
              <strong>
                <bdi>{a.decision.decision}</bdi>
              </strong>{" "}
              — <bdi>{a.decision.rationale}</bdi>
              <div className="muted">
                {t("alerts.optionsConsidered")}: {a.decision.options.join("; ")} · {t("alerts.decidedBy")}{" "}
                {a.decision.decidedBy}
              </div>
            </dd>
          </>
        )}
        {a.outcome && (
          <>
            <dt>{t("alerts.outcome")}</dt>
            <dd className="prose" dir="auto">
              {a.outcome}
            </dd>
          </>
        )}
      </dl>

      {open && !own && <p className="muted">{t("alerts.ownerOnly", { org: a.owner.orgName })}</p>}
      {open && own && !worksOn(me, a.owner.orgId, "alert.decide") && (
        <p className="muted">{t("alerts.decidedByDesk", { org: a.owner.orgName })}</p>
      )}
      {mayStep("acknowledge") && (
        <form
          className="inline-form"
          onSubmit={(e) => step.mutate({ name: "acknowledge", body: formValues(e) })}
        >
          <Field label={t("alerts.note")}>
            <input name="note" size={40} />
          </Field>
          <BusyButton type="submit" busy={step.isPending}>
            {t("alerts.steps.acknowledge")}
          </BusyButton>
        </form>
      )}
      {mayStep("assess") && (
        <form className="stacked-form" onSubmit={(e) => step.mutate({ name: "assess", body: formValues(e) })}>
          <Field label={t("alerts.assessment")}>
            <textarea name="assessment" rows={3} required minLength={3} />
          </Field>
          <BusyButton type="submit" busy={step.isPending}>
            {t("alerts.steps.assess")}
          </BusyButton>
        </form>
      )}
      {mayStep("decide") && (
        <form
          className="stacked-form"
          onSubmit={(e) => {
            const v = formValues(e);
            step.mutate({
              name: "decide",
              body: {
                ...v,
                options:
                  v.options
                    ?.split("\n")
                    .map((o) => o.trim())
                    .filter(Boolean) ?? [],
              },
            });
          }}
        >
          <h2>{t("alerts.recordDecision")}</h2>
          <Field label={t("alerts.optionsField")}>
            <textarea name="options" rows={3} required />
          </Field>
          <Field label={t("alerts.decision")}>
            <input name="decision" required minLength={3} />
          </Field>
          <Field label={t("alerts.rationale")}>
            <textarea name="rationale" rows={3} required minLength={3} />
          </Field>
          <BusyButton type="submit" busy={step.isPending}>
            {t("alerts.steps.decide")}
          </BusyButton>
        </form>
      )}
      {mayStep("act") && (
        <form className="inline-form" onSubmit={(e) => step.mutate({ name: "act", body: formValues(e) })}>
          <Field label={t("alerts.actionNote")}>
            <input name="note" required minLength={3} size={50} />
          </Field>
          <BusyButton type="submit" busy={step.isPending}>
            {t("alerts.steps.act")}
          </BusyButton>
        </form>
      )}
      {mayStep("close") && (
        <form className="inline-form" onSubmit={(e) => step.mutate({ name: "close", body: formValues(e) })}>
          <Field label={t("alerts.outcome")}>
            <input name="outcome" required minLength={3} size={50} />
          </Field>
          <BusyButton type="submit" busy={step.isPending}>
            {t("alerts.steps.close")}
          </BusyButton>
        </form>
      )}
      <ErrorNote error={step.error} />
      {open && worksOn(me, a.owner.orgId, "alert.decide") && (
        <AssignAlertForm alertId={a.id} ownerUserId={a.owner.userId} />
      )}

      <h2>{t("alerts.timeline")}</h2>
      <ol className="timeline">
        {a.timeline.map((event) => (
          <li key={`${event.at}-${event.kind}`}>
            <time dateTime={event.at}>{when(event.at, i18n.language)}</time>{" "}
            <strong>{t(`alerts.events.${event.kind}`, { defaultValue: event.kind })}</strong> · {event.actor}
            {event.note && (
              <div className="prose" dir="auto">
                {eventNote(event)}
              </div>
            )}
          </li>
        ))}
      </ol>
    </>
  );
};
