import i18next from "i18next";
import { initReactI18next } from "react-i18next";

type LocaleFile = { $meta: { name: string; dir: "ltr" | "rtl" } } & Record<string, unknown>;

/**
 * Every JSON file in ./locales is a language: adding `xx.json` adds it to the switcher with no code
 * change. `$meta` gives its own name and writing direction.
 */
const files = import.meta.glob<LocaleFile>("./locales/*.json", { eager: true, import: "default" });

export const languages = Object.entries(files)
  .map(([path, file]) => ({
    code: path.replace(/^.*\/(.+)\.json$/, "$1"),
    name: file.$meta.name,
    dir: file.$meta.dir,
  }))
  .sort((a, b) => (a.code === "en" ? -1 : b.code === "en" ? 1 : a.code.localeCompare(b.code)));

const stored = typeof localStorage === "undefined" ? null : localStorage.getItem("continuum.language");
/** The language chosen before, else the first of the browser's languages we have, else English. */
const browserLanguage = (typeof navigator === "undefined" ? [] : navigator.languages)
  .map((tag) => tag.split("-")[0])
  .find((code) => languages.some((l) => l.code === code));
const initial = languages.find((l) => l.code === stored)?.code ?? browserLanguage ?? "en";

const applyDirection = (code: string) => {
  const language = languages.find((l) => l.code === code);
  document.documentElement.lang = code;
  document.documentElement.dir = language?.dir ?? "ltr";
};

await i18next.use(initReactI18next).init({
  lng: initial,
  fallbackLng: "en",
  resources: Object.fromEntries(
    Object.entries(files).map(([path, file]) => [
      path.replace(/^.*\/(.+)\.json$/, "$1"),
      { translation: file },
    ]),
  ),
  interpolation: { escapeValue: false },
});
applyDirection(initial);

/**
 * Months, codes and model versions are left-to-right fragments. Inside Arabic text the bidi algorithm
 * treats their digits as Arabic numbers and reorders them ("2019-12" shows as "12-2019"), so in a
 * right-to-left language they are wrapped in a left-to-right isolate, with a word joiner after each hyphen
 * so "2019-12" never breaks across lines there; other languages get them unchanged.
 */
export const ltr = (text: string | number): string =>
  languages.find((l) => l.code === i18next.language)?.dir === "rtl"
    ? `\u2066${String(text).replaceAll("-", "-\u2060")}\u2069`
    : String(text);

/** The months and dates (2019-12, 2019-12-31) inside a text from the server, such as an alert's summary. */
export const ltrDates = (text: string): string =>
  text.replace(/\d{4}-\d{2}(?:-\d{2})?/g, (date) => ltr(date));

export const changeLanguage = async (code: string) => {
  await i18next.changeLanguage(code);
  localStorage.setItem("continuum.language", code);
  applyDirection(code);
};
