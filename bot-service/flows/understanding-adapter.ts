import { normalizeCommand } from '../content/normalize.ts';
import type { ContentSnapshot, HospitalContent, KeywordTarget, RegionContent, SelfCheckLevel } from '../content/types.ts';
import type { Language } from './types.ts';
import {
  createMatcher,
  createRegionIndex,
  createSelfCheck,
  nearestHospitals,
  parseRegionsGeoJson,
  type Hospital,
  type Region,
  type SelfCheckContent as SelfCheckDefinition,
} from './understanding/index.ts';

/**
 * The understanding layer (flows/understanding) fed with the published content instead of the
 * reference files, built once per content snapshot: a publish rebuilds the matcher and the
 * indexes, an unchanged revision reuses them.
 */

export type RegionResolution = { kind: 'match'; code: string; score: number } | { kind: 'ambiguous'; codes: [string, string] } | { kind: 'none' };
export type PointRegion = { code: string; inside: boolean; distanceKm: number };
export type NearHospital = { hospital: HospitalContent; distanceKm: number };
export type TextMatch = { kind: 'hoax' | 'faq'; id: string; score: number; confident: boolean };
export type SelfCheckStep =
  | { kind: 'question'; questionId: string }
  | { kind: 'result'; level: SelfCheckLevel; emergency: boolean; ruleId: string | null; advisories: string[] };
export type SelfCheckLogic = {
  firstQuestion(): string;
  /** The answer id for a tap (id) or typed text (label, number, "iya", "38,5"...), or null. */
  parseAnswer(questionId: string, input: { id?: string; text?: string }, lang: Language): string | null;
  next(answers: Record<string, string>): SelfCheckStep;
};

export type Understanding = {
  resolveRegion(text: string): RegionResolution;
  regionAt(lat: number, lon: number): PointRegion | null;
  nearestHospitals(lat: number, lon: number, n: number): NearHospital[];
  /** Hoaxes first, then the FAQ. */
  match(text: string): TextMatch | null;
  /** Only the known hoaxes (Cek hoaks). */
  matchHoax(text: string): TextMatch | null;
  selfCheck: SelfCheckLogic | null;
  /** The regions as the paged list shows them: by short name, kabupaten before kota. */
  regionsInListOrder: RegionContent[];
  /** Menu row titles in both languages, normalised: typing a row's title works like tapping it. */
  titleKeywords: ReadonlyMap<string, KeywordTarget>;
};

/** A pin farther than this from every region is not in East Java (a beach or pier is closer). */
export const MAX_PIN_DISTANCE_KM = 25;

const built = new WeakMap<ContentSnapshot, Understanding>();

export function understandingFor(content: ContentSnapshot): Understanding {
  let u = built.get(content);
  if (!u) {
    u = build(content);
    built.set(content, u);
  }
  return u;
}

function toRegion(r: RegionContent): Region {
  return {
    code: r.code,
    bpsCode: r.bpsCode,
    name: r.name,
    shortName: r.shortName,
    type: r.type,
    lat: r.lat,
    lon: r.lon,
    population: r.population,
    aliases: r.aliases,
    ambiguousWith: r.ambiguousWith,
  };
}

function toHospital(h: HospitalContent, regions: ReadonlyMap<string, RegionContent>): Hospital {
  return {
    id: String(h.id),
    name: h.name,
    regionCode: h.regionCode,
    regionName: regions.get(h.regionCode)?.name ?? '',
    address: h.address ?? '',
    lat: h.lat,
    lon: h.lon,
    coordQuality: h.coordQuality,
    approximate: h.coordQuality.startsWith('approx'),
    designations: h.designation,
    source: '',
  };
}

/**
 * The questionnaire checks its rules when built; a definition it refuses (a bad edit) turns the
 * self check-up off ("not available") instead of failing every message.
 */
function buildSelfCheck(content: ContentSnapshot): SelfCheckLogic | null {
  if (!content.selfCheck) return null;
  try {
    return createSelfCheck(content.selfCheck as SelfCheckDefinition);
  } catch {
    return null;
  }
}

function build(content: ContentSnapshot): Understanding {
  const regions = content.regions.map(toRegion);
  const hospitalById = new Map(content.hospitals.map(h => [String(h.id), h]));
  const hospitals = content.hospitals.map(h => toHospital(h, content.regionsByCode));
  const index = createRegionIndex(regions, parseRegionsGeoJson(content.boundaries));
  const matcher = createMatcher({
    faq: content.faq.map(f => ({
      id: f.id,
      question: f.question,
      answer: f.answer,
      keywords: f.keywords,
      ...(f.questionEn ? { en: { question: f.questionEn, answer: f.answerEn ?? '' } } : {}),
    })),
    hoaxes: content.hoaxes.map(h => ({ id: h.id, claim: h.claim, verdict: h.verdict, clarification: h.clarification })),
  });
  const selfCheck = buildSelfCheck(content);

  const regionsInListOrder = [...content.regions].sort(
    (a, b) => a.shortName.localeCompare(b.shortName, 'id') || (a.type === b.type ? 0 : a.type === 'kabupaten' ? -1 : 1)
  );
  const titleKeywords = new Map<string, KeywordTarget>();
  for (const m of content.menu) {
    for (const title of [m.title, m.titleEn]) {
      if (title) titleKeywords.set(normalizeCommand(title), { action: m.action, actionArg: m.actionArg, menuId: m.id });
    }
  }

  return {
    resolveRegion: text => index.resolveText(text),
    regionAt: (lat, lon) => index.atPoint(lat, lon, MAX_PIN_DISTANCE_KM),
    nearestHospitals: (lat, lon, n) =>
      nearestHospitals(lat, lon, hospitals, n).flatMap(({ hospital, distanceKm }) => {
        const h = hospitalById.get(hospital.id);
        return h ? [{ hospital: h, distanceKm }] : [];
      }),
    match: text => matcher.match(text),
    matchHoax: text => matcher.matchHoax(text),
    selfCheck,
    regionsInListOrder,
    titleKeywords,
  };
}
