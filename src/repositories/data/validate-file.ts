import { Worker } from "node:worker_threads";
import type { ImportKind, IndicatorOptions } from "../../core/data/import/types.ts";
import type { RegistryData } from "../../core/data/registry.ts";
import { DataFileError, type ReadSummary } from "./data-files.ts";
import type { StreamedOutcome, ValidationJob, WorkerMessage } from "./validation-protocol.ts";

type Pending = {
  onLines: (csv: string, rows: number) => void;
  onProgress?: ((done: number, total: number) => void) | undefined;
  resolve: (value: { outcome: StreamedOutcome; summary: ReadSummary }) => void;
  reject: (error: Error) => void;
  file: string;
};

/** One long-lived worker (it does not keep the process alive); jobs are told apart by id. */
let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

/** Keeps the process alive while a job runs, and only then. */
const settle = (id: number) => {
  pending.delete(id);
  if (pending.size === 0) worker?.unref();
};

const failAll = (error: Error) => {
  for (const job of pending.values()) job.reject(error);
  pending.clear();
  worker = null;
};

const startWorker = (): Worker => {
  const started = new Worker(new URL("./validation-worker.ts", import.meta.url));
  started.on("message", (message: WorkerMessage) => {
    const job = pending.get(message.id);
    if (!job) return;
    switch (message.type) {
      case "lines":
        job.onLines(message.csv, message.rows);
        break;
      case "progress":
        job.onProgress?.(message.done, message.total);
        break;
      case "done":
        settle(message.id);
        job.resolve({ outcome: message.outcome, summary: message.summary });
        break;
      case "file-error":
        settle(message.id);
        job.reject(new DataFileError(job.file, message.message, message.place));
        break;
      case "error":
        settle(message.id);
        job.reject(new Error(`Validating ${job.file} failed: ${message.message}`));
        break;
    }
  });
  started.on("error", (error) => failAll(error));
  started.on("exit", (code) => failAll(new Error(`the validation worker stopped (exit code ${code})`)));
  // After the listeners (adding one refs the worker again): an idle worker must not keep the process alive.
  started.unref();
  return started;
};

/** What a whole file held once read: its rows' outcome and the file's own summary (size, checksum). */
export type ValidatedFile = { outcome: StreamedOutcome; summary: ReadSummary };

/**
 * Reads and validates a file on a worker thread. Validated lines (CSV for COPY) arrive through `onLines`
 * in file order while reading continues; the promise gives the outcome (errors, counts, span, coverage)
 * once the whole file is read. Rejects with a DataFileError when the file cannot be read as CSV.
 */
export const validateFile = (job: {
  kind: ImportKind;
  file: string;
  fileLabel: string;
  registry: RegistryData;
  indicators: IndicatorOptions;
  onLines: (csv: string, rows: number) => void;
  onProgress?: (done: number, total: number) => void;
}): Promise<ValidatedFile> => {
  worker ??= startWorker();
  const id = nextId++;
  const message: ValidationJob = {
    id,
    kind: job.kind,
    file: job.file,
    registry: job.registry,
    indicators: job.indicators,
    fileLabel: job.fileLabel,
  };
  return new Promise((resolve, reject) => {
    pending.set(id, {
      onLines: job.onLines,
      onProgress: job.onProgress,
      resolve,
      reject,
      file: job.fileLabel,
    });
    worker?.ref();
    worker?.postMessage(message);
  });
};
