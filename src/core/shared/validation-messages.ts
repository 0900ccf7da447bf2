import { z } from "zod";

/**
 * A field left out reads "required" in every refusal, whatever its type: zod alone says "Invalid option:
 * expected one of …" for a missing choice and "expected string, received undefined" for missing text. Each entry
 * point (the server, the CLI) imports this once, before any input is read.
 */
z.config({
  customError: (issue) =>
    (issue.code === "invalid_type" || issue.code === "invalid_value") && issue.input === undefined
      ? "required"
      : undefined,
});
