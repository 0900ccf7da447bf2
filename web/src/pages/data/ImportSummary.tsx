import { useTranslation } from "react-i18next";
import type { ImportJob } from "../../api/data-types.ts";
import { ltr } from "../../i18n/index.ts";

type ImportReport = NonNullable<ImportJob["report"]>;

/** The outcome of an import in the reader's language, from the report's figures (the server's `message` is English). */
export const ImportSummary = ({ report }: { report: ImportReport }) => {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const names = {
    file: ltr(report.file),
    dataset: ltr(`${report.datasetId} ${report.version ?? ""}`.trim()),
  };
  if (report.status === "rejected")
    return (
      <p className="error">
        {t("data.result.rejected", { ...names, count: number.format(report.errorCount) })}
      </p>
    );
  if (report.status === "unchanged") return <p className="ok">{t("data.result.unchanged", names)}</p>;
  return (
    <p className="ok">
      {t(`data.result.${report.status}`, names)}{" "}
      {t("data.result.rows", {
        rows: number.format(report.rowCount),
        added: number.format(report.rowsAdded),
        removed: number.format(report.rowsRemoved),
        changed: number.format(report.rowsChanged),
        skipped: number.format(report.skippedCount),
      })}
      {report.status === "updated" && ` ${t("data.result.kept")}`}
    </p>
  );
};
