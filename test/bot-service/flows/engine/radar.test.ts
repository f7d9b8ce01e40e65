import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishRegionFigures } from '../../../../bot-service/db/queries/content.ts';
import { bodyText, choicesOf, createWorld, interactiveTypes, textOf, type World } from './harness.ts';

const TUGU_PAHLAWAN = { lat: -7.2459, lon: 112.7378 };

describe('flows/engine radar, data terkini, hospitals', () => {
  let world: World;
  beforeEach(() => {
    world = createWorld();
    publishRegionFigures(world.db, '35.78', { confirmed: 1234, recovered: 456, deaths: 78, odp: 2500, pdp: 310, zone: 'merah', date: '2020-04-09' }, 'user:1');
    publishRegionFigures(world.db, '35.15', { confirmed: 321, recovered: 40, deaths: 12, odp: null, pdp: null, zone: 'oranye', date: '2020-04-08' }, 'user:1');
  });
  afterEach(() => world.close());

  it('shows a region by tap: figures as staff published them, zone, date and 3 nearest hospitals', () => {
    const c = world.citizen();
    const ask = c.tap('menu:menu_radar', 'Radar COVID-19');
    expect(interactiveTypes(ask)).toEqual(['interactive:list']);
    expect(textOf(ask)).toContain('Radar COVID-19');
    const r = c.tap('region:35.78', 'Kota Surabaya');
    const text = textOf(r);
    expect(text).toContain('Radar COVID-19: Kota Surabaya');
    expect(text).toContain('Terkonfirmasi positif: *1.234*');
    expect(text).toContain('Sembuh: 456');
    expect(text).toContain('ODP (orang dalam pemantauan): 2.500');
    expect(text).toContain('Zona: 🔴 Merah');
    expect(text).toContain('Data per 9 April 2020');
    expect(text.match(/^• \*/gm)).toHaveLength(3);
    expect(r.conversation?.feature).toBe('radar');
    // A region looked up by a citizen whose region is unknown becomes theirs.
    expect(r.contact?.regionCode).toBe('35.78');
  });

  it('shows a region by typing "radar <place>", and asks back for a shared name', () => {
    const r = world.citizen().text('radar suroboyo');
    expect(textOf(r)).toContain('Radar COVID-19: Kota Surabaya');

    const c = world.citizen();
    const ask = c.text('radar malang');
    expect(choicesOf(ask).map(b => b.id)).toEqual(['region:35.07', 'region:35.73']);
    const kota = c.text('kota');
    expect(textOf(kota)).toContain('Radar COVID-19: Kota Malang');
    expect(textOf(kota)).toContain('Petugas belum memasukkan data kasus');
  });

  it('shows the region of a pin with the distances to the nearest hospitals', () => {
    const c = world.citizen();
    c.text('radar');
    const r = c.pin(TUGU_PAHLAWAN.lat, TUGU_PAHLAWAN.lon);
    const text = textOf(r);
    expect(text).toContain('Radar COVID-19: Kota Surabaya');
    expect(text).toContain('RS rujukan terdekat dari lokasi Anda');
    expect(text).toMatch(/RSUD Dr\. Soetomo\*\n.*\n {2}📍 ± \d+,\d km/);
  });

  it('uses the citizen\'s known region straight away', () => {
    const c = world.citizen();
    c.regionCode = '35.15';
    const r = c.text('radar');
    expect(textOf(r)).toContain('Radar COVID-19: Kabupaten Sidoarjo');
    expect(textOf(r)).toContain('Terkonfirmasi positif: *321*');
  });

  it('shows the province table, most cases first, with the total', () => {
    const r = world.citizen().text('data');
    // One message for the table (the region question follows for a new citizen).
    const text = bodyText(r.replies[0]!.body);
    expect(interactiveTypes(r)).toEqual(['text', 'interactive:list']);
    const surabaya = text.indexOf('• Kota Surabaya: 1.234 / 456 / 78 🔴');
    const sidoarjo = text.indexOf('• Kabupaten Sidoarjo: 321 / 40 / 12 🟠');
    expect(surabaya).toBeGreaterThan(0);
    expect(sidoarjo).toBeGreaterThan(surabaya);
    expect(text).toContain('• Kota Batu: belum ada data');
    expect(text).toContain('*Jawa Timur: 1.555 / 496 / 90*');
    expect(text).toContain('Data per 9 April 2020');
    expect(text.match(/^• /gm)).toHaveLength(38);
  });

  it('lists the referral hospitals of a typed region with the hotlines', () => {
    const r = world.citizen().text('rs sidoarjo');
    const text = textOf(r);
    expect(text).toContain('RS rujukan COVID-19 di Kabupaten Sidoarjo');
    expect(text).toContain('RSUD Sidoarjo');
    expect(text).toContain('RS Mitra Keluarga Waru');
    expect(text).toContain('0813-3436-7800');
    expect(r.conversation?.feature).toBe('hospital');
  });

  it('finds the nearest hospitals to a pin from the hospital menu', () => {
    const c = world.citizen();
    const ask = c.tap('menu:menu_rs_rujukan', 'RS Rujukan & Hotline');
    expect(textOf(ask)).toContain('RS Rujukan');
    const r = c.pin(TUGU_PAHLAWAN.lat, TUGU_PAHLAWAN.lon);
    const text = textOf(r);
    expect(text).toContain('RS rujukan terdekat dari lokasi Anda');
    expect(text.indexOf('RSUD Dr. Soetomo')).toBeGreaterThan(0);
    expect(r.conversation?.feature).toBe('hospital');
  });

  it('does not invent a distance for a hospital known only by its region', () => {
    const c = world.citizen();
    c.regionCode = '35.15';
    const text = textOf(c.text('radar'));
    // Sidoarjo's listed hospitals other than RSUD Sidoarjo carry the region's label point.
    expect(text).toContain('Kabupaten Sidoarjo (titik lokasi belum tersedia)');
    expect(text).not.toContain('± 0 km');
  });
});
