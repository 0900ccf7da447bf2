import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { translated } from "../../../../src/core/frameworks/framework.schemas.ts";
import type { TReview } from "../../../../src/core/reviews/review.schemas.ts";
import { useCountryNames } from "../../api/country-names.ts";
import { TableScroll } from "../../components/TableScroll.tsx";

/** The reviews the reader may see, each with its country, status and the framework it follows. */
export const ReviewsTable = ({ reviews }: { reviews: TReview[] }) => {
  const { t, i18n } = useTranslation();
  const countryNames = useCountryNames();
  return (
    // On a phone the table scrolls in its own box rather than push the page sideways.
    <TableScroll label={t("reviews.title")}>
      <table>
        <thead>
          <tr>
            <th>{t("countries.country")}</th>
            <th>{t("reviews.titleField")}</th>
            <th>{t("alerts.status")}</th>
            <th>{t("reviews.framework")}</th>
          </tr>
        </thead>
        <tbody>
          {reviews.map((review) => (
            <tr key={review.id}>
              <td>{countryNames.byIso3(review.iso3, review.countryName)}</td>
              <td>
                <Link to={`/reviews/${review.id}`}>{review.title}</Link>
              </td>
              <td>{t(`reviews.statuses.${review.status}`)}</td>
              <td>
                {translated(review.framework.title, review.framework.titleTranslations, i18n.language)} (
                {review.framework.version})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
};
