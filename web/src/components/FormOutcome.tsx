import { useTranslation } from "react-i18next";
import { ErrorNote } from "./ErrorNote.tsx";

/**
 * What became of a form's last submission, beside the form: its refusal, or "Saved." announced to a screen
 * reader (the status region is always there, so that a change in it is heard).
 */
export const FormOutcome = ({
  error,
  saved,
  labels,
}: {
  error: unknown;
  saved: boolean;
  labels?: Record<string, string>;
}) => {
  const { t } = useTranslation();
  return (
    <>
      <ErrorNote error={error} {...(labels ? { labels } : {})} />
      <p role="status" className="muted form-status">
        {saved ? t("admin.saved") : ""}
      </p>
    </>
  );
};
