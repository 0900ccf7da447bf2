import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { PASSWORD_MIN_LENGTH } from "../../../../src/core/users/user.schemas.ts";
import { api } from "../../api/client.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { LanguageSwitcher } from "../../components/LanguageSwitcher.tsx";
import { useSession } from "../../session.tsx";

/**
 * The only page a person signed in with a password set by an administrator can reach: the server refuses
 * everything else until they choose their own, then the app opens where they were going.
 */
export const ChoosePasswordPage = () => {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get("newPassword"));
    setError(null);
    if (newPassword !== form.get("repeatPassword")) {
      setError(new Error(t("auth.choosePassword.differ")));
      return;
    }
    setBusy(true);
    try {
      await api("POST", "/api/auth/password", { currentPassword: form.get("currentPassword"), newPassword });
      navigate(location, { replace: true, state: { focusContent: true } });
      await queryClient.invalidateQueries({ queryKey: ["me"] });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in" id="main">
      <div className="sign-in-card">
        <h1>{t("auth.choosePassword.title")}</h1>
        <p>{t("auth.choosePassword.why")}</p>
        <p>
          <bdi>{me.user.email}</bdi>
        </p>
        <form onSubmit={(event) => void submit(event)}>
          <input type="hidden" name="username" autoComplete="username" defaultValue={me.user.email} />
          <label>
            {t("auth.choosePassword.given")}
            <input name="currentPassword" type="password" autoComplete="current-password" required />
          </label>
          <label>
            {t("account.newPassword")}
            <input
              name="newPassword"
              type="password"
              autoComplete="new-password"
              minLength={PASSWORD_MIN_LENGTH}
              required
            />
          </label>
          <label>
            {t("auth.choosePassword.repeat")}
            <input
              name="repeatPassword"
              type="password"
              autoComplete="new-password"
              minLength={PASSWORD_MIN_LENGTH}
              required
            />
          </label>
          <ErrorNote error={error} />
          <BusyButton type="submit" busy={busy}>
            {t("auth.choosePassword.submit")}
          </BusyButton>
        </form>
        <button type="button" onClick={() => void signOut()}>
          {t("nav.signOut")}
        </button>
        <LanguageSwitcher />
      </div>
    </main>
  );
};
