import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { get } from "../../api/client.ts";
import { type ConflictYear, query } from "../../api/data-types.ts";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { ExportLinks } from "../../components/ExportLinks.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";

type Conflict = {
  id: number;
  sideA: string;
  sideB: string;
  territory: string | null;
  incompatibility: number;
  years: number[];
  war: boolean;
};

/** UCDP/PRIO armed conflicts located in the country, one row per conflict with its active years and latest sides. */
export const CountryConflicts = ({ iso3 }: { iso3: string }) => {
  const { t } = useTranslation();
  const years = useQuery({
    queryKey: ["conflicts", iso3],
    queryFn: () => get<ConflictYear[]>(`/api/data/conflicts${query({ iso3 })}`),
  });
  const conflicts = new Map<number, Conflict>();
  for (const row of years.data ?? []) {
    const c = conflicts.get(row.conflictId) ?? {
      id: row.conflictId,
      sideA: row.sideA,
      sideB: row.sideB,
      territory: row.territoryName,
      incompatibility: row.incompatibility,
      years: [],
      war: false,
    };
    c.years.push(row.year);
    c.war ||= row.intensityLevel === 2;
    // The sides of a conflict change over its years (Syria's 1966 coup faction, then the 2011 insurgents):
    // the row names those of its latest year.
    if (row.year >= Math.max(...c.years)) {
      c.sideA = row.sideA;
      c.sideB = row.sideB;
      c.territory = row.territoryName;
    }
    conflicts.set(row.conflictId, c);
  }
  const list = [...conflicts.values()].sort((a, b) => (b.years.at(-1) ?? 0) - (a.years.at(-1) ?? 0));
  return (
    <section aria-labelledby="conflicts">
      <h2 id="conflicts">{t("country.conflicts")}</h2>
      <ErrorNote error={years.error} />
      {years.isSuccess && list.length === 0 && <p>{t("country.noConflicts")}</p>}
      {list.length > 0 && (
        <TableScroll label={t("country.conflicts")}>
          <table data-testid="conflicts-table">
            <thead>
              <tr>
                <th scope="col">{t("data.conflictId")}</th>
                <th scope="col">{t("data.sides")}</th>
                <th scope="col">{t("data.incompatibility")}</th>
                <th scope="col">{t("data.years")}</th>
                <th scope="col">{t("data.intensity")}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr key={c.id}>
                  <td>{c.id}</td>
                  <td>
                    {c.sideA} — {c.sideB}
                  </td>
                  <td>
                    {t(`data.incompatibilities.${c.incompatibility}`, {
                      defaultValue: String(c.incompatibility),
                    })}
                    {c.territory ? ` (${c.territory})` : ""}
                  </td>
                  <td>
                    {c.years[0]}–{c.years.at(-1)} ({c.years.length})
                  </td>
                  <td>{c.war ? t("data.war") : t("data.minor")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <ExportLinks path="/api/data/conflicts/export" params={{ iso3 }} />
    </section>
  );
};
