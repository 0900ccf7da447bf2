import { userInfo } from "node:os";
import type { Command } from "commander";
import { ZodError } from "zod";
import { type Config, type ConfigOverrides, loadConfig } from "../config.ts";
import { DomainError, type ErrorCode, invalid } from "../core/shared/errors.ts";
import { DataDirInUseError } from "../db/data-dir-lock.ts";
import { type DatabaseHandle, openDatabase } from "../db/engine.ts";
import { migrate, pendingMigrations } from "../db/migrate.ts";
import { operatorActor } from "../services/auth/operator-actor.ts";
import type { ServiceContext } from "../services/shared/context.ts";
import { assertInitialised } from "../services/system/assert-initialised.ts";
import { closeInterruptedRuns } from "../services/warning/close-interrupted-runs.ts";

export type GlobalOptions = { dataDir?: string; databaseUrl?: string; json?: boolean; as?: string };

/** Exit codes scripts can rely on (README → CLI). */
export const exitCodes = {
  ok: 0,
  failure: 1,
  invalid: 2,
  notFound: 3,
  refused: 4,
  conflict: 5,
  notInitialised: 6,
} as const;

const exitCodeOf: Record<ErrorCode, number> = {
  validation_failed: exitCodes.invalid,
  unauthenticated: exitCodes.refused,
  forbidden: exitCodes.refused,
  password_change_required: exitCodes.refused,
  rate_limited: exitCodes.refused,
  not_found: exitCodes.notFound,
  conflict: exitCodes.conflict,
  not_initialised: exitCodes.notInitialised,
};

export const globalOptions = (command: Command): GlobalOptions => command.optsWithGlobals<GlobalOptions>();

/** The configuration with the command line's options over the environment's, before anything is derived from them. */
export const configOf = (
  options: GlobalOptions,
  overrides: Pick<ConfigOverrides, "host" | "port"> = {},
): Config => loadConfig({ dataDir: options.dataDir, databaseUrl: options.databaseUrl, ...overrides });

/**
 * Opens the configured database, applies pending migrations, runs `work`, and always closes it. Commands
 * act on an initialised instance only (bundled data loaded); `init` itself opts out with requireData false.
 */
export const withDatabase = async <T>(
  options: GlobalOptions,
  work: (handle: DatabaseHandle, config: Config) => Promise<T>,
  { requireData = true }: { requireData?: boolean } = {},
): Promise<T> => {
  const config = configOf(options);
  const handle = await openDatabase({ ...config, existing: requireData });
  try {
    if ((await pendingMigrations(handle)) > 0) await migrate(handle);
    // A forecast run from a command that was killed would otherwise show as running until `serve` starts.
    await closeInterruptedRuns(handle.db);
    if (requireData) await assertInitialised(handle.db);
    return await work(handle, config);
  } finally {
    await handle.close();
  }
};

/**
 * The CLI is run by whoever operates the instance, acting as a named person (`--as EMAIL`) or by default
 * as the first platform administrator; the audit log records the operating-system user beside it.
 */
export const cliContext = async (handle: DatabaseHandle, options: GlobalOptions): Promise<ServiceContext> => {
  const actor = await operatorActor(handle.db, options.as);
  return {
    db: handle.db,
    actor,
    via: "cli",
    actorLabel: `${actor.email} (cli: ${userInfo().username})`,
    now: () => new Date(),
  };
};

