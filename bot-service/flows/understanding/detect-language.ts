/**
 * Which language a citizen writes in, and explicit requests to switch ("english", "bahasa inggris").
 */
import { GLOSSARY_EN } from './glossary-en.ts';
import { lookup, SLANG, STOPWORDS_EN, STOPWORDS_ID } from './lexicon.ts';
import { foldText } from './normalize.ts';

export type Language = 'id' | 'en';

const ASK_EN = /\b(english|inggris|in english|bahasa inggris|speak english)\b/;
const ASK_ID = /\b(bahasa indonesia|indonesian|bahasa indo|pakai bahasa indonesia)\b/;

/** An explicit request for a language, or null. */
export function languageRequest(text: string): Language | null {
  const folded = foldText(text);
  if (folded.split(' ').length > 6) return null;
  if (ASK_EN.test(folded)) return 'en';
  if (ASK_ID.test(folded)) return 'id';
  return null;
}

/**
 * 'en' when the text is clearly English, 'id' when clearly Indonesian/Javanese, else null.
 */
export function detectLanguage(text: string): Language | null {
  let en = 0;
  let id = 0;
  for (const word of foldText(text).split(' ')) {
    if (word === '') continue;
    const isEn = STOPWORDS_EN.has(word) || lookup(GLOSSARY_EN, word) !== undefined;
    const isId = STOPWORDS_ID.has(word) || lookup(SLANG, word) !== undefined;
    if (isEn && !isId) en++;
    if (isId && !isEn) id++;
  }
  if (en >= 2 && en > 2 * id) return 'en';
  if (id >= 1 && id >= en) return 'id';
  return null;
}
