import type { Command } from "commander";
import { openDatabase, serverOf } from "../../db/engine.ts";
import { migrate } from "../../db/migrate.ts";
import { buildApp } from "../../http/app.ts";
import { startAlertJobs } from "../../services/alerts/alert-jobs.ts";
import { ensureFirstAdministrator } from "../../services/system/ensure-first-administrator.ts";
import { intakeWarnings } from "../../services/voices/intake-warnings.ts";
import { openKeyring } from "../../services/voices/open-keyring.ts";
import { cellForecastsOnEveryImport } from "../../services/warning/cell-forecasts-after-import.ts";
import { closeInterruptedRuns } from "../../services/warning/close-interrupted-runs.ts";
import { startFirstCellForecasts } from "../../services/warning/first-cell-forecasts.ts";
import { startFirstForecast } from "../../services/warning/first-forecast.ts";
import { forecastOnEveryImport } from "../../services/warning/forecast-after-import.ts";
import { describeCellOutcomes } from "../../services/warning/forecast-cells-everywhere.ts";
import { describeBundledImport, loadBundledData } from "../bundled-data.ts";
import { assertCanListen } from "../listen-check.ts";
import { configOf, globalOptions, numberOption } from "../runtime.ts";
import { printFirstAdministrator } from "./first-administrator.ts";

export const registerServe = (program: Command): void => {
  program
    .command("serve")
    .description("start the API and web app (applies migrations and first-start setup)")
    .option(
      "--port <port>",
      "port to listen on (CONTINUUM_PORT, default 3000)",
      numberOption("port", { min: 1, max: 65_535 }),
    )
    .option("--host <host>", "address to bind (CONTINUUM_HOST, default 127.0.0.1)")
    .action(async (options: { port?: number; host?: string }, command: Command) => {
      const global = globalOptions(command);
      // Through loadConfig, so what derives from the address (Secure cookies off loopback, the public URL) follows it.
      const config = configOf(global, options);
      // A port in use is found before the first start's minutes of work, not after them.
      await assertCanListen(config.host, config.port);
      const handle = await openDatabase(config);
      await migrate(handle);
      const interrupted = await closeInterruptedRuns(handle.db);
      if (interrupted > 0) {
        process.stdout.write(`Closed ${interrupted} model run(s) interrupted when Continuum last stopped.\n`);
      }
      printFirstAdministrator(
        await ensureFirstAdministrator(handle.db, {
          email: config.adminEmail,
          password: config.adminPassword,
        }),
      );
      // First start: the bundled conflict data is imported before the server answers (once; later starts skip it).
      const data = await loadBundledData(handle);
      if (data.status === "initialised") process.stdout.write(`${describeBundledImport(data)}\n`);
      // Community reports are sealed with CONTINUUM_VOICES_KEY; without it, a development key in the data directory.
      const voicesKey = await openKeyring(handle.db, config);
      if (voicesKey.source === "development") {
        process.stdout.write(
          `Voices: ${voicesKey.created ? "generated a development key" : "using the development key"} in ${voicesKey.file}; set CONTINUUM_VOICES_KEY in production.\n`,
        );
      }
      for (const warning of await intakeWarnings(handle.db, config.voices))
        process.stdout.write(`Voices: ${warning}\n`);
      const app = await buildApp({ db: handle.db, handle, config, logger: { level: "error" } });
      // New data the model reads (conflict series, conflicts, agreements, indicators) queue a forecast run.
      forecastOnEveryImport();
      // New GED events forecast every country's cells again, behind that run.
      cellForecastsOnEveryImport((done) => {
        if ("error" in done)
          process.stderr.write(`cell forecasts after the import failed: ${String(done.error)}\n`);
        else
          process.stdout.write(`Cell forecasts after the import: ${describeCellOutcomes(done.outcomes)}.\n`);
      });
      // Alert rules, overdue escalation and notification e-mail run every CONTINUUM_ALERT_JOB_SECONDS.
      const stopAlertJobs = startAlertJobs(handle.db, config, {
        onError: (error) => process.stderr.write(`alert job: ${String(error)}\n`),
      });
      const stop = async () => {
        stopAlertJobs();
        await app.close();
        await handle.close();
        process.exit(0);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      await app.listen({ port: config.port, host: config.host });
      const first = await startFirstForecast(handle.db, () => new Date());
      if (first) {
        first.completion.then(
          () => process.stdout.write("The first forecast is ready (Overview, Watchlist).\n"),
          (error: unknown) => process.stderr.write(`first forecast failed: ${String(error)}\n`),
        );
        process.stdout.write(
          "Forecasting from the data held in the background; the risk map fills when it is done.\n",
        );
      }
      // Queued behind the first forecast: the event maps gain their cell layer once it is done.
      startFirstCellForecasts(handle.db, () => new Date()).then(
        (outcomes) =>
          outcomes?.length &&
          process.stdout.write(`Cell forecasts are ready: ${describeCellOutcomes(outcomes)}.\n`),
        (error: unknown) => process.stderr.write(`first cell forecasts failed: ${String(error)}\n`),
      );
      const where =
        handle.engine === "embedded"
          ? `embedded database in ${config.dataDir}`
          : `PostgreSQL database ${serverOf(config.databaseUrl ?? "")} (DATABASE_URL)`;
      process.stdout.write(
        `Continuum is running at http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}/ on the ${where}.\n`,
      );
      process.stdout.write(
        `API documentation: http://${config.host}:${config.port}/api/docs — stop with Ctrl+C.\n`,
      );
    });
};
