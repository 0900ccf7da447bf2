import { useTranslation } from "react-i18next";
import { WorldMap } from "../../components/WorldMap.tsx";
import { useSession } from "../../session.tsx";

export const OverviewPage = () => {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <section>
      <h1>{t("overview.title")}</h1>
      <p>
        {t("overview.welcome", { name: me.user.name })} {t("overview.intro")}
      </p>
      <WorldMap label={t("overview.mapLabel")} />
    </section>
  );
};
