import { useTranslation } from "react-i18next";

/** The run's forecasts as the CSV `continuum forecast --out` writes; one country's when `iso3` is given. */
export const ForecastDownload = ({ runId, iso3 }: { runId: string; iso3?: string }) => {
  const { t } = useTranslation();
  const query = new URLSearchParams({ runId, ...(iso3 ? { iso3 } : {}) });
  return (
    <a href={`/api/warning/forecasts/export?${query}`} download>
      {t("warning.downloadForecasts")}
    </a>
  );
};
