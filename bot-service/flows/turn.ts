import type { ContentSnapshot } from '../content/types.ts';
import { catalogueFor } from './catalogue/index.ts';
import type { Catalogue } from './catalogue/index.ts';
import type { FlowState } from './state.ts';
import type { FlowContext, FlowReply, FlowResult, Language } from './types.ts';
import type { Understanding } from './understanding-adapter.ts';

/**
 * One inbound message being handled: what the features read (context, content, the
 * understanding built from content, the citizen's language and state) and what they decide.
 */

export type Signal = NonNullable<FlowResult['signals']>[number];

export type Outcome = {
  replies: FlowReply[];
  /** The feature used, for the statistics (radar, data, faq, selfcheck, tips, hoax, hospital, hotline, info, menu). */
  feature: string | null;
  /** The citizen's own region, learned in this message (undefined: unchanged). */
  regionCode?: string | null;
  language?: Language;
  handoff?: { priority: number; reason: string };
  /** Give the conversation back to the bot (the citizen left the queue or ended the volunteer chat). */
  release?: { reason: string };
  signals: Signal[];
  /** The citizen asked to erase their data ("hapus data saya"). */
  erase?: boolean;
  /** A real answer went out, so the region question may follow it. */
  answered: boolean;
};

export type Turn = {
  ctx: FlowContext;
  content: ContentSnapshot;
  know: Understanding;
  lang: Language;
  t: Catalogue;
  state: FlowState;
  out: Outcome;
};

export function say(turn: Turn, ...replies: FlowReply[]): void {
  turn.out.replies.push(...replies);
}

/** Replies from here on are in `lang`, and the contact keeps it. */
export function useLanguage(turn: Turn, lang: Language): void {
  turn.lang = lang;
  turn.t = catalogueFor(lang);
  if (lang !== turn.ctx.contact.language) {
    turn.out.language = lang;
  } else {
    delete turn.out.language;
  }
}

/** The citizen's region as known after this message so far. */
export function citizenRegion(turn: Turn): string | null {
  return turn.out.regionCode !== undefined ? turn.out.regionCode : turn.ctx.contact.regionCode;
}

/** Content text in the citizen's language, falling back to Indonesian (the content's own). */
export function pick(turn: Turn, id: string, en: string | null | undefined): string {
  return turn.lang === 'en' && en ? en : id;
}
