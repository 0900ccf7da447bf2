import { existsSync } from "node:fs";
import type { Command } from "commander";
import { IMPORT_KINDS, type ImportKind, isImportKind } from "../../core/data/import/index.ts";
import { invalid, notFound } from "../../core/shared/errors.ts";
import { ZWebAddress } from "../../core/shared/web-address.schemas.ts";
import { presentDataStatus } from "../../http/presenters/data.presenter.ts";
import { eventMonthsFile } from "../../http/presenters/data-tables.presenter.ts";
import { dataStatus } from "../../services/data/data-status.ts";
import { exportEventMonths } from "../../services/data/export-event-months.ts";
import { importDatasetAs } from "../../services/data/import-dataset-as.ts";
import type { ImportReport } from "../../services/data/import-report.ts";
import { readableDatasetIds } from "../../services/data/readable-datasets.ts";
import { bundledDatasetIds } from "../../services/data/shared-datasets.ts";
import { cellForecastsAfterImport } from "../../services/warning/cell-forecasts-after-import.ts";
import { forecastOnEveryImport } from "../../services/warning/forecast-after-import.ts";
import { describeCellOutcomes } from "../../services/warning/forecast-cells-everywhere.ts";
import type { ForecastRunStarted } from "../../services/warning/run-forecast.ts";
import { assertWritableOutput, writeOutput } from "../output-files.ts";
import { progressReporter } from "../progress.ts";
import {
  cliContext,
  exitCodes,
  type GlobalOptions,
  globalOptions,
  printRows,
  withDatabase,
} from "../runtime.ts";

type ImportOptions = {
  forecast?: boolean;
  datasetId?: string;
  title?: string;
  release?: string;
  licence?: string;
  licenceUrl?: string;
  citation?: string;
  source?: string;
  coverage?: string;
  indicator?: string;
  unit?: string;
  replace?: boolean;
};

