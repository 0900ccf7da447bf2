import { z } from "zod";

const units: Record<string, [string, string]> = {
  string: ["character", "characters"],
  array: ["item", "items"],
};

/** A bound in words: "at least 1", "at most 500 characters", "more than 0". */
const bound = (
  side: "least" | "most",
  limit: number | bigint,
  inclusive: boolean,
  origin: string,
): string => {
  const [one, many] = units[origin] ?? ["", ""];
  const unit = one && ` ${Number(limit) === 1 ? one : many}`;
  if (inclusive) return `at ${side} ${limit}${unit}`;
  return `${side === "least" ? "more" : "less"} than ${limit}${unit}`;
};

/**
 * Refusals in plain words, the same in every entry point (the server, the CLI), which import this once before
 * any input is read. A field left out reads "required" whatever its type: zod alone says "Invalid option:
 * expected one of …" for a missing choice and "expected string, received undefined" for missing text. A number
 * or text out of range says its bound ("at least 1"), not "Too small: expected number to be >=1".
 */
z.config({
  customError: (issue) => {
    if ((issue.code === "invalid_type" || issue.code === "invalid_value") && issue.input === undefined)
      return "required";
    if (issue.code === "too_small" && issue.origin === "string" && Number(issue.minimum) === 1)
      return "must not be empty";
    if (issue.code === "too_small")
      return bound("least", issue.minimum, issue.inclusive ?? true, issue.origin);
    if (issue.code === "too_big") return bound("most", issue.maximum, issue.inclusive ?? true, issue.origin);
    return undefined;
  },
});
