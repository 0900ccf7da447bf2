import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { get } from "../../api/client.ts";
import { useCountryNames } from "../../api/country-names.ts";
import { Pager } from "../../components/Pager.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { ltr } from "../../i18n/index.ts";
import type { Signals } from "./voices-api.ts";

type SignalRow = { iso3?: string | null; month: string; category: string; count: number | null };

/** Rows a page: every country's months of every category would otherwise run to thousands of rows. */
const PAGE_SIZE = 50;

/**
 * Verified reports by month and category (and country, across countries); a withheld count reads
 * "fewer than k".
 */
export const SignalsTable = ({
  rows,
  minCellCount,
  byCountry = false,
}: {
  rows: readonly SignalRow[];
  minCellCount: number;
  byCountry?: boolean;
}) => {
  const { t } = useTranslation();
  const names = useCountryNames();
  const [page, setPage] = useState(1);
  if (rows.length === 0) return <p>{t("voices.empty")}</p>;
  const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <>
      <TableScroll label={t("voices.countryMonths")}>
        <table>
          <thead>
            <tr>
              {byCountry && <th scope="col">{t("countries.country")}</th>}
              <th scope="col">{t("voices.month")}</th>
              <th scope="col">{t("voices.category")}</th>
              <th scope="col">{t("voices.verified")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={`${row.iso3 ?? ""}-${row.month}-${row.category}`}>
                {byCountry && <td>{row.iso3 ? names.byIso3(row.iso3) : ""}</td>}
                <td className="nowrap">{ltr(row.month.slice(0, 7))}</td>
                <td>{t(`voices.categories.${row.category}`, { defaultValue: row.category })}</td>
                <td>{row.count ?? t("voices.fewerThan", { k: minCellCount })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Pager
        page={page}
        size={PAGE_SIZE}
        total={rows.length}
        onPage={setPage}
        label={t("voices.countryMonths")}
      />
    </>
  );
};

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
  return (
    <section aria-labelledby={`voices-${iso3}`}>
      <h2 id={`voices-${iso3}`}>{t("voices.countryMonths")}</h2>
      {signals.data && (
        <SignalsTable rows={signals.data.countryMonths} minCellCount={signals.data.minCellCount} />
      )}
      <p>
        <Link to={`/reports?iso3=${iso3}&status=any`}>{t("voices.queueTitle")}</Link>
      </p>
    </section>
  );
};
