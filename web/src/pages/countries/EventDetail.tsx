import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { get } from "../../api/client.ts";
import type { DataEvent } from "../../api/data-types.ts";
import { violenceKey } from "./event-types.ts";

/** An event id is "dataset/id", and the id itself may hold slashes. */
const fetchEvent = (eventId: string) => {
  const [dataset = "", ...id] = eventId.split("/");
  return get<DataEvent>(
    `/api/data/events/${encodeURIComponent(dataset)}/${encodeURIComponent(id.join("/"))}`,
  );
};

/** What the event says: when, what kind, how many died, between whom, where, and from which dataset. */
const EventFacts = ({ event }: { event: DataEvent }) => {
  const { t } = useTranslation();
  return (
    <dl>
      <dt>{t("data.date")}</dt>
      <dd>{event.dateStart === event.dateEnd ? event.dateStart : `${event.dateStart} – ${event.dateEnd}`}</dd>
      <dt>{t("data.typeOfViolence")}</dt>
      <dd>{t(violenceKey(event.typeOfViolence ?? 0))}</dd>
      <dt>{t("data.fatalities")}</dt>
      <dd>
        {event.best} ({event.low}–{event.high})
      </dd>
      {event.conflictName && (
        <>
          <dt>{t("data.conflict")}</dt>
          <dd>{event.conflictName}</dd>
        </>
      )}
      {(event.sideA || event.sideB) && (
        <>
          <dt>{t("data.sides")}</dt>
          <dd>
            {event.sideA} — {event.sideB}
          </dd>
        </>
      )}
      {event.adm1 && (
        <>
          <dt>{t("data.place")}</dt>
          <dd>{event.adm1}</dd>
        </>
      )}
      <dt>{t("data.source")}</dt>
      <dd>
        {event.dataset.id} {event.dataset.version} · {event.id}
      </dd>
    </dl>
  );
};

/** Beside the map: the event chosen on it, or how to choose one. */
export const EventDetail = ({ eventId }: { eventId: string | null }) => {
  const { t } = useTranslation();
  const detail = useQuery({
    queryKey: ["event", eventId],
    enabled: eventId !== null,
    queryFn: () => fetchEvent(eventId ?? ""),
  });
  return (
    <aside className="event-detail" aria-live="polite">
      {!eventId && <p>{t("country.clickEvent")}</p>}
      {detail.data && <EventFacts event={detail.data} />}
    </aside>
  );
};
