import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NotificationRequest } from '../../preload/contract.ts';
import { buildNotification, sanitiseRegionName } from '../../main/notifications.ts';

const PHONE = '6281234567890';

/** Title and body together, minus the product name (its "19" is not personal data). */
function shownText(request: NotificationRequest): string {
  const { title, body } = buildNotification(request);
  return `${title}\n${body}`.replaceAll('COVID-19', 'COVID');
}

describe('main/notifications', () => {
  it('announces a waiting citizen in Indonesian and English', () => {
    expect(
      buildNotification({ kind: 'citizen-waiting', lang: 'id', waitingCount: 3, priority: 'high', regionName: 'Kota Surabaya' })
    ).toEqual({
      title: 'Warga menunggu relawan (prioritas tinggi)',
      body: 'Seorang warga dari Kota Surabaya meminta relawan. 3 warga menunggu di antrean.',
    });
    expect(buildNotification({ kind: 'citizen-waiting', lang: 'en', waitingCount: 1, priority: 'normal' })).toEqual({
      title: 'Citizen waiting for a volunteer',
      body: 'A citizen asked for a volunteer. 1 citizen waiting in the queue.',
    });
  });

  it('announces a high-risk self check-up', () => {
    expect(buildNotification({ kind: 'high-risk-checkup', lang: 'id', regionName: 'Kab. Malang' })).toEqual({
      title: 'Cek mandiri: risiko tinggi',
      body: 'Seorang warga dari Kab. Malang mendapat hasil risiko tinggi dan perlu dihubungi relawan.',
    });
    expect(buildNotification({ kind: 'high-risk-checkup', lang: 'en' }).title).toBe('Self check-up: high risk');
  });

  it('strips a phone number passed as the region name', () => {
    expect(sanitiseRegionName(`+${PHONE}`)).toBeNull();
    expect(sanitiseRegionName(`Kota Batu ${PHONE}`)).toBe('Kota Batu');
    const text = shownText({ kind: 'high-risk-checkup', lang: 'id', regionName: `wa.me/${PHONE}` });
    expect(text).not.toMatch(/\d/);
  });

  it('never shows three digits in a row, whatever the request holds', () => {
    const request = fc.oneof(
      fc.record({
        kind: fc.constant('citizen-waiting' as const),
        lang: fc.constantFrom('id' as const, 'en' as const),
        waitingCount: fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.constant(Number(PHONE))),
        priority: fc.constantFrom('normal' as const, 'high' as const),
        regionName: fc.option(fc.oneof(fc.string(), fc.stringMatching(/^[+0-9 ()-]{6,20}$/), fc.constant(PHONE)), {
          nil: undefined,
        }),
      }),
      fc.record({
        kind: fc.constant('high-risk-checkup' as const),
        lang: fc.constantFrom('id' as const, 'en' as const),
        regionName: fc.option(fc.oneof(fc.string(), fc.constant(`0812-3456-7890`)), { nil: undefined }),
      })
    );
    fc.assert(
      fc.property(request, r => {
        const text = shownText(r as NotificationRequest);
        expect(text).not.toMatch(/\d{3}/);
        expect(text).not.toContain(PHONE);
      }),
      { numRuns: 500 }
    );
  });
});
