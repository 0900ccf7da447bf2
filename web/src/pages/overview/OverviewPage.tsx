import { useTranslation } from "react-i18next";
import { useSession } from "../../session.tsx";
import { RiskMap } from "../warning/RiskMap.tsx";
import { FatalityMap } from "./FatalityMap.tsx";

export const OverviewPage = () => {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <section>
      <h1>{t("overview.title")}</h1>
      <p>
        {t("overview.welcome", { name: me.user.name })} {t("overview.intro")}
      </p>
      <FatalityMap />
      <RiskMap />
    </section>
  );
};
