import { useTranslation } from "react-i18next";
import { shorten } from "../../../../src/core/shared/text.ts";

type FieldChange = { field: string; before: unknown; after: unknown };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** The top-level fields whose value differs between the record before and after the action. */
const changedFields = (before: unknown, after: unknown): FieldChange[] => {
  const was = isRecord(before) ? before : {};
  const is = isRecord(after) ? after : {};
  return [...new Set([...Object.keys(was), ...Object.keys(is)])]
    .filter((field) => JSON.stringify(was[field]) !== JSON.stringify(is[field]))
    .map((field) => ({ field, before: was[field], after: is[field] }));
};

const shortValue = (value: unknown): string => {
  if (value === undefined) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return shorten(text, 60);
};

/** One audit entry's change: the fields an update changed (before → after), with the whole record on demand. */
export const AuditChange = ({
  before,
  after,
  withheld,
}: {
  before: unknown;
  after: unknown;
  withheld: boolean;
}) => {
  const { t } = useTranslation();
  if (withheld) return <em>{t("admin.withheld")}</em>;
  if (before == null && after == null) return null;
  const changes = before != null && after != null ? changedFields(before, after) : [];
  return (
    <div className="audit-change">
      {changes.length > 0 && (
        <ul>
          {changes.map((change) => (
            // Field names and values are the records' own codes: read left to right in every language.
            <li key={change.field} dir="ltr">
              <code>{change.field}</code>: <bdi>{shortValue(change.before)}</bdi> →{" "}
              <bdi>{shortValue(change.after)}</bdi>
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>
          {before == null ? t("admin.details") : after == null ? t("admin.removed") : t("admin.wholeRecord")}
        </summary>
        <pre dir="ltr">{JSON.stringify(after ?? before, null, 2)}</pre>
      </details>
    </div>
  );
};
