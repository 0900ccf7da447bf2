import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { get } from "../../api/client.ts";
import { type CountryTotal, query } from "../../api/data-types.ts";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { WorldMap } from "../../components/WorldMap.tsx";

const FIRST = { year: 1990, month: 1 };
const MONTHS = 30 * 12; // 1990-01 … 2019-12, the span of the bundled series

const monthAt = (index: number): string => {
  const total = FIRST.year * 12 + FIRST.month - 1 + index;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
};

/** Light to dark red on a log scale: a few deaths and thousands of deaths both stay visible. */
const shade = (max: number) => (value: number | undefined) => {
  if (value === undefined) return "#eef0f2";
  if (value <= 0) return "#dfe6ec";
  const t = Math.log1p(value) / Math.log1p(Math.max(max, 1));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  return `rgb(${mix(253, 127)}, ${mix(212, 0)}, ${mix(158, 0)})`;
};

/** The world map of recorded fatalities for a chosen month or the twelve months up to it. */
export const FatalityMap = () => {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [index, setIndex] = useState(MONTHS - 1);
  const [span, setSpan] = useState<1 | 12>(12);
  const [series, setSeries] = useState<"views" | "events">("views");
  const to = monthAt(index);
  const from = monthAt(Math.max(0, index - span + 1));
  const totals = useQuery({
    queryKey: ["country-totals", series, from, to],
    queryFn: () => get<CountryTotal[]>(`/api/data/country-totals${query({ from, to, series })}`),
  });
  const byNumeric = useMemo(() => {
    const values = new Map<string, number>();
    const codes = new Map<string, string>();
    for (const row of totals.data ?? []) {
      if (row.isoNumeric === null) continue;
      const key = String(row.isoNumeric).padStart(3, "0");
      values.set(key, row.total);
      codes.set(key, row.iso3);
    }
    return { values, codes };
  }, [totals.data]);
  const max = Math.max(0, ...byNumeric.values.values());
  const number = new Intl.NumberFormat(i18n.language);
  const top = [...(totals.data ?? [])].sort((a, b) => b.total - a.total).slice(0, 10);
  return (
    <section aria-labelledby="fatality-map">
      <h2 id="fatality-map">{t("overview.fatalities")}</h2>
      <div className="inline-form">
        <Field label={t("overview.series")}>
          <select value={series} onChange={(event) => setSeries(event.target.value as "views" | "events")}>
            <option value="views">{t("overview.seriesViews")}</option>
            <option value="events">{t("overview.seriesEvents")}</option>
          </select>
        </Field>
        <Field label={t("overview.span")}>
          <select value={span} onChange={(event) => setSpan(Number(event.target.value) as 1 | 12)}>
            <option value={1}>{t("overview.spanMonth")}</option>
            <option value={12}>{t("overview.spanYear")}</option>
          </select>
        </Field>
        <Field label={t("overview.month", { month: to })}>
          <input
            type="range"
            min={0}
            max={MONTHS - 1}
            value={index}
            onChange={(event) => setIndex(Number(event.target.value))}
            aria-valuetext={to}
          />
        </Field>
      </div>
      <p>
        {span === 1 ? t("overview.showingMonth", { month: to }) : t("overview.showingSpan", { from, to })}
      </p>
      <ErrorNote error={totals.error} />
      <WorldMap
        label={t("overview.mapLabel")}
        values={byNumeric.values}
        colour={shade(max)}
        describe={(name, value) =>
          value === undefined ? `${name}: ${t("overview.noData")}` : `${name}: ${number.format(value)}`
        }
        onSelect={(numeric) => {
          const iso3 = byNumeric.codes.get(numeric);
          if (iso3) navigate(`/countries/${iso3}`);
        }}
      />
      <p className="legend">
        <span className="swatch" style={{ background: shade(max)(1) }} /> 1{" "}
        <span className="swatch" style={{ background: shade(max)(max) }} /> {number.format(max)}{" "}
        <span className="swatch" style={{ background: shade(max)(undefined) }} /> {t("overview.noData")}
      </p>
      <table className="top-countries">
        <caption>{t("overview.top")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("countries.country")}</th>
            <th scope="col">{t("data.fatalities")}</th>
          </tr>
        </thead>
        <tbody>
          {top
            .filter((row) => row.total > 0)
            .map((row) => (
              <tr key={row.iso3}>
                <td>
                  <Link to={`/countries/${row.iso3}`}>{row.name}</Link>
                </td>
                <td>{number.format(row.total)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </section>
  );
};
