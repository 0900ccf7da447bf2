import * as Plot from "@observablehq/plot";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { get } from "../../api/client.ts";
import { type CountryMonth, query } from "../../api/data-types.ts";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { ExportLinks } from "../../components/ExportLinks.tsx";
import { PlotFigure } from "../../components/PlotFigure.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { ltr } from "../../i18n/index.ts";
import { useUrlState } from "../../url-state.ts";

const TYPES = [
  ["sbBest", "stateBased", "#b2182b"],
  ["nsBest", "nonState", "#762a83"],
  ["osBest", "oneSided", "#e08214"],
  ["otherBest", "other", "#7f8c8d"],
] as const;

/** Monthly fatalities by type of violence: the GED events where the country has them, else ViEWS. */
export const CountryTimeline = ({ iso3 }: { iso3: string }) => {
  const { t, i18n } = useTranslation();
  const months = useQuery({
    queryKey: ["country-months", iso3],
    queryFn: () => get<CountryMonth[]>(`/api/data/country-months${query({ iso3 })}`),
  });
  const available = useMemo(
    () => [...new Set((months.data ?? []).map((m) => m.series))].sort(),
    [months.data],
  );
  const [chosen, setChosen] = useUrlState<"" | "events" | "views">("series", "", ["", "events", "views"]);
  const series = chosen || (available.includes("events") ? "events" : "views");
  const rows = useMemo(() => (months.data ?? []).filter((m) => m.series === series), [months.data, series]);
  const make = useCallback(
    (width: number) => {
      if (rows.length === 0) return null;
      const long = rows.flatMap((row) =>
        TYPES.filter(([key]) => (row[key] ?? 0) > 0).map(([key, label]) => ({
          date: new Date(`${row.month}-01T00:00:00Z`),
          type: t(`data.violence.${label}`),
          value: row[key] ?? 0,
        })),
      );
      return Plot.plot({
        width: Math.min(900, width),
        height: 260,
        marginLeft: 50,
        x: { type: "utc", label: null },
        y: { grid: true, label: t("data.fatalities") },
        color: {
          legend: true,
          domain: TYPES.map(([, label]) => t(`data.violence.${label}`)),
          range: TYPES.map(([, , colour]) => colour),
        },
        marks: [
          Plot.rectY(long, { x: "date", y: "value", fill: "type", interval: "month", tip: true }),
          Plot.ruleY([0]),
        ],
      });
    },
    [rows, t],
  );
  const number = new Intl.NumberFormat(i18n.language);
  const source = rows[0]?.datasetId;
  return (
    <section aria-labelledby="timeline">
      <h2 id="timeline">{t("country.timeline")}</h2>
      <ErrorNote error={months.error} />
      {available.length > 1 && (
        <fieldset className="inline-form">
          <legend>{t("country.series")}</legend>
          {available.map((name) => (
            <label key={name}>
              <input
                type="radio"
                name="series"
                checked={series === name}
                onChange={() => setChosen(name as "events" | "views")}
              />{" "}
              {t(`country.series_${name}`)}
            </label>
          ))}
        </fieldset>
      )}
      {months.isSuccess && rows.length === 0 && <p>{t("country.noSeries")}</p>}
      {rows.length > 0 && (
        <>
          <p>
            {t(`country.series_${series}`)} — {ltr(rows[0]?.month ?? "")} … {ltr(rows.at(-1)?.month ?? "")}
            {source ? ` (${source})` : ""}
          </p>
          {series === "events" && <p className="muted">{t("country.eventsDatedByStart")}</p>}
          <PlotFigure make={make} label={t("country.timeline")} />
          <details>
            <summary>{t("country.monthlyTable")}</summary>
            <TableScroll label={t("country.monthlyTable")}>
              <table data-testid="monthly-table" data-series={series}>
                <thead>
                  <tr>
                    <th scope="col">{t("data.month")}</th>
                    {TYPES.map(([key, label]) => (
                      <th key={key} scope="col">
                        {t(`data.violence.${label}`)}
                      </th>
                    ))}
                    <th scope="col">{t("data.events")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={`${row.datasetId}-${row.month}`} data-month={row.month}>
                      <td>{row.month}</td>
                      {TYPES.map(([key]) => (
                        <td key={key} data-key={key} data-value={row[key] ?? ""}>
                          {row[key] === null ? "" : number.format(row[key] ?? 0)}
                        </td>
                      ))}
                      <td>{row.eventCount ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </details>
          <ExportLinks path="/api/data/country-months/export" params={{ iso3, series }} />
        </>
      )}
    </section>
  );
};
