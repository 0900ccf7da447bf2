import { Navigate, Route, Routes } from "react-router";
import "./audit-action.css";
import { NotFound } from "../../components/NotFound.tsx";
import { RecordRoute } from "../../components/RecordRoute.tsx";
import { AlertPage } from "./AlertPage.tsx";
import { AlertSetupPage } from "./AlertSetupPage.tsx";
import { AlertsInbox } from "./AlertsInbox.tsx";
import { MeasuresPage } from "./MeasuresPage.tsx";
import { NotificationsPage } from "./NotificationsPage.tsx";

/**
 * /alerts: the inbox, one alert with its timeline, the measures dashboard, the person's notifications, and
 * the rules and desks behind them.
 */
export const AlertsSection = () => (
  <Routes>
    <Route index element={<AlertsInbox />} />
    <Route path="measures" element={<MeasuresPage />} />
    <Route path="notifications" element={<NotificationsPage />} />
    <Route path="setup" element={<AlertSetupPage />} />
    {/* The setup page's two parts, by the names the README and the page give them. */}
    <Route path="rules" element={<Navigate to="/alerts/setup" replace />} />
    <Route path="desks" element={<Navigate to="/alerts/setup" replace />} />
    <Route
      path=":id"
      element={
        <RecordRoute>
          <AlertPage />
        </RecordRoute>
      }
    />
    <Route path="*" element={<NotFound />} />
  </Routes>
);
