import type { Language } from "../shared/languages.ts";
import type { ReportStatus } from "./report.schemas.ts";

/**
 * SMS answers in the reporter's language; kept under 160 characters where the language allows. The Arabic help
 * writes its example place in Latin letters: the gazetteer knows towns by those names only, so a town written
 * in Arabic would leave the report without a place. `placeUnknown` says so when it happens: the SMS grammar
 * takes no coordinates (a comma ends the place), so a name the gazetteer has is the reporter's only way.
 */
const TEXTS = {
  en: {
    received: "Thank you. Your report was received. Receipt: {receipt}. Send STATUS {receipt} to follow it.",
    status: "Your report: {status}. {reply}",
    unknownReceipt: "We do not know this receipt code. Check it and send STATUS followed by the code.",
    help: "Send what happened and where, e.g. ATTACK market burned @Gao. Words: ATTACK KILLING RAPE HATE DISPLACED ARREST WATER. STATUS <receipt> follows a report.",
    notStored: "We could not store this message as a report.",
    placeUnknown:
      'We did not find the place "{place}" on our map; it stays in your report as written. Next time name the nearest town or district in Latin letters, e.g. @Gao.',
  },
  fr: {
    received: "Merci. Votre signalement est reçu. Reçu : {receipt}. Envoyez STATUT {receipt} pour le suivre.",
    status: "Votre signalement : {status}. {reply}",
    unknownReceipt: "Code de reçu inconnu. Vérifiez-le et envoyez STATUT suivi du code.",
    help: "Envoyez ce qui s'est passé et où, ex. ATTAQUE marché brûlé @Gao. Mots : ATTAQUE MEURTRE VIOL HAINE DEPLACES ARRESTATION EAU. STATUT <reçu> pour suivre.",
    notStored: "Ce message n'a pas pu être enregistré comme signalement.",
    placeUnknown:
      "Nous n'avons pas trouvé le lieu « {place} » sur notre carte ; il reste écrit dans votre signalement. La prochaine fois, nommez la ville ou le district le plus proche en lettres latines, ex. @Gao.",
  },
  ar: {
    received: "شكراً. تم استلام بلاغك. رمز الإيصال: {receipt}. أرسل حالة {receipt} للمتابعة.",
    status: "بلاغك: {status}. {reply}",
    unknownReceipt: "رمز الإيصال غير معروف. تحقق منه وأرسل حالة ثم الرمز.",
    help: "أرسل ما حدث وأين، مثل: هجوم احتراق السوق @Gao (المكان بحروف لاتينية). كلمات: هجوم قتل اغتصاب كراهية نزوح اعتقال مياه. أرسل حالة ثم رمز الإيصال للمتابعة.",
    notStored: "تعذر حفظ هذه الرسالة كبلاغ.",
    placeUnknown:
      "لم نجد المكان «{place}» على خريطتنا، ويبقى في بلاغك كما كتبته. في المرة القادمة اكتب اسم أقرب مدينة أو منطقة بحروف لاتينية، مثل @Gao.",
  },
} as const;

export const STATUS_WORDS: Record<Language, Record<ReportStatus, string>> = {
  en: {
    new: "received, not yet reviewed",
    verified: "verified",
    unverified: "could not be verified",
    false: "found not to be accurate",
    duplicate: "already reported by others",
  },
  fr: {
    new: "reçu, pas encore examiné",
    verified: "vérifié",
    unverified: "n'a pas pu être vérifié",
    false: "jugé inexact",
    duplicate: "déjà signalé par d'autres",
  },
  ar: {
    new: "تم الاستلام ولم تتم مراجعته بعد",
    verified: "تم التحقق منه",
    unverified: "تعذر التحقق منه",
    false: "تبين أنه غير دقيق",
    duplicate: "أبلغ عنه آخرون من قبل",
  },
};

export const smsText = (
  language: Language,
  key: keyof (typeof TEXTS)["en"],
  values: { receipt?: string; status?: ReportStatus; reply?: string; place?: string },
): string =>
  TEXTS[language][key]
    .replaceAll("{receipt}", values.receipt ?? "")
    .replace("{status}", values.status ? STATUS_WORDS[language][values.status] : "")
    .replace("{reply}", values.reply ?? "")
    .replace("{place}", values.place ?? "")
    .trim();
