import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { TScheduleEntry } from "../../../../src/core/reviews/review.schemas.ts";
import { useCountryNames } from "../../api/country-names.ts";
import { broughtForwardText } from "./brought-forward.ts";

/** The countries brought forward first, then the schedule in order; the whole cycle on request. */
export const CycleSchedule = ({ entries }: { entries: TScheduleEntry[] }) => {
  const { t, i18n } = useTranslation();
  const countryNames = useCountryNames();
  const [showAll, setShowAll] = useState(false);
  const forward = entries.filter((e) => e.broughtForwardReason);
  const ordered = [...forward, ...entries.filter((e) => !e.broughtForwardReason)];
  const upcoming = showAll ? ordered : ordered.slice(0, Math.max(25, forward.length));
  return (
    <>
      {upcoming.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t("reviews.plannedFor")}</th>
              <th>{t("countries.country")}</th>
              <th>{t("reviews.broughtForward")}</th>
              <th>{t("alerts.status")}</th>
            </tr>
          </thead>
          <tbody>
            {upcoming.map((entry) => (
              <tr key={entry.iso3}>
                <td>{entry.plannedFor}</td>
                <td>{countryNames.byIso3(entry.iso3, entry.countryName)}</td>
                <td>{broughtForwardText(entry.broughtForwardReasons, t, i18n.language)}</td>
                <td>
                  {entry.reviewId ? (
                    <Link to={`/reviews/${entry.reviewId}`}>
                      {t(`reviews.statuses.${entry.reviewStatus ?? "draft"}`)}
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {upcoming.length < entries.length && (
        <button type="button" onClick={() => setShowAll(true)}>
          {t("reviews.showWholeCycle", { count: entries.length })}
        </button>
      )}
    </>
  );
};
