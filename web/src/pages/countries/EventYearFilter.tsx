import { useTranslation } from "react-i18next";
import { Field } from "../../components/Field.tsx";
import { EVENT_YEARS, type EventYears } from "./event-years.ts";

/** The first and last year of events to show, each offering only the years that keep the range in order. */
export const EventYearFilter = ({ years }: { years: EventYears }) => {
  const { t } = useTranslation();
  const { fromYear, toYear, setFromYear, setToYear } = years;
  return (
    <div className="inline-form">
      <Field label={t("country.fromYear")}>
        <select value={fromYear} onChange={(e) => setFromYear(e.target.value)}>
          <option value="">—</option>
          {EVENT_YEARS.filter((y) => !toYear || y <= toYear).map((y) => (
            <option key={y}>{y}</option>
          ))}
        </select>
      </Field>
      <Field label={t("country.toYear")}>
        <select value={toYear} onChange={(e) => setToYear(e.target.value)}>
          <option value="">—</option>
          {EVENT_YEARS.filter((y) => !fromYear || y >= fromYear).map((y) => (
            <option key={y}>{y}</option>
          ))}
        </select>
      </Field>
    </div>
  );
};
