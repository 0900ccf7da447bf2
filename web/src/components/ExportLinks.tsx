import { useTranslation } from "react-i18next";

const FORMATS = ["csv", "hxl", "geojson"] as const;

/** Download links for one view of the data: the same filters, as CSV, HXL or GeoJSON. */
export const ExportLinks = ({
  path,
  params,
}: {
  path: string;
  params: Record<string, string | undefined>;
}) => {
  const { t } = useTranslation();
  const base = Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1]));
  return (
    <p className="export-links">
      {t("data.download")}{" "}
      {FORMATS.map((format) => (
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
