import type { GeoProjection } from "d3-geo";
import { useTranslation } from "react-i18next";
import type { DrawnCluster } from "./cluster-layout.ts";
import type { ReportPoint } from "./voices-api.ts";

const OWN_COLOUR = "#0b5cad";

/** Each report of the organisation as a dot linking to it. */
export const PointMarks = ({ points, projection }: { points: ReportPoint[]; projection: GeoProjection }) => {
  const { t } = useTranslation();
  return points.map((point) => {
    const [x, y] = projection([point.longitude, point.latitude]) ?? [0, 0];
    const label = t("voices.pointTitle", {
      status: t(`voices.statuses.${point.status}`),
      category: t(`voices.categories.${point.category}`, { defaultValue: point.category }),
      month: point.month,
    });
    return (
      <a key={point.id} href={`/reports/${point.id}`} aria-label={label}>
        <circle cx={x} cy={y} r={2.5} fill={OWN_COLOUR}>
          <title>{label}</title>
        </circle>
      </a>
    );
  });
};

/** On screen, in pixels: how far apart clusters are drawn, and the sizes of their circles and counts. */
export const CLUSTER_SPACING_PX = 40;
const FONT_PX = 10;

/**
 * Grows with the count's order of magnitude, up to 18 px for 20,000 reports: narrower than the spacing
 * between clusters, so that one crowded place does not cover its neighbours.
 */
const radiusOf = (count: number) => 5 + 3 * Math.log10(count);

/**
 * The organisation's reports gathered by place, each circle with its count, linking to the queue of its
 * country (or to the whole queue when it straddles a border). `unit` is the map's units per screen pixel, so
 * that circles and counts keep their size on a phone, where the map is drawn smaller.
 */
export const ClusterMarks = ({
  clusters,
  unit,
  countryName,
}: {
  clusters: DrawnCluster[];
  unit: number;
  countryName: (iso3: string) => string;
}) => {
  const { t, i18n } = useTranslation();
  const compact = new Intl.NumberFormat(i18n.language, { notation: "compact" });
  return clusters.map((cluster) => {
    const formatted = cluster.count.toLocaleString(i18n.language);
    const label = cluster.iso3
      ? t("voices.clusterTitle", { count: cluster.count, formatted, name: countryName(cluster.iso3) })
      : t("voices.clusterTitleBorder", { count: cluster.count, formatted });
    const shown = compact.format(cluster.count);
    const radius = radiusOf(cluster.count) * unit;
    // A count wider than its circle ("1.2 ألف") is narrowed to fit rather than spill onto its neighbours.
    const fits = shown.length * FONT_PX * 0.6 * unit <= radius * 2 - 2 * unit;
    return (
      <a
        key={`${cluster.x},${cluster.y}`}
        href={cluster.iso3 ? `/reports?iso3=${cluster.iso3}` : "/reports"}
        aria-label={label}
      >
        <circle
          cx={cluster.x}
          cy={cluster.y}
          r={radius}
          fill={OWN_COLOUR}
          fillOpacity={0.85}
          stroke="#fff"
          strokeWidth={unit}
        >
          <title>{label}</title>
        </circle>
        <text
          x={cluster.x}
          y={cluster.y}
          className="cluster-count"
          fontSize={FONT_PX * unit}
          textAnchor="middle"
          dominantBaseline="central"
          {...(fits ? {} : { textLength: radius * 2 - 2 * unit, lengthAdjust: "spacingAndGlyphs" })}
        >
          {shown}
        </text>
      </a>
    );
  });
};
