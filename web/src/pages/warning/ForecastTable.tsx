import { useTranslation } from "react-i18next";
import { TableScroll } from "../../components/TableScroll.tsx";
import { ltr } from "../../i18n/index.ts";
import { DeathsRange } from "./DeathsRange.tsx";
import { type CountryForecast, percent } from "./warning-api.ts";

/** Each month ahead: the chance of any and of 25 or more deaths, the deaths' range and the expected number. */
export const ForecastTable = ({ forecasts }: { forecasts: CountryForecast["forecasts"] }) => {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 });
  return (
    <>
      <TableScroll label={t("warning.countryForecast")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("warning.month")}</th>
              <th scope="col">{t("warning.pGt0")}</th>
              <th scope="col">{t("warning.pGe25")}</th>
              <th scope="col">{t("warning.median80")}</th>
              <th scope="col">{t("warning.expected")}</th>
            </tr>
          </thead>
          <tbody>
            {forecasts.map((f) => (
              <tr key={f.horizon}>
                <td className="nowrap">{ltr(f.month)}</td>
                <td>{percent(f.pGt0, i18n.language)}</td>
                <td>{percent(f.pGe25, i18n.language)}</td>
                <td>
                  <DeathsRange q10={f.q10} q50={f.q50} q90={f.q90} />
                </td>
                <td>{number.format(f.mean)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="note">{t("warning.expectedNote")}</p>
    </>
  );
};
