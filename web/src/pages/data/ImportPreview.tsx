import { useTranslation } from "react-i18next";
import type { ImportKindColumns } from "../../api/data-types.ts";
import { TableScroll } from "../../components/TableScroll.tsx";
import type { ColumnMapping, Preview } from "./import-preview.ts";

/** Which of the file's columns the chosen kind reads, needs, or leaves aside. */
export const ColumnMappingNote = ({
  kind,
  mapped,
}: {
  kind: ImportKindColumns | undefined;
  mapped: ColumnMapping;
}) => {
  const { t } = useTranslation();
  return (
    <div data-testid="column-mapping">
      <h3>{t("data.mapping")}</h3>
      {mapped.missing.length === 0 && <p>{t("data.allRequired", { count: mapped.found.length })}</p>}
      {mapped.optional.length > 0 && (
        <p>{t("data.optionalFound", { columns: mapped.optional.join(", ") })}</p>
      )}
      {mapped.others.length > 0 && (
        <p>
          {kind?.others === "values"
            ? t("data.readAsValues", { columns: mapped.others.join(", ") })
            : t("data.ignored", { columns: mapped.others.join(", ") })}
        </p>
      )}
    </div>
  );
};

/** The file's first rows as the browser read them, its missing columns marked. */
export const PreviewTable = ({ preview, missing }: { preview: Preview; missing: readonly string[] }) => {
  const { t } = useTranslation();
  const caption = t("data.preview", { count: preview.rows.length });
  return (
    <div className="import-preview">
      <TableScroll label={caption}>
        <table data-testid="import-preview">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {preview.header.map((name, position) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a header may repeat a name; its position is its identity
                <th key={position} scope="col" className={missing.includes(name) ? "missing" : undefined}>
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity but their position
              <tr key={r}>
                {row.map((cell, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: as above
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
};
