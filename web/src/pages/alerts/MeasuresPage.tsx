import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TMeasures } from "../../../../src/core/measures/measures.ts";
import { get } from "../../api/client.ts";
import { TableScroll } from "../../components/TableScroll.tsx";
import { AlertsNav } from "./AlertsNav.tsx";
import { hours, share } from "./format.ts";

export const MeasuresPage = () => {
  const { t, i18n } = useTranslation();
  const measures = useQuery({ queryKey: ["measures"], queryFn: () => get<TMeasures>("/api/measures") });
  return (
    <>
      <h1>{t("measures.title")}</h1>
      <AlertsNav />
      <p>{t("measures.intro")}</p>
      <h2>{t("measures.alerts")}</h2>
      {measures.data?.alerts.length === 0 && <p>{t("measures.noAlerts")}</p>}
      {measures.data && measures.data.alerts.length > 0 && (
        <TableScroll label={t("measures.alerts")}>
          <table>
            <thead>
              <tr>
                <th>{t("measures.desk")}</th>
                <th>{t("alerts.severity")}</th>
                <th>{t("measures.count")}</th>
                <th>{t("measures.toAcknowledgement")}</th>
                <th>{t("measures.toDecision")}</th>
                <th>{t("measures.toAction")}</th>
                <th>{t("measures.withinDeadline")}</th>
              </tr>
            </thead>
            <tbody>
              {measures.data.alerts.map((m) => (
                <tr key={`${m.deskOrg}-${m.deskPerson}-${m.severity}`}>
                  <td>
                    {m.deskPerson ? `${m.deskPerson} · ` : ""}
                    {m.deskOrg}
                  </td>
                  <td className={`severity ${m.severity}`}>{t(`alerts.severities.${m.severity}`)}</td>
                  <td>{m.alerts}</td>
                  <td>{hours(m.toAcknowledgement.medianHours, i18n.language)}</td>
                  <td>{hours(m.toDecision.medianHours, i18n.language)}</td>
                  <td>{hours(m.toAction.medianHours, i18n.language)}</td>
                  <td>
                    {share(m.shareDecidedWithinDeadline, i18n.language)} ({m.decidedWithinDeadline}/{m.due})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p className="muted">{t("measures.medianNote")}</p>
      <h2>{t("measures.recommendations")}</h2>
      {measures.data?.recommendations.length === 0 && <p>{t("measures.noRecommendations")}</p>}
      {measures.data && measures.data.recommendations.length > 0 && (
        <TableScroll label={t("measures.recommendations")}>
          <table>
            <thead>
              <tr>
                <th>{t("measures.cycle")}</th>
                <th>{t("measures.count")}</th>
                <th>{t("reviews.responses.supported")}</th>
                <th>{t("reviews.responses.noted")}</th>
                <th>{t("measures.followedUp")}</th>
                <th>{t("measures.fullRate")}</th>
                <th>{t("measures.partialOrFullRate")}</th>
              </tr>
            </thead>
            <tbody>
              {measures.data.recommendations.map((r) => (
                <tr key={r.cycle ?? ""}>
                  <td>{r.cycle ?? t("measures.noCycle")}</td>
                  <td>{r.recommendations}</td>
                  <td>{r.supported}</td>
                  <td>{r.noted}</td>
                  <td>{r.followedUp}</td>
                  <td>{share(r.fullRate, i18n.language)}</td>
                  <td>{share(r.partialOrFullRate, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
};
