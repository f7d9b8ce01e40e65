import { z } from 'zod';
import type { RouteDescription } from './auth.ts';
import { StaffRef } from './conversations.ts';

/**
 * The hoax desk (issue 6): clusters of near-duplicate claims citizens forwarded or submitted,
 * ranked by growth; the verdict, its clarification and source; merge and split; and how many
 * senders the clarification reached.
 *
 *   GET  /api/hoax/clusters                 ranked clusters (query: status, limit)
 *   GET  /api/hoax/clusters/:id             one cluster with samples and its latest claims
 *   POST /api/hoax/clusters/:id/verdict     set the verdict; a final one (hoaks, menyesatkan,
 *                                           fakta) is published for the bot and sent to every sender
 *   POST /api/hoax/clusters/:id/merge       move other clusters' claims into this one
 *   POST /api/hoax/clusters/:id/split       move some claims out into a new cluster
 *
 * Supervisors and admins decide; volunteers may read; officials get none of it. Claim texts are
 * shown with phone-number-like digits masked, senders by their masked number. Errors: 404 no such
 * cluster, 409 the cluster was merged away (or a split would empty it), 422 claims not in it.
 */

const EpochMs = z.number().int();
const Id = z.number().int().positive();

export const HoaxVerdict = z.enum(['hoaks', 'menyesatkan', 'fakta', 'belum_jelas']);
export type HoaxVerdict = z.infer<typeof HoaxVerdict>;

export const ClusterStatus = z.enum(['open', 'decided', 'all']);
export type ClusterStatus = z.infer<typeof ClusterStatus>;

