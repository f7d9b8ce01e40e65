import { geoContains } from 'd3-geo';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import type { RegionFeature } from '../../../../bot-service/flows/understanding/reference-data.ts';
import { loadReferenceData } from '../../../../bot-service/flows/understanding/reference-data.ts';
import {
  createRegionIndex,
  haversineKm,
  hospitalsInRegion,
  nearestHospitals,
  regionAtPoint,
  resolveRegionText,
} from '../../../../bot-service/flows/understanding/region-resolver.ts';

const { regions, hospitals, geojson } = loadReferenceData();
const index = createRegionIndex(regions, geojson);
const match = (code: string, score = expect.any(Number)) => ({ kind: 'match', code, score });

describe('understanding/region-resolver typed text', () => {
  it.each([
    ['surabaya', '35.78'],
    ['sby', '35.78'],
    ['suroboyo', '35.78'],
    ['Kota Surabaya', '35.78'],
    ['kab malang', '35.07'],
    ['Kab. Malang', '35.07'],
    ['kota malang', '35.73'],
    ['malang kota', '35.73'],
    ['ngalam', '35.73'],
    ['kepanjen', '35.07'],
    ['tulung agung', '35.04'],
    ['batu', '35.79'],
    ['35.15', '35.15'],
    ['3524', '35.24'],
  ])('%s -> %s', (text, code) => {
    expect(index.resolveText(text)).toEqual(match(code, 1));
  });

  it.each([
    ['sidoarjoo', '35.15'],
    ['sidoarj', '35.15'],
    ['surbaya', '35.78'],
    ['lamongn', '35.24'],
    ['banyuwangii', '35.10'],
    ['bojonegor', '35.22'],
  ])('forgives the typo %s -> %s with a lower score', (text, code) => {
    const r = index.resolveText(text);
    expect(r).toEqual(match(code));
    expect(r.kind === 'match' && r.score).toBeLessThan(1);
  });

  it.each([
    ['saya di gresik', '35.25'],
    ['radar surabaya', '35.78'],
    ['aku wong suroboyo rek', '35.78'],
    ['Rumah saya di Kabupaten Jember, Jawa Timur', '35.09'],
  ])('finds the place inside a sentence: %s', (text, code) => {
    expect(index.resolveText(text)).toEqual(match(code));
  });

  const twins: Array<[string, string, string]> = [
    ['Kediri', '35.06', '35.71'],
    ['Blitar', '35.05', '35.72'],
    ['Malang', '35.07', '35.73'],
    ['Probolinggo', '35.13', '35.74'],
    ['Pasuruan', '35.14', '35.75'],
    ['Mojokerto', '35.16', '35.76'],
    ['Madiun', '35.19', '35.77'],
  ];

  it.each(twins)('asks back for %s unless kab/kota is given', (name, kab, kota) => {
    expect(index.resolveText(name)).toEqual({ kind: 'ambiguous', codes: [kab, kota] });
    expect(index.resolveText(`saya di ${name.toLowerCase()}`)).toEqual({ kind: 'ambiguous', codes: [kab, kota] });
    expect(index.resolveText(`kab ${name}`)).toEqual(match(kab));
    expect(index.resolveText(`kabupaten ${name}`)).toEqual(match(kab));
    expect(index.resolveText(`kota ${name}`)).toEqual(match(kota));
    expect(index.resolveText(`${name} kota`)).toEqual(match(kota));
    expect(index.resolveText(`pemkot ${name}`)).toEqual(match(kota));
  });

  it('keeps a shared name ambiguous when typed with a typo', () => {
    expect(index.resolveText('probolingo')).toEqual({ kind: 'ambiguous', codes: ['35.13', '35.74'] });
    expect(index.resolveText('mlg')).toEqual({ kind: 'ambiguous', codes: ['35.07', '35.73'] });
  });

  it.each([
    'halo', 'apa', 'menu', 'lewati', '1', 'ya', 'terima kasih', 'apa saja gejala covid?', 'berapa lama masa inkubasi',
    'nanti malam hujan', 'saya batuk pilek', 'jakarta', 'bandung', 'bali', 'madura', '', '   ', '🙏',
  ])('rejects a non-place: %j', text => {
    expect(index.resolveText(text)).toEqual({ kind: 'none' });
  });

  it('works through the free function with the regions array', () => {
    expect(resolveRegionText('lamongan', regions)).toEqual(match('35.24', 1));
    expect(resolveRegionText('madiun', regions)).toEqual({ kind: 'ambiguous', codes: ['35.19', '35.77'] });
  });
});

