import { Route, Routes } from "react-router";
import { NotFound } from "../../components/NotFound.tsx";
import { RecordRoute } from "../../components/RecordRoute.tsx";
import { ImportReportsPage } from "./ImportReportsPage.tsx";
import { ReportPage } from "./ReportPage.tsx";
import { ReportsMapPage } from "./ReportsMapPage.tsx";
import { TriageQueuePage } from "./TriageQueuePage.tsx";

/** Community reports: the triage queue, one report, the map and bulk imports (the public form is served by the server at /report). */
export const VoicesPages = () => (
  <Routes>
    <Route index element={<TriageQueuePage />} />
    <Route path="map" element={<ReportsMapPage />} />
    <Route path="import" element={<ImportReportsPage />} />
    <Route
      path=":id"
      element={
        <RecordRoute>
          <ReportPage />
        </RecordRoute>
      }
    />
    <Route path="*" element={<NotFound />} />
  </Routes>
);
