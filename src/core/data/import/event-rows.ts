import { numField, textField } from "./csv-line.ts";

export const EVENT_COLUMNS = [
  "source",
  "source_event_id",
  "type_of_violence",
  "event_type",
  "sub_event_type",
  "date_start",
  "date_end",
  "month",
  "best",
  "low",
  "high",
  "latitude",
  "longitude",
  "priogrid_gid",
  "gwcode",
  "iso3",
  "country",
  "adm1",
  "adm2",
  "where_prec",
  "date_prec",
  "conflict_name",
  "side_a",
  "side_b",
  "source_version",
] as const;

export type EventRecord = {
  source: string;
  sourceEventId: string;
  typeOfViolence: number | null;
  eventType: string | null;
  subEventType: string | null;
  dateStart: string;
  dateEnd: string;
  best: number;
  low: number;
  high: number;
  latitude: number | null;
  longitude: number | null;
  priogridGid: number | null;
  gwcode: number | null;
  iso3: string;
  country: string | null;
  adm1: string | null;
  adm2: string | null;
  wherePrec: number | null;
  datePrec: number | null;
  conflictName: string | null;
  sideA: string | null;
  sideB: string | null;
  sourceVersion: string | null;
};

/**
 * The staged CSV line of an event (EVENT_COLUMNS order), as csvLine would write it. Joined from one array
 * literal: a flat string, which later joins of many lines copy cheaply.
 */
export const eventLine = (e: EventRecord, month = `${e.dateStart.slice(0, 7)}-01`): string =>
  [
    textField(e.source),
    textField(e.sourceEventId),
    numField(e.typeOfViolence),
    textField(e.eventType),
    textField(e.subEventType),
    textField(e.dateStart),
    textField(e.dateEnd),
    month,
    numField(e.best),
    numField(e.low),
    numField(e.high),
    numField(e.latitude),
    numField(e.longitude),
    numField(e.priogridGid),
    numField(e.gwcode),
    textField(e.iso3),
    textField(e.country),
    textField(e.adm1),
    textField(e.adm2),
    numField(e.wherePrec),
    numField(e.datePrec),
    textField(e.conflictName),
    textField(e.sideA),
    textField(e.sideB),
    textField(e.sourceVersion),
  ].join(",");

/** Tracks event coverage: countries and the month span, per group (e.g. per GED source file). */
export const coverageTracker = () => {
  const groups = new Map<string, { iso3: Set<string>; from: string; to: string }>();
  let start: string | null = null;
  let end: string | null = null;
  return {
    add(group: string, iso3: string, date: string) {
      const month = date.slice(0, 7);
      const g = groups.get(group);
      if (!g) groups.set(group, { iso3: new Set([iso3]), from: month, to: month });
      else {
        g.iso3.add(iso3);
        if (month < g.from) g.from = month;
        if (month > g.to) g.to = month;
      }
      if (start === null || date < start) start = date;
      if (end === null || date > end) end = date;
    },
    get span() {
      return { start, end };
    },
    groups: () =>
      [...groups].map(([label, g]) => ({ label, iso3: [...g.iso3].sort(), from: g.from, to: g.to })),
  };
};
