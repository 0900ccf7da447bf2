import type {
  ImportKind,
  IndicatorOptions,
  StagingTarget,
  ValidationOutcome,
} from "../../core/data/import/types.ts";
import type { RegistryData } from "../../core/data/registry.ts";
import type { ReadSummary } from "./data-files.ts";

/** What the main thread asks the validation worker to do. */
export type ValidationJob = {
  id: number;
  kind: ImportKind;
  file: string;
  registry: RegistryData;
  indicators: IndicatorOptions;
  fileLabel: string;
};

/** The outcome without the staged lines, which were sent before it in batches. */
export type StreamedOutcome = Omit<ValidationOutcome, "staged"> & {
  staged: { target: StagingTarget; columns: readonly string[] };
};

export type WorkerMessage =
  | { id: number; type: "lines"; csv: string; rows: number }
  | { id: number; type: "progress"; done: number; total: number }
  | { id: number; type: "done"; outcome: StreamedOutcome; summary: ReadSummary }
  | { id: number; type: "file-error"; message: string; place: { line: number; column: string } }
  | { id: number; type: "error"; message: string };
