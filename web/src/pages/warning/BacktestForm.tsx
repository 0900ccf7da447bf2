import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { referenceOrigins } from "../../../../src/core/warning/backtest-report.ts";
import { MODEL_ROUNDS } from "../../../../src/core/warning/warning.schemas.ts";
import { BusyButton } from "../../components/BusyButton.tsx";
import { ErrorNote } from "../../components/ErrorNote.tsx";
import { Field } from "../../components/Field.tsx";
import { startBacktest } from "./warning-api.ts";

const defaultOrigins = referenceOrigins.join(",");
const standardHorizon = 12;
/** As many months ahead as the API scores. */
const maxBacktestHorizon = 36;

/** Origins, months ahead and boosting rounds of a new backtest, for those allowed to run one. */
export const BacktestForm = ({
  running,
  onStarted,
}: {
  running: boolean;
  onStarted: (runId: string) => void;
}) => {
  const { t, i18n } = useTranslation();
  const [origins, setOrigins] = useState(defaultOrigins);
  const [horizon, setHorizon] = useState(standardHorizon);
  // Empty keeps the model's own number of rounds, so the run stays comparable with the reference backtest.
  const [rounds, setRounds] = useState("");
  const start = useMutation({
    mutationFn: () =>
      startBacktest({
        origins: origins
          .split(",")
          .map((o) => o.trim())
          .filter(Boolean),
        maxHorizon: horizon,
        ...(rounds === "" ? {} : { rounds: Number(rounds) }),
      }),
    onSuccess: (run) => onStarted(run.id),
  });
  const number = new Intl.NumberFormat(i18n.language);
  const roundsLabel = t("warning.backtestRounds", {
    min: number.format(MODEL_ROUNDS.min),
    max: number.format(MODEL_ROUNDS.max),
  });
  return (
    <>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          start.mutate();
        }}
      >
        <Field label={t("warning.origins")}>
          <input value={origins} onChange={(event) => setOrigins(event.target.value)} size={44} dir="ltr" />
        </Field>
        {/* Fewer months ahead train fewer models: a quicker check, or origins nearer the data's end. */}
        <Field label={t("warning.backtestHorizon")}>
          <input
            type="number"
            className="short-number"
            min={1}
            max={maxBacktestHorizon}
            value={horizon}
            onChange={(event) => setHorizon(event.target.valueAsNumber)}
          />
        </Field>
        <Field label={roundsLabel}>
          <input
            type="number"
            className="short-number"
            min={MODEL_ROUNDS.min}
            max={MODEL_ROUNDS.max}
            step={1}
            value={rounds}
            onChange={(event) => setRounds(event.target.value)}
          />
        </Field>
        <BusyButton type="submit" busy={start.isPending || running}>
          {t("warning.runBacktest")}
        </BusyButton>
      </form>
      <ErrorNote
        error={start.error}
        labels={{
          origins: t("warning.origins"),
          maxHorizon: t("warning.backtestHorizon"),
          "options.rounds": roundsLabel,
        }}
      />
    </>
  );
};
