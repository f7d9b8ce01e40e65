/**
 * The bot's understanding of citizens: pure, synchronous functions over data passed in.
 *
 * Reference data parsing, text normalisation, region resolution (typed and pinned), nearest
 * hospitals, hoax/FAQ matching, the self check-up questionnaire and language detection.
 */
export { parseCsv, parseCsvRecords } from './csv.ts';
export {
  loadReferenceData,
  parseHospitalsCsv,
  parseRegionsCsv,
  parseRegionsGeoJson,
  REFERENCE_DATA_DIR,
  slugify,
} from './reference-data.ts';
export type { Hospital, ReferenceData, Region, RegionFeature, RegionGeoJson, RegionType } from './reference-data.ts';
export { foldText, isStopword, normalizeText, stemKey, tokenize } from './normalize.ts';
export {
  createRegionIndex,
  DEFAULT_MAX_OFFSHORE_KM,
  haversineKm,
  hospitalsInRegion,
  nearestHospitals,
  regionAtPoint,
  resolveRegionText,
} from './region-resolver.ts';
export type { HospitalDistance, RegionAtPoint, RegionIndex, RegionTextResult } from './region-resolver.ts';
export { createMatcher, DEFAULT_FAQ_THRESHOLD, DEFAULT_HOAX_THRESHOLD, DEFAULT_PARAMETERS } from './matcher.ts';
export type { FaqContent, HoaxContent, Matcher, MatcherOptions, MatcherParameters, MatchKind, MatchResult } from './matcher.ts';
export { createSelfCheck } from './self-check.ts';
export type {
  AnswerInput,
  Lang,
  QuestionContent,
  SelfCheck,
  SelfCheckAnswers,
  SelfCheckContent,
  SelfCheckLevel,
  SelfCheckStep,
} from './self-check.ts';
export { detectLanguage, languageRequest } from './detect-language.ts';
export type { Language } from './detect-language.ts';
