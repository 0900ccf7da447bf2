import { useTranslation } from "react-i18next";

/**
 * Responses early-warning desks commonly weigh, offered as a checklist so a decision starts from the usual
 * range rather than a blank box; each is recorded as the decider reads it, like the options they type.
 */
const commonResponses = [
  "goodOffices",
  "factFinding",
  "briefing",
  "statement",
  "mediation",
  "protection",
  "monitoring",
] as const;

/** The checkboxes' name: their ticked values join the typed options. */
export const RESPONSE_FIELD = "response";

export const ResponseOptions = () => {
  const { t } = useTranslation();
  return (
    <fieldset className="field choices">
      <legend>{t("alerts.commonResponses")}</legend>
      {commonResponses.map((response) => {
        const wording = t(`alerts.responses.${response}`);
        return (
          <label key={response}>
            <input type="checkbox" name={RESPONSE_FIELD} value={wording} />
            {wording}
          </label>
        );
      })}
    </fieldset>
  );
};
