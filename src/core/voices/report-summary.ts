/** Long enough to tell reports apart in a list, short enough for one or two lines of it. */
export const SUMMARY_LENGTH = 160;

/**
 * A form's text heads every answer with its question, so every submission of the form begins alike. Its
 * summary is the answers alone, in the form's order, so that a list tells one submission from another.
 */
export const summariseAnswers = (answers: readonly string[]): string | undefined => {
  const joined = answers
    .map((answer) => answer.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join(" · ");
  if (!joined) return undefined;
  return joined.length > SUMMARY_LENGTH ? `${joined.slice(0, SUMMARY_LENGTH - 1).trimEnd()}…` : joined;
};
