import type { Language } from "../../core/shared/languages.ts";
import type { TReceiptStatus } from "../../core/voices/report.schemas.ts";
import { escapeHtml as esc } from "../presenters/html.ts";
import { FORM_STRINGS, type FormStrings } from "./strings.ts";

const languages = Object.entries(FORM_STRINGS) as [Language, FormStrings][];

/** A whole page: no scripts, one small stylesheet, the language's direction on <html>. */
export const page = (lang: Language, title: string, body: string, path = "/report"): string => {
  const s = FORM_STRINGS[lang];
  const switcher = languages
    .map(([code, strings]) =>
      code === lang
        ? `<strong lang="${code}">${esc(strings.languageName)}</strong>`
        : `<a href="${esc(path)}?lang=${code}" lang="${code}" hreflang="${code}">${esc(strings.languageName)}</a>`,
    )
    .join(" · ");
  return `<!doctype html>
<html lang="${lang}" dir="${s.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<link rel="stylesheet" href="/report/voices.css">
</head>
<body>
<nav class="languages" aria-label="${esc(s.languages)}">${switcher}</nav>
<main>
${body}
</main>
</body>
</html>
`;
};

export type FormValues = Partial<
  Record<
    | "category"
    | "description"
    | "place"
    | "iso3"
    | "latitude"
    | "longitude"
    | "date"
    | "name"
    | "phone"
    | "email"
    | "zoom_lat"
    | "zoom_lon",
    string
  >
>;

type FormView = {
  lang: Language;
  values: FormValues;
  errors: Record<string, string>;
  categories: readonly string[];
  /** English registry names; the page words them in its own language where ICU knows the country. */
  countries: readonly { iso3: string; iso2: string | null; name: string }[];
  today: string;
  notice?: string;
};

const field = (id: string, label: string, control: string, error: string | undefined, hint?: string) =>
  `<div class="field${error ? " invalid" : ""}">
<label for="${id}">${esc(label)}</label>
${hint ? `<p class="hint" id="${id}-hint">${esc(hint)}</p>` : ""}${error ? `<p class="error" id="${id}-error">${esc(error)}</p>` : ""}
${control}
</div>`;

const described = (id: string, hint: boolean, error: string | undefined) => {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return `${ids ? ` aria-describedby="${ids}"` : ""}${error ? ' aria-invalid="true"' : ""}`;
};

const input = (
  id: string,
  type: string,
  value: string | undefined,
  error: string | undefined,
  extra = "",
  hint = false,
) =>
  `<input id="${id}" name="${id}" type="${type}" value="${esc(value)}"${described(id, hint, error)}${extra}>`;

