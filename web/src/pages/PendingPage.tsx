import { useTranslation } from "react-i18next";

/** The navigation already names every capability; those not yet delivered say so plainly. */
export const PendingPage = ({ section }: { section: string }) => {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t(section)}</h1>
      <p>{t("pending.body")}</p>
    </section>
  );
};
