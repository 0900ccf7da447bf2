import { readFileSync } from "node:fs";
import { DomainError, invalid } from "../core/shared/errors.ts";

/** A file named on the command line, as text; a missing or unreadable one is "not found" (exit 3). */
export const readInputText = (file: string): string => {
  try {
    return new TextDecoder("utf-8", { fatal: false }).decode(readFileSync(file));
  } catch (error) {
    throw new DomainError("not_found", `Cannot read ${file}: ${(error as Error).message}`);
  }
};

/** A JSON file named on the command line; one that is not JSON is invalid input (exit 2), naming the file. */
export const readInputJson = (file: string): unknown => {
  const text = readInputText(file);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalid(`${file} is not JSON: ${(error as Error).message}`, [
      { field: "file", message: "not JSON", value: file },
    ]);
  }
};
