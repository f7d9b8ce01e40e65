import { z } from 'zod';
import type { RouteDescription } from './auth.ts';

/**
 * The daily access report (issue 7) and its routes. Days are WIB (Asia/Jakarta) dates; times
 * are epoch ms. Aggregates only: no phone number, no message text.
 *
 * Route descriptions: `request` is the query string for GET and the JSON body otherwise.
 */

/** A real calendar date `YYYY-MM-DD`. */
export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(v => {
    const ms = Date.parse(`${v}T00:00:00.000Z`);
    return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === v;
  }, 'not a calendar date');

export const ReportFormat = z.enum(['json', 'csv', 'pdf']);
export type ReportFormat = z.infer<typeof ReportFormat>;

export const FeatureCounts = z.object({
  radar: z.number().int(),
  data: z.number().int(),
  faq: z.number().int(),
  selfcheck: z.number().int(),
  tips: z.number().int(),
  hoax: z.number().int(),
  hospital: z.number().int(),
  hotline: z.number().int(),
  info: z.number().int(),
  menu: z.number().int(),
});
export type FeatureCounts = z.infer<typeof FeatureCounts>;

export const SelfcheckCounts = z.object({ rendah: z.number().int(), sedang: z.number().int(), tinggi: z.number().int() });
export type SelfcheckCounts = z.infer<typeof SelfcheckCounts>;

export const ReportTotals = z.object({
  conversations: z.number().int(),
  contacts: z.number().int(),
  newContacts: z.number().int(),
  returningContacts: z.number().int(),
  messagesIn: z.number().int(),
  messagesOut: z.number().int(),
  deliveryFailures: z.number().int(),
  handoffs: z.number().int(),
  hoaxClaims: z.number().int(),
  /** Conversations started this day that were never handed to a volunteer. */
  conversationsBotOnly: z.number().int(),
  /** conversationsBotOnly / conversations, 0..1; null without conversations. */
  botOnlyShare: z.number().nullable(),
});
export type ReportTotals = z.infer<typeof ReportTotals>;

export const ReportRegion = z.object({
  /** `35.01` ... `35.79`, or `unknown`. */
  code: z.string(),
  name: z.string(),
  /** null for unknown. */
  population: z.number().int().nullable(),
  conversations: z.number().int(),
  conversationsPer100k: z.number().nullable(),
  conversationsPreviousDay: z.number().int(),
  conversationsChange: z.number().int(),
  contacts: z.number().int(),
  contactsPer100k: z.number().nullable(),
  contactsPreviousDay: z.number().int(),
  contactsChange: z.number().int(),
  newContacts: z.number().int(),
  returningContacts: z.number().int(),
  messagesIn: z.number().int(),
  messagesOut: z.number().int(),
  deliveryFailures: z.number().int(),
  handoffs: z.number().int(),
  hoaxClaims: z.number().int(),
  selfcheck: SelfcheckCounts,
  features: FeatureCounts,
});
export type ReportRegion = z.infer<typeof ReportRegion>;

export const TopRegion = z.object({
  rank: z.number().int(),
  code: z.string(),
  name: z.string(),
  conversations: z.number().int(),
  conversationsPer100k: z.number().nullable(),
  conversationsChange: z.number().int(),
});
export type TopRegion = z.infer<typeof TopRegion>;

export const HoaxCluster = z.object({
  /** The known hoax the claims matched; null: claims not matched yet (for the hoax desk). */
  hoaxId: z.string().nullable(),
  /** The hoax as published in content (a paraphrase, never a citizen's words). */
  claim: z.string().nullable(),
  verdict: z.string().nullable(),
  claims: z.number().int(),
});
export type HoaxCluster = z.infer<typeof HoaxCluster>;

export const HandoffSummary = z.object({
  count: z.number().int(),
  claimed: z.number().int(),
  medianWaitMs: z.number().nullable(),
  medianFirstReplyMs: z.number().nullable(),
  stillOpen: z.number().int(),
});
export type HandoffSummary = z.infer<typeof HandoffSummary>;

export const MetricDefinition = z.object({
  key: z.string(),
  name: z.object({ id: z.string(), en: z.string() }),
  definition: z.object({ id: z.string(), en: z.string() }),
});
export type MetricDefinition = z.infer<typeof MetricDefinition>;

export const DailyReport = z.object({
  date: Day,
  previousDate: Day,
  timezone: z.literal('Asia/Jakarta'),
  /** True for today: the figures so far. */
  partial: z.boolean(),
  generatedAt: z.number().int(),
  totals: ReportTotals,
  previousTotals: ReportTotals,
  /** The 38 regions in code order, then `unknown`. */
  regions: z.array(ReportRegion),
  /** The five regions with the most conversations (unknown excluded). */
  topRegions: z.array(TopRegion),
  features: FeatureCounts,
  selfcheck: SelfcheckCounts,
  hoax: z.object({ claims: z.number().int(), topClusters: z.array(HoaxCluster) }),
  handoffs: HandoffSummary,
  hourly: z.array(z.object({ hour: z.number().int(), conversations: z.number().int(), messagesIn: z.number().int() })),
  definitions: z.array(MetricDefinition),
});
export type DailyReport = z.infer<typeof DailyReport>;

export const DailyReportQuery = z.strictObject({
  date: Day,
  format: ReportFormat.default('json'),
});
export type DailyReportQuery = z.infer<typeof DailyReportQuery>;

export const RegenerateParams = z.strictObject({ date: Day });

export const StoredReportInfo = z.object({
  date: Day,
  generatedAt: z.number().int(),
  /** 'scheduler' or 'user:<id>'. */
  generatedBy: z.string(),
  /** 1, bumped by each regeneration. */
  version: z.number().int(),
  csvBytes: z.number().int(),
  pdfBytes: z.number().int(),
});
export type StoredReportInfo = z.infer<typeof StoredReportInfo>;

export const StoredReportList = z.object({ reports: z.array(StoredReportInfo) });
export type StoredReportList = z.infer<typeof StoredReportList>;

export const RegenerateResponse = z.object({ report: StoredReportInfo });
export type RegenerateResponse = z.infer<typeof RegenerateResponse>;

/** Who reads reports: officials, supervisors and admins. */
export const reportReaders = ['official', 'supervisor', 'admin'] as const;

export const routes = [
  {
    method: 'GET',
    url: '/api/reports/daily',
    roles: reportReaders,
    request: DailyReportQuery,
    // format=csv answers text/csv and format=pdf application/pdf, both as attachments.
    response: DailyReport,
  },
  { method: 'GET', url: '/api/reports', roles: reportReaders, response: StoredReportList },
  { method: 'POST', url: '/api/reports/daily/:date/regenerate', roles: ['supervisor', 'admin'], response: RegenerateResponse },
] as const satisfies readonly RouteDescription[];
