import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { get } from "../../api/client.ts";
import type { AuditEntry, AuditFacets, Organisation } from "../../api/types.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { when } from "../../i18n/dates.ts";
import { useSession } from "../../session.tsx";
import { AuditChange } from "./AuditChange.tsx";

const pageSize = 100;
const channels = ["api", "cli", "system"] as const;

type AuditFilter = {
  orgId: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  via: string;
  from: string;
  to: string;
};
const noFilter: AuditFilter = {
  orgId: "",
  actor: "",
  action: "",
  entityType: "",
  entityId: "",
  via: "",
  from: "",
  to: "",
};

/** The query string of a filter; days are UTC days, as the log shows its times in UTC. */
const queryOf = (filter: AuditFilter): URLSearchParams => {
  const query = new URLSearchParams();
  for (const key of ["orgId", "actor", "action", "entityType", "entityId", "via"] as const) {
    const value = filter[key].trim();
    if (value) query.set(key, value);
  }
  if (filter.from) query.set("since", filter.from);
  if (filter.to) query.set("until", filter.to);
  return query;
};

/** Who did what: filtered by person, action, record and time, a page at a time, with each change spelled out. */
export const AuditLogPanel = () => {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  // Only a platform administrator reads several organisations' logs, so only they need to tell them apart.
  const everyOrganisation = me.user.platformAdmin;
  const [filter, setFilter] = useState(noFilter);
  const organisations = useQuery({
    queryKey: ["organisations"],
    queryFn: () => get<Organisation[]>("/api/organisations"),
    enabled: everyOrganisation,
  });
  const orgName = (orgId: string | null) =>
    orgId ? (organisations.data?.find((org) => org.id === orgId)?.name ?? orgId.slice(0, 8)) : "—";
  const query = queryOf(filter);
  const facets = useQuery({
    queryKey: ["audit-log", "facets"],
    queryFn: () => get<AuditFacets>("/api/audit-log/facets"),
  });
  const log = useInfiniteQuery({
    queryKey: ["audit-log", query.toString()],
    initialPageParam: 0,
    queryFn: ({ pageParam }) => {
      const page = new URLSearchParams(query);
      page.set("limit", String(pageSize));
      if (pageParam) page.set("beforeId", String(pageParam));
      return get<AuditEntry[]>(`/api/audit-log?${page}`);
    },
    getNextPageParam: (last) => (last.length < pageSize ? undefined : last.at(-1)?.id),
  });
  const entries = log.data?.pages.flat() ?? [];
  const set = (key: keyof AuditFilter) => (event: { target: { value: string } }) =>
    setFilter({ ...filter, [key]: event.target.value });
  const choices = (values: readonly string[] | undefined) => [
    <option key="" value="">
      {t("admin.anyValue")}
    </option>,
    ...(values ?? []).map((value) => (
      <option key={value} value={value}>
        {value}
      </option>
    )),
  ];
  return (
    <section id="audit-log" aria-labelledby="audit-title">
      <h2 id="audit-title">{t("admin.auditLog")}</h2>
      <form className="inline-form" aria-label={t("admin.auditFilters")} onSubmit={(e) => e.preventDefault()}>
        {everyOrganisation && (
          <Field label={t("admin.organisation")}>
            <select value={filter.orgId} onChange={set("orgId")}>
              <option value="">{t("admin.anyValue")}</option>
              {organisations.data?.map((org) => (
                <option key={org.id} value={org.id}>
                  {org.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label={t("admin.who")}>
          <input type="search" value={filter.actor} onChange={set("actor")} maxLength={200} />
        </Field>
        <Field label={t("admin.action")}>
          <select value={filter.action} onChange={set("action")}>
            {choices(facets.data?.actions)}
          </select>
        </Field>
        <Field label={t("admin.recordType")}>
          <select value={filter.entityType} onChange={set("entityType")}>
            {choices(facets.data?.entityTypes)}
          </select>
        </Field>
        <Field label={t("admin.recordId")}>
          <input value={filter.entityId} onChange={set("entityId")} maxLength={200} size={12} />
        </Field>
        <Field label={t("admin.via")}>
          <select value={filter.via} onChange={set("via")}>
            {choices(channels)}
          </select>
        </Field>
        <Field label={t("admin.fromDay")}>
          <input type="date" value={filter.from} onChange={set("from")} />
        </Field>
        <Field label={t("admin.toDay")}>
          <input type="date" value={filter.to} onChange={set("to")} />
        </Field>
        <button type="button" onClick={() => setFilter(noFilter)}>
          {t("admin.clearFilters")}
        </button>
      </form>
      <p>
        <a href={`/api/audit-log/export?${query}`} download>
          {t("admin.export")}
        </a>
      </p>
      <ErrorNote error={log.error} labels={{ since: t("admin.fromDay"), until: t("admin.toDay") }} />
      {log.isSuccess && <p aria-live="polite">{t("admin.entriesShown", { count: entries.length })}</p>}
      {entries.length > 0 && (
        <TableScroll label={t("admin.auditLog")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("admin.when")}</th>
                {everyOrganisation && <th scope="col">{t("admin.organisation")}</th>}
                <th scope="col">{t("admin.who")}</th>
                <th scope="col">{t("admin.via")}</th>
                <th scope="col">{t("admin.action")}</th>
                <th scope="col">{t("admin.record")}</th>
                <th scope="col">{t("admin.change")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.at}>{when(entry.at, i18n.language)}</time>
                  </td>
                  {everyOrganisation && <td>{orgName(entry.orgId)}</td>}
                  <td>{entry.actor}</td>
                  <td>{entry.via}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>
                    {entry.entityType}{" "}
                    {entry.entityId && (
                      <button
                        type="button"
                        className="link"
                        title={t("admin.recordHistory")}
                        onClick={() =>
                          setFilter({
                            ...noFilter,
                            entityType: entry.entityType,
                            entityId: entry.entityId ?? "",
                          })
                        }
                      >
                        {entry.entityId.slice(0, 8)}
                      </button>
                    )}
                  </td>
                  <td>
                    <AuditChange before={entry.before} after={entry.after} withheld={entry.withheld} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {log.hasNextPage && (
        <BusyButton onClick={() => void log.fetchNextPage()} busy={log.isFetchingNextPage}>
          {t("admin.olderEntries")}
        </BusyButton>
      )}
    </section>
  );
};
