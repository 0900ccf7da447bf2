import { useTranslation } from "react-i18next";
import {
  escalationReaches,
  type TAlertDetail,
  ZAlertMessage,
} from "../../../../src/core/alerts/alert.schemas.ts";
import { when } from "../../i18n/dates.ts";
import { useAlertSummary } from "./alert-summary.ts";

type TimelineEvent = TAlertDetail["timeline"][number];

/** What an escalation recorded: the level reached, who was told, and the deadline it passed. */
const escalationOf = (event: TimelineEvent) => {
  const data = (event.data ?? {}) as { toLevel?: unknown; reached?: unknown; deadline?: unknown };
  const reached = escalationReaches.find((r) => r === data.reached);
  // Escalations recorded before who was told was kept show their English note.
  if (event.kind !== "escalated" || !reached || typeof data.deadline !== "string") return undefined;
  return { reached, level: Number(data.toLevel), deadline: data.deadline };
};

/** Everything that happened to the alert, oldest first, with who did it and their note. */
export const AlertTimeline = ({ alert: a }: { alert: TAlertDetail }) => {
  const { t, i18n } = useTranslation();
  const alertSummary = useAlertSummary();
  // Raising and merging record the platform's message beside the English note.
  const eventNote = (event: TimelineEvent) => {
    const escalation = escalationOf(event);
    if (escalation)
      return t(`alerts.escalationNote.${escalation.reached}`, {
        level: escalation.level,
        deadline: when(escalation.deadline, i18n.language),
      });
    const message = ZAlertMessage.safeParse((event.data as { message?: unknown } | null)?.message);
    return alertSummary({
      iso3: a.iso3,
      summary: event.note,
      message: message.success ? message.data : null,
    });
  };
  return (
    <>
      <h2>{t("alerts.timeline")}</h2>
      <ol className="timeline">
        {a.timeline.map((event) => (
          <li key={`${event.at}-${event.kind}`}>
            <time dateTime={event.at}>{when(event.at, i18n.language)}</time>{" "}
            <strong>{t(`alerts.events.${event.kind}`, { defaultValue: event.kind })}</strong> · {event.actor}
            {event.note && (
              <div className="prose" dir="auto">
                {eventNote(event)}
              </div>
            )}
          </li>
        ))}
      </ol>
    </>
  );
};
