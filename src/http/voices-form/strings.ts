import type { Language } from "../../core/shared/languages.ts";
import type { ReportStatus } from "../../core/voices/report.schemas.ts";

/** The public form's own strings (it is served without the web app's JavaScript). */
export type FormStrings = {
  dir: "ltr" | "rtl";
  languageName: string;
  /** Names the list of languages at the top of each page. */
  languages: string;
  /** Put before the title of a page sent back with errors, so a screen reader says so first. */
  errorTitle: string;
  title: string;
  intro: string;
  safety: string;
  category: string;
  chooseCategory: string;
  categories: Record<string, string>;
  description: string;
  descriptionHint: string;
  where: string;
  place: string;
  placeHint: string;
  country: string;
  anyCountry: string;
  coordinates: string;
  latitude: string;
  longitude: string;
  map: string;
  mapHint: string;
  mapZoomed: string;
  mapAlt: string;
  mapPicked: string;
  /** Enter or Space on the map image "clicks" its corner: no place was pointed at. */
  mapNeedsPointer: string;
  date: string;
  contact: string;
  contactHint: string;
  name: string;
  phone: string;
  email: string;
  honeypot: string;
  send: string;
  problems: string;
  errors: Record<string, string>;
  receiptTitle: string;
  receiptKeep: string;
  receiptCode: string;
  status: string;
  statuses: Record<ReportStatus, string>;
  replies: string;
  noReply: string;
  submittedAt: string;
  checkTitle: string;
  checkIntro: string;
  checkButton: string;
  checkLink: string;
  newReport: string;
  unknownReceipt: string;
  smsReceipt: string;
  tooMany: string;
  thanks: string;
};

const en: FormStrings = {
  dir: "ltr",
  languageName: "English",
  languages: "Language",
  errorTitle: "Error",
  title: "Report what is happening",
  intro:
    "Tell us about violence, threats or tension in your community. You do not need an account. You will get a receipt code to follow your report and read our reply.",
  safety:
    "Your contact details are optional. If you give them, they are encrypted and only a few cleared staff can see them. Do not name other people unless it is needed.",
  category: "What kind of event?",
  chooseCategory: "Choose…",
  categories: {
    armed_violence: "Armed clashes or attacks",
    attack_on_civilians: "Killing, injury or abuse of civilians",
    sexual_violence: "Sexual or gender-based violence",
    hate_speech: "Hate speech or incitement against a group",
    discrimination: "Discrimination or exclusion of a group",
    displacement: "People forced to flee",
    arrests: "Arbitrary arrests, detention or disappearances",
    political_tension: "Political tension, protest or repression",
    armed_mobilisation: "Weapons, recruitment or armed groups gathering",
    attack_on_aid: "Threats to aid workers or peacekeepers",
    services: "Loss of water, food, health or other services",
    other: "Something else",
  },
  description: "What happened?",
  descriptionHint: "Up to 5,000 characters.",
  where: "Where?",
  place: "Place name",
  placeHint: "Town, village, district or neighbourhood.",
  country: "Country",
  anyCountry: "— not sure —",
  coordinates: "Coordinates (optional)",
  latitude: "Latitude",
  longitude: "Longitude",
  map: "Or pick on the map",
  mapHint: "Click the map to set the coordinates; click again on the closer map to refine.",
  mapZoomed: "Closer map around your first choice.",
  mapAlt: "World map: click to choose a place",
  mapPicked: "Coordinates set from the map. Check them, then send the report.",
  mapNeedsPointer:
    "The map needs a mouse or a touch: no point was set. Type the place name, or the latitude and longitude, instead.",
  date: "When did it happen?",
  contact: "How can we reach you? (optional)",
  contactHint: "Encrypted. Only cleared staff of the receiving organisation can see it.",
  name: "Name",
  phone: "Phone",
  email: "Email",
  honeypot: "Leave this empty",
  send: "Send report",
  problems: "Please correct the following:",
  errors: {
    category: "Choose what kind of event it was.",
    description: "Describe what happened (3 to 5,000 characters, plain text).",
    date: "Give the date as day, month and year: not in the future, nor more than ten years ago.",
    latitude: "Latitude is a number between -90 and 90.",
    longitude: "Longitude is a number between -180 and 180; give both or neither.",
    coordinates: "The point on the map lies outside the country chosen: correct the country or the point.",
    atSea:
      "The point on the map lies at sea, outside any country: correct the point, or leave the coordinates empty.",
    iso3: "Choose a country from the list.",
    place: "The place name is too long (200 characters at most).",
    name: "The name is too long.",
    phone: "A phone number has digits only, optionally starting with +.",
    email: "This does not look like an email address.",
    form: "The report could not be read. Please try again.",
  },
  receiptTitle: "Your report was received",
  receiptKeep:
    "Keep this code. With it you can see what happened to your report and read our reply. Anyone with the code can read the reply, so keep it safe.",
  receiptCode: "Receipt code",
  status: "Status",
  statuses: {
    new: "Received, not yet reviewed",
    verified: "Verified",
    unverified: "Could not be verified",
    false: "Found not to be accurate",
    duplicate: "Already reported by others",
  },
  replies: "Replies",
  noReply: "No reply yet.",
  submittedAt: "Sent on",
  checkTitle: "Follow a report",
  checkIntro: "Type the receipt code you were given.",
  checkButton: "Show status",
  checkLink: "Already reported? Follow your report",
  newReport: "Send another report",
  unknownReceipt: "We do not know this receipt code. Check it and try again.",
  smsReceipt: "This report was sent by SMS: send STATUS and the code from the phone that sent it.",
  tooMany: "Too many attempts. Please wait a few minutes and try again.",
  thanks: "Thank you.",
};

