import type { Language } from "../shared/languages.ts";

/**
 * What an incoming SMS asks for. Grammar (documented in README → Voices → SMS):
 *   STATUS <receipt>            (also STATUT, حالة) → the report's status and any reply
 *   HELP                        (also INFO, AIDE, مساعدة, alone; or STATUS without a code) → how to report
 *   [KEYWORD] text [@place]     → a new report; KEYWORD picks the category (e.g. ATTACK, WATER, HATE)
 */
type SmsIntent =
  | { kind: "status"; receipt: string; language: Language }
  | { kind: "help"; language: Language }
  | {
      kind: "report";
      category: string;
      description: string;
      place: string | undefined;
      language: Language;
    };

const STATUS_WORDS: Record<string, Language> = { STATUS: "en", STATUT: "fr", حالة: "ar" };
// "AIDE" alone is a French speaker asking for help; followed by text it reports an attack on aid.
const HELP_WORDS: Record<string, Language> = { HELP: "en", INFO: "fr", AIDE: "fr", مساعدة: "ar" };

/** First-word keywords in the three languages, to category codes (kept short for feature phones). */
const KEYWORDS: Record<string, string> = {
  ATTACK: "armed_violence",
  FIGHTING: "armed_violence",
  ATTAQUE: "armed_violence",
  COMBATS: "armed_violence",
  هجوم: "armed_violence",
  KILLING: "attack_on_civilians",
  MEURTRE: "attack_on_civilians",
  قتل: "attack_on_civilians",
  RAPE: "sexual_violence",
  VIOL: "sexual_violence",
  اغتصاب: "sexual_violence",
  HATE: "hate_speech",
  HAINE: "hate_speech",
  كراهية: "hate_speech",
  DISPLACED: "displacement",
  DEPLACES: "displacement",
  نزوح: "displacement",
  ARREST: "arrests",
  ARRESTATION: "arrests",
  اعتقال: "arrests",
  PROTEST: "political_tension",
  MANIFESTATION: "political_tension",
  احتجاج: "political_tension",
  WEAPONS: "armed_mobilisation",
  ARMES: "armed_mobilisation",
  سلاح: "armed_mobilisation",
  AID: "attack_on_aid",
  AIDE: "attack_on_aid",
  إغاثة: "attack_on_aid",
  WATER: "services",
  EAU: "services",
  مياه: "services",
};

const FRENCH_HINT = /\b(le|la|les|des|est|une|dans|nous|ont|été)\b/i;
/** A French keyword says the reporter writes French, whatever words follow ("AIDE convoi pillé"). */
const FRENCH_KEYWORDS = new Set([
  "ATTAQUE",
  "COMBATS",
  "MEURTRE",
  "VIOL",
  "HAINE",
  "DEPLACES",
  "ARRESTATION",
  "MANIFESTATION",
  "ARMES",
  "AIDE",
  "EAU",
]);

const languageOf = (text: string, keyword: string): Language =>
  /\p{Script=Arabic}/u.test(text)
    ? "ar"
    : FRENCH_KEYWORDS.has(keyword) || FRENCH_HINT.test(text)
      ? "fr"
      : "en";

const fold = (word: string) =>
  word
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .replace(/[^\p{L}]/gu, "");

/**
 * The `@place` of a message and the text that tags it. A place runs to the next punctuation or the end, in up
 * to three words ("@Ras al Ain"); longer, the message went on after it ("@Bor cattle raid near the river"),
 * and only the first word is the place.
 */
const placeTag = (body: string): { place: string | undefined; tag: string | undefined } => {
  const match = /@([^,.;\n@]{2,80})/u.exec(body);
  const words = match?.[1]?.trim().split(/\s+/) ?? [];
  if (!match || words.length === 0) return { place: undefined, tag: undefined };
  if (words.length <= 3) return { place: words.join(" "), tag: match[0] };
  const first = words[0] as string;
  return { place: first, tag: `@${first}` };
};

/**
 * A preposition of place ending the text before an `@place`, in English, French or Arabic. Not "from" or
 * "towards": without them the text would say the opposite of where people went.
 */
const LEADING_TO_PLACE = /(?:^|\s)(?:in|at|near|à|au|aux|en|dans|près de|في|قرب|عند)\s*$/iu;

const withoutTag = (body: string, tag: string): string => {
  const at = body.indexOf(tag);
  return `${body.slice(0, at).replace(LEADING_TO_PLACE, " ")} ${body.slice(at + tag.length)}`;
};

export const parseSms = (raw: string): SmsIntent => {
  const text = raw.trim().replace(/\s+/g, " ");
  const [first = "", second = "", ...rest] = text.split(" ");
  const helpLanguage = HELP_WORDS[fold(first)] ?? HELP_WORDS[first];
  if (helpLanguage && !second) return { kind: "help", language: helpLanguage };
  const statusLanguage = STATUS_WORDS[fold(first)] ?? STATUS_WORDS[first];
  // A status question without its code is not a report: the reply says how to ask.
  if (statusLanguage && !second) return { kind: "help", language: statusLanguage };
  if (statusLanguage && second && rest.length <= 2) {
    return { kind: "status", receipt: [second, ...rest].join(""), language: statusLanguage };
  }
  const keyword = KEYWORDS[fold(first)] ?? KEYWORDS[first.replace(/^#/, "")];
  const body = keyword ? text.slice(first.length).trim() : text;
  const { place, tag } = placeTag(body);
  // The place goes to its own field, which is protected (coarsened when shared): the text must not repeat it,
  // nor keep the preposition that led to it ("armed men in @Bria attacked" reads "armed men attacked").
  const description = (tag ? withoutTag(body, tag) : body)
    .replace(/\s+([,.;])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
  return {
    kind: "report",
    category: keyword ?? "other",
    description: description || (keyword ? first : "…"),
    place,
    language: languageOf(text, fold(first)),
  };
};
