import { useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { TAlertDetail } from "../../../../src/core/alerts/alert.schemas.ts";
import { get } from "../../api/client.ts";
import { useCountryNames } from "../../api/country-names.ts";
import { allows, worksOn } from "../../api/permissions.ts";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { useSession } from "../../session.tsx";
import { AlertFacts } from "./AlertFacts.tsx";
import { AlertSteps } from "./AlertSteps.tsx";
import { AlertsNav } from "./AlertsNav.tsx";
import { AlertTimeline } from "./AlertTimeline.tsx";
import { AssignAlertForm } from "./AssignAlertForm.tsx";
import { useAlertSummary } from "./alert-summary.ts";

/** Where to read on: the country's forecast, and a review of the country for those who may open one. */
const AlertLinks = ({ iso3 }: { iso3: string }) => {
  const { t } = useTranslation();
  const names = useCountryNames();
  const { me } = useSession();
  return (
    <p>
      <Link to={`/warning/countries/${iso3}`}>
        {t("alerts.countryForecast", { country: names.byIso3(iso3) })}
      </Link>
      {allows(me, "review.write") && (
        <>
          {" · "}
          <Link to={`/reviews?open=${iso3}#open-review`}>
            {t("alerts.openReview", { country: names.byIso3(iso3) })}
          </Link>
        </>
      )}
    </p>
  );
};

/** One alert: what it says, the steps from new to closed, who it is assigned to, and what happened to it. */
export const AlertPage = () => {
  const { t } = useTranslation();
  const alertSummary = useAlertSummary();
  const names = useCountryNames();
  const { me } = useSession();
  const { id = "" } = useParams();
  const statusRef = useRef<HTMLElement>(null);
  const alert = useQuery({ queryKey: ["alert", id], queryFn: () => get<TAlertDetail>(`/api/alerts/${id}`) });
  if (alert.error)
    return (
      <>
        <AlertsNav />
        <ErrorNote error={alert.error} />
      </>
    );
  const a = alert.data;
  if (!a) return <p className="loading">{t("app.loading")}</p>;
  return (
    <>
      <AlertsNav />
      <h1>{t("alerts.heading", { country: names.byIso3(a.iso3), summary: alertSummary(a) })}</h1>
      <AlertLinks iso3={a.iso3} />
      <AlertFacts alert={a} statusRef={statusRef} />
      <AlertSteps alert={a} statusRef={statusRef} />
      {a.status !== "closed" && worksOn(me, a.owner.orgId, "alert.decide") && (
        <AssignAlertForm alertId={a.id} ownerUserId={a.owner.userId} />
      )}
      <AlertTimeline alert={a} />
    </>
  );
};
