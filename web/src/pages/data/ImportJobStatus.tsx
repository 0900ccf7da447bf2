import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ImportJob } from "../../api/data-types.ts";
import { TableScroll } from "../../components/TableScroll.tsx";
import { ltr } from "../../i18n/index.ts";
import { RunProgress } from "../warning/RunProgress.tsx";
import { useLiveForecast } from "../warning/WatchlistPage.tsx";
import { ImportSummary } from "./ImportSummary.tsx";

type ImportReport = NonNullable<ImportJob["report"]>;

/** Every problem the report lists, each with its file, line, column and value. */
const ImportErrors = ({ report }: { report: ImportReport }) => {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const caption = t("data.errorsCaption", { count: report.errorCount, shown: report.errors.length });
  return (
    <TableScroll label={caption}>
      <table data-testid="import-errors">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("data.file")}</th>
            <th scope="col">{t("data.line")}</th>
            <th scope="col">{t("data.column")}</th>
            <th scope="col">{t("data.value")}</th>
            <th scope="col">{t("data.reason")}</th>
          </tr>
        </thead>
        <tbody>
          {report.errors.map((e) => (
            <tr key={`${e.line}-${e.column}-${e.reason}`}>
              <td>{e.file}</td>
              <td>{number.format(e.line)}</td>
              <td>{e.column}</td>
              <td>
                <code>{e.value}</code>
              </td>
              <td>{e.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
};

/** An import as it runs and once it ended: progress, outcome, its problems, and the forecast it set off. */
export const ImportJobStatus = ({ job }: { job: ImportJob }) => {
  const { t } = useTranslation();
  // The server forecasts again after an import of data the model reads: that run is shown here as it goes.
  const forecast = useLiveForecast();
  const report = job.report;
  const percent = job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;
  return (
    <div aria-live="polite" data-testid="import-job" data-state={job.state}>
      {job.state === "running" && (
        <p>
          <progress max={100} value={percent} /> {t("data.importing", { percent })}
        </p>
      )}
      {job.failure && <p className="error">{job.failure}</p>}
      {report && <ImportSummary report={report} />}
      {report?.ok && forecast?.trigger === "import" && (
        <>
          <p>
            {t("data.forecastAfterImport", { origin: ltr(forecast.origin) })}{" "}
            <Link to="/warning/watchlist">{t("warning.toWatchlist")}</Link>
          </p>
          <RunProgress progress={forecast.progress} status={forecast.status} error={forecast.error} />
        </>
      )}
      {report && report.errors.length > 0 && <ImportErrors report={report} />}
    </div>
  );
};
