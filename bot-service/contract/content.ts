import { z } from 'zod';
import type { RouteDescription } from './auth.ts';

/**
 * Content editing for the console (issue 4): FAQ, tips, hoaxes, hospitals, region figures, the
 * latest update ("info terkini"), canned replies and message templates.
 *
 * Every kind works the same way: an item has a published version (what the bot and the composer
 * use) and at most one draft; publishing makes the draft the published version, keeps the old
 * one in the history and bumps the content revision, so the bot's next reply uses it.
 *
 *   GET    /api/content/<kind>                 items (volunteers: published and active only)
 *   GET    /api/content/<kind>/:id             one item
 *   POST   /api/content/<kind>                 new item as a draft: { id?, data }
 *   PUT    /api/content/<kind>/:id/draft       save the draft: { data } (all fields)
 *   DELETE /api/content/<kind>/:id/draft       drop the draft
 *   POST   /api/content/<kind>/:id/publish     publish the draft
 *   GET    /api/content/<kind>/:id/versions    history, newest first
 *   POST   /api/content/region-figures/import  the daily CSV, all or nothing
 *
 * Supervisors and admins do everything; volunteers read FAQ, hospitals, canned replies and
 * templates (for the reply composer); officials get none of it. Region figures exist for the 38
 * regions only (no create). Route descriptions: `request` is the JSON body (GET has none).
 */

const EpochMs = z.number().int();
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
const optionalText = (max: number) => text(max).nullable().default(null);
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month like 2020-04');

/** A real calendar date YYYY-MM-DD. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2020-04-21')
  .refine(v => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, 'not a real date');

export const FaqData = z.strictObject({
  question: text(500),
  answer: text(4096),
  questionEn: optionalText(500),
  answerEn: optionalText(4096),
  keywords: z.array(text(60)).max(50).default([]),
  source: optionalText(500),
  asOf: yearMonth.nullable().default(null),
  position: z.number().int().min(0).max(10_000).default(0),
  active: z.boolean().default(true),
});
export type FaqData = z.infer<typeof FaqData>;

export const TipData = z.strictObject({
  title: text(200),
  body: text(4096),
  titleEn: optionalText(200),
  bodyEn: optionalText(4096),
  position: z.number().int().min(0).max(10_000).default(0),
  active: z.boolean().default(true),
});
export type TipData = z.infer<typeof TipData>;

export const HoaxData = z.strictObject({
  claim: text(1000),
  verdict: z.enum(['hoaks', 'menyesatkan', 'fakta']),
  clarification: text(4096),
  clarificationEn: optionalText(4096),
  source: optionalText(500),
  topic: optionalText(100),
  firstSeen: yearMonth.nullable().default(null),
  note: optionalText(1000),
  active: z.boolean().default(true),
});
export type HoaxData = z.infer<typeof HoaxData>;

export const RegionCode = z.string().regex(/^35\.\d{2}$/, 'a region code like 35.78');

export const HospitalData = z.strictObject({
  name: text(200),
  regionCode: RegionCode,
  address: optionalText(300),
  phone: optionalText(50),
  // East Java, its islands included (Madura, Bawean, Kangean, Masalembu).
  lat: z.number().min(-9.5, 'outside East Java').max(-5, 'outside East Java'),
  lon: z.number().min(110.5, 'outside East Java').max(116.5, 'outside East Java'),
  coordQuality: z.enum(['verified', 'point_third_party', 'approx_region_label_point']),
  designation: z.array(z.string().regex(/^[a-z_]{1,40}$/, 'a code like kemenkes or pemprov')).max(10).default([]),
  source: optionalText(500),
  position: z.number().int().min(0).max(10_000).default(0),
  active: z.boolean().default(true),
});
export type HospitalData = z.infer<typeof HospitalData>;

const count = z.number().int('a whole number').min(0, 'must not be negative').nullable();

/** The figures the command post publishes for a region each day; null is "not reported". */
export const RegionFiguresData = z.strictObject({
  confirmed: count.default(null),
  recovered: count.default(null),
  deaths: count.default(null),
  odp: count.default(null),
  pdp: count.default(null),
  zone: z.enum(['hijau', 'kuning', 'oranye', 'merah']).nullable().default(null),
  /** The WIB day the figures are for. */
  date: IsoDate,
});
export type RegionFiguresData = z.infer<typeof RegionFiguresData>;

