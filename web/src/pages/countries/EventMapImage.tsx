import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { type EventDrawing, MAP_HEIGHT, MAP_WIDTH } from "./event-drawing.ts";
import { TYPE_COLOURS, violenceKey } from "./event-types.ts";

/**
 * The drawn map: the outline, any layer drawn beneath the events (`children`), and a circle per event, the
 * chosen one marked; a click on a circle chooses it. The layer is clipped to the outline: a border cell
 * stands for the country's part of it, not its neighbour's.
 */
export const EventMapImage = ({
  drawing,
  name,
  selected,
  onSelect,
  children,
}: {
  drawing: EventDrawing;
  name: string;
  selected: number | null;
  onSelect: (index: number) => void;
  children?: ReactNode;
}) => {
  const { t } = useTranslation();
  const clipId = useId();
  return (
    <svg
      className="event-map"
      viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
      role="img"
      aria-label={t("country.eventMapLabel", { name })}
      direction="ltr"
    >
      <path d={drawing.outline} className="outline" />
      {drawing.outline && (
        <clipPath id={clipId}>
          <path d={drawing.outline} />
        </clipPath>
      )}
      <g clipPath={drawing.outline ? `url(#${clipId})` : undefined}>{children}</g>
      {/* One handler for all circles: thousands of events stay light to render. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut only; every event is in the CSV/HXL/GeoJSON downloads below, and the monthly figures are in the table above. */}
      <g
        onClick={(e) => {
          const index = (e.target as Element).getAttribute("data-index");
          if (index !== null) onSelect(Number(index));
        }}
      >
        {drawing.circles.map((c) => (
          <circle
            key={c.index}
            cx={c.x}
            cy={c.y}
            r={c.r}
            data-index={c.index}
            fill={TYPE_COLOURS[c.type] ?? TYPE_COLOURS[0]}
            className={selected === c.index ? "selected" : undefined}
          />
        ))}
      </g>
    </svg>
  );
};

/** What each colour on the map means. */
export const EventLegend = () => {
  const { t } = useTranslation();
  return (
    <p className="legend">
      {[1, 2, 3, 0].map((type) => (
        <span key={type}>
          <span className="swatch" style={{ background: TYPE_COLOURS[type] }} /> {t(violenceKey(type))}
        </span>
      ))}
    </p>
  );
};
