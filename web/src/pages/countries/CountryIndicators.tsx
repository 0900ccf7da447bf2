import * as Plot from "@observablehq/plot";
import { useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { get } from "../../api/client.ts";
import { type Indicator, type IndicatorValue, query } from "../../api/data-types.ts";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { ExportLinks } from "../../components/ExportLinks.tsx";
import { Field } from "../../components/Field.tsx";
import { PlotFigure } from "../../components/PlotFigure.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { useUrlState } from "../../url-state.ts";

const keyOf = (i: Indicator) => `${i.datasetId}/${i.code}`;

/** What a page opens on, if the country has values for it: homicides (SDG 16.1.1), else population. */
const PREFERRED = ["wdi-homicide/VC.IHR.PSRC.P5", "wdi-population/population"];

/** The indicator a page opens on: a preferred one the country has, else the one with most values for it. */
const opening = (list: Indicator[]) => {
  const held = list.filter((i) => i.valueCount > 0);
  return (
    PREFERRED.map((key) => held.find((i) => keyOf(i) === key)).find((i) => i !== undefined) ??
    held.toSorted((a, b) => b.valueCount - a.valueCount)[0] ??
    list[0]
  );
};

/** One country-year indicator at a time, as a line over the years, with its unit, source and licence. */
export const CountryIndicators = ({ iso3 }: { iso3: string }) => {
  const { t, i18n } = useTranslation();
  // Counted for this country, so the page can open on an indicator that has values here.
  const indicators = useQuery({
    queryKey: ["indicators", iso3],
    queryFn: () => get<Indicator[]>(`/api/data/indicators${query({ iso3 })}`),
  });
  const [key, setKey] = useUrlState<string>("indicator", "");
  const list = indicators.data ?? [];
  const chosen = list.find((i) => keyOf(i) === key) ?? opening(list);
  const values = useQuery({
    queryKey: ["indicator-values", chosen?.datasetId, chosen?.code, iso3],
    enabled: Boolean(chosen),
    queryFn: () =>
      get<IndicatorValue[]>(
        `/api/data/indicators/${encodeURIComponent(chosen?.code ?? "")}/values${query({ iso3, dataset: chosen?.datasetId })}`,
      ),
  });
  const number = new Intl.NumberFormat(i18n.language);
  const make = useCallback(
    (width: number) => {
      const rows = values.data ?? [];
      if (rows.length === 0) return null;
      const compact = new Intl.NumberFormat(i18n.language, { notation: "compact" });
      return Plot.plot({
        width: Math.min(900, width),
        height: 220,
        marginLeft: 60,
        x: { label: null, tickFormat: "d" },
        // Compact numbers ("15M"): full ones such as 15,000,000 do not fit beside the axis.
        y: { grid: true, label: chosen?.unit || null, tickFormat: (v: number) => compact.format(v) },
        marks: [
          Plot.lineY(rows, { x: "year", y: "value", tip: true }),
          Plot.dot(rows, { x: "year", y: "value", r: 2 }),
        ],
      });
    },
    [values.data, chosen?.unit, i18n.language],
  );
  return (
    <section aria-labelledby="indicators">
      <h2 id="indicators">{t("country.indicators")}</h2>
      <ErrorNote error={indicators.error ?? values.error} />
      <Field label={t("country.indicator")}>
        <select value={chosen ? keyOf(chosen) : ""} onChange={(event) => setKey(event.target.value)}>
          {list.map((i) => (
            <option key={keyOf(i)} value={keyOf(i)}>
              {i.name} ({i.datasetId}){i.valueCount === 0 ? ` — ${t("country.noValuesOption")}` : ""}
            </option>
          ))}
        </select>
      </Field>
      {chosen && (
        <p className="provenance">
          {chosen.unit && `${chosen.unit} · `}
          {chosen.source} · {chosen.licence}
        </p>
      )}
      {values.isSuccess && values.data.length === 0 && <p>{t("country.noValues")}</p>}
      <PlotFigure make={make} label={chosen?.name ?? t("country.indicators")} />
      {values.data && values.data.length > 0 && (
        <details>
          <summary>{t("country.yearlyTable")}</summary>
          <TableScroll label={chosen?.name ?? t("country.indicators")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("data.year")}</th>
                  <th scope="col">{chosen?.unit || t("data.value")}</th>
                </tr>
              </thead>
              <tbody>
                {values.data.map((row) => (
                  <tr key={row.year}>
                    <td>{row.year}</td>
                    <td>{number.format(row.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </details>
      )}
      {chosen && (
        <ExportLinks
          path={`/api/data/indicators/${encodeURIComponent(chosen.code)}/values/export`}
          params={{ iso3, dataset: chosen.datasetId }}
        />
      )}
    </section>
  );
};
