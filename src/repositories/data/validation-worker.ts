/**
 * The worker thread that reads and validates an import file while the main thread loads what it has
 * validated so far into the database: parsing and COPY overlap, on two cores.
 */
import { parentPort } from "node:worker_threads";
import { createValidator } from "../../core/data/import/index.ts";
import { createResolver } from "../../core/data/registry.ts";
import { DataFileError, readCsvFile } from "./data-files.ts";
import type { ValidationJob, WorkerMessage } from "./validation-protocol.ts";

/** Validated lines travel in batches of about this many records. */
const BATCH = 2000;

const port = parentPort;
if (!port) throw new Error("validation-worker.ts runs as a worker thread only");

const run = async (job: ValidationJob): Promise<void> => {
  const send = (message: WorkerMessage) => port.postMessage(message);
  const validator = createValidator(job.kind, {
    resolver: createResolver(job.registry),
    indicators: job.indicators,
    fileLabel: job.fileLabel,
  });
  const flush = () => {
    const lines = validator.takeLines();
    if (lines.length) send({ id: job.id, type: "lines", csv: `${lines.join("\n")}\n`, rows: lines.length });
  };
  try {
    let records = 0;
    const summary = await readCsvFile(
      job.file,
      (cells, line) => {
        validator.row(cells, line);
        records += 1;
        if (records % BATCH === 0) flush();
      },
      (done, total) => send({ id: job.id, type: "progress", done, total }),
    );
    flush();
    const { staged, ...outcome } = validator.finish();
    send({
      id: job.id,
      type: "done",
      outcome: { ...outcome, staged: { target: staged.target, columns: staged.columns } },
      summary,
    });
  } catch (error) {
    if (error instanceof DataFileError)
      send({ id: job.id, type: "file-error", message: error.reason, place: error.place });
    else
      send({
        id: job.id,
        type: "error",
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
  }
};

port.on("message", (job: ValidationJob) => {
  void run(job);
});
