import { useTranslation } from "react-i18next";
import { changeLanguage, languages } from "../i18n/index.ts";

export const LanguageSwitcher = () => {
  const { t, i18n } = useTranslation();
  return (
    <label className="language">
      <span className="visually-hidden">{t("app.language")}</span>
      <select value={i18n.language} onChange={(event) => void changeLanguage(event.target.value)}>
        {languages.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.name}
          </option>
        ))}
      </select>
    </label>
  );
};
