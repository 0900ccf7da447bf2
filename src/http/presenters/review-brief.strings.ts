import type { Language } from "../../core/shared/languages.ts";

/** The printable brief's wording, kept with the brief: it is served and written without the web app. */
export type BriefStrings = {
  dir: "ltr" | "rtl";
  /** What follows a label before its value: French sets a thin no-break space before the colon. */
  colon: string;
  audit: string;
  status: string;
  adopted: (date: string, by: string) => string;
  exported: (when: string, by: string) => string;
  findings: string;
  noFindings: string;
  riskFactors: string;
  factorColumns: [string, string, string, string, string, string];
  notAssessed: string;
  evidenceLinks: string;
  recommendations: string;
  none: string;
  /** Its arguments are HTML already (escaped, isolated): the line adds only its own words. */
  recommendationLine: (to: string, from: string, response: string) => string;
  implementation: string;
  notFollowedUp: string;
  evidence: string;
  window: (from: string, to: string, deaths: string) => string;
  oneSided: (deaths: string) => string;
  events: (count: string) => string;
  stateBasedOnly: (months: string) => string;
  forecast: (origin: string, model: string) => string;
  forecastColumns: [string, string, string, string, string];
  median: (n: string) => string;
  noForecast: string;
  drivers: (month: string) => string;
  reading: (phrase: string, value: string) => string;
  points: (n: string) => string;
  noDrivers: string;
  conflicts: string;
  conflictLine: (year: string, sideA: string, sideB: string) => string;
  intensities: { war: string; minor: string };
  communityReports: string;
  reportColumns: [string, string, string];
  fewerThan: (k: string) => string;
  earlierRecommendations: string;
  scenarios: string;
  plans: string;
  likelihood: string;
  triggers: string;
  watch: string;
  activation: string;
  statuses: Record<string, string>;
  levels: Record<string, string>;
  trends: Record<string, string>;
  confidences: Record<string, string>;
  responses: Record<string, string>;
  implementations: Record<string, string>;
  likelihoods: Record<string, string>;
  impacts: Record<string, string>;
  clearances: Record<string, string>;
  factorCategories: Record<string, string>;
};

const en: BriefStrings = {
  dir: "ltr",
  colon: ": ",
  audit: "Peacebuilding Audit",
  status: "status",
  adopted: (date, by) => `adopted ${date} by ${by}`,
  exported: (when, by) => `exported ${when} UTC by ${by}`,
  findings: "Findings",
  noFindings: "No findings written.",
  riskFactors: "Risk factors",
  factorColumns: ["#", "Risk factor", "Level", "Trend", "Confidence", "Assessment"],
  notAssessed: "not assessed",
  evidenceLinks: "Evidence",
  recommendations: "Recommendations",
  none: "None.",
  recommendationLine: (to, from, response) => `To ${to} · from ${from} · ${response}`,
  implementation: "implementation",
  notFollowedUp: "not followed up",
  evidence: "Evidence",
  window: (from, to, deaths) => `Window ${from} to ${to}: ${deaths} recorded deaths`,
  oneSided: (deaths) => ` (${deaths} in one-sided violence against civilians)`,
  events: (count) => `, ${count} events`,
  stateBasedOnly: (months) =>
    ` ${months}: state-based deaths only, from the country-month series (the event data hold fewer deaths for these months, or none).`,
  forecast: (origin, model) => `Forecast (run of ${origin}, ${model})`,
  forecastColumns: ["Month", "Horizon", "P(any)", "P(25+)", "80% interval (deaths)"],
  median: (n) => `median ${n}`,
  noForecast: "No forecast available.",
  drivers: (month) => `What moves the forecast for ${month}`,
  reading: (phrase, value) => `${phrase}: ${value}`,
  points: (n) => `${n} points`,
  noDrivers: "No single factor stands out.",
  conflicts: "Armed conflicts",
  conflictLine: (year, sideA, sideB) => `${year}: ${sideA} vs ${sideB}`,
  intensities: { war: "war", minor: "minor" },
  communityReports: "Community reports (verified, last 24 months)",
  reportColumns: ["Month", "Category", "Reports"],
  fewerThan: (k) => `fewer than ${k}`,
  earlierRecommendations: "Open recommendations from earlier reviews",
  scenarios: "Scenarios",
  plans: "Contingency plans",
  likelihood: "Likelihood",
  triggers: "Triggers",
  watch: "Watch",
  activation: "Activation",
  statuses: { draft: "draft", in_review: "in review", adopted: "adopted" },
  levels: { none: "none", low: "low", moderate: "moderate", high: "high", severe: "severe" },
  trends: { improving: "improving", stable: "stable", worsening: "worsening", unknown: "unknown" },
  confidences: { low: "low", medium: "medium", high: "high" },
  responses: { pending: "awaiting response", supported: "supported", noted: "noted" },
  implementations: { not_started: "not started", partial: "partial", full: "full" },
  likelihoods: { unlikely: "unlikely", possible: "possible", likely: "likely", very_likely: "very likely" },
  impacts: {
    limited: "limited impact",
    moderate: "moderate impact",
    major: "major impact",
    catastrophic: "catastrophic impact",
  },
  clearances: { public: "public", restricted: "restricted", confidential: "confidential" },
  factorCategories: {
    common: "common to all atrocity crimes",
    genocide: "genocide",
    crimes_against_humanity: "crimes against humanity",
    war_crimes: "war crimes",
  },
};

