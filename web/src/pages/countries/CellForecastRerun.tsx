import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TCellForecastView } from "../../../../src/core/warning/cells/cell-forecast.schemas.ts";
import { api } from "../../api/client.ts";
import { allows } from "../../api/permissions.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { useSession } from "../../session.tsx";

/**
 * Forecasts the country's cells again from its GED events, for those who may run forecasts. Training takes
 * about a second, so the answer is the new run itself; it waits behind a country forecast under way.
 */
export const CellForecastRerun = ({
  iso3,
  hasRun,
  onDone,
}: {
  iso3: string;
  hasRun: boolean;
  onDone: () => void;
}) => {
  const { t } = useTranslation();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const rerun = useMutation({
    mutationFn: () => api<TCellForecastView>("POST", "/api/warning/cell-forecast-runs", { iso3 }),
    onSuccess: (view) => {
      queryClient.setQueryData(["cell-forecast", iso3], view);
      onDone();
    },
  });
  if (!allows(me, "forecast.run")) return null;
  return (
    <div className="run-control">
      <BusyButton busy={rerun.isPending} onClick={() => rerun.mutate()}>
        {t(hasRun ? "country.cellForecastRerun" : "country.cellForecastRun")}
      </BusyButton>
      {rerun.isPending && (
        <p className="muted" role="status">
          {t("country.cellForecastRunning")}
        </p>
      )}
      <ErrorNote error={rerun.error} />
    </div>
  );
};
