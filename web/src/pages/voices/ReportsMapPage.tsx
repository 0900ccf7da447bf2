import { useQuery } from "@tanstack/react-query";
import { geoPath } from "d3-geo";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { get } from "../../api/client.ts";
import { useCountryNames } from "../../api/country-names.ts";
import { BackLink } from "../../components/BackLink.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { shapeKey, worldShapes } from "../../components/world-shapes.ts";
import { useUrlState } from "../../url-state.ts";
import { SignalsTable } from "./CountrySignals.tsx";
import { layoutClusters } from "./cluster-layout.ts";
import { fittedProjection, mapFocus, type Place } from "./map-focus.ts";
import { useMapUnit } from "./map-unit.ts";
import { CLUSTER_SPACING_PX, ClusterMarks, PointMarks } from "./ReportMarks.tsx";
import type { ReportMap, Signals } from "./voices-api.ts";

const WIDTH = 960;
const HEIGHT = 470;

/**
 * Verified reports as signals, by PRIO-GRID cell (counts under k withheld, as for everyone outside the
 * receiving organisation), and every report of the organisation's own matching the filter as a point. The map
 * zooms to the country filtered on, or to the one country every report shown lies in, else to the extent of
 * the reports shown; the whole world when there are none. Past a few thousand reports the server gathers them by
 * grid cell, and a cluster with its count stands for each cell.
 */
export const ReportsMapPage = () => {
  const { t, i18n } = useTranslation();
  const names = useCountryNames();
  const svg = useRef<SVGSVGElement>(null);
  const unit = useMapUnit(svg, WIDTH);
  // In the address, so the queue's link brings its country filter here.
  const [iso3, setIso3] = useUrlState<string>("iso3", "");
  const filter = /^[A-Z]{3}$/.test(iso3) ? `?iso3=${iso3}` : "";
  const signals = useQuery({
    queryKey: ["voices", "signals", filter],
    queryFn: () => get<Signals>(`/api/voices/signals${filter}`),
  });
  // Every matching report, not a page of the queue: a map cut short would pass for a quiet area. Under the
  // queue's key, so a triage refreshes it.
  const located = useQuery({
    queryKey: ["voices", "queue", "points", filter],
    queryFn: () => get<ReportMap>(`/api/voices/reports/points${filter}`),
  });
  const cells = new Map<number, Place & { count: number }>();
  for (const cell of signals.data?.gridMonths ?? []) {
    if (cell.count === null) continue;
    const entry = cells.get(cell.priogridGid) ?? {
      iso3: cell.iso3,
      lat: cell.latitude,
      lon: cell.longitude,
      count: 0,
    };
    entry.count += cell.count;
    cells.set(cell.priogridGid, entry);
  }
  // The points are the organisation's own, as the legend says: others' shared or public reports are known
  // only to their grid cell, and a point there would pass for an exact place.
  const points = (located.data?.points ?? []).filter((point) => !point.coarsened);
  const clusters = (located.data?.clusters ?? []).filter((cluster) => !cluster.coarsened);
  // The note counts what the circles hold: the organisation's own reports, as the legend says.
  const ownGathered = clusters.reduce((sum, cluster) => sum + cluster.count, 0);
  const filtered = filter ? iso3 : null;
  const focus = mapFocus({
    filtered,
    registry: names.registry,
    places: [
      ...[...points, ...clusters].map((mark) => ({
        iso3: mark.iso3,
        lon: mark.longitude,
        lat: mark.latitude,
      })),
      ...[...cells.values()],
    ],
  });
  const area = focus?.area ?? null;
  const projection = fittedProjection(area, [WIDTH, HEIGHT]);
  const path = geoPath(projection);
  const drawnClusters = layoutClusters(clusters, projection, CLUSTER_SPACING_PX * unit);
  const focusName = focus?.iso3 ? names.byIso3(focus.iso3) : "";
  const zoomNote = !focus
    ? null
    : focusName
      ? t(filtered ? "voices.zoomedToFilter" : "voices.zoomedToReports", { name: focusName })
      : t("voices.zoomedToPlaces");
  return (
    <>
      <p>
        <BackLink to="/reports" label={t("voices.queueTitle")} />
      </p>
      <h1>{t("voices.mapTitle")}</h1>
      <p>{t("voices.mapIntro", { k: signals.data?.minCellCount ?? 5 })}</p>
      <div className="inline-form">
        <Field label={t("voices.country")}>
          <input
            value={iso3}
            onChange={(event) => setIso3(event.target.value.toUpperCase())}
            maxLength={3}
            size={4}
          />
        </Field>
      </div>
      <ErrorNote error={signals.error ?? located.error} />
      {/* biome-ignore lint/a11y/useSemanticElements: a group, not an image, so a screen reader reaches the report links on it; an SVG cannot be a fieldset. */}
      <svg
        ref={svg}
        className="world-map"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="group"
        aria-label={focusName ? t("voices.mapOf", { name: focusName }) : t("voices.mapTitle")}
      >
        <path d={path({ type: "Sphere" }) ?? ""} className="sphere" />
        {worldShapes.map((shape) => (
          <path
            key={`${shapeKey(shape)}-${shape.properties.name}`}
            d={path(shape) ?? ""}
            className="country"
            fill="#d9dee4"
          />
        ))}
        {/* Drawn again on top: under its neighbours' borders its own outline would be lost. */}
        {focus && focus.outline.length > 0 && (
          <path
            d={path({ type: "GeometryCollection", geometries: focus.outline }) ?? ""}
            className="focused"
          />
        )}
        {[...cells.entries()].map(([gid, cell]) => {
          const [x, y] = projection([cell.lon, cell.lat]) ?? [0, 0];
          return (
            <circle
              key={gid}
              cx={x}
              cy={y}
              r={3 + Math.sqrt(cell.count) * 2}
              fill="#b3261e"
              fillOpacity={0.55}
            >
              <title>{t("voices.cellTitle", { gid, count: cell.count })}</title>
            </circle>
          );
        })}
        <PointMarks points={points} projection={projection} />
        <ClusterMarks clusters={drawnClusters} unit={unit} countryName={names.byIso3} />
      </svg>
      <p className="legend">
        <span style={{ color: "#b3261e" }}>●</span> {t("voices.legendSignals")}{" "}
        <span style={{ color: "#0b5cad" }}>●</span> {t("voices.legendOwn")}
      </p>
      {clusters.length > 0 && (
        <p>
          {t("voices.clusteredNote", {
            count: ownGathered,
            formatted: ownGathered.toLocaleString(i18n.language),
          })}
        </p>
      )}
      {zoomNote && <p>{zoomNote}</p>}
      <h2>{t("voices.countryMonths")}</h2>
      {signals.data && (
        // Another filter's rows start at their first page.
        <SignalsTable
          key={filter}
          rows={signals.data.countryMonths}
          minCellCount={signals.data.minCellCount}
          byCountry
        />
      )}
      <p>
        <a href={`/api/voices/signals.csv${filter}`} download>
          {t("voices.exportCsv")}
        </a>
      </p>
    </>
  );
};
