import { useTranslation } from "react-i18next";
import { monthOfInstant, monthsBetween } from "../../../../src/core/shared/months.ts";
import { ltr } from "../../i18n/index.ts";

/** Beyond this many months a forecast's origin is not "now": the reader is told so. */
const STALE_AFTER_MONTHS = 3;

/** Says when a run's data are old, so a forecast of months long past is not read as today's. */
export const StaleDataNote = ({ origin }: { origin: string }) => {
  const { t } = useTranslation();
  const age = monthsBetween(origin, monthOfInstant(new Date()));
  if (age <= STALE_AFTER_MONTHS) return null;
  return (
    <p className="stale-note" role="note">
      {t("warning.staleData", { origin: ltr(origin), count: age })}
    </p>
  );
};
