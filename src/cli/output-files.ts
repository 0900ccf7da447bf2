import { accessSync, constants, existsSync, statSync, writeFileSync } from "node:fs";
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
  try {
    accessSync(existsSync(file) ? file : folder, constants.W_OK);
  } catch {
    throw refuse("permission denied");
  }
};

/** Writes `--out`, answering a failure the checks could not foresee (a read-only mount) as bad input, not a crash. */
export const writeOutput = (file: string, text: string, afterwards: string): void => {
  try {
    writeFileSync(file, text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid(`Cannot write --out ${file}: ${reason}. ${afterwards}`);
  }
};
