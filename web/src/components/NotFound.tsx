import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** An address the app has no page for: said so, rather than a silent jump to the overview. */
export const NotFound = () => {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("app.notFound")}</h1>
      <p>
        <Link to="/">{t("app.toOverview")}</Link>
      </p>
    </>
  );
};
