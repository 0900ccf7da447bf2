import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Route, Routes } from "react-router";
import { countryAliases, foldForSearch } from "../../../../src/core/data/country-aliases.ts";
import { get } from "../../api/client.ts";
import { useCountryNames } from "../../api/country-names.ts";
import { type Country, query } from "../../api/data-types.ts";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { NotFound } from "../../components/NotFound.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { CountryPage } from "./CountryPage.tsx";

/** Lower case without accents, so "cote" finds "Côte d'Ivoire" and "algerie" finds "Algérie". */

const CountryList = () => {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState("");
  const [independent, setIndependent] = useState(true);
  const names = useCountryNames();
  const countries = useQuery({
    queryKey: ["countries", independent],
    queryFn: () => get<Country[]>(`/api/data/countries${query({ independent: independent ? "true" : "" })}`),
  });
  // Searched here rather than by the API, which knows only the registry's English names.
  const shown = useMemo(() => {
    const wanted = foldForSearch(search.trim());
    const named = (countries.data ?? []).map((country) => ({
      country,
      name: names.byIso3(country.iso3, country.name),
    }));
    return named
      .filter(
        ({ country, name }) =>
          !wanted ||
          [name, country.name, country.iso3, ...(countryAliases[country.iso3] ?? [])].some((text) =>
            foldForSearch(text).includes(wanted),
          ),
      )
      .sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  }, [countries.data, names, search, i18n.language]);
  return (
    <>
      <h1>{t("countries.title")}</h1>
      <p>{t("countries.intro")}</p>
      <div className="inline-form">
        <Field label={t("countries.search")}>
          <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        </Field>
        <label className="field checkbox">
          <input
            type="checkbox"
            checked={independent}
            onChange={(event) => setIndependent(event.target.checked)}
          />
          <span>{t("countries.independentOnly")}</span>
        </label>
      </div>
      <ErrorNote error={countries.error} />
      <TableScroll label={t("countries.title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("countries.country")}</th>
              <th scope="col">ISO3</th>
              <th scope="col">{t("countries.gwcode")}</th>
              <th scope="col">{t("countries.region")}</th>
              <th scope="col">{t("countries.capital")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ country, name }) => (
              <tr key={country.iso3}>
                <td>
                  <Link to={`/countries/${country.iso3}`}>{name}</Link>
                </td>
                <td>{country.iso3}</td>
                <td>{country.gwcode ?? "—"}</td>
                <td>{names.region(country.subregion ?? country.region ?? "")}</td>
                <td>{country.capital ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {countries.data && shown.length === 0 && <p>{t("countries.none")}</p>}
    </>
  );
};

export const CountriesPage = () => (
  <Routes>
    <Route index element={<CountryList />} />
    <Route path=":iso3" element={<CountryPage />} />
    <Route path="*" element={<NotFound />} />
  </Routes>
);
