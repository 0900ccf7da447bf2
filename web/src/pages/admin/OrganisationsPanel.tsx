import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { organisationKinds } from "../../../../src/core/access/vocabulary.ts";
import { api, get } from "../../api/client.ts";
import type { Organisation } from "../../api/types.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ChoiceField } from "../../components/ChoiceField.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { TableScroll } from "../../components/TableScroll.tsx";
import { useSession } from "../../session.tsx";

export const OrganisationsPanel = () => {
  const { t } = useTranslation();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const organisations = useQuery({
    queryKey: ["organisations"],
    queryFn: () => get<Organisation[]>("/api/organisations"),
  });
  const add = useMutation({
    mutationFn: (input: Record<string, FormDataEntryValue | null>) =>
      api<Organisation>("POST", "/api/organisations", input),
    // The audit log below shows the write at once.
    onSuccess: () =>
      Promise.all(
        ["organisations", "audit-log"].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
      ),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    // Cleared once stored, so a refused entry stays to be corrected and a stored one is not sent twice.
    add.mutate(
      { slug: form.get("slug"), name: form.get("name"), kind: form.get("kind") },
      { onSuccess: () => element.reset() },
    );
  };
  return (
    <section aria-labelledby="orgs-title">
      <h2 id="orgs-title">{t("admin.organisations")}</h2>
      <TableScroll label={t("admin.organisations")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin.name")}</th>
              <th scope="col">{t("admin.slug")}</th>
              <th scope="col">{t("admin.kind")}</th>
            </tr>
          </thead>
          <tbody>
            {organisations.data?.map((org) => (
              <tr key={org.id}>
                <td>{org.name}</td>
                <td>
                  <code>{org.slug}</code>
                </td>
                <td>{t(`kind.${org.kind}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {me.user.platformAdmin && (
        <form className="inline-form" onSubmit={submit}>
          <Field label={t("admin.slug")}>
            <input name="slug" required pattern="[a-z0-9][a-z0-9\-]{1,62}" title={t("admin.slugFormat")} />
          </Field>
          <Field label={t("admin.name")}>
            <input name="name" required minLength={2} />
          </Field>
          <ChoiceField
            label={t("admin.kind")}
            name="kind"
            choices={organisationKinds}
            defaultValue={organisationKinds[0]}
            wording={(kind) => t(`kind.${kind}`)}
          />
          <BusyButton type="submit" busy={add.isPending}>
            {t("admin.add")}
          </BusyButton>
          <ErrorNote error={add.error} />
        </form>
      )}
    </section>
  );
};
