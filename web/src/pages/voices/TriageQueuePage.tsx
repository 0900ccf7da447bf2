import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { get } from "../../api/client.ts";
import { allows } from "../../api/permissions.ts";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { when } from "../../i18n/dates.ts";
import { useSession } from "../../session.tsx";
import { useUrlState } from "../../url-state.ts";
import { type Category, type Queue, reportChannels, reportStatuses } from "./voices-api.ts";

/** The triage queue: every report the person may see, newest first, filtered by status, category, country, channel. */
export const TriageQueuePage = () => {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  // The filters live in the address, so Back, reload and a link (a country page's: all statuses) keep them.
  const [status, setStatus] = useUrlState<string>("status", "new", ["any", ...reportStatuses]);
  const [category, setCategory] = useUrlState<string>("category", "");
  const [iso3, setIso3] = useUrlState<string>("iso3", "");
  const [channel, setChannel] = useUrlState<string>("channel", "", ["", ...reportChannels]);
  const [mine, setMine] = useUrlState<string>("mine", "");
  const filter = {
    status: status === "any" ? "" : status,
    category,
    iso3: iso3.toUpperCase(),
    channel,
    mine: mine === "1",
  };
  const query = new URLSearchParams({ limit: "200" });
  if (filter.status) query.set("status", filter.status);
  if (filter.category) query.set("category", filter.category);
  if (/^[A-Z]{3}$/.test(filter.iso3)) query.set("iso3", filter.iso3);
  if (filter.channel) query.set("channel", filter.channel);
  if (filter.mine) query.set("assignedTo", "me");
  const queue = useQuery({
    queryKey: ["voices", "queue", query.toString()],
    queryFn: () => get<Queue>(`/api/voices/reports?${query}`),
  });
  const categories = useQuery({
    queryKey: ["voices", "categories"],
    queryFn: () => get<Category[]>("/api/voices/categories"),
  });
  const set = (setter: (value: string) => void) => (event: { target: { value: string } }) =>
    setter(event.target.value);
  return (
    <>
      <h1>{t("voices.queueTitle")}</h1>
      <p>{t("voices.queueIntro")}</p>
      <p>
        <a href={`/report?lang=${i18n.language}`}>{t("voices.publicForm")}</a> ·{" "}
        <Link to="/reports/map">{t("voices.mapTitle")}</Link>
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
            {reportStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`voices.statuses.${status}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("voices.category")}>
          <select value={filter.category} onChange={set(setCategory)}>
            <option value="">{t("voices.any")}</option>
            {categories.data?.map((category) => (
              <option key={category.code} value={category.code}>
                {t(`voices.categories.${category.code}`, { defaultValue: category.label })}
              </option>
            ))}
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
        <p aria-live="polite">
          {t("voices.count", { shown: queue.data.reports.length, total: queue.data.total })}
        </p>
      )}
      {queue.data && queue.data.reports.length > 0 && (
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
              {queue.data.reports.map((report) => (
                <tr key={report.id}>
                  {/* The link first: on a phone it heads the report's card. */}
                  <td className="card-title">
                    <Link to={`/reports/${report.id}`} dir="auto">
                      {report.description.slice(0, 90) || t("voices.open")}
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
                    {[report.adm2 ?? report.adm1 ?? report.place, report.iso3].filter(Boolean).join(", ")}
                  </td>
                  <td data-label={t("voices.channel")}>{t(`voices.channels.${report.channel}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {queue.data?.reports.length === 0 && <p>{t("voices.empty")}</p>}
    </>
  );
};
