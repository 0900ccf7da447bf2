import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { monthOfInstant } from "../../../../src/core/shared/months.ts";
import { allows } from "../../api/permissions.ts";
import { ltr } from "../../i18n/index.ts";
import { useSession } from "../../session.tsx";
import { stalenessOf } from "./stale-data.ts";
import { fetchLatestOrigin } from "./warning-api.ts";

/**
 * Says when a published run is not today's forecast, so months long past are not read as to come: either the run
 * starts before the data held end (a new run brings it forward) or the data themselves are old (newer data must
 * be imported first).
 */
export const StaleDataNote = ({ origin }: { origin: string }) => {
  const { t } = useTranslation();
  const { me } = useSession();
  const { pathname } = useLocation();
  // Asked once for the pages that show a forecast: it changes with an import or a run, and a finished run reloads
  // every early-warning query.
  const held = useQuery({
    queryKey: ["warning", "latest-origin"],
    queryFn: fetchLatestOrigin,
    staleTime: 5 * 60_000,
  });
  // Until the server says where the data end, the note would guess from the run's origin, and might be wrong.
  if (held.isPending) return null;
  const latest = held.data?.latestOrigin ?? origin;
  const staleness = stalenessOf(origin, latest, monthOfInstant(new Date()));
  if (!staleness) return null;
  const { dataRunTo, dataAge } = staleness;
  if (!dataRunTo)
    return (
      <p className="stale-note" role="note">
        {t("warning.staleData", { origin: ltr(origin), count: dataAge })}
      </p>
    );
  const mayRun = allows(me, "forecast.run");
  return (
    <p className="stale-note" role="note">
      {t("warning.olderThanData", { origin: ltr(origin), latest: ltr(dataRunTo) })}{" "}
      {t(mayRun ? "warning.bringForward" : "warning.bringForwardAsk", { latest: ltr(dataRunTo) })}
      {dataAge !== null && ` ${t("warning.dataOld", { latest: ltr(dataRunTo), count: dataAge })}`}
      {/* The button that runs one is on the watchlist. */}
      {mayRun && pathname !== "/warning/watchlist" && (
        <>
          {" "}
          <Link to="/warning/watchlist">{t("warning.toWatchlist")}</Link>
        </>
      )}
    </p>
  );
};
