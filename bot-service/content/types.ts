/**
 * The published content as the flows see it: plain objects loaded from the content tables
 * (migration 0020), one snapshot per content revision.
 */

export type Zone = 'hijau' | 'kuning' | 'oranye' | 'merah';

export type RegionFigures = {
  confirmed: number | null;
  recovered: number | null;
  deaths: number | null;
  odp: number | null;
  pdp: number | null;
  zone: Zone | null;
  /** YYYY-MM-DD (WIB) the figures are for. */
  date: string | null;
};

export type RegionContent = {
  code: string;
  bpsCode: string;
  name: string;
  shortName: string;
  type: 'kabupaten' | 'kota';
  lat: number;
  lon: number;
  population: number;
  aliases: string[];
  ambiguousWith: string | null;
  /** Null until staff publish figures for the region. */
  figures: RegionFigures | null;
};

export type BoundaryFeature = {
  type: 'Feature';
  properties: { code: string; bps_code: string; name: string; type: string };
  geometry: { type: string; coordinates: unknown };
};

export type BoundaryCollection = { type: 'FeatureCollection'; features: BoundaryFeature[] };

export type HospitalContent = {
  id: number;
  name: string;
  regionCode: string;
  address: string | null;
  phone: string | null;
  lat: number;
  lon: number;
  /** 'approx_region_label_point' means the point is the region's label point, not the hospital. */
  coordQuality: string;
  designation: string[];
};

export type MenuAction =
  | 'radar'
  | 'data'
  | 'faq'
  | 'faq-item'
  | 'selfcheck'
  | 'tips'
  | 'hoax'
  | 'hospital'
  | 'hotline'
  | 'volunteer'
  | 'info';

export type MenuItemContent = {
  id: string;
  position: number;
  title: string;
  description: string | null;
  titleEn: string | null;
  descriptionEn: string | null;
  keyword: string;
  action: MenuAction;
  actionArg: string | null;
};

/** What a typed keyword opens: a menu item's action, or an action with no menu row (e.g. hotline). */
export type KeywordTarget = { action: MenuAction; actionArg: string | null; menuId: string | null };

export type FaqContent = {
  id: string;
  question: string;
  answer: string;
  questionEn: string | null;
  answerEn: string | null;
  keywords: string[];
  source: string | null;
  asOf: string | null;
};

export type TipContent = { id: string; title: string; body: string; titleEn: string | null; bodyEn: string | null };

export type HoaxVerdict = 'hoaks' | 'menyesatkan' | 'fakta';

export type HoaxContent = {
  id: string;
  claim: string;
  verdict: HoaxVerdict;
  clarification: string;
  clarificationEn: string | null;
  source: string | null;
  topic: string | null;
  firstSeen: string | null;
};

export type HotlineContent = {
  id: string;
  name: string;
  number: string;
  note: string | null;
  nameEn: string | null;
  noteEn: string | null;
};

export type InfoUpdateContent = {
  id: number;
  date: string;
  title: string;
  body: string;
  titleEn: string | null;
  bodyEn: string | null;
};

export type SelfCheckLevel = 'rendah' | 'sedang' | 'tinggi';

/**
 * The self check-up definition in the shape of content-seed.json's `self_check`, rebuilt from the
 * tables, so the questionnaire logic reads one documented format whatever its storage.
 */
export type SelfCheckContent = {
  id: string;
  title: string;
  title_en?: string;
  intro: string;
  intro_en?: string;
  questions: Array<{
    id: string;
    order: number;
    text: string;
    en?: { text: string };
    answers: Array<{
      id: string;
      label: string;
      description?: string;
      en?: { label: string; description?: string };
    }>;
  }>;
  derived_flags: Array<{ id: string; definition: unknown; note?: string }>;
  rules: Array<{ id: string; level: SelfCheckLevel; emergency: boolean; condition: unknown; expr?: string; rationale?: string }>;
  evaluation: { order: SelfCheckLevel[] } & Record<string, unknown>;
  levels: Record<
    SelfCheckLevel,
    {
      label: string;
      recommendation: string;
      actions: string[];
      offer_relawan: boolean;
      en?: { label: string; recommendation: string };
    }
  >;
  emergency_addendum: { text: string; en?: { text: string } };
  advisories: Record<string, { when: string; text: string; en?: { text: string } }>;
  disclaimer: string;
  disclaimer_en?: string;
} & Record<string, unknown>;

export type ContentSnapshot = {
  revision: number;
  regions: RegionContent[];
  regionsByCode: ReadonlyMap<string, RegionContent>;
  boundaries: BoundaryCollection;
  hospitals: HospitalContent[];
  menu: MenuItemContent[];
  /** Normalised keyword or synonym -> what it opens. */
  keywords: ReadonlyMap<string, KeywordTarget>;
  faq: FaqContent[];
  faqById: ReadonlyMap<string, FaqContent>;
  tips: TipContent[];
  hoaxes: HoaxContent[];
  hoaxById: ReadonlyMap<string, HoaxContent>;
  selfCheck: SelfCheckContent | null;
  hotlines: HotlineContent[];
  latestInfo: InfoUpdateContent | null;
};
