import type {
  TCategory,
  TReportDetail,
  TRevealed,
  TVoicesReport,
} from "../../../../src/core/voices/report.schemas.ts";
import { reportChannels, reportStatuses } from "../../../../src/core/voices/report.schemas.ts";

export type VoicesReport = TVoicesReport;
export type ReportDetail = TReportDetail;
export type Revealed = TRevealed;
export type Category = TCategory;
export type Queue = { reports: VoicesReport[]; total: number };
export type Signals = {
  minCellCount: number;
  countryMonths: {
    iso3: string;
    month: string;
    category: string;
    count: number | null;
    suppressed: boolean;
  }[];
  gridMonths: {
    priogridGid: number;
    latitude: number;
    longitude: number;
    iso3: string | null;
    month: string;
    count: number | null;
    suppressed: boolean;
  }[];
};
export { reportChannels, reportStatuses };
