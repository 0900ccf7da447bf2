import { useQuery } from "@tanstack/react-query";
import { geoEqualEarth, geoPath } from "d3-geo";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries110m from "world-atlas/countries-110m.json" with { type: "json" };
import { get } from "../../api/client.ts";
import { BackLink } from "../../components/BackLink.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { useSession } from "../../session.tsx";
import { SignalsTable } from "./CountrySignals.tsx";
import type { Queue, Signals } from "./voices-api.ts";

const WIDTH = 960;
const HEIGHT = 470;
const topology = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const land = feature(topology, topology.objects.countries) as GeoJSON.FeatureCollection;

/**
 * Verified reports as signals, by PRIO-GRID cell (counts under k withheld, as for everyone outside the
 * receiving organisation), and the organisation's own reports of the queue as points.
 */
export const ReportsMapPage = () => {
  const { t } = useTranslation();
  const { me } = useSession();
  const [iso3, setIso3] = useState("");
  const filter = /^[A-Z]{3}$/.test(iso3) ? `?iso3=${iso3}` : "";
  const signals = useQuery({
    queryKey: ["voices", "signals", filter],
    queryFn: () => get<Signals>(`/api/voices/signals${filter}`),
  });
  const own = useQuery({
    queryKey: ["voices", "queue", "map", filter],
    queryFn: () => get<Queue>(`/api/voices/reports?limit=1000${filter ? `&${filter.slice(1)}` : ""}`),
  });
  const projection = useMemo(() => geoEqualEarth().fitSize([WIDTH, HEIGHT], { type: "Sphere" }), []);
  const path = useMemo(() => geoPath(projection), [projection]);
  const cells = new Map<number, { lat: number; lon: number; count: number }>();
  for (const cell of signals.data?.gridMonths ?? []) {
    if (cell.count === null) continue;
    const entry = cells.get(cell.priogridGid) ?? { lat: cell.latitude, lon: cell.longitude, count: 0 };
    entry.count += cell.count;
    cells.set(cell.priogridGid, entry);
  }
  // The points are the organisation's own, as the legend says: others' shared or public reports are known
  // only to their grid cell, and a point there would pass for an exact place.
  const points = (own.data?.reports ?? []).filter(
    (r) => r.ownerOrgId === me.acting.orgId && r.latitude !== null && r.longitude !== null,
  );
  return (
    <>
      <p>
        <BackLink to="/reports" label={t("voices.queueTitle")} />
      </p>
      <h1>{t("voices.mapTitle")}</h1>
      <p>{t("voices.mapIntro", { k: signals.data?.minCellCount ?? 5 })}</p>
      <Field label={t("voices.country")}>
        <input
          value={iso3}
          onChange={(event) => setIso3(event.target.value.toUpperCase())}
          maxLength={3}
          size={4}
        />
      </Field>
      <ErrorNote error={signals.error ?? own.error} />
      {/* biome-ignore lint/a11y/useSemanticElements: a group, not an image, so a screen reader reaches the report links on it; an SVG cannot be a fieldset. */}
      <svg
        className="world-map"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="group"
        aria-label={t("voices.mapTitle")}
      >
        <path d={path({ type: "Sphere" }) ?? ""} className="sphere" />
        {land.features.map((shape, i) => (
          <path key={String(shape.id ?? i)} d={path(shape) ?? ""} className="country" fill="#d9dee4" />
        ))}
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
        {points.map((report) => {
          const [x, y] = projection([report.longitude as number, report.latitude as number]) ?? [0, 0];
          return (
            <a key={report.id} href={`/reports/${report.id}`} aria-label={report.description.slice(0, 60)}>
              <circle cx={x} cy={y} r={2.5} fill="#0b5cad">
                <title>{`${t(`voices.statuses.${report.status}`)}: ${report.description.slice(0, 80)}`}</title>
              </circle>
            </a>
          );
        })}
      </svg>
      <p className="legend">
        <span style={{ color: "#b3261e" }}>●</span> {t("voices.legendSignals")}{" "}
        <span style={{ color: "#0b5cad" }}>●</span> {t("voices.legendOwn")}
      </p>
      <h2>{t("voices.countryMonths")}</h2>
      {signals.data && (
        <TableScroll label={t("voices.countryMonths")}>
          <SignalsTable
            rows={signals.data.countryMonths}
            minCellCount={signals.data.minCellCount}
            byCountry
          />
        </TableScroll>
      )}
      <p>
        <a href={`/api/voices/signals.csv${filter}`} download>
          {t("voices.exportCsv")}
        </a>
      </p>
    </>
  );
};
