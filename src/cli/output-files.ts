import { closeSync, existsSync, openSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { invalid } from "../core/shared/errors.ts";

/**
 * Refuses an `--out` path that cannot be written before any work is done (a forecast trains for seconds and
 * stores its run), naming the option and the folder at fault.
 */
export const assertWritableOutput = (file: string): void => {
  const folder = dirname(resolve(file));
  const refuse = (reason: string) => invalid(`Cannot write --out ${file}: ${reason}.`);
  if (!existsSync(folder)) throw refuse(`the folder ${folder} does not exist`);
  if (existsSync(file) && statSync(file).isDirectory()) throw refuse("it is a folder");
  // Opening the file is the only sure test (permissions, read-only mounts, /proc): done before the work, not after.
  const existed = existsSync(file);
  try {
    closeSync(openSync(file, existed ? "r+" : "wx"));
  } catch (error) {
    throw refuse(
      error instanceof Error && "code" in error ? describeOpenError(String(error.code)) : String(error),
    );
  }
  if (!existed) unlinkSync(file);
};

const describeOpenError = (code: string): string =>
  code === "EACCES" || code === "EPERM"
    ? "permission denied"
    : code === "EROFS"
      ? "the file system is read-only"
      : code === "ENOENT"
        ? "the folder does not take new files"
        : `the system refused to create it (${code})`;

/** Writes `--out`, answering a failure the checks could not foresee (a read-only mount) as bad input, not a crash. */
export const writeOutput = (file: string, text: string, afterwards: string): void => {
  try {
    writeFileSync(file, text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid(`Cannot write --out ${file}: ${reason}. ${afterwards}`);
  }
};
