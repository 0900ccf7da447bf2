import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { roleMay } from "../../../../src/core/access/policies.ts";
import type { TDesk } from "../../../../src/core/alerts/alert.schemas.ts";
import { get } from "../../api/client.ts";
import { useCountryNames } from "../../api/country-names.ts";
import type { Organisation, User } from "../../api/types.ts";
import { useApiCall } from "../../api/use-api-call.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { CountryOptions } from "../../components/CountrySelect.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { hasOwnName } from "../../components/person-label.ts";
import { TableScroll } from "../../components/TableScroll.tsx";

const DEFAULT_DESK = "*";

/** The people of one organisation who may decide alerts: a desk officer or supervisor is chosen among them. */
const PersonSelect = ({ name, orgId, label }: { name: string; orgId: string; label: string }) => {
  const { t } = useTranslation();
  const people = useQuery({
    queryKey: ["users", orgId],
    enabled: Boolean(orgId),
    queryFn: () => get<User[]>(`/api/users?orgId=${orgId}`),
  });
  return (
    <Field label={label}>
      <select name={name} defaultValue="">
        <option value="">{t("alertSetup.nobody")}</option>
        {people.data?.flatMap((person) =>
          person.memberships
            .filter((m) => m.orgId === orgId && roleMay(m.role, "alert.decide"))
            .map((m) => (
              // The clearance shows whose alerts they can own: a person's alert is restricted by default, and
              // one above their clearance goes to the supervisor or the organisation instead.
              <option key={person.id} value={person.id}>
                {t(hasOwnName(person) ? "alertSetup.personWithClearance" : "alertSetup.emailWithClearance", {
                  name: person.name,
                  email: person.email,
                  clearance: t(`clearance.${m.clearance}`),
                })}
              </option>
            )),
        )}
      </select>
    </Field>
  );
};

/**
 * Who owns each country's alerts: a desk is an organisation, optionally a person there and the supervisor
 * an overdue alert escalates to. The default desk ("*") takes every country without its own.
 */
export const DesksPanel = ({ mayConfigure }: { mayConfigure: boolean }) => {
  const { t } = useTranslation();
  const names = useCountryNames();
  const [orgId, setOrgId] = useState("");
  const desks = useQuery({ queryKey: ["desks"], queryFn: () => get<TDesk[]>("/api/alerts/desks") });
  const organisations = useQuery({
    queryKey: ["organisations"],
    enabled: mayConfigure,
    queryFn: () => get<Organisation[]>("/api/organisations"),
  });
  const change = useApiCall(["desks"]);
  const deskName = (iso3: string) =>
    iso3 === DEFAULT_DESK ? t("alertSetup.defaultDesk") : names.byIso3(iso3);
  const set = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    change.mutate({
      method: "PUT",
      path: "/api/alerts/desks",
      body: {
        iso3: form.iso3,
        orgId: form.orgId,
        userId: form.userId || null,
        escalationUserId: form.escalationUserId || null,
      },
    });
  };
  return (
    <section aria-labelledby="alert-desks">
      <h2 id="alert-desks">{t("alertSetup.desks")}</h2>
      <p>{t("alertSetup.desksIntro")}</p>
      <ErrorNote error={desks.error} />
      {desks.data?.length === 0 && <p>{t("alertSetup.noDesks")}</p>}
      {desks.data && desks.data.length > 0 && (
        <TableScroll label={t("alertSetup.desks")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("alertSetup.country")}</th>
                <th scope="col">{t("alertSetup.organisation")}</th>
                <th scope="col">{t("alertSetup.deskOfficer")}</th>
                <th scope="col">{t("alertSetup.supervisor")}</th>
                {mayConfigure && (
                  <th scope="col" className="visually-hidden">
                    {t("alertSetup.remove")}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {desks.data.map((desk) => (
                <tr key={desk.iso3}>
                  <td>{deskName(desk.iso3)}</td>
                  <td>{desk.org.name}</td>
                  <td>{desk.person?.name ?? "—"}</td>
                  <td>{desk.escalationPerson?.name ?? "—"}</td>
                  {mayConfigure && (
                    <td>
                      <button
                        type="button"
                        onClick={() =>
                          change.mutate({
                            method: "DELETE",
                            path: `/api/alerts/desks/${encodeURIComponent(desk.iso3)}`,
                          })
                        }
                      >
                        {t("alertSetup.remove")}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {mayConfigure && (
        <>
          <h3 id="set-desk">{t("alertSetup.setDesk")}</h3>
          <form className="inline-form" onSubmit={set} aria-labelledby="set-desk">
            <Field label={t("alertSetup.country")}>
              <select name="iso3" defaultValue={DEFAULT_DESK}>
                <option value={DEFAULT_DESK}>{t("alertSetup.defaultDesk")}</option>
                <CountryOptions />
              </select>
            </Field>
            <Field label={t("alertSetup.organisation")}>
              <select name="orgId" required value={orgId} onChange={(event) => setOrgId(event.target.value)}>
                <option value="" disabled>
                  {t("alertSetup.chooseOrganisation")}
                </option>
                {organisations.data?.map((org) => (
                  <option key={org.id} value={org.id}>
                    {org.name}
                  </option>
                ))}
              </select>
            </Field>
            <PersonSelect
              key={`officer-${orgId}`}
              name="userId"
              orgId={orgId}
              label={t("alertSetup.deskOfficer")}
            />
            <PersonSelect
              key={`supervisor-${orgId}`}
              name="escalationUserId"
              orgId={orgId}
              label={t("alertSetup.supervisor")}
            />
            <BusyButton type="submit" busy={change.isPending}>
              {t("alertSetup.setButton")}
            </BusyButton>
          </form>
        </>
      )}
      <ErrorNote error={change.error} />
    </section>
  );
};