const fr: BriefStrings = {
  dir: "ltr",
  colon: "\u202f: ",
  audit: "Audit de consolidation de la paix",
  status: "statut",
  adopted: (date, by) => `adopté le ${date} par ${by}`,
  exported: (when, by) => `exporté le ${when} UTC par ${by}`,
  findings: "Constats",
  noFindings: "Aucun constat rédigé.",
  riskFactors: "Facteurs de risque",
  factorColumns: ["N°", "Facteur de risque", "Niveau", "Tendance", "Confiance", "Évaluation"],
  notAssessed: "non évalué",
  evidenceLinks: "Sources",
  recommendations: "Recommandations",
  none: "Aucune.",
  recommendationLine: (to, from, response) => `À ${to} · de ${from} · ${response}`,
  implementation: "mise en œuvre",
  notFollowedUp: "sans suivi",
  evidence: "Éléments de preuve",
  window: (from, to, deaths) => `Période du ${from} au ${to} : ${deaths} morts enregistrés`,
  oneSided: (deaths) => ` (dont ${deaths} dans la violence unilatérale contre les civils)`,
  events: (count) => `, ${count} événements`,
  stateBasedOnly: (months) =>
    ` ${months} : décès des seuls conflits armés étatiques, d’après la série pays-mois (les données d’événements en comptent moins pour ces mois, ou aucun).`,
  forecast: (origin, model) => `Prévision (exécution de ${origin}, ${model})`,
  forecastColumns: ["Mois", "Horizon", "P(au moins 1)", "P(25 et plus)", "Intervalle à 80 % (morts)"],
  median: (n) => `médiane ${n}`,
  noForecast: "Aucune prévision disponible.",
  drivers: (month) => `Ce qui explique la prévision pour ${month}`,
  reading: (phrase, value) => `${phrase}\u202f: ${value}`,
  points: (n) => `${n} points`,
  noDrivers: "Aucun facteur ne se distingue.",
  conflicts: "Conflits armés",
  conflictLine: (year, sideA, sideB) => `${year} : ${sideA} contre ${sideB}`,
  intensities: { war: "guerre", minor: "mineur" },
  communityReports: "Signalements communautaires (vérifiés, 24 derniers mois)",
  reportColumns: ["Mois", "Catégorie", "Signalements"],
  fewerThan: (k) => `moins de ${k}`,
  earlierRecommendations: "Recommandations ouvertes d'examens précédents",
  scenarios: "Scénarios",
  plans: "Plans d'urgence",
  likelihood: "Probabilité",
  triggers: "Déclencheurs",
  watch: "À surveiller",
  activation: "Activation",
  statuses: { draft: "brouillon", in_review: "en relecture", adopted: "adopté" },
  levels: { none: "nul", low: "faible", moderate: "modéré", high: "élevé", severe: "grave" },
  trends: {
    improving: "en amélioration",
    stable: "stable",
    worsening: "en dégradation",
    unknown: "inconnue",
  },
  confidences: { low: "faible", medium: "moyenne", high: "élevée" },
  responses: { pending: "en attente de réponse", supported: "acceptée", noted: "prise en note" },
  implementations: { not_started: "non commencée", partial: "partielle", full: "complète" },
  likelihoods: {
    unlikely: "peu probable",
    possible: "possible",
    likely: "probable",
    very_likely: "très probable",
  },
  impacts: {
    limited: "impact limité",
    moderate: "impact modéré",
    major: "impact majeur",
    catastrophic: "impact catastrophique",
  },
  clearances: { public: "public", restricted: "restreint", confidential: "confidentiel" },
  factorCategories: {
    common: "commun à tous les crimes atroces",
    genocide: "génocide",
    crimes_against_humanity: "crimes contre l’humanité",
    war_crimes: "crimes de guerre",
  },
};

