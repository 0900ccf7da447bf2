import * as Plot from "@observablehq/plot";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { get } from "../../api/client.ts";
import { type Indicator, type IndicatorValue, query } from "../../api/data-types.ts";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { ExportLinks } from "../../components/ExportLinks.tsx";
import { Field } from "../../components/Field.tsx";
import { PlotFigure } from "../../components/PlotFigure.tsx";

const PREFERRED = "VC.IHR.PSRC.P5";

/** One country-year indicator at a time, as a line over the years, with its unit, source and licence. */
export const CountryIndicators = ({ iso3 }: { iso3: string }) => {
  const { t } = useTranslation();
  const indicators = useQuery({
    queryKey: ["indicators"],
    queryFn: () => get<Indicator[]>("/api/data/indicators"),
  });
  const [key, setKey] = useState<string | null>(null);
  const list = indicators.data ?? [];
  const chosen =
    list.find((i) => `${i.datasetId}/${i.code}` === key) ?? list.find((i) => i.code === PREFERRED) ?? list[0];
  const values = useQuery({
    queryKey: ["indicator-values", chosen?.datasetId, chosen?.code, iso3],
    enabled: Boolean(chosen),
    queryFn: () =>
      get<IndicatorValue[]>(
        `/api/data/indicators/${encodeURIComponent(chosen?.code ?? "")}/values${query({ iso3, dataset: chosen?.datasetId })}`,
      ),
  });
  const make = useCallback(() => {
    const rows = values.data ?? [];
    if (rows.length === 0) return null;
    return Plot.plot({
      width: 900,
      height: 220,
      marginLeft: 60,
      x: { label: null, tickFormat: "d" },
      y: { grid: true, label: chosen?.unit || null },
      marks: [
        Plot.lineY(rows, { x: "year", y: "value", tip: true }),
        Plot.dot(rows, { x: "year", y: "value", r: 2 }),
      ],
    });
  }, [values.data, chosen?.unit]);
  return (
    <section aria-labelledby="indicators">
      <h2 id="indicators">{t("country.indicators")}</h2>
      <ErrorNote error={indicators.error ?? values.error} />
      <Field label={t("country.indicator")}>
        <select
          value={chosen ? `${chosen.datasetId}/${chosen.code}` : ""}
          onChange={(event) => setKey(event.target.value)}
        >
          {list.map((i) => (
            <option key={`${i.datasetId}/${i.code}`} value={`${i.datasetId}/${i.code}`}>
              {i.name} ({i.datasetId})
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
      {chosen && (
        <ExportLinks
          path={`/api/data/indicators/${encodeURIComponent(chosen.code)}/values/export`}
          params={{ iso3, dataset: chosen.datasetId }}
        />
      )}
    </section>
  );
};