const fr: FormStrings = {
  dir: "ltr",
  languageName: "Français",
  languages: "Langue",
  errorTitle: "Erreur",
  title: "Signaler ce qui se passe",
  intro:
    "Parlez-nous de violences, de menaces ou de tensions dans votre communauté. Aucun compte n'est nécessaire. Vous recevrez un code de reçu pour suivre votre signalement et lire notre réponse.",
  safety:
    "Vos coordonnées sont facultatives. Si vous les donnez, elles sont chiffrées et seules quelques personnes habilitées peuvent les voir. Ne nommez d'autres personnes que si c'est nécessaire.",
  category: "Quel type d'événement ?",
  chooseCategory: "Choisir…",
  categories: {
    armed_violence: "Affrontements ou attaques armés",
    attack_on_civilians: "Meurtres, blessures ou sévices contre des civils",
    sexual_violence: "Violences sexuelles ou fondées sur le genre",
    hate_speech: "Discours de haine ou incitation contre un groupe",
    discrimination: "Discrimination ou exclusion d'un groupe",
    displacement: "Personnes forcées de fuir",
    arrests: "Arrestations arbitraires, détentions ou disparitions",
    political_tension: "Tensions politiques, manifestations ou répression",
    armed_mobilisation: "Armes, recrutement ou rassemblement de groupes armés",
    attack_on_aid: "Menaces contre les humanitaires ou les casques bleus",
    services: "Perte d'accès à l'eau, la nourriture, la santé ou d'autres services",
    other: "Autre chose",
  },
  description: "Que s'est-il passé ?",
  descriptionHint: "Jusqu'à 5 000 caractères.",
  where: "Où ?",
  place: "Nom du lieu",
  placeHint: "Ville, village, district ou quartier.",
  country: "Pays",
  anyCountry: "— je ne sais pas —",
  coordinates: "Coordonnées (facultatif)",
  latitude: "Latitude",
  longitude: "Longitude",
  map: "Ou choisir sur la carte",
  mapHint:
    "Cliquez sur la carte pour fixer les coordonnées ; cliquez à nouveau sur la carte agrandie pour préciser.",
  mapZoomed: "Carte agrandie autour de votre premier choix.",
  mapAlt: "Carte du monde : cliquez pour choisir un lieu",
  mapPicked: "Coordonnées fixées depuis la carte. Vérifiez-les, puis envoyez le signalement.",
  mapNeedsPointer:
    "La carte se pointe à la souris ou au doigt : aucun point n'a été fixé. Saisissez plutôt le nom du lieu, ou la latitude et la longitude.",
  date: "Quand cela s'est-il passé ?",
  contact: "Comment vous joindre ? (facultatif)",
  contactHint: "Chiffré. Seul le personnel habilité de l'organisation destinataire peut le voir.",
  name: "Nom",
  phone: "Téléphone",
  email: "Courriel",
  honeypot: "Laissez ce champ vide",
  send: "Envoyer le signalement",
  problems: "Veuillez corriger ce qui suit :",
  errors: {
    category: "Choisissez le type d'événement.",
    description: "Décrivez ce qui s'est passé (3 à 5 000 caractères, texte simple).",
    date: "Indiquez la date (jour, mois, année) : ni dans le futur, ni il y a plus de dix ans.",
    latitude: "La latitude est un nombre entre -90 et 90.",
    longitude: "La longitude est un nombre entre -180 et 180 ; donnez les deux ou aucune.",
    coordinates: "Le point sur la carte se trouve hors du pays choisi : corrigez le pays ou le point.",
    atSea:
      "Le point sur la carte se trouve en mer, hors de tout pays : corrigez le point ou laissez les coordonnées vides.",
    iso3: "Choisissez un pays dans la liste.",
    place: "Le nom du lieu est trop long (200 caractères au plus).",
    name: "Le nom est trop long.",
    phone: "Un numéro de téléphone ne contient que des chiffres, éventuellement précédés de +.",
    email: "Cette adresse de courriel ne semble pas valide.",
    form: "Le signalement n'a pas pu être lu. Veuillez réessayer.",
  },
  receiptTitle: "Votre signalement a été reçu",
  receiptKeep:
    "Gardez ce code. Il vous permet de voir ce qu'il advient de votre signalement et de lire notre réponse. Toute personne ayant le code peut lire la réponse : gardez-le en lieu sûr.",
  receiptCode: "Code de reçu",
  status: "État",
  statuses: {
    new: "Reçu, pas encore examiné",
    verified: "Vérifié",
    unverified: "N'a pas pu être vérifié",
    false: "Jugé inexact",
    duplicate: "Déjà signalé par d'autres",
  },
  replies: "Réponses",
  noReply: "Pas encore de réponse.",
  submittedAt: "Envoyé le",
  checkTitle: "Suivre un signalement",
  checkIntro: "Saisissez le code de reçu qui vous a été donné.",
  checkButton: "Voir l'état",
  checkLink: "Déjà signalé ? Suivez votre signalement",
  newReport: "Envoyer un autre signalement",
  unknownReceipt: "Ce code de reçu est inconnu. Vérifiez-le et réessayez.",
  smsReceipt:
    "Ce signalement a été envoyé par SMS : envoyez STATUT et le code depuis le téléphone qui l'a envoyé.",
  tooMany: "Trop de tentatives. Veuillez patienter quelques minutes.",
  thanks: "Merci.",
};

