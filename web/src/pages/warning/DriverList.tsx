import { useTranslation } from "react-i18next";
import type { Driver } from "./warning-api.ts";

/** Drivers in plain words, with whether each raises or lowers the risk of violence. */
export const DriverList = ({ drivers }: { drivers: Driver[] }) => {
  const { t } = useTranslation();
  if (drivers.length === 0) return <p>{t("warning.noDrivers")}</p>;
  return (
    <ul className="drivers">
      {drivers.map((d) => (
        <li key={d.feature} className={d.direction}>
          <span className="arrow" aria-hidden="true">
            {d.direction === "raises" ? "▲" : "▼"}
          </span>{" "}
          {t(`warning.features.${d.feature}`, { defaultValue: d.phrase })}{" "}
          <small>{t(d.direction === "raises" ? "warning.raises" : "warning.lowers")}</small>
        </li>
      ))}
    </ul>
  );
};
