import { countryNameIn } from "../data/country-names.ts";
import type { AlertStatus, EscalationReach, Severity, TAlertMessage } from "./alert.schemas.ts";
import { alertMessageText, fillTemplate as fill, type NoticeLanguage } from "./alert-messages.ts";

/** What an alert says: a person's summary as written, the platform's own worded in the reader's language. */
type AlertWording = { summary: string; message: TAlertMessage | null };
/** The alert's country by its code and the registry's English name and alpha-2 code, named in the reader's language. */
type AlertFacts = AlertWording & {
  iso3: string;
  countryName: string | null;
  countryIso2: string | null;
  severity: Severity;
  deadline: Date;
};

export type AlertNotice =
  | { kind: "raised"; alert: AlertFacts; source: string }
  | { kind: "severity_raised"; alert: AlertFacts; repeat: AlertWording }
  | { kind: "assigned"; alert: AlertFacts; by: string; note: string }
  | {
      kind: "escalated";
      alert: AlertFacts;
      level: number;
      reached: EscalationReach;
      owner: string;
      status: AlertStatus;
    }
  | { kind: "moved"; alert: AlertFacts; by: string; status: AlertStatus; note: string };

type Words = {
  severity: Record<Severity, string>;
  status: Record<AlertStatus, string>;
  reached: Record<EscalationReach, string>;
  /** Where an alert came from: a person, community reports, or a rule (named after the colon). */
  source: { person: string; voices: string; rule: string };
  subject: Record<AlertNotice["kind"], string>;
  body: Record<AlertNotice["kind"], string>;
  due: string;
};

const words: Record<NoticeLanguage, Words> = {
  en: {
    severity: { low: "low", medium: "medium", high: "high", critical: "critical" },
    status: {
      new: "new",
      acknowledged: "acknowledged",
      assessed: "assessed",
      decided: "decided",
      action: "action",
      closed: "closed",
    },
    reached: {
      supervisor: "escalated to the desk supervisor",
      administrators: "escalated to the organisation administrators",
      supervisor_and_administrators: "escalated to the desk supervisor and the organisation administrators",
      nobody:
        "no one above the owner to escalate to: the desk has no supervisor and the organisation no administrator cleared to read it",
    },
    source: { person: "raised by a person", voices: "community reports", rule: "rule" },
    subject: {
      raised: "{SEVERITY} alert for {country}: {summary}",
      severity_raised: "Alert for {country} is now {severity}",
      assigned: "Alert for {country} handed to you: {summary}",
      escalated: "OVERDUE {severity} alert for {country}: decision was due {deadline}",
      moved: "Alert for {country} is now {status}",
    },
    body: {
      raised: "A {severity} alert was raised for {country} ({source}).\n\n{summary}",
      severity_raised: 'A repeat of "{summary}" raised the alert\'s severity to {severity}.\n\n{repeat}',
      assigned: '{by} handed you the alert "{summary}" ({severity}).\n\n{note}',
      escalated:
        "Overdue since {deadline} (level {levelNumber}): {reached}.\n\n{summary}\n\nOwner: {owner}. Status: {status}.",
      moved: '{by} moved "{summary}" to {status}.\n\n{note}',
    },
    due: "Decision due by {deadline}.",
  },
  fr: {
    severity: { low: "faible", medium: "moyenne", high: "élevée", critical: "critique" },
    status: {
      new: "nouvelle",
      acknowledged: "prise en compte",
      assessed: "évaluée",
      decided: "décision consignée",
      action: "action en cours",
      closed: "clôturée",
    },
    reached: {
      supervisor: "transmise au superviseur du dossier",
      administrators: "transmise aux administrateurs de l’organisation",
      supervisor_and_administrators:
        "transmise au superviseur du dossier et aux administrateurs de l’organisation",
      nobody:
        "personne au-dessus du responsable à qui la transmettre : le dossier n’a pas de superviseur et l’organisation aucun administrateur habilité à la lire",
    },
    source: { person: "émise par une personne", voices: "signalements communautaires", rule: "règle" },
    subject: {
      raised: "Alerte {severity} – {country} : {summary}",
      severity_raised: "Alerte – {country} : gravité désormais {severity}",
      assigned: "Alerte qui vous est confiée – {country} : {summary}",
      escalated: "EN RETARD : alerte {severity} – {country}, décision attendue le {deadline}",
      moved: "Alerte – {country} : {status}",
    },
    body: {
      raised: "Une alerte de gravité {severity} a été émise ({source}). Pays : {country}.\n\n{summary}",
      severity_raised:
        "Une répétition de « {summary} » a porté la gravité de l’alerte à {severity}.\n\n{repeat}",
      assigned: "{by} vous a confié l’alerte « {summary} » ({severity}).\n\n{note}",
      escalated:
        "En retard depuis le {deadline} (niveau {levelNumber}) : {reached}.\n\n{summary}\n\nResponsable : {owner}. Statut : {status}.",
      moved: "{by} a fait passer « {summary} » au statut {status}.\n\n{note}",
    },
    due: "Décision attendue le {deadline}.",
  },
  ar: {
    severity: { low: "منخفضة", medium: "متوسطة", high: "مرتفعة", critical: "حرجة" },
    status: {
      new: "جديد",
      acknowledged: "تم الإقرار باستلامه",
      assessed: "تم تقييمه",
      decided: "تم تسجيل القرار",
      action: "الإجراء جارٍ",
      closed: "مغلق",
    },
    reached: {
      supervisor: "رُفع إلى مشرف الملف",
      administrators: "رُفع إلى مديري المنظمة",
      supervisor_and_administrators: "رُفع إلى مشرف الملف ومديري المنظمة",
      nobody: "لا أحد فوق المسؤول يُرفع إليه: ليس للملف مشرف وليس للمنظمة مدير مخوّل بقراءته",
    },
    source: { person: "أصدره شخص", voices: "بلاغات مجتمعية", rule: "قاعدة" },
    subject: {
      raised: "تنبيه بدرجة خطورة {severity} بشأن {country}: {summary}",
      severity_raised: "أصبحت درجة خطورة التنبيه بشأن {country} {severity}",
      assigned: "أُسند إليك تنبيه بشأن {country}: {summary}",
      escalated: "متأخر: تنبيه بدرجة خطورة {severity} بشأن {country}، كان القرار مستحقاً في {deadline}",
      moved: "التنبيه بشأن {country}: {status}",
    },
    body: {
      raised: "صدر تنبيه بدرجة خطورة {severity} بشأن {country} ({source}).\n\n{summary}",
      severity_raised: "رفع تكرار «{summary}» درجة خطورة التنبيه إلى {severity}.\n\n{repeat}",
      assigned: "أسند إليك {by} التنبيه «{summary}» ({severity}).\n\n{note}",
      escalated:
        "متأخر منذ {deadline} (المستوى {levelNumber}): {reached}.\n\n{summary}\n\nالمسؤول: {owner}. الحالة: {status}.",
      moved: "نقل {by} «{summary}» إلى الحالة: {status}.\n\n{note}",
    },
    due: "القرار مستحق في {deadline}.",
  },
};

