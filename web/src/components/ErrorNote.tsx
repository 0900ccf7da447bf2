import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";

/**
 * A field as the person filled it in: "body.slug" is the API's path for "slug", "origins.1" is the second
 * of the origins typed into one box, and a form may name its fields by their labels ("evidenceLinks.url").
 */
const fieldLabel = (field: string, item: (n: number) => string, labels: Record<string, string>): string => {
  const path = field.replace(/^(body|querystring|params)\./, "");
  const label = labels[path.replace(/\.\d+(?=\.|$)/g, "")];
  if (label) return label;
  const indexed = /^(.*)\.(\d+)$/.exec(path);
  return indexed ? `${indexed[1]} (${item(Number(indexed[2]) + 1)})` : path;
};

/** Shows an API error with the fields it names (by their labels where given), announced to screen readers. */
export const ErrorNote = ({ error, labels = {} }: { error: unknown; labels?: Record<string, string> }) => {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const details = error instanceof ApiError ? error.body.details : [];
  // The server explains in English; other readers get the kind of refusal in their language first.
  const lead =
    error instanceof ApiError && !i18n.language.startsWith("en")
      ? t(`errors.codes.${error.body.code}`, { defaultValue: "" })
      : "";
  return (
    <div role="alert" className="error">
      {lead && <strong>{lead} </strong>}
      {/* A refusal or a validation error says what to change; only a failure is "something went wrong".
          The server's English is isolated, so a right-to-left page keeps its full stop at its end. */}
      {error instanceof ApiError && error.status < 500 ? (
        <bdi>{message}</bdi>
      ) : (
        t("errors.generic", { message })
      )}
      {details.length > 0 && (
        <ul>
          {details.map((detail) => (
            <li key={detail.field}>
              <code>{fieldLabel(detail.field, (n) => t("errors.item", { n }), labels)}</code>:{" "}
              <bdi>{detail.message}</bdi>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
