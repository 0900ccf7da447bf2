import { randomUUID } from "node:crypto";
import { basename } from "node:path";
import { notFound } from "../../core/shared/errors.ts";
import type { DatabaseHandle } from "../../db/engine.ts";
import type { ServiceContext } from "../shared/context.ts";
import { defaultDatasetId, type ImportDatasetInput } from "./import-dataset.ts";
import { importDatasetAs } from "./import-dataset-as.ts";
import type { ImportReport } from "./import-report.ts";
import { assertMayImportInto } from "./shared-datasets.ts";

export type ImportJob = {
  id: string;
  state: "running" | "finished" | "failed";
  kind: ImportDatasetInput["kind"];
  file: string;
  startedAt: Date;
  finishedAt: Date | null;
  /** Bytes of the uploaded file read so far, and its size. */
  done: number;
  total: number;
  report: ImportReport | null;
  /** A failure outside the file (database down, registry missing). */
  failure: string | null;
  startedBy: string;
};

/** Jobs of this server process; kept for an hour after they end so a page can fetch the result. */
const jobs = new Map<string, ImportJob>();
const KEEP_MS = 60 * 60 * 1000;

const forget = (now: number) => {
  for (const [id, job] of jobs)
    if (job.finishedAt && now - job.finishedAt.getTime() > KEEP_MS) jobs.delete(id);
};

/**
 * Starts importing an uploaded file in the background and returns at once; the job reports progress in
 * bytes and, when done, the import report. `whenEnded` runs once the import has ended (it removes the upload).
 */
export const startImportJob = async (
  ctx: ServiceContext,
  handle: DatabaseHandle,
  input: ImportDatasetInput,
  whenEnded: () => Promise<void>,
): Promise<{ job: ImportJob; finished: Promise<ImportJob> }> => {
  await assertMayImportInto(ctx.db, ctx.actor, input.datasetId ?? defaultDatasetId(input.kind, input.file));
  forget(ctx.now().getTime());
  const job: ImportJob = {
    id: randomUUID(),
    state: "running",
    kind: input.kind,
    file: basename(input.file),
    startedAt: ctx.now(),
    finishedAt: null,
    done: 0,
    total: 0,
    report: null,
    failure: null,
    startedBy: ctx.actor.userId,
  };
  jobs.set(job.id, job);
  const finished = importDatasetAs(ctx, handle, {
    ...input,
    onProgress: (done, total) => {
      job.done = done;
      job.total = total;
    },
  })
    .then((report) => {
      job.report = report;
      job.state = "finished";
    })
    .catch((error: unknown) => {
      job.failure = error instanceof Error ? error.message : String(error);
      job.state = "failed";
    })
    .finally(async () => {
      job.finishedAt = ctx.now();
      await whenEnded();
    })
    .then(() => job);
  return { job, finished };
};

/** A job is visible to the person who started it only; anyone else gets 404, as for records they may not know. */
export const getImportJob = (ctx: ServiceContext, id: string): ImportJob => {
  const job = jobs.get(id);
  if (!job || job.startedBy !== ctx.actor.userId) throw notFound(`Import job ${id}`);
  return job;
};
