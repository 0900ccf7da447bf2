import { z } from "zod";

/** The languages Continuum speaks: the web app, the public report form, SMS replies and printable briefs. */
export const languages = ["en", "fr", "ar"] as const;
export const ZLanguage = z.enum(languages);
export type Language = z.infer<typeof ZLanguage>;
