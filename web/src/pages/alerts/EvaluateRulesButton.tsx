import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";

type Evaluation = {
  rules: number;
  candidates: number;
  raised: number;
  merged: number;
  alreadyRaised: number;
};

/** Runs every rule at once rather than waiting for the next round, and says what it raised. */
export const EvaluateRulesButton = () => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const evaluate = useMutation({
    mutationFn: () => api<Evaluation>("POST", "/api/alerts/evaluate"),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["alerts"] }),
  });
  return (
    <>
      <p>
        <BusyButton onClick={() => evaluate.mutate()} busy={evaluate.isPending}>
          {t("alertSetup.evaluate")}
        </BusyButton>{" "}
        {evaluate.data && <output>{t("alertSetup.evaluated", evaluate.data)}</output>}
      </p>
      <ErrorNote error={evaluate.error} />
    </>
  );
};
