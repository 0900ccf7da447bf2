import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { get } from "../../api/client.ts";
import { useCountryNames } from "../../api/country-names.ts";
import { worksOn } from "../../api/permissions.ts";
import { BackLink } from "../../components/BackLink.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { useSession } from "../../session.tsx";
import { ReportProtection } from "./ReportProtection.tsx";
import { ReportReply } from "./ReportReply.tsx";
import { ReportTriage } from "./ReportTriage.tsx";
import type { ReportDetail } from "./voices-api.ts";

/** What was reported, where, when and how, as every reader allowed to see the report sees it. */
const ReportFacts = ({ report: r }: { report: ReportDetail }) => {
  const { t } = useTranslation();
  const names = useCountryNames();
  return (
    <>
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
          {[r.place, r.adm2, r.adm1, r.iso3 && names.byIso3(r.iso3)].filter(Boolean).join(" · ") || "—"}
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
    </>
  );
};

/** One report: what was reported, triage, a reply to the reporter, redaction and reveal. */
export const ReportPage = () => {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { me } = useSession();
  const report = useQuery({
    queryKey: ["voices", "report", id],
    queryFn: () => get<ReportDetail>(`/api/voices/reports/${id}`),
  });
  if (report.error) return <ErrorNote error={report.error} />;
  const r = report.data;
  if (!r) return <p className="loading">{t("app.loading")}</p>;
  // Only the receiving organisation acts on a report, each action by the roles the server allows.
  const mayTriage = worksOn(me, r.ownerOrgId, "voices.triage");
  return (
    <>
      <p>
        <BackLink to="/reports" label={t("voices.queueTitle")} />
      </p>
      <ReportFacts report={r} />
      {mayTriage && <ReportTriage report={r} />}
      {worksOn(me, r.ownerOrgId, "voices.reply") && <ReportReply report={r} />}
      <ReportProtection report={r} mayRedact={mayTriage} />
    </>
  );
};