const printReport = (global: GlobalOptions, report: ImportReport): void => {
  // A refused file is a failure: its report goes where failures go, with --json too.
  const out = report.ok ? process.stdout : process.stderr;
  if (global.json) {
    out.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  out.write(`${report.message}\n`);
  if (report.ok) {
    if (Object.keys(report.skippedReasons).length)
      out.write(
        `Skipped rows: ${Object.entries(report.skippedReasons)
          .map(([reason, n]) => `${n} ${reason}`)
          .join("; ")}\n`,
      );
    return;
  }
  out.write("file\tline\tcolumn\tvalue\treason\n");
  for (const e of report.errors) out.write(`${e.file}\t${e.line}\t${e.column}\t${e.value}\t${e.reason}\n`);
  out.write(
    `${report.errorCount} problem${report.errorCount === 1 ? "" : "s"} in total${
      report.errorCount > report.errors.length ? ` (the first ${report.errors.length} are listed)` : ""
    }; nothing was imported.\n`,
  );
};

export const registerData = (program: Command): void => {
  program
    .command("import")
    .description(
      `import a conflict data file (.csv or .csv.gz) as a dataset; kinds: ${IMPORT_KINDS.join(", ")}. Exit 2 if the file is refused`,
    )
    .argument("<kind>", IMPORT_KINDS.join("|"))
    .argument("<file>", "CSV file, plain or gzip")
    .option("--dataset-id <id>", "dataset to create or update (default per kind, e.g. ucdp-ged)")
    .option(
      "--replace",
      "tables (views-cm, acd, peace-agreements, indicators): make the dataset exactly the file, removing rows it does not hold (default: update the file's rows, keep the rest; event files always replace)",
    )
    .option("--title <title>", "title in the catalogue")
    .option("--release <version>", "release name (default: the one in the file, else its checksum)")
    .option("--licence <licence>", "licence of the data, e.g. CC BY 4.0")
    .option("--licence-url <url>", "link to the licence text (http or https)", (value: string) => {
      // Shown to every reader as a link: refused here as the API refuses it.
      if (!ZWebAddress.safeParse(value).success)
        throw invalid(`--licence-url must be an http(s) address, got "${value}".`);
      return value;
    })
    .option("--citation <text>", "how to cite the data")
    .option("--source <text>", "where the file came from")
    .option(
      "--coverage <mode>",
      "events: zero-fill months for the countries in the file (observed) or all (world)",
    )
    .option("--indicator <code>", "indicators in long form without an indicator column: the value's code")
    .option("--unit <unit>", "indicators: the unit of the file's values, e.g. persons or % of GDP")
    .option(
      "--forecast",
      "after a successful import of data the model reads (views-cm, ged, acd, peace-agreements, indicators), run a new forecast from the latest data (and, after new reference GED events, every country's cells)",
    )
    .action(async (kind: string, file: string, options: ImportOptions, command: Command) => {
      const global = globalOptions(command);
      if (!isImportKind(kind))
        throw invalid("Unknown import kind.", [
          { field: "kind", message: `must be one of ${IMPORT_KINDS.join(", ")}`, value: kind },
        ]);
      if (options.coverage && options.coverage !== "observed" && options.coverage !== "world")
        throw invalid("Unknown coverage.", [
          { field: "coverage", message: "must be observed or world", value: options.coverage },
        ]);
      await withDatabase(global, async (handle) => {
        if (!existsSync(file)) throw notFound(`The file ${file}`);
        const ctx = await cliContext(handle, global);
        const progress = progressReporter(`Importing ${file}`);
        let forecast: ForecastRunStarted | undefined;
        const unsubscribe = options.forecast
          ? forecastOnEveryImport({}, (started) => {
              forecast = started;
            })
          : () => {};
        let report: ImportReport;
        try {
          report = await importDatasetAs(ctx, handle, {
            kind: kind as ImportKind,
            file,
            ...(options.datasetId ? { datasetId: options.datasetId } : {}),
            ...(options.title ? { title: options.title } : {}),
            ...(options.release ? { version: options.release } : {}),
            ...(options.licence ? { licence: options.licence } : {}),
            ...(options.licenceUrl ? { licenceUrl: options.licenceUrl } : {}),
            ...(options.citation ? { citation: options.citation } : {}),
            ...(options.source ? { source: options.source } : {}),
            ...(options.coverage ? { coverage: options.coverage as "observed" | "world" } : {}),
            indicators: {
              ...(options.indicator ? { indicator: options.indicator } : {}),
              ...(options.unit ? { unit: options.unit } : {}),
            },
            mode: options.replace ? "replace" : "update",
            onProgress: (done, total) => progress.update(done, total),
          });
        } finally {
          progress.stop();
          unsubscribe();
        }
        printReport(global, report);
        if (!report.ok) process.exitCode = exitCodes.invalid;
        if (forecast) {
          process.stderr.write(
            `Forecasting from the new data: run ${forecast.run.id} from ${forecast.run.origin}, the latest month nearly every country has\n`,
          );
          const { forecasts } = await forecast.completion;
          process.stderr.write(`Stored ${forecasts.length} forecasts.\n`);
        } else if (options.forecast && report.ok)
          process.stderr.write(
            "No forecast run: the import changed nothing the forecast reads (an organisation's own dataset id, or no new or changed rows).\n",
          );
        const cells = options.forecast ? await cellForecastsAfterImport(handle.db, report) : null;
        if (cells) process.stderr.write(`Cell forecasts: ${describeCellOutcomes(cells)}.\n`);
      });
    });

  const data = program.command("data").description("the conflict datasets held by this instance");
  data
    .command("status")
    .description("datasets with versions, row counts, spans and licences")
    .action(async (_options: unknown, command: Command) => {
      const global = globalOptions(command);
      await withDatabase(global, async (handle) => {
        // The operator sees every dataset; acting as someone, what that person reads.
        const only = global.as ? await readableDatasetIds(await cliContext(handle, global)) : undefined;
        const status = await dataStatus(handle.db, only);
        if (global.json) {
          process.stdout.write(
            `${JSON.stringify(presentDataStatus(status, bundledDatasetIds()), null, 2)}\n`,
          );
          return;
        }
        printRows(
          global,
          status.datasets.map((d) => ({
            id: d.id,
            kind: d.kind,
            version: d.version,
            rows: d.rowCount,
            span: d.spanStart ? `${d.spanStart} … ${d.spanEnd}` : "",
            licence: d.licence,
            imported: d.importedAt.toISOString().slice(0, 16).replace("T", " "),
          })),
          ["id", "kind", "version", "rows", "span", "licence", "imported"],
        );
        process.stdout.write(
          `\nTables: ${Object.entries(status.tables)
            .map(([table, n]) => `${table} ${n}`)
            .join(", ")}\n`,
        );
      });
    });

  program
    .command("export")
    .description("write derived data files")
    .command("event-months")
    .description(
      "fatalities per country-month (iso3,month,sb_best,ns_best,os_best) or PRIO-GRID-month (priogrid_gid,…) from the GED events; month = month of date_start",
    )
    .requiredOption("--level <level>", "country or grid")
    .requiredOption("--from <YYYY-MM>", "first month")
    .requiredOption("--to <YYYY-MM>", "last month")
    .requiredOption("--out <file.csv>", "file to write")
    .option("--dataset <ids>", "event datasets, separated by commas (default: ucdp-ged)")
    .action(
      async (
        options: { level: string; from: string; to: string; out: string; dataset?: string },
        command: Command,
      ) => {
        const global = globalOptions(command);
        assertWritableOutput(options.out);
        await withDatabase(global, async (handle) => {
          const result = await exportEventMonths(handle.db, {
            level: options.level as "country" | "grid",
            from: options.from,
            to: options.to,
            ...(options.dataset ? { datasetIds: options.dataset.split(",").map((id) => id.trim()) } : {}),
          });
          writeOutput(options.out, eventMonthsFile(result, options).body, "Nothing was written.");
          if (global.json)
            process.stdout.write(
              `${JSON.stringify({ file: options.out, rows: result.rows.length, datasets: result.datasetIds })}\n`,
            );
          else
            process.stderr.write(
              `Wrote ${result.rows.length} rows to ${options.out} (from ${result.datasetIds.join(", ") || "no event dataset"}).\n`,
            );
        });
      },
    );
};