export const InfoUpdateData = z.strictObject({
  date: IsoDate,
  title: text(200),
  body: text(4096),
  titleEn: optionalText(200),
  bodyEn: optionalText(4096),
  /** false archives it: the bot shows the newest active published update. */
  active: z.boolean().default(true),
});
export type InfoUpdateData = z.infer<typeof InfoUpdateData>;

export const CannedReplyData = z.strictObject({
  title: text(80),
  /** {nama}, {wilayah} and {relawan} are filled in when sent; other {names} are asked for. */
  text: text(4096),
  textEn: optionalText(4096),
  position: z.number().int().min(0).max(10_000).default(0),
  active: z.boolean().default(true),
});
export type CannedReplyData = z.infer<typeof CannedReplyData>;

export const TemplateData = z.strictObject({
  /** As registered with Meta: lowercase letters, digits and underscores. */
  name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'lowercase letters, digits and underscores'),
  language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'a language code like id or en_US'),
  /** The body with positional parameters {{1}}, {{2}}, ... in order. */
  body: text(1024).refine(b => {
    const used = [...b.matchAll(/\{\{(\d+)\}\}/g)].map(m => Number(m[1]));
    const max = Math.max(0, ...used);
    return used.every(n => n >= 1) && Array.from({ length: max }, (_, i) => i + 1).every(n => used.includes(n));
  }, 'parameters must be {{1}}, {{2}}, ... with none skipped'),
  /** Set once Meta has approved the template; only approved templates can be sent. */
  approved: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type TemplateData = z.infer<typeof TemplateData>;

/** The editable kinds, by the name in their URL. */
export const contentKinds = {
  faq: { data: FaqData, volunteersRead: true, creatable: true, idType: 'text' },
  tips: { data: TipData, volunteersRead: false, creatable: true, idType: 'text' },
  hoaxes: { data: HoaxData, volunteersRead: false, creatable: true, idType: 'text' },
  hospitals: { data: HospitalData, volunteersRead: true, creatable: true, idType: 'integer' },
  'region-figures': { data: RegionFiguresData, volunteersRead: false, creatable: false, idType: 'region' },
  'info-updates': { data: InfoUpdateData, volunteersRead: false, creatable: true, idType: 'integer' },
  'canned-replies': { data: CannedReplyData, volunteersRead: true, creatable: true, idType: 'integer' },
  templates: { data: TemplateData, volunteersRead: true, creatable: true, idType: 'integer' },
} as const;
export type ContentKind = keyof typeof contentKinds;
/** The editable fields of one kind, e.g. `ContentDataOf<'faq'>`. */
export type ContentDataOf<K extends ContentKind> = z.infer<(typeof contentKinds)[K]['data']>;

/** Data of any kind (see `contentKinds` for which schema goes with which kind). */
export const ContentData = z.record(z.string(), z.unknown());

export const ContentDraft = z.object({ version: z.number().int(), data: ContentData, author: z.string(), savedAt: EpochMs });
export type ContentDraft = z.infer<typeof ContentDraft>;

export const ContentItem = z.object({
  /** Text ids for FAQ, tips and hoaxes; numbers as text for the others; the code for regions. */
  id: z.string(),
  /** The published version number (0: never published). */
  version: z.number().int(),
  /** Null until first published. */
  published: ContentData.nullable(),
  publishedAt: EpochMs.nullable(),
  publishedBy: z.string().nullable(),
  /** The unpublished draft, if any (never shown to volunteers). */
  draft: ContentDraft.nullable(),
});
export type ContentItem = z.infer<typeof ContentItem>;

export const ContentListResponse = z.object({ items: z.array(ContentItem) });
export type ContentListResponse = z.infer<typeof ContentListResponse>;

export const ContentItemResponse = z.object({ item: ContentItem });
export type ContentItemResponse = z.infer<typeof ContentItemResponse>;

export const ContentIdParams = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'an item id') });

/** `id` only for FAQ, tips and hoaxes (generated when left out); the others number their items. */
export const CreateContentRequest = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lowercase letters, digits, - and _').optional(),
  data: ContentData,
});
export type CreateContentRequest = z.infer<typeof CreateContentRequest>;