const ar: BriefStrings = {
  dir: "rtl",
  colon: ": ",
  audit: "تدقيق بناء السلام",
  status: "الحالة",
  adopted: (date, by) => `اعتُمد في ${date} من قبل ${by}`,
  exported: (when, by) => `صُدّر في ${when} بالتوقيت العالمي من قبل ${by}`,
  findings: "الاستنتاجات",
  noFindings: "لم تُكتب أي استنتاجات.",
  riskFactors: "عوامل الخطر",
  factorColumns: ["#", "عامل الخطر", "المستوى", "الاتجاه", "الثقة", "التقييم"],
  notAssessed: "لم يُقيَّم",
  evidenceLinks: "المصادر",
  recommendations: "التوصيات",
  none: "لا شيء.",
  recommendationLine: (to, from, response) => `إلى ${to} · من ${from} · ${response}`,
  implementation: "التنفيذ",
  notFollowedUp: "بلا متابعة",
  evidence: "الأدلة",
  window: (from, to, deaths) => `الفترة من ${from} إلى ${to}: ${deaths} حالة وفاة مسجلة`,
  oneSided: (deaths) => ` (منها ${deaths} في العنف الأحادي الجانب ضد المدنيين)`,
  events: (count) => `، ${count} حدثًا`,
  stateBasedOnly: (months) =>
    ` ${months}: وفيات النزاعات المسلحة التي تكون الدولة طرفًا فيها فقط، من سلسلة البلد-الشهر (تسجّل بيانات الأحداث وفيات أقل في هذه الأشهر أو لا تسجّل شيئًا).`,
  forecast: (origin, model) => `التنبؤ (تشغيل ${origin}، ${model})`,
  forecastColumns: ["الشهر", "الأفق", "احتمال \u2066≥1\u2069", "احتمال \u2066≥25\u2069", "فترة 80٪ (وفيات)"],
  median: (n) => `الوسيط ${n}`,
  noForecast: "لا يتوفر تنبؤ.",
  drivers: (month) => `العوامل المحركة للتنبؤ لشهر ${month}`,
  reading: (phrase, value) => `${phrase}: ${value}`,
  points: (n) => `${n} نقطة`,
  noDrivers: "لا يبرز أي عامل بمفرده.",
  conflicts: "النزاعات المسلحة",
  conflictLine: (year, sideA, sideB) => `${year}: ${sideA} ضد ${sideB}`,
  intensities: { war: "حرب", minor: "نزاع محدود" },
  communityReports: "البلاغات المجتمعية (الموثقة، آخر 24 شهرًا)",
  reportColumns: ["الشهر", "الفئة", "البلاغات"],
  fewerThan: (k) => `أقل من ${k}`,
  earlierRecommendations: "التوصيات التي لا تزال مفتوحة من الاستعراضات السابقة",
  scenarios: "السيناريوهات",
  plans: "خطط الطوارئ",
  likelihood: "الاحتمال",
  triggers: "المحفزات",
  watch: "للمراقبة",
  activation: "التفعيل",
  statuses: { draft: "مسودة", in_review: "قيد الاستعراض", adopted: "معتمد" },
  levels: { none: "لا يوجد", low: "منخفض", moderate: "معتدل", high: "مرتفع", severe: "شديد" },
  trends: { improving: "في تحسن", stable: "مستقر", worsening: "في تدهور", unknown: "غير معروف" },
  confidences: { low: "منخفضة", medium: "متوسطة", high: "مرتفعة" },
  responses: { pending: "في انتظار الرد", supported: "حظيت بالتأييد", noted: "أُحيط علماً بها" },
  implementations: { not_started: "لم يبدأ", partial: "جزئي", full: "كامل" },
  likelihoods: { unlikely: "غير مرجح", possible: "ممكن", likely: "مرجح", very_likely: "مرجح جداً" },
  impacts: { limited: "أثر محدود", moderate: "أثر معتدل", major: "أثر كبير", catastrophic: "أثر كارثي" },
  clearances: { public: "عام", restricted: "مقيّد", confidential: "سري" },
  factorCategories: {
    common: "مشترك بين جميع الجرائم الفظيعة",
    genocide: "الإبادة الجماعية",
    crimes_against_humanity: "الجرائم ضد الإنسانية",
    war_crimes: "جرائم الحرب",
  },
};

export const BRIEF_STRINGS: Record<Language, BriefStrings> = { en, fr, ar };
