import { useTranslation } from "react-i18next";

/** Forecast deaths as the median with its 80% range (q10–q90), e.g. "512 (80%: 120–1,390)", on one line. */
export const DeathsRange = ({ q10, q50, q90 }: { q10: number; q50: number; q90: number }) => {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 });
  return (
    <span className="nowrap">
      {t("warning.range80", {
        median: number.format(q50),
        low: number.format(q10),
        high: number.format(q90),
      })}
    </span>
  );
};