export const SaveDraftRequest = z.strictObject({ data: ContentData });
export type SaveDraftRequest = z.infer<typeof SaveDraftRequest>;

/** The create and save-draft bodies with the kind's own data schema. */
export function contentRequests(kind: ContentKind): { create: z.ZodType; saveDraft: z.ZodType } {
  const data = contentKinds[kind].data;
  return { create: CreateContentRequest.extend({ data }), saveDraft: SaveDraftRequest.extend({ data }) };
}

export const PublishRequest = z.strictObject({});

export const PublishResponse = z.object({ item: ContentItem, revision: z.number().int() });
export type PublishResponse = z.infer<typeof PublishResponse>;

export const ContentVersion = z.object({
  version: z.number().int(),
  status: z.enum(['draft', 'published', 'superseded']),
  data: z.unknown(),
  author: z.string(),
  createdAt: EpochMs,
  publishedAt: EpochMs.nullable(),
  revision: z.number().int().nullable(),
});
export type ContentVersion = z.infer<typeof ContentVersion>;

export const ContentVersionsResponse = z.object({ versions: z.array(ContentVersion) });
export type ContentVersionsResponse = z.infer<typeof ContentVersionsResponse>;

/**
 * The daily figures as CSV text. A header row names the columns, in any order:
 *   code       region code 35.01 ... 35.79 (required; `region_code` also accepted)
 *   confirmed, recovered, deaths, odp, pdp   whole numbers >= 0; empty = not reported
 *   zone       hijau | kuning | oranye | merah; empty = none
 *   date       YYYY-MM-DD, the WIB day of the figures, not in the future (required)
 * Other columns (e.g. a region name for people) are ignored; blank lines are skipped.
 * Example: `code,confirmed,recovered,deaths,odp,pdp,zone,date\n35.78,1200,300,90,800,150,merah,2020-05-20`
 */
export const RegionFiguresImportRequest = z.strictObject({ csv: z.string().min(1, 'empty').max(200_000, 'too long') });
export type RegionFiguresImportRequest = z.infer<typeof RegionFiguresImportRequest>;

export const RegionFiguresImportResponse = z.object({ imported: z.number().int(), regions: z.array(z.string()), revision: z.number().int() });
export type RegionFiguresImportResponse = z.infer<typeof RegionFiguresImportResponse>;

/** The 400 answer of an import: every bad row (data rows counted from 1), nothing changed. */
export const RegionFiguresImportError = z.object({
  error: z.string(),
  rows: z.array(z.object({ row: z.number().int(), code: z.string().nullable(), errors: z.array(z.string()) })),
});
export type RegionFiguresImportError = z.infer<typeof RegionFiguresImportError>;

const writers = ['supervisor', 'admin'] as const;

export const routes: RouteDescription[] = [
  ...(Object.entries(contentKinds) as Array<[ContentKind, (typeof contentKinds)[ContentKind]]>).flatMap(([kind, spec]): RouteDescription[] => {
    const readers = spec.volunteersRead ? (['volunteer', ...writers] as const) : writers;
    const base = `/api/content/${kind}`;
    const requests = contentRequests(kind);
    return [
      { method: 'GET', url: base, roles: readers, response: ContentListResponse },
      { method: 'GET', url: `${base}/:id`, roles: readers, response: ContentItemResponse },
      ...(spec.creatable ? [{ method: 'POST' as const, url: base, roles: writers, request: requests.create, response: ContentItemResponse }] : []),
      { method: 'PUT', url: `${base}/:id/draft`, roles: writers, request: requests.saveDraft, response: ContentItemResponse },
      { method: 'DELETE', url: `${base}/:id/draft`, roles: writers, response: ContentItemResponse },
      { method: 'POST', url: `${base}/:id/publish`, roles: writers, request: PublishRequest, response: PublishResponse },
      { method: 'GET', url: `${base}/:id/versions`, roles: writers, response: ContentVersionsResponse },
    ];
  }),
  { method: 'POST', url: '/api/content/region-figures/import', roles: writers, request: RegionFiguresImportRequest, response: RegionFiguresImportResponse },
];
