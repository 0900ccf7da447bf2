import { useTranslation } from "react-i18next";
import { Navigate, NavLink, Route, Routes } from "react-router";
import "../alerts/audit-action.css";
import { NotFound } from "../../components/NotFound.tsx";
import { RecordRoute } from "../../components/RecordRoute.tsx";
import { FrameworkEditor } from "./FrameworkEditor.tsx";
import { ReviewsList } from "./ReviewsList.tsx";
import { ReviewWorkspace } from "./ReviewWorkspace.tsx";

/** /reviews: the Peacebuilding Audit — reviews and cycles, one review's workspace, the framework editor. */
export const ReviewsSection = () => (
  <Routes>
    <Route index element={<ReviewsList />} />
    <Route path="frameworks" element={<FrameworkEditor />} />
    {/* Cycles and their settings are on the reviews page. */}
    <Route path="cycles" element={<Navigate to="/reviews" replace />} />
    <Route path="settings" element={<Navigate to="/reviews" replace />} />
    <Route
      path=":id"
      element={
        <RecordRoute>
          <ReviewWorkspace />
        </RecordRoute>
      }
    />
    <Route path="*" element={<NotFound />} />
  </Routes>
);

export const ReviewsNav = () => {
  const { t } = useTranslation();
  return (
    <nav className="subnav" aria-label={t("reviews.sections")}>
      <NavLink to="/reviews" end>
        {t("reviews.title")}
      </NavLink>
      <NavLink to="/reviews/frameworks">{t("frameworks.title")}</NavLink>
    </nav>
  );
};
