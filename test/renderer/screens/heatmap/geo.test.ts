import { geoArea } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { getRegionGeometry, rewindForD3 } from '../../../../renderer/src/screens/heatmap/geo.ts';

describe('renderer/heatmap/geo', () => {
  it('projects all 38 regions with their codes, cities drawn last', () => {
    const { width, height, shapes } = getRegionGeometry();
    expect(shapes).toHaveLength(38);
    const codes = shapes.map(s => s.code);
    expect(new Set(codes).size).toBe(38);
    expect(codes).toContain('35.78');
    expect(codes.every(code => /^35\.\d{2}$/.test(code))).toBe(true);
    const firstCity = shapes.findIndex(s => s.isCity);
    expect(shapes.slice(firstCity).every(s => s.isCity)).toBe(true);
    expect(shapes.filter(s => s.isCity)).toHaveLength(9);
    // East Java is wider than tall; a globe-sized path would blow these bounds up.
    expect(width).toBe(900);
    expect(height).toBeGreaterThan(250);
    expect(height).toBeLessThan(700);
  });

  it('keeps every region inside the viewBox (rings rewound for d3)', () => {
    const { width, height, shapes } = getRegionGeometry();
    for (const shape of shapes) {
      expect(shape.d.length, shape.code).toBeGreaterThan(50);
      const numbers = shape.d.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g)!.map(Number);
      for (let i = 0; i + 1 < numbers.length; i += 2) {
        expect(numbers[i]!).toBeGreaterThanOrEqual(-1);
        expect(numbers[i]!).toBeLessThanOrEqual(width + 1);
        expect(numbers[i + 1]!).toBeGreaterThanOrEqual(-1);
        expect(numbers[i + 1]!).toBeLessThanOrEqual(height + 1);
      }
      const [x, y] = shape.centroid;
      expect(x).toBeGreaterThan(0);
      expect(y).toBeGreaterThan(0);
    }
    // Surabaya lies north-east of Pacitan.
    const surabaya = shapes.find(s => s.code === '35.78')!;
    const pacitan = shapes.find(s => s.code === '35.01')!;
    expect(surabaya.centroid[0]).toBeGreaterThan(pacitan.centroid[0]);
    expect(surabaya.centroid[1]).toBeLessThan(pacitan.centroid[1]);
  });

  it('pulls the far northern islands (Bawean, Masalembu) into framed insets near the mainland', () => {
    const { width, height, insets } = getRegionGeometry();
    expect(insets.map(i => i.code).sort()).toEqual(['35.25', '35.29']);
    for (const inset of insets) {
      expect(inset.x).toBeGreaterThanOrEqual(0);
      expect(inset.y).toBeGreaterThanOrEqual(0);
      expect(inset.x + inset.width).toBeLessThanOrEqual(width);
      expect(inset.y + inset.height).toBeLessThanOrEqual(height);
    }
    // Without the move, Masalembu (5°S) would stretch the map to about 0.7 of its width.
    expect(height / width).toBeLessThan(0.6);
  });

  it('rewinds a counter-clockwise (RFC 7946) polygon and leaves a d3-wound one alone', () => {
    // Exterior counter-clockwise in lon/lat: (112,-8) → (113,-8) → (113,-7) → (112,-7).
    const ccw = {
      type: 'Feature' as const,
      properties: {},
      geometry: { type: 'Polygon' as const, coordinates: [[[112, -8], [113, -8], [113, -7], [112, -7], [112, -8]]] },
    };
    expect(geoArea(ccw)).toBeGreaterThan(2 * Math.PI);
    const fixed = rewindForD3(ccw);
    expect(geoArea(fixed)).toBeLessThan(0.001);
    expect(rewindForD3(fixed)).toBe(fixed);
  });
});
