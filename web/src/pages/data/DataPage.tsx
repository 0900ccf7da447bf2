import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { NavLink, Route, Routes } from "react-router";
import { get } from "../../api/client.ts";
import type { DataStatus } from "../../api/data-types.ts";
import { allows } from "../../api/permissions.ts";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { NotFound } from "../../components/NotFound.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { when } from "../../i18n/dates.ts";
import { useSession } from "../../session.tsx";
import { ImportPanel } from "./ImportPanel.tsx";

const Catalogue = () => {
  const { t, i18n } = useTranslation();
  const status = useQuery({ queryKey: ["data-status"], queryFn: () => get<DataStatus>("/api/data/status") });
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <>
      <ErrorNote error={status.error} />
      {status.data && !status.data.initialised && <p role="alert">{t("data.notInitialised")}</p>}
      {status.data?.datasets.map((d) => (
        <article key={d.id} className="card dataset" data-dataset={d.id}>
          <h2>
            {d.title} <small>{d.id}</small>{" "}
            <span className="badge">{d.bundled ? t("data.bundled") : t("data.imported")}</span>{" "}
            {!d.shared && <span className="badge">{t("data.ownOrganisationOnly")}</span>}
          </h2>
          <dl className="facts">
            <dt>{t("data.version")}</dt>
            <dd>{d.version}</dd>
            <dt>{t("data.rows")}</dt>
            <dd>
              {number.format(d.rowCount)}
              {d.skippedCount > 0 && ` (${t("data.skipped", { count: d.skippedCount })})`}
            </dd>
            {d.spanStart && (
              <>
                <dt>{t("data.span")}</dt>
                <dd>
                  {d.spanStart} … {d.spanEnd}
                </dd>
              </>
            )}
            <dt>{t("data.licence")}</dt>
            <dd>{d.licenceUrl ? <a href={d.licenceUrl}>{d.licence}</a> : d.licence || "—"}</dd>
            <dt>{t("data.citation")}</dt>
            <dd>{d.citation || "—"}</dd>
            <dt>{t("data.source")}</dt>
            <dd>{d.source}</dd>
            <dt>{t("data.importedAt")}</dt>
            <dd>
              {when(d.importedAt, i18n.language)} · {d.importedBy ?? ""}
            </dd>
          </dl>
          {d.replacements.length > 0 && (
            <details>
              <summary>{t("data.replacements", { count: d.replacements.length })}</summary>
              <ul>
                {d.replacements.map((r) => (
                  <li key={r.replacedAt}>
                    {when(r.replacedAt, i18n.language)}: {r.previousVersion} → {r.newVersion} (+
                    {r.rowsAdded} −{r.rowsRemoved} ~{r.rowsChanged}) {r.replacedBy}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </article>
      ))}
    </>
  );
};

const Status = () => {
  const { t, i18n } = useTranslation();
  const status = useQuery({ queryKey: ["data-status"], queryFn: () => get<DataStatus>("/api/data/status") });
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <>
      <ErrorNote error={status.error} />
      <TableScroll label={t("data.dataset")}>
        <table data-testid="data-status">
          <thead>
            <tr>
              <th scope="col">{t("data.dataset")}</th>
              <th scope="col">{t("data.kind")}</th>
              <th scope="col">{t("data.version")}</th>
              <th scope="col">{t("data.rows")}</th>
              <th scope="col">{t("data.span")}</th>
              <th scope="col">{t("data.licence")}</th>
            </tr>
          </thead>
          <tbody>
            {status.data?.datasets.map((d) => (
              <tr key={d.id}>
                <td>{d.id}</td>
                <td>{d.kind}</td>
                <td>{d.version}</td>
                <td>{number.format(d.rowCount)}</td>
                <td>{d.spanStart ? `${d.spanStart} … ${d.spanEnd}` : ""}</td>
                <td>{d.licence}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h2>{t("data.tables")}</h2>
      <ul>
        {Object.entries(status.data?.tables ?? {}).map(([table, n]) => (
          <li key={table}>
            <code>{table}</code>: {number.format(n)}
          </li>
        ))}
      </ul>
      <p>
        {t("data.eventMonths")}{" "}
        <a href="/api/data/event-months/export?level=country&from=1989-01&to=2019-12" download>
          {t("data.eventMonthsCountry")}
        </a>{" "}
        ·{" "}
        <a href="/api/data/event-months/export?level=grid&from=1989-01&to=2019-12" download>
          {t("data.eventMonthsGrid")}
        </a>
      </p>
    </>
  );
};

/** The data held (catalogue with licences and citations, status) and, for those allowed, imports. */
export const DataPage = () => {
  const { t } = useTranslation();
  const { me } = useSession();
  const mayImport = allows(me, "data.import");
  return (
    <>
      <h1>{t("data.title")}</h1>
      <p>{t("data.intro")}</p>
      <nav aria-label={t("data.sections")} className="tabs">
        <NavLink to="/data" end>
          {t("data.catalogue")}
        </NavLink>
        <NavLink to="/data/status">{t("data.status")}</NavLink>
        {mayImport && <NavLink to="/data/import">{t("data.import")}</NavLink>}
      </nav>
      <Routes>
        <Route index element={<Catalogue />} />
        <Route path="status" element={<Status />} />
        <Route path="import" element={mayImport ? <ImportPanel /> : <p>{t("data.importNotAllowed")}</p>} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </>
  );
};
