import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { referenceDatasets } from "../../../../src/core/data/reference-datasets.ts";
import { addMonths, monthsBetween } from "../../../../src/core/shared/months.ts";
import { get } from "../../api/client.ts";
import { useCountryNames } from "../../api/country-names.ts";
import { type CountryTotal, type DataStatus, query } from "../../api/data-types.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ChoiceField } from "../../components/ChoiceField.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { MapLegend, WorldMap } from "../../components/WorldMap.tsx";
import { mapKey } from "../../components/world-shapes.ts";
import { ltr } from "../../i18n/index.ts";
import { useUrlState } from "../../url-state.ts";

const FIRST = "1990-01";
const BUNDLED_MONTHS = 30 * 12; // 1990-01 … 2019-12, the span of the bundled series

/**
 * Months from 1990-01 to the last month the series' reference dataset holds, the one the map reads (it grows
 * as newer months are imported into it; an organisation's own datasets do not move it), and the last month it
 * holds for nearly every country, where the map opens: after it, totals would compare a few countries' newer
 * months with the others' older ones.
 */
const monthsHeld = (
  status: DataStatus | undefined,
  series: "views" | "events",
): { months: number; full: number } => {
  const reference = status?.datasets.find((d) => d.id === referenceDatasets[series]);
  if (!reference?.spanEnd) return { months: BUNDLED_MONTHS, full: BUNDLED_MONTHS - 1 };
  const months = monthsBetween(FIRST, reference.spanEnd) + 1;
  return {
    months,
    full: reference.fullThrough ? Math.min(indexOf(reference.fullThrough), months - 1) : months - 1,
  };
};

const indexOf = (month: string): number => monthsBetween(FIRST, month);

const monthAt = (index: number): string => addMonths(FIRST, index);

/** Countries with data but no recorded deaths: near white, apart from both the scale and the hatched "no data". */
/** Deaths in the one month chosen, or in the twelve months up to it. */
const spans = ["1", "12"] as const;
const ZERO = "#fbf7ef";

/** Light to dark red on a log scale: a few deaths and thousands of deaths both stay visible. */
const shade = (max: number) => (value: number) => {
  if (value <= 0) return ZERO;
  const t = Math.log1p(value) / Math.log1p(Math.max(max, 1));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  return `rgb(${mix(253, 127)}, ${mix(212, 0)}, ${mix(158, 0)})`;
};

/** The world map of recorded fatalities for a chosen month or the twelve months up to it. */
export const FatalityMap = () => {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [spanText, setSpanText] = useUrlState("span", "12", spans);
  const span = Number(spanText) as 1 | 12;
  const [series, setSeries] = useUrlState("series", "views", ["views", "events"] as const);
  const status = useQuery({ queryKey: ["data-status"], queryFn: () => get<DataStatus>("/api/data/status") });
  const { months, full } = monthsHeld(status.data, series);
  // Unchosen, the map shows the latest month held for nearly every country.
  const [chosenMonth, setChosenMonth] = useUrlState<string>("month", "");
  const chosen = /^\d{4}-\d{2}$/.test(chosenMonth) ? indexOf(chosenMonth) : null;
  const index = Math.max(0, Math.min(chosen ?? full, months - 1));
  const setIndex = (next: number) => setChosenMonth(next === full ? "" : monthAt(next));
  const to = monthAt(index);
  const first = Math.max(0, index - span + 1);
  const from = monthAt(first);
  const windowMonths = index - first + 1;
  const totals = useQuery({
    queryKey: ["country-totals", series, from, to],
    queryFn: () => get<CountryTotal[]>(`/api/data/country-totals${query({ from, to, series })}`),
  });
  const byMapKey = useMemo(() => {
    const values = new Map<string, number>();
    const codes = new Map<string, string>();
    for (const row of totals.data ?? []) {
      const key = mapKey(row);
      values.set(key, row.total);
      codes.set(key, row.iso3);
    }
    return { values, codes };
  }, [totals.data]);
  const max = Math.max(0, ...byMapKey.values.values());
  const number = new Intl.NumberFormat(i18n.language);
  const names = useCountryNames();
  // Zero, then each power of ten up to the largest value, then the largest value itself.
  const steps = [0];
  for (let decade = 1; decade < max; decade *= 10) steps.push(decade);
  if (max > 0) steps.push(max);
  const top = [...(totals.data ?? [])].sort((a, b) => b.total - a.total).slice(0, 10);
  const partial = (totals.data ?? []).filter((row) => row.months < windowMonths).length;
  return (
    <section aria-labelledby="fatality-map">
      <h2 id="fatality-map">{t("overview.fatalities")}</h2>
      <div className="inline-form">
        {/* Radio buttons: a source's name wraps on a phone, where a select would cut it off. */}
        <fieldset className="field choices">
          <legend>{t("overview.series")}</legend>
          {(["views", "events"] as const).map((name) => (
            <label key={name}>
              <input
                type="radio"
                name="fatality-series"
                checked={series === name}
                onChange={() => setSeries(name)}
              />
              {t(name === "views" ? "overview.seriesViews" : "overview.seriesEvents")}
            </label>
          ))}
        </fieldset>
        <ChoiceField
          label={t("overview.span")}
          choices={spans}
          value={spanText}
          onChange={setSpanText}
          wording={(s) => t(s === "1" ? "overview.spanMonth" : "overview.spanYear")}
        />
        <Field label={t("overview.month", { month: ltr(to) })}>
          <input
            type="range"
            min={0}
            max={months - 1}
            value={index}
            onChange={(event) => setIndex(Number(event.target.value))}
            aria-valuetext={to}
          />
        </Field>
        {/* 360 months on a phone's slider are hard to hit one by one: a month back or forward exactly. */}
        <div className="month-steps">
          {/* At either end the button stays focusable (a disabled one would drop the keyboard to the page). */}
          <BusyButton busy={index === 0} onClick={() => setIndex(index - 1)}>
            {t("overview.previousMonth")}
          </BusyButton>
          <BusyButton busy={index === months - 1} onClick={() => setIndex(index + 1)}>
            {t("overview.nextMonth")}
          </BusyButton>
        </div>
      </div>
      <p>
        {span === 1
          ? t("overview.showingMonth", { month: ltr(to) })
          : t("overview.showingSpan", { from: ltr(from), to: ltr(to) })}
      </p>
      {index > full && <p className="muted">{t("overview.beyondFull", { month: ltr(monthAt(full)) })}</p>}
      {partial > 0 && span > 1 && <p className="muted">{t("overview.partialWindow", { count: partial })}</p>}
      <ErrorNote error={totals.error} />
      <WorldMap
        label={t("overview.mapLabel", { from, to })}
        values={totals.data ? byMapKey.values : undefined}
        colour={shade(max)}
        describe={(name, value) =>
          value === undefined ? `${name}: ${t("overview.noData")}` : `${name}: ${number.format(value)}`
        }
        onSelect={(key) => {
          const iso3 = byMapKey.codes.get(key);
          if (iso3) navigate(`/countries/${iso3}`);
        }}
      />
      <MapLegend
        caption={t("overview.legendCaption")}
        items={steps.map((value) => ({ colour: shade(max)(value), label: number.format(value) }))}
        missing={t("overview.noData")}
      />
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
                  <Link to={`/countries/${row.iso3}`}>{names.byIso3(row.iso3, row.name)}</Link>
                </td>
                <td>
                  {number.format(row.total)}
                  {row.months < windowMonths && (
                    <span className="muted">
                      {" "}
                      {t("overview.monthsOf", { months: row.months, of: windowMonths })}
                    </span>
                  )}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </section>
  );
};
