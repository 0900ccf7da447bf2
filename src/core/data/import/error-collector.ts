import { MAX_REPORTED_ERRORS, type RowError } from "./types.ts";

/** Collects the first MAX_REPORTED_ERRORS errors and counts them all. */
export const errorCollector = () => {
  const errors: RowError[] = [];
  let count = 0;
  return {
    errors,
    add: (error: RowError) => {
      count += 1;
      if (errors.length < MAX_REPORTED_ERRORS) errors.push(error);
    },
    get count() {
      return count;
    },
  };
};
export type ErrorCollector = ReturnType<typeof errorCollector>;
