import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { get } from "../../api/client.ts";
import { type Category, reportStatuses } from "./voices-api.ts";

/** A report's statuses as options, after the caller's own empty choice ("any", "unchanged"). */
export const StatusOptions = () => {
  const { t } = useTranslation();
  return reportStatuses.map((status) => (
    <option key={status} value={status}>
      {t(`voices.statuses.${status}`)}
    </option>
  ));
};

/** The organisation's report categories as options, in the reader's language where the platform has one. */
export const CategoryOptions = () => {
  const { t } = useTranslation();
  const categories = useQuery({
    queryKey: ["voices", "categories"],
    queryFn: () => get<Category[]>("/api/voices/categories"),
  });
  return categories.data?.map((category) => (
    <option key={category.code} value={category.code}>
      {t(`voices.categories.${category.code}`, { defaultValue: category.label })}
    </option>
  ));
};
