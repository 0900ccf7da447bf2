import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TProgress } from "../../../../src/core/warning/warning.schemas.ts";
import { ltr } from "../../i18n/index.ts";
import { type Announcement, nextAnnouncement } from "./progress-announcement.ts";

/** A job's progress as a native progress bar with its current step in words, and its error if it failed. */
export const RunProgress = ({
  progress,
  status,
  error = null,
}: {
  progress: TProgress | null;
  status: string;
  error?: string | null;
}) => {
  const { t, i18n } = useTranslation();
  const count = new Intl.NumberFormat(i18n.language);
  // Runs stored before steps existed have only the English label.
  const stepText = ({ step, params = {}, label }: TProgress): string => {
    if (!step) return label;
    const words = Object.fromEntries(
      Object.entries(params).map(([key, value]) => [
        key,
        typeof value === "number" ? count.format(value) : ltr(value),
      ]),
    );
    const key =
      step === "loading" && params.origin
        ? "loadingUpTo"
        : (step === "training" || step === "retraining") && params.horizon
          ? `${step}Month`
          : step;
    return t(`warning.steps.${key}`, words);
  };
  // Announced: the status and the share done, once per quarter of the work. Steps name origins, and origins
  // trained side by side would have a screen reader hear them alternate twenty times in one backtest.
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const next = nextAnnouncement(announcement, progress, status, (share) =>
    t("warning.progressShare", {
      status: t(`warning.status.${status}`),
      share: new Intl.NumberFormat(i18n.language, { style: "percent" }).format(share),
    }),
  );
  if (next !== announcement) setAnnouncement(next);
  return (
    <>
      <p className="visually-hidden" aria-live="polite">
        {next.text}
      </p>
      {progress && (
        <p className="run-progress">
          <progress
            max={Math.max(progress.total, 1)}
            value={progress.done}
            aria-label={t(`warning.status.${status}`)}
          />{" "}
          {/* "Finished: done" would say it twice: the last step is named by the status alone. */}
          {t(progress.step === "done" ? "warning.progressDone" : "warning.progress", {
            status: t(`warning.status.${status}`),
            step: stepText(progress),
            done: count.format(progress.done),
            total: count.format(progress.total),
          })}
        </p>
      )}
      {status === "failed" && (
        <p role="alert">{t("warning.runFailed", { error: error ?? t("warning.status.failed") })}</p>
      )}
    </>
  );
};