export const ClusterListQuery = z.strictObject({
  /** open: no verdict or "belum jelas"; decided: hoaks, menyesatkan or fakta. */
  status: ClusterStatus.default('all'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ClusterListQuery = z.infer<typeof ClusterListQuery>;

export const ClusterIdParams = z.strictObject({ id: z.coerce.number().int().positive() });

export const RegionCount = z.object({ code: z.string(), senders: z.number().int() });
export type RegionCount = z.infer<typeof RegionCount>;

export const Reached = z.object({
  senders: z.number().int(),
  /** In the outbox, not yet sent. */
  queued: z.number().int(),
  sent: z.number().int(),
  delivered: z.number().int(),
  read: z.number().int(),
  failed: z.number().int(),
  /** The bot's reply to their claim already carried the verdict. */
  answeredByBot: z.number().int(),
  /** Outside the 24-hour window with no approved template, or erased. */
  notDeliverable: z.number().int(),
  /** Senders not sent anything yet (no final verdict). */
  pending: z.number().int(),
});
export type Reached = z.infer<typeof Reached>;

export const ClusterVerdictInfo = z.object({
  verdict: HoaxVerdict,
  clarification: z.string().nullable(),
  clarificationEn: z.string().nullable(),
  source: z.string().nullable(),
  at: EpochMs,
  by: StaffRef.nullable(),
  /** The hoaxes content item the bot answers from (null for "belum jelas" or a media-only cluster). */
  publishedHoaxId: z.string().nullable(),
});
export type ClusterVerdictInfo = z.infer<typeof ClusterVerdictInfo>;

export const KnownHoaxRef = z.object({ id: z.string(), verdict: z.enum(['hoaks', 'menyesatkan', 'fakta']), claim: z.string() });
export type KnownHoaxRef = z.infer<typeof KnownHoaxRef>;

export const ClusterSummary = z.object({
  id: z.number().int(),
  claims: z.number().int(),
  senders: z.number().int(),
  growth: z.object({ lastHour: z.number().int(), lastDay: z.number().int() }),
  /** Senders per region code (35.01 ... 35.79, or unknown), most first. */
  regions: z.array(RegionCount),
  /** Share of claims WhatsApp marked forwarded (either level), and frequently forwarded, 0..1. */
  forwardedShare: z.number(),
  frequentlyForwardedShare: z.number(),
  /** Claims carrying a picture, audio, video or document. */
  media: z.number().int(),
  firstSeen: EpochMs,
  lastSeen: EpochMs,
  /** The latest claim's text, phone numbers masked (null for files without a caption). */
  sample: z.string().nullable(),
  /** The known hoax its claims matched (seeded or published by the desk). */
  matchedHoax: KnownHoaxRef.nullable(),
  verdict: ClusterVerdictInfo.nullable(),
  reached: Reached,
});
export type ClusterSummary = z.infer<typeof ClusterSummary>;

export const ClusterListResponse = z.object({ clusters: z.array(ClusterSummary), now: EpochMs });
export type ClusterListResponse = z.infer<typeof ClusterListResponse>;

export const ClaimView = z.object({
  id: z.number().int(),
  at: EpochMs,
  /** Phone-number-like digits masked; null for a file without caption or an erased claim. */
  text: z.string().nullable(),
  /** The sender's number, masked. */
  sender: z.string(),
  regionCode: z.string().nullable(),
  forwarded: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  via: z.enum(['forwarded', 'cek-hoaks', 'matched']),
  media: z.object({ kind: z.string(), sha256: z.string() }).nullable(),
  matchedHoaxId: z.string().nullable(),
  /** Estimated similarity with the cluster when it was placed (null: first of its kind). */
  similarity: z.number().nullable(),
});
export type ClaimView = z.infer<typeof ClaimView>;

export const ClusterSample = z.object({ text: z.string(), claims: z.number().int() });
export type ClusterSample = z.infer<typeof ClusterSample>;

export const ClusterDetail = z.object({
  cluster: ClusterSummary,
  /** Up to five different texts among the latest claims, most sent first. */
  samples: z.array(ClusterSample),
  /** The latest claims, newest first (at most 100). */
  claims: z.array(ClaimView),
  /** Set when this cluster was merged into another one. */
  mergedInto: z.number().int().nullable(),
});
export type ClusterDetail = z.infer<typeof ClusterDetail>;

const staffText = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);

export const VerdictRequest = z
  .strictObject({
    verdict: HoaxVerdict,
    /** What citizens are told, as written; required for hoaks, menyesatkan and fakta. */
    clarification: staffText(4096).nullable().default(null),
    clarificationEn: staffText(4096).nullable().default(null),
    /** Where the clarification comes from (a ministry, a fact-check, a regulation). */
    source: staffText(500).nullable().default(null),
    /** The claim as the bot should recognise it; defaults to the cluster's most sent text. */
    claim: staffText(1000).nullable().default(null),
  })
  .refine(v => v.verdict === 'belum_jelas' || v.clarification !== null, {
    path: ['clarification'],
    message: 'required for a hoaks, menyesatkan or fakta verdict',
  });
export type VerdictRequest = z.input<typeof VerdictRequest>;

export const DeliverySummary = z.object({
  /** Free-form messages queued (inside the 24-hour window). */
  message: z.number().int(),
  /** Template messages queued (outside the window). */
  template: z.number().int(),
  notDeliverable: z.number().int(),
});
export type DeliverySummary = z.infer<typeof DeliverySummary>;

export const VerdictResponse = z.object({ cluster: ClusterSummary, delivery: DeliverySummary.nullable() });
export type VerdictResponse = z.infer<typeof VerdictResponse>;

export const MergeRequest = z.strictObject({
  /** Clusters whose claims move into this one (they are closed as merged). */
  clusterIds: z.array(Id).min(1).max(50),
});
export type MergeRequest = z.infer<typeof MergeRequest>;

export const MergeResponse = z.object({ cluster: ClusterSummary, movedClaims: z.number().int(), delivery: DeliverySummary.nullable() });
export type MergeResponse = z.infer<typeof MergeResponse>;

export const SplitRequest = z.strictObject({
  /** Claims of this cluster that move into a new cluster. */
  claimIds: z.array(Id).min(1).max(500),
});
export type SplitRequest = z.infer<typeof SplitRequest>;

export const SplitResponse = z.object({ from: ClusterSummary, cluster: ClusterSummary });
export type SplitResponse = z.infer<typeof SplitResponse>;

const readers = ['volunteer', 'supervisor', 'admin'] as const;
const deciders = ['supervisor', 'admin'] as const;

export const routes = [
  { method: 'GET', url: '/api/hoax/clusters', roles: [...readers], request: ClusterListQuery, response: ClusterListResponse },
  { method: 'GET', url: '/api/hoax/clusters/:id', roles: [...readers], response: ClusterDetail },
  { method: 'POST', url: '/api/hoax/clusters/:id/verdict', roles: [...deciders], request: VerdictRequest, response: VerdictResponse },
  { method: 'POST', url: '/api/hoax/clusters/:id/merge', roles: [...deciders], request: MergeRequest, response: MergeResponse },
  { method: 'POST', url: '/api/hoax/clusters/:id/split', roles: [...deciders], request: SplitRequest, response: SplitResponse },
] as const satisfies readonly RouteDescription[];
