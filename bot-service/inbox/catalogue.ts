import type { Language } from '../flows/types.ts';

/**
 * Citizen-facing sentences of the volunteer inbox that the flows' catalogue
 * (flows/catalogue) does not have. Same keys per language.
 */
const id = {
  /** Follows the place in the queue (flows catalogue `handoff.waiting`). */
  whileWaiting: 'Sambil menunggu, layanan otomatis ini bisa langsung Anda pakai:',
  resolved: '✅ Percakapan dengan relawan sudah selesai. Terima kasih! Layanan otomatis kembali melayani Anda: ketik *MENU* untuk melihat layanan.',
  /** {nama} when the citizen has no profile name. */
  defaultName: 'Bapak/Ibu',
  unknownRegion: 'daerah Anda',
  hospitalAddress: 'Alamat',
  hospitalPhone: 'Telepon',
  hospitalMap: 'Peta',
};

export type InboxCatalogue = typeof id;

const en: InboxCatalogue = {
  whileWaiting: 'While you wait, these automatic services are ready for you:',
  resolved: '✅ Your conversation with the volunteer has ended. Thank you! The automatic service is back: type *MENU* to see what it offers.',
  defaultName: 'there',
  unknownRegion: 'your area',
  hospitalAddress: 'Address',
  hospitalPhone: 'Phone',
  hospitalMap: 'Map',
};

export function inboxCatalogue(language: Language | string): InboxCatalogue {
  return language === 'en' ? en : id;
}
