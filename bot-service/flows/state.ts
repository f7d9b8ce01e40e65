/**
 * What the engine remembers about a citizen between messages (stored by the pipeline as JSON
 * on the contact). Parsed defensively: anything unreadable, e.g. from an older version, starts
 * fresh instead of failing the message.
 */

/** Why we are asking for a region: the citizen's own (profile) or a place to look up. */
export type RegionPurpose = 'profile' | 'radar' | 'hospital';

export type Pending =
  | { kind: 'region'; purpose: RegionPurpose; page: number }
  | { kind: 'region-choice'; purpose: RegionPurpose; codes: [string, string] }
  | { kind: 'selfcheck'; selfCheckId: string; questionId: string; answers: Record<string, string>; retries: number }
  | { kind: 'hoax' }
  | { kind: 'faq' }
  /** We offered a volunteer (and maybe the closest FAQ): "ya" takes the offer. */
  | { kind: 'offer'; faqId: string | null };

export type FlowState = {
  v: 1;
  /** The privacy notice went out with the first answer. */
  privacyShown: boolean;
  /** The citizen said "lewati" to the region question: never ask again. */
  regionSkipped: boolean;
  /** How many times we asked for the region, and in which conversation last. */
  regionAsks: number;
  regionAskedIn: number | null;
  /** The citizen asked for a language ("english", "indonesia"): no more guessing from their writing. */
  languageChosen: boolean;
  /** When we last told a waiting citizen their place in the queue (epoch ms). */
  queueNoticeAt: number | null;
  pending: Pending | null;
};

export function freshState(): FlowState {
  return { v: 1, privacyShown: false, regionSkipped: false, regionAsks: 0, regionAskedIn: null, languageChosen: false, queueNoticeAt: null, pending: null };
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isPurpose = (v: unknown): v is RegionPurpose => v === 'profile' || v === 'radar' || v === 'hospital';

function parsePending(v: unknown): Pending | null {
  if (!isObj(v)) return null;
  switch (v.kind) {
    case 'region':
      return isPurpose(v.purpose) && typeof v.page === 'number' ? { kind: 'region', purpose: v.purpose, page: v.page } : null;
    case 'region-choice':
      return isPurpose(v.purpose) && Array.isArray(v.codes) && v.codes.length === 2 && v.codes.every(isStr)
        ? { kind: 'region-choice', purpose: v.purpose, codes: [v.codes[0] as string, v.codes[1] as string] }
        : null;
    case 'selfcheck': {
      if (!isStr(v.selfCheckId) || !isStr(v.questionId) || !isObj(v.answers)) return null;
      const answers: Record<string, string> = {};
      for (const [k, a] of Object.entries(v.answers)) if (isStr(a)) answers[k] = a;
      return { kind: 'selfcheck', selfCheckId: v.selfCheckId, questionId: v.questionId, answers, retries: Number(v.retries) || 0 };
    }
    case 'hoax':
      return { kind: 'hoax' };
    case 'faq':
      return { kind: 'faq' };
    case 'offer':
      return { kind: 'offer', faqId: isStr(v.faqId) ? v.faqId : null };
    default:
      return null;
  }
}

export function parseState(raw: unknown): FlowState {
  let v = raw;
  if (isStr(v)) {
    try {
      v = JSON.parse(v);
    } catch {
      return freshState();
    }
  }
  if (!isObj(v) || v.v !== 1) return freshState();
  return {
    v: 1,
    privacyShown: v.privacyShown === true,
    regionSkipped: v.regionSkipped === true,
    regionAsks: typeof v.regionAsks === 'number' ? v.regionAsks : 0,
    regionAskedIn: typeof v.regionAskedIn === 'number' ? v.regionAskedIn : null,
    languageChosen: v.languageChosen === true,
    queueNoticeAt: typeof v.queueNoticeAt === 'number' ? v.queueNoticeAt : null,
    pending: parsePending(v.pending),
  };
}
