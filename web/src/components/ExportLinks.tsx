import { useTranslation } from "react-i18next";

type Format = "csv" | "hxl" | "geojson";
const ALL_FORMATS: readonly Format[] = ["csv", "hxl", "geojson"];

/** Download links for one view of the data: the same filters, as CSV, HXL or GeoJSON (or those it offers). */
export const ExportLinks = ({
  path,
  params,
  formats = ALL_FORMATS,
  label,
}: {
  path: string;
  params: Record<string, string | undefined>;
  formats?: readonly Format[];
  /** What is downloaded, where a page offers more than one download. */
  label?: string;
}) => {
  const { t } = useTranslation();
  const base = Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1]));
  return (
    <p className="export-links">
      {label ?? t("data.download")}{" "}
      {formats.map((format) => (
        <a
          key={format}
          href={`${path}?${new URLSearchParams([...base, ["format", format]]).toString()}`}
          download
        >
          {t(`data.format.${format}`)}
        </a>
      ))}
    </p>
  );
};
