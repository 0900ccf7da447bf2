import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { allMonths } from "../../../../src/core/shared/calendar.schemas.ts";
import { get } from "../../api/client.ts";
import { useCountryNames } from "../../api/country-names.ts";
import { type CountryTotal, type EventPoints, query } from "../../api/data-types.ts";

/**
 * Why a country's map is empty. Event data (the bundled UCDP GED subset, and any imported files) cover
 * only some countries: outside them an empty map means "no data", not "no events".
 */
const NoEvents = ({ iso3, filtered }: { iso3: string; filtered: boolean }) => {
  const { t, i18n } = useTranslation();
  const names = useCountryNames();
  const covered = useQuery({
    queryKey: ["event-countries"],
    // Totals over all time list the countries any event data cover.
    queryFn: () =>
      get<CountryTotal[]>(`/api/data/country-totals${query({ series: "events", ...allMonths })}`),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (!covered.data) return null;
  if (covered.data.some((c) => c.iso3 === iso3))
    return t(filtered ? "country.noEventsInYears" : "country.noEventsHeld");
  if (covered.data.length === 0) return t("country.noEventData");
  const list = new Intl.ListFormat(i18n.language, { type: "conjunction" });
  return t("country.eventsCoverOnly", {
    countries: list.format(covered.data.map((c) => names.byIso3(c.iso3, c.name))),
  });
};

/** How many events the map shows, how many are placed by their grid cell only, or why there are none. */
export const EventCount = ({
  iso3,
  points,
  filtered,
}: {
  iso3: string;
  points: EventPoints;
  filtered: boolean;
}) => {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <p data-testid="event-count" data-count={points.points.length}>
      {points.points.length === 0 ? (
        <NoEvents iso3={iso3} filtered={filtered} />
      ) : (
        t("country.eventsShown", {
          count: points.points.length,
          formatted: number.format(points.points.length),
        })
      )}
      {points.placedByCell > 0 && ` ${t("country.placedByCell", { count: points.placedByCell })}`}
    </p>
  );
};