describe('understanding/region-resolver pins', () => {
  it('puts every region label point in its own region', () => {
    for (const r of regions) expect(index.atPoint(r.lat, r.lon)).toEqual({ code: r.code, inside: true, distanceKm: 0 });
  });

  it.each([
    ['Tugu Pahlawan', -7.2459, 112.7378, '35.78'],
    ['Balai Kota Malang (enclave in Kab. Malang)', -7.9771, 112.634, '35.73'],
    ['Kepanjen', -8.1303, 112.5723, '35.07'],
    ['Makam Bung Karno, Kota Blitar', -8.0846, 112.1762, '35.72'],
    ['Simpang Lima Gumul, Kab. Kediri', -7.8232, 112.0635, '35.06'],
    ['Bawean island', -5.85, 112.66, '35.25'],
  ])('%s', (_name, lat, lon, code) => {
    expect(regionAtPoint(lat, lon, geojson)).toEqual({ code, inside: true, distanceKm: 0 });
  });

  it('gives the nearest region for a pin just off the coast', () => {
    const r = index.atPoint(-8.27, 111.1);
    expect(r).toMatchObject({ code: '35.01', inside: false });
    expect(r?.distanceKm).toBeGreaterThan(0.5);
    expect(r?.distanceKm).toBeLessThan(30);
  });

  it('gives null far from every region, and honours the distance limit', () => {
    expect(index.atPoint(-6.2088, 106.8456)).toBeNull(); // Jakarta
    expect(index.atPoint(-6.0, 113.5)).toBeNull(); // open Java Sea
    const offshore = index.atPoint(-8.27, 111.1);
    expect(index.atPoint(-8.27, 111.1, (offshore?.distanceKm ?? 0) / 2)).toBeNull();
    expect(index.atPoint(Number.NaN, 112)).toBeNull();
  });

  it('agrees with d3-geo geoContains on 2,000 random points', () => {
    // d3-geo is spherical and wants clockwise outer rings; the file has RFC 7946 winding.
    const rewound = geojson.features.map(f => {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      const coordinates = polys.map(poly => poly.map(ring => [...ring].reverse()));
      return { ...f, geometry: { type: 'MultiPolygon', coordinates } } as RegionFeature;
    });
    let seed = 42;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let inside = 0;
    for (let i = 0; i < 2000; i++) {
      const lon = 110.9 + random() * 3.6;
      const lat = -8.8 + random() * 2.0;
      const expected = rewound.find(f => geoContains(f as never, [lon, lat]))?.properties.code ?? null;
      const got = index.atPoint(lat, lon, 0);
      expect(got?.inside ? got.code : null).toBe(expected);
      if (expected) inside++;
    }
    expect(inside).toBeGreaterThan(500);
  });

  it('answers a lookup in well under a millisecond', () => {
    const t0 = performance.now();
    for (let i = 0; i < 1000; i++) index.atPoint(-7.2 - (i % 100) / 100, 112 + (i % 37) / 20);
    expect((performance.now() - t0) / 1000).toBeLessThan(0.5);
  });
});

describe('understanding/region-resolver hospitals', () => {
  it('measures great-circle distances', () => {
    expect(haversineKm(0, 0, 0, 1)).toBeCloseTo(111.2, 1);
    expect(haversineKm(-7.2459, 112.7378, -7.9771, 112.634)).toBeCloseTo(81.9, 0);
  });

  it('returns the n nearest hospitals, nearest first, with distances', () => {
    const lat = -7.9771;
    const lon = 112.634;
    const near = nearestHospitals(lat, lon, hospitals, 3);
    expect(near).toHaveLength(3);
    const all = hospitals.map(h => haversineKm(lat, lon, h.lat, h.lon)).sort((a, b) => a - b);
    near.forEach((n, i) => expect(n.distanceKm).toBeCloseTo(all[i] as number, 1));
    expect(near.every(n => n.hospital.regionCode === '35.73')).toBe(true);
    expect(nearestHospitals(-7.972562, 112.63155, hospitals, 1)[0]).toMatchObject({
      hospital: { id: 'rsud-dr-saiful-anwar' },
      distanceKm: 0,
    });
    expect(nearestHospitals(lat, lon, hospitals)).toHaveLength(3);
    expect(nearestHospitals(lat, lon, hospitals, 10)).toHaveLength(10);
    expect(nearestHospitals(lat, lon, [], 3)).toEqual([]);
  });

  it('lists the hospitals of a region', () => {
    expect(hospitalsInRegion('35.78', hospitals).length).toBeGreaterThan(10);
    expect(hospitalsInRegion('35.01', hospitals)).toEqual([]);
  });
});
