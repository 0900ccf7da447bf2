import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import {
  administersOrg,
  grantableClearances,
  mayChangeMembership,
} from "../../../../src/core/access/policies.ts";
import { clearances, roles } from "../../../../src/core/access/vocabulary.ts";
import { PASSWORD_MIN_LENGTH } from "../../../../src/core/users/user.schemas.ts";
import { api, get } from "../../api/client.ts";
import { actorOf, highestHeld } from "../../api/permissions.ts";
import type { Clearance, Membership, Organisation, Role, User } from "../../api/types.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ChoiceField } from "../../components/ChoiceField.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { useSession } from "../../session.tsx";

export const PeoplePanel = () => {
  const { t } = useTranslation();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const people = useQuery({ queryKey: ["users"], queryFn: () => get<User[]>("/api/users") });
  const organisations = useQuery({
    queryKey: ["organisations"],
    queryFn: () => get<Organisation[]>("/api/organisations"),
  });
  // The audit log below shows the write at once.
  const refresh = () =>
    Promise.all(["users", "audit-log"].map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
  const add = useMutation({
    mutationFn: (input: object) => api<User & { accountExisted: boolean }>("POST", "/api/users", input),
    onSuccess: refresh,
  });
  const setMembership = useMutation({
    mutationFn: ({ userId, orgId, change }: { userId: string; orgId: string; change: Partial<Membership> }) =>
      api<User>("PUT", `/api/users/${userId}/memberships/${orgId}`, change),
    onSuccess: refresh,
  });
  const removeMembership = useMutation({
    mutationFn: ({ userId, orgId }: { userId: string; orgId: string }) =>
      api<null>("DELETE", `/api/users/${userId}/memberships/${orgId}`),
    onSuccess: refresh,
  });
  const unlock = useMutation({
    mutationFn: (userId: string) => api<User>("POST", `/api/users/${userId}/unlock`),
    onSuccess: refresh,
  });
  // The controls offer only what the server's policy allows.
  const admin = actorOf(me);
  const grantable = grantableClearances(admin);
  const administrable = (organisations.data ?? []).filter((o) => administersOrg(admin, o.id));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    add.mutate(Object.fromEntries(new FormData(element)), { onSuccess: () => element.reset() });
  };

  return (
    <section aria-labelledby="people-title">
      <h2 id="people-title">{t("admin.people")}</h2>
      <TableScroll label={t("admin.people")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin.name")}</th>
              <th scope="col">{t("admin.email")}</th>
              <th scope="col">{t("admin.memberships")}</th>
              <th scope="col">{t("admin.locked")}</th>
            </tr>
          </thead>
          <tbody>
            {people.data?.map((person) => (
              <tr key={person.id}>
                <td>{person.name}</td>
                <td>{person.email}</td>
                <td>
                  {person.memberships.map((m) => (
                    <div key={m.orgId}>
                      {m.orgName}:{" "}
                      {/* Saved with its button, not on every change: stepping through the roles with the arrow
                          keys would grant each in turn. */}
                      <form
                        key={`${m.role}-${m.clearance}`}
                        className="membership-form"
                        aria-label={`${person.email} — ${m.orgName}`}
                        onSubmit={(event) => {
                          event.preventDefault();
                          const form = new FormData(event.currentTarget);
                          setMembership.mutate({
                            userId: person.id,
                            orgId: m.orgId,
                            change: {
                              role: String(form.get("role")) as Role,
                              clearance: String(form.get("clearance")) as Clearance,
                            },
                          });
                        }}
                      >
                        <select
                          name="role"
                          aria-label={`${t("admin.role")} — ${person.email} — ${m.orgName}`}
                          defaultValue={m.role}
                          disabled={!mayChangeMembership(admin, m, person)}
                        >
                          {roles.map((role) => (
                            <option key={role} value={role}>
                              {t(`role.${role}`)}
                            </option>
                          ))}
                        </select>{" "}
                        <select
                          name="clearance"
                          aria-label={`${t("admin.clearance")} — ${person.email} — ${m.orgName}`}
                          defaultValue={m.clearance}
                          disabled={!mayChangeMembership(admin, m, person)}
                        >
                          {clearances.map((level) => (
                            <option key={level} value={level} disabled={!grantable.includes(level)}>
                              {t(`clearance.${level}`)}
                            </option>
                          ))}
                        </select>{" "}
                        {mayChangeMembership(admin, m, person) && (
                          <BusyButton type="submit" busy={setMembership.isPending}>
                            {t("admin.change")}
                          </BusyButton>
                        )}
                      </form>{" "}
                      {!(person.id === me.user.id && m.orgId === me.acting.orgId) &&
                        mayChangeMembership(admin, m, person) && (
                          <button
                            type="button"
                            className="link"
                            onClick={() =>
                              window.confirm(
                                t("admin.confirmRemove", { person: person.email, org: m.orgName }),
                              ) && removeMembership.mutate({ userId: person.id, orgId: m.orgId })
                            }
                          >
                            {t("admin.removeMembership")}
                          </button>
                        )}
                    </div>
                  ))}
                </td>
                <td>
                  {person.locked && (
                    <button type="button" onClick={() => unlock.mutate(person.id)}>
                      {t("admin.unlock")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {setMembership.isSuccess && (
        <p role="status" className="muted">
          {t("admin.membershipSaved")}
        </p>
      )}
      <ErrorNote error={setMembership.error ?? removeMembership.error ?? unlock.error} />
      <form className="inline-form" onSubmit={submit}>
        <Field label={t("admin.name")}>
          <input name="name" required />
        </Field>
        <Field label={t("admin.email")}>
          <input name="email" type="email" required />
        </Field>
        <Field label={t("admin.initialPassword")}>
          <input
            name="password"
            type="password"
            minLength={PASSWORD_MIN_LENGTH}
            required
            autoComplete="new-password"
          />
        </Field>
        <Field label={t("admin.organisation")}>
          <select name="orgId">
            {administrable.map((org) => (
              <option key={org.id} value={org.id}>
                {org.name}
              </option>
            ))}
          </select>
        </Field>
        <ChoiceField
          label={t("admin.role")}
          name="role"
          choices={roles}
          defaultValue="analyst"
          wording={(role) => t(`role.${role}`)}
        />
        <ChoiceField
          label={t("admin.clearance")}
          name="clearance"
          choices={grantable}
          defaultValue={highestHeld(me, "restricted")}
          wording={(level) => t(`clearance.${level}`)}
        />
        <BusyButton type="submit" busy={add.isPending}>
          {t("admin.add")}
        </BusyButton>
        <ErrorNote error={add.error} />
        {add.data && (
          <p role="status" className="muted">
            {add.data.accountExisted
              ? t("admin.memberAddedExisting", { email: add.data.email })
              : t("admin.memberAdded", { email: add.data.email })}
          </p>
        )}
      </form>
    </section>
  );
};
