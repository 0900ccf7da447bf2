import { useTranslation } from "react-i18next";
import type { TProgress } from "../../../../src/core/warning/warning.schemas.ts";

/** A job's progress as a native progress bar with its current step in words. */
export const RunProgress = ({ progress, status }: { progress: TProgress | null; status: string }) => {
  const { t } = useTranslation();
  if (!progress) return null;
  return (
    <p className="run-progress" aria-live="polite">
      <progress max={Math.max(progress.total, 1)} value={progress.done} /> {t(`warning.status.${status}`)}:{" "}
      {progress.label} ({progress.done}/{progress.total})
    </p>
  );
};
