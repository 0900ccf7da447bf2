import { useTranslation } from "react-i18next";
import { PASSWORD_MIN_LENGTH } from "../../../../src/core/users/user.schemas.ts";
import { api } from "../../api/client.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { LanguageSwitcher } from "../../components/LanguageSwitcher.tsx";
import { useSession } from "../../session.tsx";
import { useSessionForm } from "./use-session-form.ts";

/**
 * The only page a person signed in with a password set by an administrator can reach: the server refuses
 * everything else until they choose their own, then the app opens where they were going.
 */
export const ChoosePasswordPage = () => {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  const { submit, error, busy } = useSessionForm(async (form) => {
    const newPassword = String(form.get("newPassword"));
    if (newPassword !== form.get("repeatPassword")) throw new Error(t("auth.choosePassword.differ"));
    await api("POST", "/api/auth/password", { currentPassword: form.get("currentPassword"), newPassword });
  });

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
