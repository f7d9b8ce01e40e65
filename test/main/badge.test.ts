import { describe, expect, it } from 'vitest';
import { badgeCount, badgeText, normaliseWaitingCount, trayTooltip } from '../../main/badge.ts';

describe('main/badge', () => {
  it('shows nothing when nobody waits', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeCount(0)).toBe(0);
  });

  it('shows the count up to 99, then 99+', () => {
    expect(badgeText(1)).toBe('1');
    expect(badgeText(42)).toBe('42');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
    expect(badgeText(109_776)).toBe('99+');
    expect(badgeCount(250)).toBe(99);
  });

  it('treats nonsense counts as zero', () => {
    for (const bad of [-3, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '5', null]) {
      expect(normaliseWaitingCount(bad)).toBe(0);
    }
    expect(badgeText(-3)).toBe('');
  });

  it('writes the tooltip in Indonesian or English', () => {
    expect(trayTooltip(3, 'id')).toBe('Konsol Posko COVID-19 Jatim: 3 warga menunggu');
    expect(trayTooltip(0, 'id')).toBe('Konsol Posko COVID-19 Jatim: tidak ada yang menunggu');
    expect(trayTooltip(1, 'en')).toBe('Konsol Posko COVID-19 Jatim: 1 citizen waiting');
    expect(trayTooltip(150, 'en')).toBe('Konsol Posko COVID-19 Jatim: 99+ citizens waiting');
  });
});