const ar: FormStrings = {
  dir: "rtl",
  languageName: "العربية",
  languages: "اللغة",
  errorTitle: "خطأ",
  title: "أبلغ عمّا يحدث",
  intro:
    "أخبرنا عن العنف أو التهديدات أو التوترات في مجتمعك. لا تحتاج إلى حساب. ستحصل على رمز إيصال لمتابعة بلاغك وقراءة ردّنا.",
  safety:
    "بيانات الاتصال بك اختيارية. إذا قدّمتها فإنها تُشفَّر ولا يطّلع عليها إلا عدد قليل من الموظفين المخوّلين. لا تذكر أسماء أشخاص آخرين إلا عند الضرورة.",
  category: "ما نوع الحدث؟",
  chooseCategory: "اختر…",
  categories: {
    armed_violence: "اشتباكات أو هجمات مسلحة",
    attack_on_civilians: "قتل مدنيين أو إصابتهم أو الإساءة إليهم",
    sexual_violence: "عنف جنسي أو قائم على النوع الاجتماعي",
    hate_speech: "خطاب كراهية أو تحريض ضد جماعة",
    discrimination: "تمييز ضد جماعة أو إقصاؤها",
    displacement: "أشخاص أُجبروا على الفرار",
    arrests: "اعتقالات تعسفية أو احتجاز أو اختفاء",
    political_tension: "توتر سياسي أو احتجاجات أو قمع",
    armed_mobilisation: "أسلحة أو تجنيد أو تجمّع جماعات مسلحة",
    attack_on_aid: "تهديدات لعمّال الإغاثة أو قوات حفظ السلام",
    services: "انقطاع المياه أو الغذاء أو الصحة أو خدمات أخرى",
    other: "شيء آخر",
  },
  description: "ماذا حدث؟",
  descriptionHint: "حتى 5000 حرف.",
  where: "أين؟",
  place: "اسم المكان",
  placeHint: "مدينة أو قرية أو منطقة أو حيّ.",
  country: "البلد",
  anyCountry: "— لست متأكداً —",
  coordinates: "الإحداثيات (اختياري)",
  latitude: "خط العرض",
  longitude: "خط الطول",
  map: "أو اختر على الخريطة",
  mapHint: "انقر على الخريطة لتحديد الإحداثيات، ثم انقر مرة أخرى على الخريطة المكبّرة للتدقيق.",
  mapZoomed: "خريطة مكبّرة حول اختيارك الأول.",
  mapAlt: "خريطة العالم: انقر لاختيار مكان",
  mapPicked: "تم تحديد الإحداثيات من الخريطة. تحقّق منها ثم أرسل البلاغ.",
  mapNeedsPointer:
    "تحتاج الخريطة إلى الفأرة أو اللمس: لم يُحدَّد أي موقع. اكتب اسم المكان، أو خط العرض وخط الطول، بدلاً من ذلك.",
  date: "متى حدث ذلك؟",
  contact: "كيف يمكننا التواصل معك؟ (اختياري)",
  contactHint: "مشفّر. لا يطّلع عليه إلا الموظفون المخوّلون في الجهة المستلمة.",
  name: "الاسم",
  phone: "الهاتف",
  email: "البريد الإلكتروني",
  honeypot: "اترك هذا الحقل فارغاً",
  send: "أرسل البلاغ",
  problems: "يرجى تصحيح ما يلي:",
  errors: {
    category: "اختر نوع الحدث.",
    description: "صف ما حدث (من 3 إلى 5000 حرف، نص عادي).",
    date: "أدخل التاريخ (اليوم والشهر والسنة)، على ألا يكون في المستقبل ولا قبل أكثر من عشر سنوات.",
    latitude: "خط العرض رقم بين ‎-90 و90.",
    longitude: "خط الطول رقم بين ‎-180 و180، أدخل الاثنين معاً أو لا شيء.",
    coordinates: "النقطة على الخريطة تقع خارج البلد المختار: صحّح البلد أو النقطة.",
    atSea: "النقطة على الخريطة تقع في البحر خارج أي بلد: صحّح النقطة أو اترك الإحداثيات فارغة.",
    iso3: "اختر بلداً من القائمة.",
    place: "اسم المكان طويل جداً (200 حرف على الأكثر).",
    name: "الاسم طويل جداً.",
    phone: "رقم الهاتف أرقام فقط، ويمكن أن يبدأ بـ +.",
    email: "لا يبدو هذا عنوان بريد إلكتروني صحيحاً.",
    form: "تعذّرت قراءة البلاغ. يرجى المحاولة مرة أخرى.",
  },
  receiptTitle: "تم استلام بلاغك",
  receiptKeep:
    "احتفظ بهذا الرمز. يمكنك به معرفة ما جرى لبلاغك وقراءة ردّنا. يستطيع أي شخص لديه الرمز قراءة الرد، فاحفظه في مكان آمن.",
  receiptCode: "رمز الإيصال",
  status: "الحالة",
  statuses: {
    new: "تم الاستلام ولم تتم مراجعته بعد",
    verified: "تم التحقق منه",
    unverified: "تعذّر التحقق منه",
    false: "تبيّن أنه غير دقيق",
    duplicate: "أبلغ عنه آخرون من قبل",
  },
  replies: "الردود",
  noReply: "لا يوجد رد بعد.",
  submittedAt: "أُرسل في",
  checkTitle: "متابعة بلاغ",
  checkIntro: "اكتب رمز الإيصال الذي حصلت عليه.",
  checkButton: "اعرض الحالة",
  checkLink: "أبلغت من قبل؟ تابع بلاغك",
  newReport: "أرسل بلاغاً آخر",
  unknownReceipt: "رمز الإيصال هذا غير معروف. تحقّق منه وحاول مرة أخرى.",
  smsReceipt: "أُرسل هذا البلاغ برسالة نصية: أرسل «حالة» والرمز من الهاتف الذي أرسله.",
  tooMany: "محاولات كثيرة جداً. يرجى الانتظار بضع دقائق ثم المحاولة مجدداً.",
  thanks: "شكراً لك.",
};

export const FORM_STRINGS: Record<Language, FormStrings> = { en, fr, ar };

/** The language asked for (query or form field), else the browser's preference, else English. */
export const pickLanguage = (asked: unknown, acceptLanguage: string | undefined): Language => {
  if (asked === "en" || asked === "fr" || asked === "ar") return asked;
  for (const part of (acceptLanguage ?? "").split(",")) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if (code === "en" || code === "fr" || code === "ar") return code;
  }
  return "en";
};