/** Prints a result as JSON (with --json) or as an aligned table of the given columns. */
export const printRows = <T extends Record<string, unknown>>(
  options: GlobalOptions,
  rows: readonly T[],
  columns: readonly (keyof T & string)[],
): void => {
  if (options.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  const cell = (value: unknown) =>
    value === null || value === undefined
      ? ""
      : typeof value === "object"
        ? JSON.stringify(value)
        : String(value);
  const widths = columns.map((column) =>
    Math.max(column.length, ...rows.map((row) => cell(row[column]).length)),
  );
  const line = (values: string[]) =>
    values
      .map((value, i) => value.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  process.stdout.write(
    `${[line([...columns]), ...rows.map((row) => line(columns.map((c) => cell(row[c]))))].join("\n")}\n`,
  );
};

export const printOne = (options: GlobalOptions, value: Record<string, unknown>, text: string): void => {
  process.stdout.write(options.json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
};

const renamedFields = new WeakMap<Command, Readonly<Record<string, string>>>();

/** Declares the service fields a command fills from options of another name, so errors name the option. */
export const optionsNamingFields = (command: Command, fields: Readonly<Record<string, string>>): Command => {
  renamedFields.set(command, fields);
  return command;
};

/** `maxHorizon` → `--horizon`, `origins.1` → `--origins (item 2)`: the names a CLI user typed. */
const asOption = (command: Command | undefined, field: string): string => {
  const renamed = (command && renamedFields.get(command)) ?? {};
  const path = renamed[field] ?? field;
  const [head = "", ...rest] = path.split(".");
  const option = command?.options.find((o) => o.attributeName() === (renamed[head] ?? head));
  if (!option?.long) return path;
  const index = Number(rest[0]);
  return rest.length === 1 && Number.isInteger(index) ? `${option.long} (item ${index + 1})` : option.long;
};

/** The value PostgreSQL refused as a uuid: ids typed on the command line reach the database unparsed. */
const malformedId = (error: unknown): string | null => {
  if ((error as { code?: unknown }).code !== "22P02" || !(error instanceof Error)) return null;
  return /invalid input syntax for type uuid: "(.*)"/.exec(error.message)?.[1] ?? null;
};

type Failure = { code: string; message: string; details: { field: string; message: string }[]; exit: number };

const describeFailure = (error: unknown, command?: Command): Failure => {
  if (error instanceof DomainError)
    return {
      code: error.code,
      message: error.message,
      details: error.details.map((d) => ({ field: asOption(command, d.field), message: d.message })),
      exit: exitCodeOf[error.code],
    };
  if (error instanceof ZodError)
    return {
      code: "validation_failed",
      message: "invalid input",
      details: error.issues.map((issue) => ({
        field: asOption(command, issue.path.join(".")) || "(input)",
        message: issue.message,
      })),
      exit: exitCodes.invalid,
    };
  const notAnId = malformedId(error);
  if (notAnId !== null)
    return {
      code: "validation_failed",
      message: `"${notAnId}" is not an id; ids look like 0b6f0f8e-3c8a-4f4e-9a57-2f0c6d1f6b1e.`,
      details: [],
      exit: exitCodes.invalid,
    };
  return {
    code: error instanceof DataDirInUseError ? "conflict" : "failed",
    message: error instanceof Error ? error.message : String(error),
    details: [],
    exit: error instanceof DataDirInUseError ? exitCodes.conflict : exitCodes.failure,
  };
};

/**
 * Turns any failure into a message on stderr and a documented exit code; `command` is the one that ran. With
 * `--json` the message is the API's error shape, so a script parses a failure as it parses a result.
 */
export const reportFailure = (error: unknown, command?: Command): number => {
  const { exit, ...failure } = describeFailure(error, command);
  if (command && globalOptions(command).json)
    process.stderr.write(`${JSON.stringify({ error: failure }, null, 2)}\n`);
  else
    process.stderr.write(
      `continuum: ${failure.message}\n${failure.details.map((d) => `  ${d.field}: ${d.message}\n`).join("")}`,
    );
  return exit;
};

/** Runs a command's work as the CLI user (see `cliContext`) on the configured database. */
export const asCliUser = (
  command: Command,
  work: (ctx: ServiceContext, global: GlobalOptions) => Promise<void>,
): Promise<void> => {
  const global = globalOptions(command);
  return withDatabase(global, async (handle) => work(await cliContext(handle, global), global));
};

/** commander parser for a numeric option: an error naming the option, rather than NaN failing validation later. */
export const numberOption =
  (name: string, { whole = true, min, max }: { whole?: boolean; min?: number; max?: number } = {}) =>
  (value: string): number => {
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || (whole && !Number.isInteger(n)))
      throw invalid(`--${name} must be ${whole ? "a whole number" : "a number"}, got "${value}".`);
    if (min !== undefined && n < min) throw invalid(`--${name} must be at least ${min}, got "${value}".`);
    if (max !== undefined && n > max) throw invalid(`--${name} must be at most ${max}, got "${value}".`);
    return n;
  };

/** commander option parser for repeatable options (`--x a --x b`). */
export const collect = (value: string, all: string[] = []): string[] => [...all, value];
