import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { TAlert } from "../../../../src/core/alerts/alert.schemas.ts";
import { api, get } from "../../api/client.ts";
import { useCountryNames } from "../../api/country-names.ts";
import { allows } from "../../api/permissions.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ClearanceField } from "../../components/ClearanceField.tsx";
import { CountrySelect } from "../../components/CountrySelect.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { when } from "../../i18n/dates.ts";
import { useSession } from "../../session.tsx";
import { useUrlState } from "../../url-state.ts";
import { AlertsNav } from "./AlertsNav.tsx";
import { useAlertSummary } from "./alert-summary.ts";
import { SeverityField } from "./SeverityField.tsx";

const scopes = ["mine", "desk", "overdue", "all"] as const;

export const AlertsInbox = () => {
  const { t, i18n } = useTranslation();
  const alertSummary = useAlertSummary();
  const { me } = useSession();
  const names = useCountryNames();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [scope, setScope] = useUrlState<(typeof scopes)[number]>("scope", "mine", scopes);
  // A forecast page sends its reader here with the country and a summary of what worried them filled in.
  const [params] = useSearchParams();
  const prefilled = params.get("raise");
  useEffect(() => {
    if (!prefilled) return;
    // After the page has taken the focus to its content (Shell), on to the form filled in for the reader.
    const frame = requestAnimationFrame(() => document.getElementById("raise-alert")?.focus());
    return () => cancelAnimationFrame(frame);
  }, [prefilled]);
  const alerts = useQuery({
    queryKey: ["alerts", scope],
    queryFn: () => get<TAlert[]>(`/api/alerts?scope=${scope}`),
  });
  const raise = useMutation({
    mutationFn: (input: object) => api<{ merged: boolean; alert: TAlert }>("POST", "/api/alerts", input),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: ["alerts"] });
      navigate(`/alerts/${result.alert.id}`);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { cause, ...form } = Object.fromEntries(new FormData(event.currentTarget));
    // "Election violence" becomes election_violence: alerts for the same country and cause merge.
    const named = String(cause ?? "")
      .trim()
      .toLowerCase()
      .replace(/\s+/g, "_");
    raise.mutate({
      ...form,
      source: "person",
      ...(named ? { cause: named } : {}),
    });
  };
  return (
    <>
      <h1>{t("alerts.title")}</h1>
      <AlertsNav />
      <fieldset className="tabs">
        <legend className="visually-hidden">{t("alerts.scope")}</legend>
        {scopes.map((s) => (
          <button key={s} type="button" aria-pressed={scope === s} onClick={() => setScope(s)}>
            {t(`alerts.scopes.${s}`)}
          </button>
        ))}
      </fieldset>
      {alerts.data?.length === 0 && <p>{t("alerts.empty")}</p>}
      {alerts.data && alerts.data.length > 0 && (
        <TableScroll label={t("alerts.title")}>
          <table className="alerts-inbox cards-on-phone">
            <thead>
              <tr>
                <th>{t("countries.country")}</th>
                <th>{t("alerts.severity")}</th>
                <th>{t("alerts.status")}</th>
                <th>{t("alerts.owner")}</th>
                <th>{t("alerts.deadline")}</th>
                <th>{t("alerts.summary")}</th>
              </tr>
            </thead>
            <tbody>
              {alerts.data.map((alert) => (
                <tr key={alert.id}>
                  <td>{names.byIso3(alert.iso3)}</td>
                  <td className={`severity ${alert.severity}`}>{t(`alerts.severities.${alert.severity}`)}</td>
                  <td>{t(`alerts.statuses.${alert.status}`)}</td>
                  <td data-label={t("alerts.owner")}>{alert.owner.name ?? alert.owner.orgName}</td>
                  <td data-label={t("alerts.deadline")}>
                    {when(alert.deadline, i18n.language)}{" "}
                    {alert.overdue && <strong className="overdue">{t("alerts.overdue")}</strong>}
                  </td>
                  <td data-label={t("alerts.summary")}>
                    <Link to={`/alerts/${alert.id}`}>
                      <bdi>{alertSummary(alert)}</bdi>
                    </Link>
                    {alert.occurrences > 1 && <span className="muted"> ×{alert.occurrences}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {allows(me, "alert.raise") && (
        <section aria-labelledby="raise-alert">
          <h2 id="raise-alert" tabIndex={-1}>
            {t("alerts.raise")}
          </h2>
          <form className="inline-form" onSubmit={submit}>
            <CountrySelect defaultValue={prefilled ?? ""} />
            <SeverityField defaultValue="medium" />
            <Field label={t("alerts.summary")}>
              <input
                name="summary"
                required
                minLength={3}
                size={50}
                defaultValue={params.get("summary") ?? ""}
              />
            </Field>
            <Field label={t("alerts.cause")}>
              <input
                name="cause"
                maxLength={120}
                size={24}
                placeholder={t("alerts.causeExample")}
                defaultValue={params.get("cause") ?? ""}
              />
            </Field>
            <ClearanceField wanted="restricted" />
            <BusyButton type="submit" busy={raise.isPending}>
              {t("alerts.raiseButton")}
            </BusyButton>
          </form>
          <p className="muted">{t("alerts.raiseClearanceNote")}</p>
          <ErrorNote error={raise.error} />
        </section>
      )}
    </>
  );
};
