import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ChoiceField } from "../../components/ChoiceField.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { useSession } from "../../session.tsx";

/**
 * A person in several organisations acts for one at a time: this session then reads and writes as a member of
 * the one chosen. What was loaded for the other organisation is dropped, so no page shows it as this one's.
 */
export const ActingForForm = () => {
  const { t } = useTranslation();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const switchTo = useMutation({
    mutationFn: (orgId: string) => api<null>("POST", "/api/auth/organisation", { orgId }),
    onSuccess: async () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== "me" });
      await queryClient.invalidateQueries({ queryKey: ["me"] });
    },
  });
  const names = new Map(me.user.memberships.map((m) => [m.orgId, m.orgName]));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    switchTo.mutate(String(new FormData(event.currentTarget).get("orgId")));
  };
  if (me.user.memberships.length < 2) return null;
  return (
    <form className="inline-form" onSubmit={submit} aria-label={t("auth.actingFor")}>
      <ChoiceField
        label={t("auth.actingFor")}
        name="orgId"
        defaultValue={me.acting.orgId}
        choices={me.user.memberships.map((m) => m.orgId)}
        wording={(orgId) => names.get(orgId) ?? orgId}
      />
      <BusyButton type="submit" busy={switchTo.isPending}>
        {t("account.actFor")}
      </BusyButton>
      <ErrorNote error={switchTo.error} />
    </form>
  );
};
