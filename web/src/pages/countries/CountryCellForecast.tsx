import { useQuery } from "@tanstack/react-query";
import type { GeoProjection } from "d3-geo";
import { useTranslation } from "react-i18next";
import type { TCellForecastView } from "../../../../src/core/warning/cells/cell-forecast.schemas.ts";
import { ApiError, get } from "../../api/client.ts";
import { ExportLinks } from "../../components/ExportLinks.tsx";
import { Field } from "../../components/Field.tsx";
import { ltr } from "../../i18n/index.ts";
import { useUrlState } from "../../url-state.ts";
import { percent, riskColour } from "../warning/warning-api.ts";
import { CellForecastRerun } from "./CellForecastRerun.tsx";

const HORIZONS = Array.from({ length: 12 }, (_, i) => String(i + 1));
const LEGEND = [0.01, 0.05, 0.25, 0.5, 0.9];

/**
 * The country's stored cell forecast, or null where none is (countries without GED events, or whose events
 * the model refuses): the map then simply has no forecast layer.
 */
const useCellForecast = (iso3: string) =>
  useQuery({
    queryKey: ["cell-forecast", iso3],
    queryFn: async () => {
      try {
        return await get<TCellForecastView>(
          `/api/warning/countries/${encodeURIComponent(iso3)}/cell-forecast`,
        );
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });

/** The months ahead chosen, kept in the address; "" hides the layer. */
const useCellHorizon = () => useUrlState<string>("cellHorizon", "", ["", ...HORIZONS]);

/** A half-degree cell drawn as its four corners projected: under Mercator, a rectangle. */
const cellPath = (projection: GeoProjection, lat: number, lon: number): string | null => {
  const corners = [
    [lon - 0.25, lat - 0.25],
    [lon + 0.25, lat - 0.25],
    [lon + 0.25, lat + 0.25],
    [lon - 0.25, lat + 0.25],
  ].map(([x, y]) => projection([x as number, y as number]));
  if (corners.some((c) => c === null)) return null;
  return `M${corners.map((c) => `${c?.[0]},${c?.[1]}`).join("L")}Z`;
};

/** The forecast cells, drawn under the event circles; they take no pointer, so every event stays clickable. */
export const CellForecastCells = ({ iso3, projection }: { iso3: string; projection: GeoProjection }) => {
  const forecast = useCellForecast(iso3);
  const [horizon] = useCellHorizon();
  if (!forecast.data || !horizon) return null;
  return (
    <g className="cell-forecast" data-testid="cell-forecast-layer">
      {forecast.data.forecasts
        .filter((f) => f.horizon === Number(horizon))
        .map((f) => (
          <path
            key={f.priogridGid}
            d={cellPath(projection, f.lat, f.lon) ?? ""}
            fill={riskColour(f.pGt0)}
            data-p={f.pGt0}
          />
        ))}
    </g>
  );
};

/** The months-ahead choice and, for the months chosen, the legend; only where a run is stored. */
const CellForecastChoice = ({ iso3 }: { iso3: string }) => {
  const { t, i18n } = useTranslation();
  const forecast = useCellForecast(iso3);
  const [horizon, setHorizon] = useCellHorizon();
  const run = forecast.data?.run;
  if (!run) return null;
  const shown = forecast.data?.forecasts.find((f) => f.horizon === Number(horizon));
  return (
    <>
      <div className="inline-form">
        <Field label={t("country.cellForecast")}>
          <select value={horizon} onChange={(e) => setHorizon(e.target.value)}>
            <option value="">{t("country.cellForecastHidden")}</option>
            {HORIZONS.filter((h) => Number(h) <= run.maxHorizon).map((h) => (
              <option key={h} value={h}>
                {t("warning.monthsAhead", { count: Number(h) })}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {horizon && shown && (
        <>
          <p className="legend">
            <span>
              {t("country.cellForecastCaption", {
                month: ltr(shown.month),
                origin: ltr(run.origin),
              })}
            </span>
            {LEGEND.map((p) => (
              <span key={p}>
                <span className="swatch" style={{ background: riskColour(p) }} />{" "}
                <bdi>{percent(p, i18n.language)}</bdi>
              </span>
            ))}
          </p>
          <p className="muted">{t("country.cellForecastLimits")}</p>
        </>
      )}
      <ExportLinks
        path={`/api/warning/countries/${encodeURIComponent(iso3)}/cell-forecast/export`}
        params={{ origin: run.origin }}
        formats={["csv", "geojson"]}
        label={t("country.cellForecastDownload")}
      />
    </>
  );
};

/** The months-ahead choice, what the colours mean and the run they come from, and the button to run it again. */
export const CellForecastControls = ({ iso3 }: { iso3: string }) => {
  const [horizon, setHorizon] = useCellHorizon();
  const run = useCellForecast(iso3).data?.run;
  // A new run shows itself: with the layer hidden, it opens one month ahead.
  const showLayer = () => {
    if (!horizon) setHorizon("1");
  };
  return (
    <div>
      {run && <CellForecastChoice iso3={iso3} />}
      <CellForecastRerun iso3={iso3} hasRun={Boolean(run)} onDone={showLayer} />
    </div>
  );
};
