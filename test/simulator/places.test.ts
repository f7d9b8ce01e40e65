import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REGIONS_CSV, OFFSHORE_PLACE, loadPlaces, parseRegionPlaces } from '../../simulator/places.ts';

type Ring = number[][];
const geojson = JSON.parse(readFileSync(new URL('../../bot-service/reference-data/jatim-regions.geojson', import.meta.url), 'utf8')) as {
  features: Array<{ properties: { code: string }; geometry: { type: string; coordinates: Ring[][] | Ring[] } }>;
};

// Ray casting, written here so the check does not lean on any code under test.
function inRing([x, y]: [number, number], ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function regionAt(lon: number, lat: number): string | null {
  for (const f of geojson.features) {
    const polygons = (f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [f.geometry.coordinates]) as Ring[][];
    for (const [outer, ...holes] of polygons) {
      if (outer && inRing([lon, lat], outer) && !holes.some(h => inRing([lon, lat], h))) return f.properties.code;
    }
  }
  return null;
}

describe('simulator/places', () => {
  it('offers every region’s label point, each inside its own region, and one point at sea', async () => {
    const places = await loadPlaces();
    const regions = places.filter(p => p.regionCode !== null);
    expect(regions).toHaveLength(38);
    expect(new Set(regions.map(p => p.regionCode)).size).toBe(38);
    for (const p of regions) expect(regionAt(p.longitude, p.latitude)).toBe(p.regionCode);
    expect(places.at(-1)).toEqual(OFFSHORE_PLACE);
  });

  it('puts the sea point off the coast: outside every region but within 0.1° of land', () => {
    expect(regionAt(OFFSHORE_PLACE.longitude, OFFSHORE_PLACE.latitude)).toBeNull();
    expect(regionAt(OFFSHORE_PLACE.longitude, OFFSHORE_PLACE.latitude + 0.1)).not.toBeNull();
  });

  it('parses quoted CSV cells and refuses bad coordinates', () => {
    const csv = 'code,name,lat,lon\n35.78,"Kota Surabaya, ""Pahlawan""",-7.27,112.72\n';
    expect(parseRegionPlaces(csv)).toEqual([
      { id: 'region-35.78', name: 'Kota Surabaya, "Pahlawan"', latitude: -7.27, longitude: 112.72, regionCode: '35.78' },
    ]);
    expect(() => parseRegionPlaces('code,name,lat,lon\n35.01,X,abc,1\n')).toThrow(/bad coordinates/);
    expect(String(DEFAULT_REGIONS_CSV)).toMatch(/jatim-regions\.csv$/);
  });
});
