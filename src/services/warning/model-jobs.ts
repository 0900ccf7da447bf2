import { Worker } from "node:worker_threads";
import type { Progress } from "../../core/warning/progress.ts";
import type { ModelTask, ModelTaskResult, WorkerMessage } from "./model-worker.ts";
import type { CellModelStep } from "./train-cell-model.ts";

const workerUrl = new URL("./model-worker.ts", import.meta.url);

let tail: Promise<unknown> = Promise.resolve();
let waiting = 0;

/**
 * Model jobs run one at a time in this process: a backtest keeps every core busy (one origin per thread),
 * and two jobs at once would only make both slower. Jobs queue in the order they were asked for; a failed job does not block the next.
 */
export const enqueueModelJob = <T>(work: () => Promise<T>): Promise<T> => {
  waiting += 1;
  const run = tail.then(
    () => work(),
    () => work(),
  );
  tail = run.then(
    () => {
      waiting -= 1;
    },
    () => {
      waiting -= 1;
    },
  );
  return run;
};

/** Resolves once every queued model job has finished (tests, orderly shutdown). */
export const idleModelJobs = async (): Promise<void> => {
  while (waiting > 0) await tail;
};

/** Runs one training task on a worker thread, reporting its progress (or a cell model's steps); the thread ends with the task. */
export const runModelTask = (
  task: ModelTask,
  onProgress: (progress: Progress) => void = () => {},
  onCellStep: (step: CellModelStep, detail: string) => void = () => {},
): Promise<ModelTaskResult> =>
  new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl);
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      finish();
      void worker.terminate();
    };
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "progress") onProgress(message.progress);
      else if (message.type === "cell-step") onCellStep(message.step, message.detail);
      else if (message.type === "result") settle(() => resolve(message.result));
      else settle(() => reject(new Error(message.message)));
    });
    worker.on("error", (error) => settle(() => reject(error)));
    worker.on("exit", (code) =>
      settle(() => reject(new Error(`the model worker stopped unexpectedly (exit code ${code})`))),
    );
    worker.postMessage(task);
  });
