import { useTranslation } from "react-i18next";
import { NavLink, Route, Routes } from "react-router";
import "../alerts/audit-action.css";
import { NotFound } from "../../components/NotFound.tsx";
import { FrameworkEditor } from "./FrameworkEditor.tsx";
import { ReviewsList } from "./ReviewsList.tsx";
import { ReviewWorkspace } from "./ReviewWorkspace.tsx";

/** /reviews: the Peacebuilding Audit — reviews and cycles, one review's workspace, the framework editor. */
export const ReviewsSection = () => (
  <Routes>
    <Route index element={<ReviewsList />} />
    <Route path="frameworks" element={<FrameworkEditor />} />
    <Route path=":id" element={<ReviewWorkspace />} />
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
