import type { ContentKind } from '../../../../bot-service/contract/content.ts';

/** A valid item of each kind, and an id that exists after seeding (or null: create one first). */
export const samples: Record<ContentKind, { data: Record<string, unknown>; seededId: string | null }> = {
  faq: {
    data: { question: 'Apakah vaksin tersedia?', answer: 'Belum. Ikuti pengumuman resmi Dinas Kesehatan.', keywords: ['vaksin'] },
    seededId: 'faq_anak',
  },
  tips: { data: { title: 'Jemur kasur', body: 'Jemur kasur dan bantal seminggu sekali.' }, seededId: 'tip_cuci_tangan' },
  hoaxes: {
    data: { claim: 'Minum air es membunuh virus', verdict: 'hoaks', clarification: 'Tidak benar. Air es tidak membunuh virus.' },
    seededId: 'hx_5g',
  },
  hospitals: {
    data: { name: 'RS Uji Coba', regionCode: '35.78', address: 'Jl. Contoh 1', phone: '031-000', lat: -7.26, lon: 112.75, coordQuality: 'verified', designation: ['pemprov'] },
    seededId: '1',
  },
  'region-figures': { data: { confirmed: 10, recovered: 2, deaths: 1, odp: 30, pdp: 5, zone: 'kuning', date: '2020-05-20' }, seededId: '35.78' },
  'info-updates': { data: { date: '2020-05-21', title: 'PSBB Surabaya Raya diperpanjang', body: 'PSBB diperpanjang sampai 8 Juni 2020.' }, seededId: '1' },
  'canned-replies': { data: { title: 'Salam', text: 'Halo {nama}, saya {relawan}.' }, seededId: null },
  templates: { data: { name: 'tindak_lanjut', language: 'id', body: 'Halo {{1}}, apa kabar?', approved: true }, seededId: null },
};

let seq = 0;

/** A sample whose unique fields (hospital and template names) are fresh each call. */
export function fresh(kind: ContentKind): Record<string, unknown> {
  const data = samples[kind].data;
  const n = ++seq;
  if (kind === 'templates') return { ...data, name: `tindak_lanjut_${n}` };
  if (kind === 'hospitals') return { ...data, name: `RS Uji Coba ${n}` };
  return data;
}
