import { Route, Routes } from "react-router";
import { NotFound } from "./components/NotFound.tsx";
import { Shell } from "./components/Shell.tsx";
import { AccountPage } from "./pages/account/AccountPage.tsx";
import { AdminPage } from "./pages/admin/AdminPage.tsx";
import { AlertsSection } from "./pages/alerts/AlertsSection.tsx";
import { AnalysesPage } from "./pages/analyses/AnalysesPage.tsx";
import { ChoosePasswordPage } from "./pages/auth/ChoosePasswordPage.tsx";
import { SignInPage } from "./pages/auth/SignInPage.tsx";
import { CountriesPage } from "./pages/countries/CountriesPage.tsx";
import { DataPage } from "./pages/data/DataPage.tsx";
import { OverviewPage } from "./pages/overview/OverviewPage.tsx";
import { ReviewsSection } from "./pages/reviews/ReviewsSection.tsx";
import { VoicesPages } from "./pages/voices/VoicesPages.tsx";
import { WarningPages } from "./pages/warning/WarningPages.tsx";
import { SessionGate, useSession } from "./session.tsx";

/** A person whose password an administrator set reaches nothing until they have chosen their own. */
const SignedIn = () => {
  const { me } = useSession();
  if (me.mustChangePassword) return <ChoosePasswordPage />;
  return (
    <Shell>
      <Routes>
        <Route path="/" element={<OverviewPage />} />
        <Route path="/countries/*" element={<CountriesPage />} />
        <Route path="/alerts/*" element={<AlertsSection />} />
        <Route path="/reviews/*" element={<ReviewsSection />} />
        <Route path="/reports/*" element={<VoicesPages />} />
        <Route path="/warning/*" element={<WarningPages />} />
        <Route path="/analyses" element={<AnalysesPage />} />
        <Route path="/data/*" element={<DataPage />} />
        <Route path="/admin" element={<AdminPage />} />
        <Route path="/account" element={<AccountPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Shell>
  );
};

export const App = () => (
  <SessionGate signedOut={<SignInPage />}>
    <SignedIn />
  </SessionGate>
);
