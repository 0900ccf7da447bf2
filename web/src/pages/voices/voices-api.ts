import type {
  TCategory,
  TReportCluster,
  TReportDetail,
  TReportMap,
  TReportPoint,
  TRevealed,
  TSignals,
  TVoicesReport,
} from "../../../../src/core/voices/report.schemas.ts";
import { reportChannels, reportStatuses } from "../../../../src/core/voices/report.schemas.ts";

type VoicesReport = TVoicesReport;
export type ReportDetail = TReportDetail;
export type ReportPoint = TReportPoint;
export type ReportCluster = TReportCluster;
export type ReportMap = TReportMap;
export type Revealed = TRevealed;
export type Category = TCategory;
export type Queue = { reports: VoicesReport[]; total: number };
export type Signals = TSignals;
export { reportChannels, reportStatuses };
