import { describe, expect, it } from 'vitest';
import { getRegionGeometry } from '../../../../renderer/src/screens/heatmap/geo.ts';
import { neighbourInDirection } from '../../../../renderer/src/screens/heatmap/RegionMap.tsx';

describe('renderer/heatmap/RegionMap keyboard moves', () => {
  const { shapes } = getRegionGeometry();
  const byCode = (code: string) => shapes.find(s => s.code === code)!;

  it('moves to a neighbour in the direction of the arrow', () => {
    const sidoarjo = byCode('35.15');
    const north = neighbourInDirection(shapes, sidoarjo, 'ArrowUp')!;
    const south = neighbourInDirection(shapes, sidoarjo, 'ArrowDown')!;
    expect(north.centroid[1]).toBeLessThan(sidoarjo.centroid[1]);
    expect(south.centroid[1]).toBeGreaterThan(sidoarjo.centroid[1]);
    // Surabaya is straight north of Sidoarjo.
    expect(north.code).toBe('35.78');
  });

  it('stops at the edge of the province', () => {
    const westmost = [...shapes].sort((a, b) => a.centroid[0] - b.centroid[0])[0]!;
    expect(neighbourInDirection(shapes, westmost, 'ArrowLeft')).toBeNull();
  });

  it('reaches every region from any other by arrows', () => {
    const seen = new Set<string>(['35.78']);
    const queue = ['35.78'];
    while (queue.length > 0) {
      const from = byCode(queue.shift()!);
      for (const key of ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'] as const) {
        const next = neighbourInDirection(shapes, from, key);
        if (next !== null && !seen.has(next.code)) {
          seen.add(next.code);
          queue.push(next.code);
        }
      }
    }
    expect(seen.size).toBe(38);
  });
});
