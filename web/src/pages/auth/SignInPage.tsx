import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { api } from "../../api/client.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { LanguageSwitcher } from "../../components/LanguageSwitcher.tsx";

export const SignInPage = () => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await api("POST", "/api/auth/sign-in", { email: form.get("email"), password: form.get("password") });
      // The form that had the focus goes away: the page it opens takes the focus to its content.
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
