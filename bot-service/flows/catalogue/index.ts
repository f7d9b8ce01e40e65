import type { Language } from '../types.ts';
import { en } from './en.ts';
import { id } from './id.ts';
import type { Catalogue } from './id.ts';

export type { Catalogue } from './id.ts';

const catalogues: Record<Language, Catalogue> = { id, en };

/** The message catalogue for a language. */
export function catalogueFor(language: Language): Catalogue {
  return catalogues[language] ?? id;
}
