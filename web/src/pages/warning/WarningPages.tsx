import { useTranslation } from "react-i18next";
import { Link, Route, Routes, useParams } from "react-router";
import { useCountryNames } from "../../api/country-names.ts";
import { BackLink } from "../../components/BackLink.tsx";
import { NotFound } from "../../components/NotFound.tsx";
import { BacktestPage } from "./BacktestPage.tsx";
import { CountryForecast } from "./CountryForecast.tsx";
import { WatchlistPage } from "./WatchlistPage.tsx";

/** A country's forecast on its own page (also shown on the country page). */
const CountryForecastPage = () => {
  const { t } = useTranslation();
  const iso3 = (useParams().iso3 ?? "").toUpperCase();
  const name = useCountryNames().byIso3(iso3);
  return (
    <>
      <p>
        <BackLink to="/warning/watchlist" label={t("warning.watchlist")} /> ·{" "}
        <Link to={`/countries/${iso3}`}>{t("warning.countryPage")}</Link>
      </p>
      <h1>
        {name} {name !== iso3 && <small>{iso3}</small>}
      </h1>
      <CountryForecast iso3={iso3} />
    </>
  );
};

/** Early warning: the watchlist, country forecasts and the backtest. */
export const WarningPages = () => (
  <Routes>
    <Route path="watchlist" element={<WatchlistPage />} />
    <Route path="backtest" element={<BacktestPage />} />
    <Route path="countries/:iso3" element={<CountryForecastPage />} />
    <Route index element={<WatchlistPage />} />
    <Route path="*" element={<NotFound />} />
  </Routes>
);
