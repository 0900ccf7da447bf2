import { useTranslation } from "react-i18next";
import type { Driver } from "./warning-api.ts";

const readingFormats = {
  count: {},
  percent: { style: "unit", unit: "percent" },
  km: { style: "unit", unit: "kilometer" },
} as const;

/** A driver's value in its unit, in the reader's number format: "12", "40 %", "1,200 km". */
const useReading = () => {
  const { i18n } = useTranslation();
  return (reading: NonNullable<Driver["reading"]>) =>
    new Intl.NumberFormat(i18n.language, readingFormats[reading.unit]).format(reading.amount);
};

/**
 * Drivers in plain words: each feature's value for the country and how many percentage points it added to
 * or took from the probability. The signed number carries the direction, so no phrase has to agree with it.
 */
export const DriverList = ({ drivers }: { drivers: Driver[] }) => {
  const { t, i18n } = useTranslation();
  const read = useReading();
  const points = new Intl.NumberFormat(i18n.language, {
    signDisplay: "always",
    maximumFractionDigits: 1,
  });
  const featureName = (d: Driver) => t(`warning.features.${d.feature}`, { defaultValue: d.phrase });
  if (drivers.length === 0) return <p>{t("warning.noDrivers")}</p>;
  return (
    <ul className="drivers">
      {drivers.map((d) => (
        <li key={d.feature} className={d.direction}>
          <span className="arrow" aria-hidden="true">
            {d.direction === "raises" ? "▲" : "▼"}
          </span>{" "}
          {d.reading
            ? // A template, not a hard-coded ": ", because French puts a narrow no-break space before a colon.
              t("warning.reading", { phrase: featureName(d), value: read(d.reading) })
            : featureName(d)}{" "}
          <small className="nowrap">
            {t("warning.effectPoints", { points: points.format(d.effectPoints) })}
          </small>
        </li>
      ))}
    </ul>
  );
};
