import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadReferenceData,
  parseHospitalsCsv,
  parseRegionsCsv,
  parseRegionsGeoJson,
  REFERENCE_DATA_DIR,
  slugify,
} from '../../../../bot-service/flows/understanding/reference-data.ts';

const data = loadReferenceData();

describe('understanding/reference-data', () => {
  it('loads the 38 regions: 29 kabupaten and 9 kota, typed', () => {
    expect(data.regions).toHaveLength(38);
    expect(data.regions.filter(r => r.type === 'kabupaten')).toHaveLength(29);
    expect(data.regions.filter(r => r.type === 'kota')).toHaveLength(9);
    const sby = data.regions.find(r => r.code === '35.78');
    expect(sby).toMatchObject({ name: 'Kota Surabaya', shortName: 'Surabaya', type: 'kota', ambiguousWith: null });
    expect(sby?.aliases).toContain('suroboyo');
    expect(sby?.population).toBe(2874314);
    expect(sby?.lat).toBeCloseTo(-7.27516, 5);
    expect(data.regions.reduce((sum, r) => sum + r.population, 0)).toBe(40665696);
  });

  it('links the seven shared short names both ways', () => {
    const twins = data.regions.filter(r => r.ambiguousWith !== null);
    expect(twins).toHaveLength(14);
    for (const r of twins) {
      const twin = data.regions.find(t => t.code === r.ambiguousWith);
      expect(twin?.ambiguousWith).toBe(r.code);
      expect(twin?.shortName).toBe(r.shortName);
    }
  });

  it('loads hospitals with stable unique slugs, quoted addresses and coordinate quality', () => {
    expect(data.hospitals).toHaveLength(49);
    expect(new Set(data.hospitals.map(h => h.id)).size).toBe(49);
    const soetomo = data.hospitals.find(h => h.id === 'rsud-dr-soetomo');
    expect(soetomo).toMatchObject({ regionCode: '35.78', approximate: false });
    expect(soetomo?.address).toBe('Jl. Mayjen Prof. Dr. Moestopo No. 6-8, Airlangga, Gubeng, Kota Surabaya');
    expect(soetomo?.designations).toEqual(['kemenkes', 'pemprov_rujukan_utama']);
    expect(data.hospitals.find(h => h.id === 'rs-manyar-medical-centre')?.name).toMatch(/reported as/);
    expect(data.hospitals.filter(h => h.approximate)).toHaveLength(40);
  });

  it('loads the boundaries as 38 features with codes matching the CSV', () => {
    expect(data.geojson.features).toHaveLength(38);
    expect(new Set(data.geojson.features.map(f => f.properties.code))).toEqual(new Set(data.regions.map(r => r.code)));
  });

  it('reads from another folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'refdata-'));
    for (const name of ['jatim-regions.csv', 'jatim-hospitals.csv', 'jatim-regions.geojson']) {
      writeFileSync(join(dir, name), readFileSync(join(REFERENCE_DATA_DIR, name)));
    }
    expect(loadReferenceData(dir).regions).toHaveLength(38);
  });

  it('rejects malformed rows with a clear message', () => {
    const header = 'code,bps_code,name,short_name,type,lat,lon,population,aliases,ambiguous_with\n';
    expect(() => parseRegionsCsv(`${header}3578,3578,Kota Surabaya,Surabaya,kota,-7.2,112.7,1,surabaya,\n`)).toThrow(/bad code/);
    expect(() => parseRegionsCsv(`${header}35.78,3578,Kota Surabaya,Surabaya,city,-7.2,112.7,1,surabaya,\n`)).toThrow(/bad type/);
    expect(() => parseRegionsCsv(`${header}35.78,3578,Kota Surabaya,Surabaya,kota,x,112.7,1,surabaya,\n`)).toThrow(/lat/);
    expect(() => parseRegionsCsv(`${header}35.73,3573,Kota Malang,Malang,kota,-7.9,112.6,1,kota malang,35.07\n`)).toThrow(/unknown 35.07/);
    expect(() => parseHospitalsCsv('name,kab_code\nRS X,3578\n')).toThrow(/kab_code/);
    expect(() => parseRegionsGeoJson({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: null }] })).toThrow(/code/);
  });

  it('slugifies names', () => {
    expect(slugify('RSUD Dr. R. Koesma Tuban')).toBe('rsud-dr-r-koesma-tuban');
    expect(slugify('RS Katolik St. Vincentius a Paulo (RKZ)')).toBe('rs-katolik-st-vincentius-a-paulo-rkz');
  });
});
