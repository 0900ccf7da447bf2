import { useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { administersOrg, grantableClearances } from "../../../../src/core/access/policies.ts";
import { roles } from "../../../../src/core/access/vocabulary.ts";
import { PASSWORD_MIN_LENGTH } from "../../../../src/core/users/user.schemas.ts";
import { get } from "../../api/client.ts";
import { actorOf, highestHeld } from "../../api/permissions.ts";
import type { Organisation } from "../../api/types.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ChoiceField } from "../../components/ChoiceField.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { useSession } from "../../session.tsx";
import { useAddPerson } from "./people-writes.ts";

/**
 * Adds a person to an organisation the administrator administers, with a role and a clearance they may
 * grant; says whether the person already had an account.
 */
export const AddPersonForm = () => {
  const { t } = useTranslation();
  const { me } = useSession();
  const organisations = useQuery({
    queryKey: ["organisations"],
    queryFn: () => get<Organisation[]>("/api/organisations"),
  });
  const add = useAddPerson();
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
  );
};
