import { describe, expect, it } from 'vitest';
import { clusterText, maskPhonesInText } from '../../../bot-service/hoax/normalize.ts';

describe('hoax/normalize clusterText', () => {
  it('drops what chain messages gain on the way: greetings, "sebarkan!!", emoji, links, numbers', () => {
    const plain = clusterText('Minum air rebusan bawang putih bisa menyembuhkan corona');
    expect(clusterText('Assalamualaikum wr wb 🙏🙏 Minum air rebusan bawang putih bisa menyembuhkan corona!!! SEBARKAN!! viralkan')).toBe(plain);
    expect(clusterText('Copas dari grup sebelah: minum air rebusan bawang putih bisa menyembuhkan corona bit.ly/abc123')).toBe(plain);
    expect(clusterText('Minum air rebusan bawang putih bisa menyembuhkan corona, info 0812-3456-7890')).toBe(plain);
  });

  it('reads slang, stretched letters and Javanese as Indonesian', () => {
    expect(clusterText('minum airrrr rebusan bawang putihhh dgn madu')).toBe(clusterText('minum air rebusan bawang putih dengan madu'));
    expect(clusterText('wiwit sesuk listrik dipateni kabeh')).toBe(clusterText('mulai besok listrik dimatikan semua'));
    expect(clusterText('ojo mangan duren')).toBe(clusterText('jangan makan durian'));
  });

  it('keeps the words that make one rumour differ from another', () => {
    expect(clusterText('Bank menarik uang kertas lama')).not.toBe(clusterText('Bank menarik uang logam lama'));
    expect(clusterText('Surabaya ditutup jam 14.00')).toContain('surabaya');
  });

  it('leaves nothing of a message that says nothing', () => {
    expect(clusterText('Sebarkan!! 🙏🙏')).toBe('');
    expect(clusterText('')).toBe('');
  });
});

describe('hoax/normalize maskPhonesInText', () => {
  it('masks phone numbers and other long numbers as the console masks a contact', () => {
    expect(maskPhonesInText('kirim KTP ke 0812-3456-7788 ya')).toBe('kirim KTP ke 08123••••788 ya');
    expect(maskPhonesInText('hubungi +62 812 3456 7001')).toBe('hubungi +62812•••••001');
    expect(maskPhonesInText('NIK 3578012345678901 terdaftar')).toBe('NIK 35780••••••••901 terdaftar');
  });

  it('keeps dates, times, amounts and short hotlines', () => {
    const text = 'Mulai 20-12-2020 pukul 23.00, bantuan Rp600.000, hotline 119 atau 112';
    expect(maskPhonesInText(text)).toBe(text);
  });
});
