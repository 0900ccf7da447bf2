import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { LanguageSwitcher } from "../../components/LanguageSwitcher.tsx";
import { useSessionForm } from "./use-session-form.ts";

export const SignInPage = () => {
  const { t } = useTranslation();
  const { submit, error, busy } = useSessionForm(async (form) => {
    await api("POST", "/api/auth/sign-in", { email: form.get("email"), password: form.get("password") });
  });

  return (
    <main className="sign-in" id="main">
      <div className="sign-in-card">
        <h1>{t("auth.title")}</h1>
        <p className="tagline">{t("app.tagline")}</p>
        <form onSubmit={(event) => void submit(event)}>
          <label>
            {t("auth.email")}
            <input name="email" type="email" autoComplete="username" required />
          </label>
          <label>
            {t("auth.password")}
            <input name="password" type="password" autoComplete="current-password" required />
          </label>
          <ErrorNote error={error} />
          <BusyButton type="submit" busy={busy}>
            {t("auth.submit")}
          </BusyButton>
        </form>
        <LanguageSwitcher />
      </div>
    </main>
  );
};
