/**
 * Claim texts for clustering, and for showing to staff.
 *
 * `clusterText` keeps what a rumour says and drops what changes as it travels: greetings,
 * "sebarkan!!", "copas dari grup sebelah", phone numbers and links, stretched letters and
 * emoji; slang and Javanese words become standard Indonesian (the understanding layer's lexicon)
 * and words are reduced to their stems, so "menyembuhkan" and "sembuh" meet.
 */
import { isStopword, stemKey, tokenize } from '../flows/understanding/normalize.ts';
import { JAVANESE_WORDS } from './javanese.ts';

/** Words chain messages gain or lose on the way, in any language the province writes. */
const CHAIN_FILLER: ReadonlySet<string> = new Set([
  'sebarkan', 'sebar', 'disebarkan', 'sebarluaskan', 'viralkan', 'viral', 'share', 'shared', 'bagikan', 'dibagikan',
  'teruskan', 'diteruskan', 'forward', 'forwarded', 'fwd', 'fw', 'copas', 'copy', 'paste', 'kopas', 'grup', 'group',
  'grub', 'wag', 'wa', 'whatsapp', 'sebelah', 'penting', 'urgent', 'segera', 'broadcast', 'bc', 'berantai',
  'warahmatullahi', 'warahmatullah', 'wabarakatuh', 'wabarakatuhu', 'swastiastu', 'shalom', 'salom', 'namo',
  'buddhaya', 'amin', 'aamiin', 'amiin', 'sedulur', 'saudara', 'saudaraku', 'lur', 'guys', 'gaes', 'gais',
  'kawan', 'semuanya', 'sekalian', 'perhatian', 'waspada', 'please', 'pls', 'plis', 'pliss', 'spread', 'wow',
  'astaghfirullah', 'astagfirullah', 'subhanallah', 'masyaallah', 'innalillahi',
]);

const URL = /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+\.(?:com|id|ly|co|net|org|me|info)(?:\/\S*)?/gi;
/** Nine or more digits, with single spaces, dots or dashes between groups: phone, NIK, account. */
const LONG_NUMBER = /\+?\d(?:[ .-]?\d){8,}/g;

/** The words of a claim that say what it claims, stemmed, in order. */
export function clusterWords(text: string): string[] {
  const cleaned = text.replace(URL, ' ').replace(LONG_NUMBER, ' ');
  const out: string[] = [];
  for (const token of tokenize(cleaned)) {
    const mapped = JAVANESE_WORDS.get(token);
    for (const word of mapped === undefined ? [token] : mapped.split(' ')) {
      if (isStopword(word) || CHAIN_FILLER.has(word)) continue;
      const stem = stemKey(word);
      if (out[out.length - 1] !== stem) out.push(stem);
    }
  }
  return out;
}

/** `clusterWords` joined by single spaces: what the shingles are taken from. */
export function clusterText(text: string): string {
  return clusterWords(text).join(' ');
}

const bullet = '\u2022';

/**
 * Masks phone-number-like digits in a citizen's text before staff see it: `0812-3456-7890`
 * becomes `08123•••••890`, as `maskPhone` shows a contact's own number. Any run of nine or more
 * digits counts (phone numbers, NIK, account numbers); dates and amounts are shorter.
 */
export function maskPhonesInText(text: string): string {
  return text.replace(LONG_NUMBER, match => {
    const digits = match.replace(/\D/g, '');
    const plus = match.startsWith('+') ? '+' : '';
    return plus + digits.slice(0, 5) + bullet.repeat(digits.length - 8) + digits.slice(-3);
  });
}
