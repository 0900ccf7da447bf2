import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { PASSWORD_MIN_LENGTH } from "../../../../src/core/users/user.schemas.ts";
import { api, get } from "../../api/client.ts";
import type { ApiToken } from "../../api/types.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { day, when } from "../../i18n/dates.ts";
import { useSession } from "../../session.tsx";
import { ActingForForm } from "./ActingForForm.tsx";

export const AccountPage = () => {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const [newToken, setNewToken] = useState<string | null>(null);
  const tokens = useQuery({ queryKey: ["tokens"], queryFn: () => get<ApiToken[]>("/api/tokens") });
  const changePassword = useMutation({
    mutationFn: (input: object) => api("POST", "/api/auth/password", input),
  });
  const createToken = useMutation({
    mutationFn: (input: { name: string; expiresInDays?: number }) =>
      api<ApiToken & { token: string }>("POST", "/api/tokens", input),
    onSuccess: (created) => {
      setNewToken(created.token);
      void queryClient.invalidateQueries({ queryKey: ["tokens"] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api("DELETE", `/api/tokens/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["tokens"] }),
  });

  const submitPassword = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    changePassword.mutate(Object.fromEntries(new FormData(event.currentTarget)));
    event.currentTarget.reset();
  };
  const submitToken = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const days = Number(form.get("expiresInDays"));
    createToken.mutate({ name: String(form.get("name")), ...(days > 0 ? { expiresInDays: days } : {}) });
    event.currentTarget.reset();
  };

  return (
    <>
      <h1>{t("account.title")}</h1>
      <p>
        {me.user.name} — {me.user.email}
      </p>
      <ul>
        {me.user.memberships.map((m) => (
          <li key={m.orgId}>
            {m.orgName}: {t(`role.${m.role}`)}, {t(`clearance.${m.clearance}`)}
          </li>
        ))}
      </ul>
      <ActingForForm />
      <section aria-labelledby="password-title">
        <h2 id="password-title">{t("account.changePassword")}</h2>
        <form className="inline-form" onSubmit={submitPassword}>
          <Field label={t("account.currentPassword")}>
            <input name="currentPassword" type="password" autoComplete="current-password" required />
          </Field>
          <Field label={t("account.newPassword")}>
            <input
              name="newPassword"
              type="password"
              autoComplete="new-password"
              minLength={PASSWORD_MIN_LENGTH}
              required
            />
          </Field>
          <BusyButton type="submit" busy={changePassword.isPending}>
            {t("account.changePassword")}
          </BusyButton>
        </form>
        {changePassword.isSuccess && <p role="status">{t("account.passwordChanged")}</p>}
        <ErrorNote error={changePassword.error} />
      </section>
      <section aria-labelledby="tokens-title">
        <h2 id="tokens-title">{t("account.tokens")}</h2>
        {newToken && (
          <p role="status">
            {t("account.tokenShownOnce")} <code className="secret">{newToken}</code>
          </p>
        )}
        <ul>
          {tokens.data?.map((token) => (
            <li key={token.id}>
              <strong>{token.name}</strong> <code>{token.prefix}…</code> — {t("account.lastUsed")}:{" "}
              {token.lastUsedAt ? when(token.lastUsedAt, i18n.language) : t("account.never")}
              {token.expiresAt && ` · ${t("account.expires", { date: day(token.expiresAt, i18n.language) })}`}{" "}
              <button type="button" onClick={() => revoke.mutate(token.id)}>
                {t("account.revoke")}
              </button>
            </li>
          ))}
        </ul>
        <form className="inline-form" onSubmit={submitToken}>
          <Field label={t("account.tokenName")}>
            <input name="name" required maxLength={100} />
          </Field>
          <Field label={t("account.expiresInDays")}>
            <input name="expiresInDays" type="number" min={1} max={3650} defaultValue={90} size={5} />
          </Field>
          <BusyButton type="submit" busy={createToken.isPending}>
            {t("account.createToken")}
          </BusyButton>
        </form>
        <ErrorNote error={createToken.error} />
      </section>
    </>
  );
};
