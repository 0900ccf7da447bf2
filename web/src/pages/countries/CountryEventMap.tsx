import { useQuery } from "@tanstack/react-query";
import { geoMercator, geoPath } from "d3-geo";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { allMonths } from "../../../../src/core/shared/calendar.schemas.ts";
import { get } from "../../api/client.ts";
import { useCountryNames } from "../../api/country-names.ts";
import { type CountryTotal, type DataEvent, type EventPoints, query } from "../../api/data-types.ts";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { ExportLinks } from "../../components/ExportLinks.tsx";
import { Field } from "../../components/Field.tsx";
import { useUrlState } from "../../url-state.ts";

/** Natural Earth 1:50m outlines, loaded when a country page first needs them (they are large). */
const loadShapes = async () => {
  const atlas = await import("world-atlas/countries-50m.json");
  const topology = atlas.default as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  return (
    feature(topology, topology.objects.countries) as GeoJSON.FeatureCollection<
      GeoJSON.Geometry,
      { name: string }
    >
  ).features;
};

const YEARS = Array.from({ length: 2019 - 1989 + 1 }, (_, i) => String(1989 + i));

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

const WIDTH = 720;
const HEIGHT = 520;
const COLOURS = ["#7f8c8d", "#b2182b", "#762a83", "#e08214"]; // other, state-based, non-state, one-sided
const TYPE_KEYS = ["other", "stateBased", "nonState", "oneSided"] as const;

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
  const { t, i18n } = useTranslation();
  const [fromChosen, setFromYear] = useUrlState<string>("eventsFrom", "", ["", ...YEARS]);
  const [toChosen, setToYear] = useUrlState<string>("eventsTo", "", ["", ...YEARS]);
  // A shared address may hold the years the wrong way round: read them in order.
  const [fromYear, toYear] =
    fromChosen && toChosen && fromChosen > toChosen ? [toChosen, fromChosen] : [fromChosen, toChosen];
  const [selected, setSelected] = useState<number | null>(null);
  const from = fromYear ? `${fromYear}-01-01` : undefined;
  const to = toYear ? `${toYear}-12-31` : undefined;
  const points = useQuery({
    queryKey: ["event-points", iso3, from, to],
    queryFn: () => get<EventPoints>(`/api/data/events/points${query({ iso3, from, to })}`),
  });
  const selectedId = selected === null ? null : (points.data?.ids[selected] ?? null);
  const detail = useQuery({
    queryKey: ["event", selectedId],
    enabled: selectedId !== null,
    queryFn: () => {
      const [dataset = "", ...id] = (selectedId ?? "").split("/");
      return get<DataEvent>(
        `/api/data/events/${encodeURIComponent(dataset)}/${encodeURIComponent(id.join("/"))}`,
      );
    },
  });
  const shapes = useQuery({
    queryKey: ["atlas-50m"],
    queryFn: loadShapes,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const outline = useMemo(
    () => shapes.data?.find((shape) => isoNumeric !== null && Number(shape.id) === isoNumeric) ?? null,
    [isoNumeric, shapes.data],
  );
  const drawn = useMemo(() => {
    const data = points.data?.points ?? [];
    const target: GeoJSON.GeoJSON = outline ?? {
      type: "MultiPoint",
      coordinates: data.map(([lat, lon]) => [lon, lat]),
    };
    if (!shapes.data || (!outline && data.length === 0)) return null;
    const projection = geoMercator().fitExtent(
      [
        [12, 12],
        [WIDTH - 12, HEIGHT - 12],
      ],
      target,
    );
    const path = geoPath(projection);
    const circles = data
      .map(([lat, lon, best, type], index) => {
        const at = projection([lon, lat]);
        return at
          ? { index, x: at[0], y: at[1], r: Math.min(18, Math.max(1.5, Math.sqrt(best) * 0.9)), type }
          : null;
      })
      .filter((c) => c !== null)
      // Large circles first, so small events stay visible and clickable on top.
      .sort((a, b) => b.r - a.r);
    return { outline: outline ? (path(outline) ?? "") : "", circles };
  }, [points.data, outline, shapes.data]);
  const number = new Intl.NumberFormat(i18n.language);
  const event = detail.data;
  return (
    <section aria-labelledby="event-map">
      <h2 id="event-map">{t("country.events")}</h2>
      <div className="inline-form">
        <Field label={t("country.fromYear")}>
          <select value={fromYear} onChange={(e) => setFromYear(e.target.value)}>
            <option value="">—</option>
            {YEARS.filter((y) => !toYear || y <= toYear).map((y) => (
              <option key={y}>{y}</option>
            ))}
          </select>
        </Field>
        <Field label={t("country.toYear")}>
          <select value={toYear} onChange={(e) => setToYear(e.target.value)}>
            <option value="">—</option>
            {YEARS.filter((y) => !fromYear || y >= fromYear).map((y) => (
              <option key={y}>{y}</option>
            ))}
          </select>
        </Field>
      </div>
      <ErrorNote error={points.error} />
      {points.data && (
        <p data-testid="event-count" data-count={points.data.points.length}>
          {points.data.points.length === 0 ? (
            <NoEvents iso3={iso3} filtered={Boolean(from || to)} />
          ) : (
            t("country.eventsShown", {
              count: points.data.points.length,
              formatted: number.format(points.data.points.length),
            })
          )}
          {points.data.placedByCell > 0 &&
            ` ${t("country.placedByCell", { count: points.data.placedByCell })}`}
        </p>
      )}
      <div className="event-map-layout">
        {drawn && (
          <svg
            className="event-map"
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            role="img"
            aria-label={t("country.eventMapLabel", { name })}
            direction="ltr"
          >
            <path d={drawn.outline} className="outline" />
            {/* One handler for all circles: thousands of events stay light to render. */}
            {/* biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut only; every event is in the CSV/HXL/GeoJSON downloads below, and the monthly figures are in the table above. */}
            <g
              onClick={(e) => {
                const index = (e.target as Element).getAttribute("data-index");
                if (index !== null) setSelected(Number(index));
              }}
            >
              {drawn.circles.map((c) => (
                <circle
                  key={c.index}
                  cx={c.x}
                  cy={c.y}
                  r={c.r}
                  data-index={c.index}
                  fill={COLOURS[c.type] ?? COLOURS[0]}
                  className={selected === c.index ? "selected" : undefined}
                />
              ))}
            </g>
          </svg>
        )}
        <aside className="event-detail" aria-live="polite">
          {!selectedId && <p>{t("country.clickEvent")}</p>}
          {event && (
            <dl>
              <dt>{t("data.date")}</dt>
              <dd>
                {event.dateStart === event.dateEnd
                  ? event.dateStart
                  : `${event.dateStart} – ${event.dateEnd}`}
              </dd>
              <dt>{t("data.typeOfViolence")}</dt>
              <dd>{t(`data.violence.${TYPE_KEYS[event.typeOfViolence ?? 0] ?? "other"}`)}</dd>
              <dt>{t("data.fatalities")}</dt>
              <dd>
                {event.best} ({event.low}–{event.high})
              </dd>
              {event.conflictName && (
                <>
                  <dt>{t("data.conflict")}</dt>
                  <dd>{event.conflictName}</dd>
                </>
              )}
              {(event.sideA || event.sideB) && (
                <>
                  <dt>{t("data.sides")}</dt>
                  <dd>
                    {event.sideA} — {event.sideB}
                  </dd>
                </>
              )}
              {event.adm1 && (
                <>
                  <dt>{t("data.place")}</dt>
                  <dd>{event.adm1}</dd>
                </>
              )}
              <dt>{t("data.source")}</dt>
              <dd>
                {event.dataset.id} {event.dataset.version} · {event.id}
              </dd>
            </dl>
          )}
        </aside>
      </div>
      {drawn && (
        <p className="legend">
          {[1, 2, 3, 0].map((type) => (
            <span key={type}>
              <span className="swatch" style={{ background: COLOURS[type] }} />{" "}
              {t(`data.violence.${TYPE_KEYS[type] ?? "other"}`)}
            </span>
          ))}
        </p>
      )}
      <ExportLinks path="/api/data/events/export" params={{ iso3, from, to }} />
    </section>
  );
};
