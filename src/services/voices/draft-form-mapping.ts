import type { Actor } from "../../core/access/actor.ts";
import { authorize } from "../../core/access/policies.ts";
import { invalid } from "../../core/shared/errors.ts";
import { ZFormMapping } from "../../core/voices/mapping.ts";
import { suggestMapping } from "../../core/voices/xlsform.ts";
import { parseSheetCsv } from "../../repositories/voices/submission-files.ts";

/**
 * A draft mapping from an XLSForm's survey and choices sheets (each saved as CSV), for an administrator to
 * review and save.
 */
export const draftMapping = (
  actor: Actor,
  sheets: { survey: string; choices: string },
  options: { iso3?: string; category?: string },
) => {
  authorize(actor, "voices.configure");
  const survey = parseSheetCsv(sheets.survey);
  if (!survey.some((row) => row.type?.trim() && row.name?.trim()))
    throw invalid(
      "The survey sheet has no question with a type and a name: is it the XLSForm's survey sheet?",
      [{ field: "survey", message: "no type and name columns" }],
    );
  return ZFormMapping.parse(suggestMapping(survey, parseSheetCsv(sheets.choices), options));
};
