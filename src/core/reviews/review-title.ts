import { noticeLanguage } from "../alerts/alert-messages.ts";
import { type CountryNaming, countryNameIn } from "../data/country-names.ts";

/** How each language the server writes in joins a country to its cycle, and names a review out of any cycle. */
const wording = {
  en: { join: ": ", outOfCycle: "country review" },
  fr: { join: " : ", outOfCycle: "examen de pays" },
  ar: { join: ": ", outOfCycle: "استعراض قُطري" },
} as const;

/**
 * The title of a review opened without one, in the language its writer uses the app in (as a title they typed
 * would be): the country as every page names it, and the cycle's name or "country review".
 */
export const defaultReviewTitle = (
  country: CountryNaming,
  cycleName: string | undefined,
  language: string,
): string => {
  const written = noticeLanguage(language);
  const words = wording[written];
  return `${countryNameIn(country, written)}${words.join}${cycleName ?? words.outOfCycle}`;
};
