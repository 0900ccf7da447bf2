import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { get } from "../../api/client.ts";
import type { Signals } from "./voices-api.ts";

/**
 * Verified community reports of one country by month and category, for the country page: counts under k
 * are withheld, as everywhere outside the receiving organisation.
 */
export const CountrySignals = ({ iso3 }: { iso3: string }) => {
  const { t } = useTranslation();
  const signals = useQuery({
    queryKey: ["voices", "signals", iso3],
    queryFn: () => get<Signals>(`/api/voices/signals?iso3=${iso3}`),
  });
  const rows = signals.data?.countryMonths ?? [];
  return (
    <section aria-labelledby={`voices-${iso3}`}>
      <h2 id={`voices-${iso3}`}>{t("voices.countryMonths")}</h2>
      {rows.length === 0 ? (
        <p>{t("voices.empty")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("voices.month")}</th>
              <th scope="col">{t("voices.category")}</th>
              <th scope="col">{t("voices.verified")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.month}-${row.category}`}>
                <td>{row.month.slice(0, 7)}</td>
                <td>{t(`voices.categories.${row.category}`, { defaultValue: row.category })}</td>
                <td>{row.count ?? t("voices.fewerThan", { k: signals.data?.minCellCount })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <Link to={`/reports?iso3=${iso3}`}>{t("voices.queueTitle")}</Link>
      </p>
    </section>
  );
};
