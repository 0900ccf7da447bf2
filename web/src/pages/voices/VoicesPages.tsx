import { Route, Routes } from "react-router";
import { ReportPage } from "./ReportPage.tsx";
import { ReportsMapPage } from "./ReportsMapPage.tsx";
import { TriageQueuePage } from "./TriageQueuePage.tsx";

/** Community reports: the triage queue, one report, and the map (the public form is served by the server at /report). */
export const VoicesPages = () => (
  <Routes>
    <Route index element={<TriageQueuePage />} />
    <Route path="map" element={<ReportsMapPage />} />
    <Route path=":id" element={<ReportPage />} />
  </Routes>
);
