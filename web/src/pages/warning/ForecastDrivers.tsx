import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { allows } from "../../api/permissions.ts";
import { Field } from "../../components/Field.tsx";
import { ltr } from "../../i18n/index.ts";
import { useSession } from "../../session.tsx";
import { useUrlCount } from "../../url-state.ts";
import { DriverList } from "./DriverList.tsx";
import { type CountryForecast, percent } from "./warning-api.ts";

type MonthForecast = CountryForecast["forecasts"][number];

/** The alerts page's raise form, filled in with the country and what the chosen month's forecast says. */
const raiseAlertLink = (
  iso3: string,
  chosen: { month: string; pGt0: number; pGe25: number },
  origin: string,
  t: TFunction,
  language: string,
): string => {
  const summary = t("warning.raiseAlertSummary", {
    origin,
    month: chosen.month,
    pGe25: percent(chosen.pGe25, language),
    pGt0: percent(chosen.pGt0, language),
  });
  // Direction marks that lay the figures out on screen would be stored in the alert's text: plain text goes in.
  const plain = summary.replace(/[\u200e\u200f\u2066-\u2069]/g, "");
  const query = new URLSearchParams({ raise: iso3, summary: plain, cause: "forecast" });
  return `/alerts?${query}#raise-alert`;
};

/** The factors that moved each probability most in the chosen month, side by side. */
const DriverColumns = ({ chosen }: { chosen: MonthForecast }) => {
  const { t, i18n } = useTranslation();
  return (
    <div className="driver-columns">
      {(["gt0", "ge25"] as const).map((target) => (
        <section key={target}>
          <h4>
            {t("warning.measureIs", {
              measure: t(target === "gt0" ? "warning.pGt0" : "warning.pGe25"),
              value: percent(target === "gt0" ? chosen.pGt0 : chosen.pGe25, i18n.language),
            })}
          </h4>
          <DriverList drivers={chosen.drivers.filter((d) => d.target === target)} />
        </section>
      ))}
    </div>
  );
};

/** What drives the forecast for the month ahead the reader picks (kept in the address), and a way to raise an alert on it. */
export const ForecastDrivers = ({
  iso3,
  name,
  forecast,
}: {
  iso3: string;
  name: string;
  forecast: CountryForecast;
}) => {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const [horizon, setHorizon] = useUrlCount("ahead", 1);
  const chosen = forecast.forecasts.find((f) => f.horizon === horizon);
  return (
    <>
      <h3>{t("warning.drivers")}</h3>
      <Field label={t("warning.horizon")}>
        <select value={horizon} onChange={(event) => setHorizon(Number(event.target.value))}>
          {forecast.forecasts.map((f) => (
            <option key={f.horizon} value={f.horizon}>
              {ltr(f.month)} ({t("warning.monthsAhead", { count: f.horizon })})
            </option>
          ))}
        </select>
      </Field>
      <p>{t("warning.driversIntro")}</p>
      {chosen && <DriverColumns chosen={chosen} />}
      {chosen && allows(me, "alert.raise") && (
        <p>
          <Link to={raiseAlertLink(iso3, chosen, forecast.run.origin, t, i18n.language)}>
            {t("warning.raiseAlert", { country: name })}
          </Link>
        </p>
      )}
    </>
  );
};
