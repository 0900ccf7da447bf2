import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { shorten } from "../../../../src/core/shared/text.ts";
import { get } from "../../api/client.ts";
import { useCountryNames } from "../../api/country-names.ts";
import { allows } from "../../api/permissions.ts";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { Pager } from "../../components/Pager.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { when } from "../../i18n/dates.ts";
import { useSession } from "../../session.tsx";
import { useUrlCount, useUrlState } from "../../url-state.ts";
import { CategoryOptions, StatusOptions } from "./ReportOptions.tsx";
import { type Queue, reportChannels, reportStatuses } from "./voices-api.ts";

const PAGE_SIZE = 50;
/** A new filter makes the page number stale: the list starts again at its first page. */
const firstPage = ["page"];

/** The triage queue: every report the person may see, newest first, filtered by status, category, country, channel. */
export const TriageQueuePage = () => {
  const { t, i18n } = useTranslation();
  const names = useCountryNames();
  const { me } = useSession();
  // The filters live in the address, so Back, reload and a link (a country page's: all statuses) keep them.
  const [status, setStatus] = useUrlState<string>("status", "new", ["any", ...reportStatuses], firstPage);
  const [category, setCategory] = useUrlState<string>("category", "", undefined, firstPage);
  const [iso3, setIso3] = useUrlState<string>("iso3", "", undefined, firstPage);
  const [channel, setChannel] = useUrlState<string>("channel", "", ["", ...reportChannels], firstPage);
  const [mine, setMine] = useUrlState<string>("mine", "", undefined, firstPage);
  const [page, setPage] = useUrlCount("page", 1);
  const countLine = useRef<HTMLParagraphElement>(null);
  const filter = {
    status: status === "any" ? "" : status,
    category,
    iso3: iso3.toUpperCase(),
    channel,
    mine: mine === "1",
  };
  const offset = (page - 1) * PAGE_SIZE;
  const iso3Filter = /^[A-Z]{3}$/.test(filter.iso3) ? filter.iso3 : "";
  const query = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(offset) });
  if (filter.status) query.set("status", filter.status);
  if (filter.category) query.set("category", filter.category);
  if (iso3Filter) query.set("iso3", iso3Filter);
  if (filter.channel) query.set("channel", filter.channel);
  if (filter.mine) query.set("assignedTo", "me");
  const queue = useQuery({
    queryKey: ["voices", "queue", query.toString()],
    // The offset goes with the page: the one shown until the next arrives counts from its own.
    queryFn: async () => ({ ...(await get<Queue>(`/api/voices/reports?${query}`)), offset }),
    // The page shown stays until the next one arrives, so the pager does not jump from under the pointer.
    placeholderData: keepPreviousData,
  });
  const set = (setter: (value: string) => void) => (event: { target: { value: string } }) =>
    setter(event.target.value);
  const turnTo = (next: number) => {
    setPage(next);
    // The pager sits under the table: the next page is read from its top.
    countLine.current?.scrollIntoView({ block: "start" });
  };
  const reports = queue.data?.reports ?? [];
  const number = new Intl.NumberFormat(i18n.language);
  const shownOf = ({ total, offset: from }: { total: number; offset: number }): string => {
    if (reports.length === 0) return t(total > 0 ? "voices.pastEnd" : "voices.empty");
    if (reports.length === total) return t("voices.count", { count: total, formatted: number.format(total) });
    return t("voices.range", {
      from: number.format(from + 1),
      to: number.format(from + reports.length),
      total: number.format(total),
    });
  };
  return (
    <>
      <h1>{t("voices.queueTitle")}</h1>
      <p>{t("voices.queueIntro")}</p>
      <p>
        <a href={`/report?lang=${i18n.language}`}>{t("voices.publicForm")}</a> ·{" "}
        <Link to={iso3Filter ? `/reports/map?iso3=${iso3Filter}` : "/reports/map"}>
          {t("voices.mapTitle")}
        </Link>
        {allows(me, "voices.import") && (
          <>
            {" "}
            · <Link to="/reports/import">{t("voices.importTitle")}</Link>
          </>
        )}
      </p>
      <form
        className="inline-form"
        aria-label={t("voices.filters")}
        onSubmit={(event) => event.preventDefault()}
      >
        <Field label={t("voices.status")}>
          <select value={filter.status} onChange={(event) => setStatus(event.target.value || "any")}>
            <option value="">{t("voices.any")}</option>
            <StatusOptions />
          </select>
        </Field>
        <Field label={t("voices.category")}>
          <select value={filter.category} onChange={set(setCategory)}>
            <option value="">{t("voices.any")}</option>
            <CategoryOptions />
          </select>
        </Field>
        <Field label={t("voices.country")}>
          <input
            value={filter.iso3}
            onChange={(event) => setIso3(event.target.value.toUpperCase())}
            maxLength={3}
            size={4}
          />
        </Field>
        <Field label={t("voices.channel")}>
          <select value={filter.channel} onChange={set(setChannel)}>
            <option value="">{t("voices.any")}</option>
            {reportChannels.map((channel) => (
              <option key={channel} value={channel}>
                {t(`voices.channels.${channel}`)}
              </option>
            ))}
          </select>
        </Field>
        <label className="field">
          <span>{t("voices.mine")}</span>
          <input
            type="checkbox"
            checked={filter.mine}
            onChange={(event) => setMine(event.target.checked ? "1" : "")}
          />
        </label>
      </form>
      <ErrorNote error={queue.error} />
      {queue.data && (
        <p aria-live="polite" ref={countLine}>
          {shownOf(queue.data)}
        </p>
      )}
      {reports.length > 0 && (
        <TableScroll label={t("voices.queueTitle")}>
          <table className="triage-queue cards-on-phone">
            <thead>
              <tr>
                <th scope="col">{t("voices.report")}</th>
                <th scope="col">{t("voices.submitted")}</th>
                <th scope="col">{t("voices.status")}</th>
                <th scope="col">{t("voices.category")}</th>
                <th scope="col">{t("voices.place")}</th>
                <th scope="col">{t("voices.channel")}</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((report) => (
                <tr key={report.id}>
                  {/* The link first: on a phone it heads the report's card. */}
                  <td className="card-title">
                    <Link to={`/reports/${report.id}`} dir="auto">
                      {shorten(report.summary ?? report.description, 90) || t("voices.open")}
                    </Link>
                  </td>
                  <td className="nowrap">{when(report.submittedAt, i18n.language)}</td>
                  <td>
                    {t(`voices.statuses.${report.status}`)}
                    {report.possibleDuplicateOf && <> · {t("voices.possibleDuplicate")}</>}
                  </td>
                  <td data-label={t("voices.category")}>
                    {t(`voices.categories.${report.category}`, { defaultValue: report.category })}
                  </td>
                  <td data-label={t("voices.place")}>
                    {[report.adm2 ?? report.adm1 ?? report.place, report.iso3 && names.byIso3(report.iso3)]
                      .filter(Boolean)
                      .join(", ")}
                  </td>
                  <td data-label={t("voices.channel")}>{t(`voices.channels.${report.channel}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {queue.data && (
        <Pager
          page={page}
          size={PAGE_SIZE}
          total={queue.data.total}
          onPage={turnTo}
          label={t("voices.pages")}
        />
      )}
    </>
  );
};
