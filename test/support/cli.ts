import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../../bin/continuum.js", import.meta.url));

type CliResult = { status: number; stdout: string; stderr: string };

/** Runs the real `continuum` command in a child process, as a script would. */
export const runCli = (
  args: readonly string[],
  env: Record<string, string> = {},
  timeoutMs = 120_000,
): CliResult => {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: timeoutMs,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
};

/**
 * The CLI on one embedded data directory, as an operator runs it on one machine (a DATABASE_URL of the test
 * run is unset, so the commands never reach its server).
 */
export const cliOn =
  (dataDir: string, env: Record<string, string> = {}, timeoutMs?: number) =>
  (...args: string[]): CliResult =>
    runCli(["--data-dir", dataDir, ...args], { DATABASE_URL: "", ...env }, timeoutMs);

/** Long CLI work (a first start's import, a full-size model) on a busy two-core machine. */
export const SLOW_CLI_MS = 840_000;
