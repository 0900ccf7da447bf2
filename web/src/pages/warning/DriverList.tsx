import { useTranslation } from "react-i18next";
import { describeFeature, formatReading } from "../../../../src/core/warning/driver-phrases.ts";
import { effectPointsText } from "./signed-points.ts";
import type { Driver } from "./warning-api.ts";

/**
 * Drivers in plain words: each feature's value for the country and how many percentage points it added to
 * or took from the probability. The signed number carries the direction, so no phrase has to agree with it.
 */
export const DriverList = ({ drivers }: { drivers: Driver[] }) => {
  const { t, i18n } = useTranslation();
  const featureName = (d: Driver) => describeFeature(d.feature, i18n.language);
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
              t("warning.reading", { phrase: featureName(d), value: formatReading(d.reading, i18n.language) })
            : featureName(d)}{" "}
          <small className="nowrap">{effectPointsText(d.effectPoints, t, i18n.language)}</small>
        </li>
      ))}
    </ul>
  );
};
