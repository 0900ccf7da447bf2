import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { get } from "../../api/client.ts";
import { type EventPoints, query } from "../../api/data-types.ts";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { ExportLinks } from "../../components/ExportLinks.tsx";
import { CellForecastCells, CellForecastControls } from "./CountryCellForecast.tsx";
import { EventCount } from "./EventCount.tsx";
import { EventDetail } from "./EventDetail.tsx";
import { EventLegend, EventMapImage } from "./EventMapImage.tsx";
import { EventYearFilter } from "./EventYearFilter.tsx";
import { useEventDrawing } from "./event-drawing.ts";
import { useEventYears } from "./event-years.ts";

/** The country's events on its own outline (Natural Earth 1:50m, offline), sized by best fatalities. */
export const CountryEventMap = ({
  iso3,
  isoNumeric,
  name,
}: {
  iso3: string;
  isoNumeric: number | null;
  name: string;
}) => {
  const { t } = useTranslation();
  const years = useEventYears();
  const [selected, setSelected] = useState<number | null>(null);
  const from = years.fromYear ? `${years.fromYear}-01-01` : undefined;
  const to = years.toYear ? `${years.toYear}-12-31` : undefined;
  const points = useQuery({
    queryKey: ["event-points", iso3, from, to],
    queryFn: () => get<EventPoints>(`/api/data/events/points${query({ iso3, from, to })}`),
  });
  const selectedId = selected === null ? null : (points.data?.ids[selected] ?? null);
  const drawing = useEventDrawing(points.data, isoNumeric);
  return (
    <section aria-labelledby="event-map">
      <h2 id="event-map">{t("country.events")}</h2>
      <EventYearFilter years={years} />
      <ErrorNote error={points.error} />
      {points.data && <EventCount iso3={iso3} points={points.data} filtered={Boolean(from || to)} />}
      <div className="event-map-layout">
        {drawing && (
          <EventMapImage drawing={drawing} name={name} selected={selected} onSelect={setSelected}>
            <CellForecastCells iso3={iso3} projection={drawing.projection} />
          </EventMapImage>
        )}
        <EventDetail eventId={selectedId} />
      </div>
      {drawing && <EventLegend />}
      {drawing && <CellForecastControls iso3={iso3} />}
      <ExportLinks path="/api/data/events/export" params={{ iso3, from, to }} />
    </section>
  );
};
