import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { get } from "../../api/client.ts";
import { useCountryNames } from "../../api/country-names.ts";
import type { CountryDetail } from "../../api/data-types.ts";
import { BackLink } from "../../components/BackLink.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { ScenariosPanel } from "../scenarios/ScenariosPanel.tsx";
import { CountrySignals } from "../voices/CountrySignals.tsx";
import { CountryForecast } from "../warning/CountryForecast.tsx";
import { CountryConflicts } from "./CountryConflicts.tsx";
import { CountryEventMap } from "./CountryEventMap.tsx";
import { CountryIndicators } from "./CountryIndicators.tsx";
import { CountryTimeline } from "./CountryTimeline.tsx";

/** UNTERM's formal names begin with an article for use inside a sentence ("the Syrian Arab Republic"). */
const sentenceStart = (name: string, language: string) =>
  name.charAt(0).toLocaleUpperCase(language) + name.slice(1);

/** One country: identity and codes, monthly fatalities, events on a map, armed conflicts, indicators. */
export const CountryPage = () => {
  const { t, i18n } = useTranslation();
  const iso3 = (useParams().iso3 ?? "").toUpperCase();
  const country = useQuery({
    queryKey: ["country", iso3],
    queryFn: () => get<CountryDetail>(`/api/data/countries/${encodeURIComponent(iso3)}`),
  });
  const c = country.data;
  const names = useCountryNames();
  const name = c ? names.byIso3(c.iso3, c.name) : "";
  return (
    <>
      <p>
        <BackLink to="/countries" label={t("countries.title")} />
      </p>
      <ErrorNote error={country.error} />
      {c && (
        <>
          <h1>
            {name} <small>{c.iso3}</small>
          </h1>
          <dl className="facts">
            {c.officialName && (
              <>
                <dt>{t("country.officialName")}</dt>
                <dd>{sentenceStart(c.officialNames[i18n.language] ?? c.officialName, i18n.language)}</dd>
              </>
            )}
            <dt>{t("country.codes")}</dt>
            <dd>
              ISO {c.iso3} / {c.iso2 ?? "—"} / {c.isoNumeric ?? "—"} · GW {c.gwcode ?? "—"}
            </dd>
            <dt>{t("countries.region")}</dt>
            <dd>
              {[c.region, c.subregion]
                .flatMap((region) => (region ? [names.region(region)] : []))
                .join(" · ")}
            </dd>
            <dt>{t("countries.capital")}</dt>
            <dd>
              {c.capitals.length
                ? c.capitals
                    .map(
                      (cap) =>
                        `${cap.capital}${cap.validFrom || cap.validTo ? ` (${cap.validFrom ?? "…"} – ${cap.validTo ?? "…"})` : ""}`,
                    )
                    .join("; ")
                : (c.capital ?? "—")}
            </dd>
            <dt>{t("country.crosswalk")}</dt>
            <dd>
              <ul className="plain">
                {c.crosswalk.map((x) => (
                  <li key={`${x.gwcode}-${x.validFrom}`}>
                    GW {x.gwcode} {x.gwName} ({x.validFrom ?? "…"} – {x.validTo ?? "…"})
                    {x.isPrimary ? "" : ` · ${t("country.supplementary")}`}
                    {x.note ? ` · ${x.note}` : ""}
                  </li>
                ))}
              </ul>
            </dd>
          </dl>
          <CountryTimeline iso3={c.iso3} />
          <CountryForecast iso3={c.iso3} />
          <CountryEventMap iso3={c.iso3} isoNumeric={c.isoNumeric} name={name} />
          <CountryConflicts iso3={c.iso3} />
          <CountryIndicators iso3={c.iso3} />
          <CountrySignals iso3={c.iso3} />
          <ScenariosPanel iso3={c.iso3} />
        </>
      )}
    </>
  );
};
