/**
 * The network's figures in the console (issue 21 point 7): the shop's report input with the
 * network's own breakdowns (shop, region), the network dashboard, the drill-down from a figure of
 * a breakdown row to its tickets, and their CSV/XLSX export. Customers appear masked (张*) only.
 */
import { z } from 'zod';
import { DIMENSIONS, DRILL_FIGURES, calendarDateSchema, rangeCheck, reportFiltersSchema, type GroupRow, type ReportResult } from '../reports/schemas';

export const NETWORK_DIMENSIONS = [...DIMENSIONS, 'shop', 'region'] as const;
export const networkDimensionSchema = z.enum(NETWORK_DIMENSIONS);
export type NetworkDimension = z.infer<typeof networkDimensionSchema>;

const rangeFields = { from: calendarDateSchema, to: calendarDateSchema, filters: reportFiltersSchema.default({}) };
export const networkReportSchema = z
  .object({ ...rangeFields, groupBy: networkDimensionSchema.optional() })
  .strict()
  .superRefine(rangeCheck);
export type NetworkReportInput = z.infer<typeof networkReportSchema>;

export const networkDrillSchema = z
  .object({
    ...rangeFields,
    figure: z.enum(DRILL_FIGURES),
    groupBy: networkDimensionSchema.optional(),
    groupKey: z.string().max(80).optional(),
    offset: z.number().int().min(0).max(1_000_000).default(0),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict()
  .superRefine(rangeCheck);
export type NetworkDrillInput = z.infer<typeof networkDrillSchema>;

export const networkDashboardSchema = z.object({ shop: z.string().min(1).max(64).optional() }).strict();

export const networkExportSchema = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    report: networkReportSchema,
    /** With a drill-down: its tickets (every page, up to EXPORT_MAX_TICKETS) instead of the report. */
    drill: z.object({ figure: z.enum(DRILL_FIGURES), groupKey: z.string().max(80).optional() }).strict().optional(),
  })
  .strict();
export const EXPORT_MAX_TICKETS = 50_000;

export const regionSchema = z.string().trim().max(40);
export const shopRegionSchema = z.object({ shopId: z.string().min(1).max(100), region: regionSchema.nullable() }).strict();

/** The shop's report for every shop, and for all of them together (null without shops). */
export interface NetworkReport {
  generatedAt: string;
  /** The breakdown of the total (a shop dimension is also in each shop's report). */
  groupBy: NetworkDimension | null;
  shops: { shopId: string; code: string; name: string; region: string | null; report: ReportResult }[];
  total: ReportResult | null;
}

export interface NetworkDrillRow {
  shopCode: string;
  shopName: string;
  ticketId: string;
  number: string;
  status: string;
  receivedAt: string;
  firstReadyAt: string | null;
  firstCollectedAt: string | null;
  category: string;
  brand: string;
  model: string;
  technician: string | null;
  /** Masked at projection: 张*, W*** F***. */
  customer: string;
  quotedFen: number | null;
  paidFen: number;
}
export interface NetworkDrill {
  total: number;
  rows: NetworkDrillRow[];
}

/** A shop's (or the network's) day and week at a glance, the shop dashboard's figures. */
export interface DashboardFigures {
  today: { received: number; completed: number; collected: number };
  week: { received: number; completed: number; collected: number; medianHours: number | null; ftfRate: number | null };
  days: { date: string; received: number; completed: number; collected: number }[];
  openByStatus: Record<string, number>;
  open: number;
  overduePromises: number;
}
export interface NetworkDashboard {
  today: string;
  weekFrom: string;
  generatedAt: string;
  shops: { shopId: string; code: string; name: string; region: string | null; lastSyncAt: string | null; figures: DashboardFigures }[];
  total: DashboardFigures;
}

export interface ExportFile {
  fileName: string;
  mime: string;
  base64: string;
}

export type { GroupRow };
