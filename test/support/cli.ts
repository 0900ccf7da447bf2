import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../../bin/continuum.js", import.meta.url));

export type CliResult = { status: number; stdout: string; stderr: string };

/** Runs the real `continuum` command in a child process, as a script would. */
export const runCli = (args: readonly string[], env: Record<string, string> = {}): CliResult => {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
};
