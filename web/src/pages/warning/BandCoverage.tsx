import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ltr } from "../../i18n/index.ts";
import { fetchForecastRun } from "./warning-api.ts";

/**
 * How often the band held what happened in the reference backtest behind the run, as that backtest scored it; no
 * claim at all for a run without one (an experiment, or a model not yet backtested).
 */
export const BandCoverage = ({ runId }: { runId: string }) => {
  const { t, i18n } = useTranslation();
  const evidence = useQuery({
    queryKey: ["warning", "forecast-run", runId],
    queryFn: () => fetchForecastRun(runId),
  });
  const backtest = evidence.data?.backtest;
  if (!backtest || backtest.coverage80 === null) return null;
  const share = new Intl.NumberFormat(i18n.language, { style: "percent" });
  const words = {
    origins: backtest.origins.map((origin) => ltr(origin)).join(", "),
    coverage: share.format(backtest.coverage80),
  };
  return backtest.pitCoverage80 === null
    ? t("warning.fanCoverage", words)
    : t("warning.fanCoveragePit", { ...words, pitCoverage: share.format(backtest.pitCoverage80) });
};