/** Countries named and sorted as the page's language does: a reporter must be able to read the list. */
const localCountryNames = (countries: FormView["countries"], lang: string) => {
  const display = new Intl.DisplayNames([lang], { type: "region", fallback: "none" });
  return countries
    .map((c) => ({ iso3: c.iso3, name: (c.iso2 && display.of(c.iso2)) || c.name }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
};

const formFields = new Set([
  "category",
  "description",
  "place",
  "iso3",
  "latitude",
  "longitude",
  "date",
  "name",
  "phone",
  "email",
]);

/**
 * What to correct, each item a link to its field. Without JavaScript nothing can move the focus after the page
 * comes back, so the summary takes it (autofocus) and is read out first, as the page title's "Error" is.
 */
const errorSummary = (s: FormStrings, errors: Record<string, string>): string =>
  `<div class="problems" role="alert" tabindex="-1" autofocus><p>${esc(s.problems)}</p><ul>${Object.entries(
    errors,
  )
    .map(
      ([id, message]) =>
        `<li>${formFields.has(id) ? `<a href="#${id}">${esc(message)}</a>` : esc(message)}</li>`,
    )
    .join("")}</ul></div>`;

export const formPage = (view: FormView): string => {
  const s = FORM_STRINGS[view.lang];
  const v = view.values;
  const e = view.errors;
  const errorCount = Object.keys(e).length;
  const zoomed = v.zoom_lat !== undefined && v.zoom_lon !== undefined;
  const picked =
    v.latitude && v.longitude
      ? `mlat=${encodeURIComponent(v.latitude)}&amp;mlon=${encodeURIComponent(v.longitude)}`
      : "";
  const zoom = zoomed
    ? `lat=${encodeURIComponent(v.zoom_lat ?? "")}&amp;lon=${encodeURIComponent(v.zoom_lon ?? "")}`
    : "";
  const query = [zoom, picked].filter(Boolean).join("&amp;");
  const mapSrc = query ? `/report/map.svg?${query}` : "/report/map.svg";
  const categoryOptions = view.categories
    .map(
      (code) =>
        `<option value="${esc(code)}"${v.category === code ? " selected" : ""}>${esc(s.categories[code] ?? code)}</option>`,
    )
    .join("");
  const countryOptions = localCountryNames(view.countries, view.lang)
    .map(
      (c) => `<option value="${esc(c.iso3)}"${v.iso3 === c.iso3 ? " selected" : ""}>${esc(c.name)}</option>`,
    )
    .join("");
  const body = `<h1>${esc(s.title)}</h1>
<p>${esc(s.intro)}</p>
<p class="note">${esc(s.safety)}</p>
${view.notice ? `<p class="notice" role="status">${esc(view.notice)}</p>` : ""}
${errorCount ? errorSummary(s, e) : ""}
<form method="post" action="/report" accept-charset="utf-8">
<button type="submit" name="send" value="1" class="default-submit" tabindex="-1" aria-hidden="true">${esc(s.send)}</button>
<input type="hidden" name="lang" value="${view.lang}">
${zoomed ? `<input type="hidden" name="zoom_lat" value="${esc(v.zoom_lat)}"><input type="hidden" name="zoom_lon" value="${esc(v.zoom_lon)}">` : ""}
${field("category", s.category, `<select id="category" name="category" required${described("category", false, e.category)}><option value="">${esc(s.chooseCategory)}</option>${categoryOptions}</select>`, e.category)}
${field("description", s.description, `<textarea id="description" name="description" rows="6" maxlength="5000" required${described("description", true, e.description)}>${esc(v.description)}</textarea>`, e.description, s.descriptionHint)}
<fieldset>
<legend>${esc(s.where)}</legend>
${field("place", s.place, input("place", "text", v.place, e.place, ' maxlength="200" autocomplete="off"', true), e.place, s.placeHint)}
${field("iso3", s.country, `<select id="iso3" name="iso3"${described("iso3", false, e.iso3)}><option value="">${esc(s.anyCountry)}</option>${countryOptions}</select>`, e.iso3)}
<div class="pair">
${field("latitude", s.latitude, input("latitude", "text", v.latitude, e.latitude, ' inputmode="decimal" autocomplete="off" dir="ltr"'), e.latitude)}
${field("longitude", s.longitude, input("longitude", "text", v.longitude, e.longitude, ' inputmode="decimal" autocomplete="off" dir="ltr"'), e.longitude)}
</div>
<div class="map">
<p>${esc(s.map)}. ${esc(zoomed ? s.mapZoomed : s.mapHint)}</p>
<div class="map-frame"><input type="image" name="map" src="${mapSrc}" width="360" height="180" alt="${esc(s.mapAlt)}" formnovalidate tabindex="-1" aria-hidden="true"></div>
</div>
</fieldset>
${field("date", s.date, input("date", "date", v.date ?? view.today, e.date, ` required max="${view.today}"`), e.date)}
<fieldset>
<legend>${esc(s.contact)}</legend>
<p class="hint">${esc(s.contactHint)}</p>
${field("name", s.name, input("name", "text", v.name, e.name, ' maxlength="200" autocomplete="name"'), e.name)}
${field("phone", s.phone, input("phone", "tel", v.phone, e.phone, ' autocomplete="tel" dir="ltr"'), e.phone)}
${field("email", s.email, input("email", "email", v.email, e.email, ' autocomplete="email" dir="ltr"'), e.email)}
</fieldset>
<div class="trap" aria-hidden="true"><label for="website">${esc(s.honeypot)}</label><input id="website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
<p><button type="submit" name="send" value="1">${esc(s.send)}</button></p>
</form>
<p><a href="/report/status?lang=${view.lang}">${esc(s.checkLink)}</a></p>`;
  return page(view.lang, errorCount ? `${s.errorTitle}: ${s.title}` : s.title, body);
};

export const receiptPage = (lang: Language, code: string, status: TReceiptStatus, fresh: boolean): string => {
  const s = FORM_STRINGS[lang];
  const replies = status.replies.length
    ? `<ol class="replies">${status.replies.map((r) => `<li><time dir="ltr" datetime="${esc(r.at)}">${esc(r.at.slice(0, 10))}</time> <span dir="auto">${esc(r.body)}</span></li>`).join("")}</ol>`
    : `<p>${esc(s.noReply)}</p>`;
  const body = `<h1>${esc(fresh ? s.receiptTitle : s.checkTitle)}</h1>
${fresh ? `<p>${esc(s.receiptKeep)}</p>` : ""}
<p class="receipt"><span>${esc(s.receiptCode)}</span> <strong dir="ltr" id="receipt-code">${esc(code)}</strong></p>
<dl>
<dt>${esc(s.status)}</dt><dd id="receipt-status" data-status="${esc(status.status)}">${esc(s.statuses[status.status])}</dd>
<dt>${esc(s.category)}</dt><dd>${esc(s.categories[status.category] ?? status.category)}</dd>
<dt>${esc(s.submittedAt)}</dt><dd><time datetime="${esc(status.submittedAt)}">${esc(status.submittedAt.slice(0, 10))}</time></dd>
</dl>
<h2>${esc(s.replies)}</h2>
${replies}
<p><a href="/report?lang=${lang}">${esc(s.newReport)}</a></p>`;
  return page(
    lang,
    fresh ? s.receiptTitle : s.checkTitle,
    body,
    fresh ? "/report/receipt" : "/report/status",
  );
};

export const statusPage = (lang: Language, error?: string, code = ""): string => {
  const s = FORM_STRINGS[lang];
  const body = `<h1>${esc(s.checkTitle)}</h1>
${error ? `<p class="problems" role="alert" id="receipt-error">${esc(error)}</p>` : ""}
<form method="post" action="/report/status" accept-charset="utf-8">
<input type="hidden" name="lang" value="${lang}">
<div class="field"><label for="receipt">${esc(s.receiptCode)}</label><p class="hint">${esc(s.checkIntro)}</p>
<input id="receipt" name="receipt" type="text" value="${esc(code)}" required autocomplete="off" autocapitalize="characters" dir="ltr" maxlength="20"${error ? ' aria-invalid="true" aria-describedby="receipt-error" autofocus' : ""}></div>
<p><button type="submit">${esc(s.checkButton)}</button></p>
</form>
<p><a href="/report?lang=${lang}">${esc(s.newReport)}</a></p>`;
  return page(lang, s.checkTitle, body, "/report/status");
};

export const messagePage = (lang: Language, message: string): string => {
  const s = FORM_STRINGS[lang];
  return page(
    lang,
    s.title,
    `<h1>${esc(message)}</h1><p><a href="/report?lang=${lang}">${esc(s.newReport)}</a></p>`,
  );
};