/** A date as every language here reads it: ISO digits, to the minute, in UTC. */
export const noticeTime = (at: Date): string => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** The alert's history note of an escalation, in English; the web app words it from the event's data. */
export const escalationNote = (deadline: Date, level: number, reached: EscalationReach): string =>
  `Overdue since ${noticeTime(deadline)} (level ${level}): ${words.en.reached[reached]}.`;

const sourceIn = (source: string, w: Words): string => {
  if (source === "person" || source === "voices") return w.source[source];
  const rule = /^rule: (.+)$/.exec(source);
  return rule ? `${w.source.rule}: ${rule[1]}` : source;
};

const wordingIn = (alert: AlertWording, country: string, language: NoticeLanguage): string =>
  alert.message ? alertMessageText(alert.message, country, language) : alert.summary;

/** The subject and body of a notification about an alert, in the reader's language. */
export const writeAlertNotice = (
  notice: AlertNotice,
  language: NoticeLanguage,
): { subject: string; body: string } => {
  const w = words[language];
  const { alert } = notice;
  const country = countryNameIn(
    { iso3: alert.iso3, name: alert.countryName, iso2: alert.countryIso2 },
    language,
  );
  const values: Record<string, string> = {
    country,
    summary: wordingIn(alert, country, language),
    severity: w.severity[alert.severity],
    SEVERITY: w.severity[alert.severity].toLocaleUpperCase(language),
    deadline: noticeTime(alert.deadline),
  };
  switch (notice.kind) {
    case "raised":
      values.source = sourceIn(notice.source, w);
      break;
    case "severity_raised":
      values.repeat = wordingIn(notice.repeat, country, language);
      break;
    case "assigned":
      Object.assign(values, { by: notice.by, note: notice.note });
      break;
    case "escalated":
      Object.assign(values, {
        reached: w.reached[notice.reached],
        levelNumber: String(notice.level),
        owner: notice.owner,
        status: w.status[notice.status],
      });
      break;
    case "moved":
      Object.assign(values, { by: notice.by, status: w.status[notice.status], note: notice.note });
      break;
  }
  const awaitsDecision = notice.kind === "raised" || notice.kind === "assigned";
  // Paragraphs left empty (no note) are dropped.
  const paragraphs = [
    ...fill(w.body[notice.kind], values).split("\n\n"),
    awaitsDecision ? fill(w.due, values) : "",
  ];
  return {
    subject: `[Continuum] ${fill(w.subject[notice.kind], values)}`.slice(0, 300),
    body: paragraphs.filter((p) => p.trim() !== "").join("\n\n"),
  };
};
