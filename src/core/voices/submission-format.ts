export type SubmissionFormat = "csv" | "json";

/** The format of an export by its name, or by its first character when the name says nothing. */
export const formatOf = (name: string, text: string): SubmissionFormat =>
  /\.json$/i.test(name) ? "json" : /\.csv$/i.test(name) ? "csv" : /^\s*[[{]/.test(text) ? "json" : "csv";
