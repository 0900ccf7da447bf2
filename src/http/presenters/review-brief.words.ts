import type { Language } from "../../core/shared/languages.ts";
import { escapeHtml as html } from "./html.ts";
import { BRIEF_STRINGS, type BriefStrings } from "./review-brief.strings.ts";

/** The brief's wording in its language, and how it writes words, numbers and people's text. */
export type BriefWords = {
  t: BriefStrings;
  lang: Language;
  /** Keeps a date or code left to right inside right-to-left text, where "2019-12" would read "12-2019". */
  isolate: (text: string) => string;
  /** A code's word in the table, or the code itself spaced out. */
  word: (table: Record<string, string>, key: string) => string;
  count: (n: number) => string;
  /** People's text keeps its own direction inside the brief's: English in an Arabic brief, and the reverse. */
  bdi: (text: string) => string;
};

export const briefWords = (lang: Language): BriefWords => {
  const t = BRIEF_STRINGS[lang];
  return {
    t,
    lang,
    isolate: (text) => (t.dir === "rtl" ? `\u2066${text}\u2069` : text),
    word: (table, key) => table[key] ?? key.replaceAll("_", " "),
    count: (n) => new Intl.NumberFormat(lang).format(Math.round(n)),
    bdi: (text) => `<bdi>${html(text)}</bdi>`,
  };
};

/** Text in paragraphs at its blank lines, its single line breaks kept. */
export const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .filter((p) => p.trim())
    .map((p) => `<p>${html(p).replaceAll("\n", "<br>")}</p>`)
    .join("");

/** A table's header cells. */
export const th = (cells: readonly string[]) => cells.map((c) => `<th>${html(c)}</th>`).join("");
