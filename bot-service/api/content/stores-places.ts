import type { HospitalData, RegionFiguresData } from '../../contract/content.ts';
import type { Db } from '../../db/open.ts';
import { wibToday } from './region-import.ts';
import { nextIntegerId, num, optNum, optStr, str, uniquely, type KindStore, type LiveItem, type Row } from './store-types.ts';

/** Hospitals and region figures: the reference data staff keep current. */

function hospitalItem(r: Row): LiveItem {
  const data: HospitalData = {
    name: str(r.name),
    regionCode: str(r.region_code),
    address: optStr(r.address),
    phone: optStr(r.phone),
    lat: num(r.lat),
    lon: num(r.lon),
    coordQuality: str(r.coord_quality) as HospitalData['coordQuality'],
    designation: str(r.designation)
      .split(';')
      .map(s => s.trim())
      .filter(Boolean),
    source: optStr(r.source),
    position: num(r.position),
    active: num(r.active) === 1,
  };
  return { id: String(r.id), version: num(r.version), data, active: data.active, updatedAt: num(r.updated_at), updatedBy: str(r.updated_by) };
}

const regionExists = (db: Db, code: unknown): boolean => db.prepare('SELECT 1 FROM regions WHERE code = ?').get(code) !== undefined;

export const hospitalStore: KindStore = {
  kind: 'hospitals',
  versionKind: 'hospital',
  list: db => (db.prepare('SELECT * FROM hospitals ORDER BY position, id').all() as Row[]).map(hospitalItem),
  get: (db, id) => {
    const r = db.prepare('SELECT * FROM hospitals WHERE id = ?').get(Number(id)) as Row | undefined;
    return r === undefined ? null : hospitalItem(r);
  },
  check(db, id, data) {
    const d = data as HospitalData;
    if (!regionExists(db, d.regionCode)) return `data.regionCode: no region ${d.regionCode}`;
    const twin = db.prepare('SELECT id FROM hospitals WHERE name = ? AND region_code = ? AND id != ?').get(d.name, d.regionCode, Number(id));
    return twin === undefined ? null : `data.name: ${d.name} is already listed in ${d.regionCode}`;
  },
  write(db, id, raw, version, author, now) {
    const d = raw as HospitalData;
    uniquely(`hospital ${d.name} in ${d.regionCode}`, () =>
      db
        .prepare(
          `INSERT INTO hospitals (id, name, region_code, address, phone, lat, lon, coord_quality, designation, source, position, active, version, updated_at, updated_by)
           VALUES ($id, $name, $regionCode, $address, $phone, $lat, $lon, $coordQuality, $designation, $source, $position, $active, $version, $now, $author)
           ON CONFLICT (id) DO UPDATE SET name = $name, region_code = $regionCode, address = $address, phone = $phone, lat = $lat,
             lon = $lon, coord_quality = $coordQuality, designation = $designation, source = $source, position = $position,
             active = $active, version = $version, updated_at = $now, updated_by = $author`
        )
        .run({ ...d, id: Number(id), designation: d.designation.join(';'), active: d.active ? 1 : 0, version, now, author })
    );
  },
  nextId: db => nextIntegerId(db, 'hospitals', 'hospital'),
};

/** The published figures version (content_versions), which the region row itself does not count. */
const figuresVersion = (db: Db, code: string): number =>
  num(
    db
      .prepare("SELECT COALESCE(MAX(version), 0) FROM content_versions WHERE kind = 'region_figures' AND item_id = ? AND status != 'draft'")
      .pluck()
      .get(code)
  );

function figuresItem(db: Db, r: Row): LiveItem {
  const data: RegionFiguresData = {
    confirmed: optNum(r.confirmed),
    recovered: optNum(r.recovered),
    deaths: optNum(r.deaths),
    odp: optNum(r.odp),
    pdp: optNum(r.pdp),
    zone: optStr(r.zone) as RegionFiguresData['zone'],
    date: str(r.figures_date),
  };
  const version = figuresVersion(db, str(r.code));
  const published = r.figures_date !== null;
  return {
    id: str(r.code),
    version: published ? Math.max(version, 1) : 0,
    data,
    active: published,
    updatedAt: published ? num(r.updated_at) : null,
    updatedBy: published ? str(r.updated_by) : null,
  };
}

const figureColumns = 'code, confirmed, recovered, deaths, odp, pdp, zone, figures_date, updated_at, updated_by';

/** The 38 regions always exist; their figures are null until first published. */
export const regionFiguresStore: KindStore = {
  kind: 'region-figures',
  versionKind: 'region_figures',
  list: db => (db.prepare(`SELECT ${figureColumns} FROM regions ORDER BY code`).all() as Row[]).map(r => figuresItem(db, r)),
  get: (db, id) => {
    const r = db.prepare(`SELECT ${figureColumns} FROM regions WHERE code = ?`).get(id) as Row | undefined;
    return r === undefined ? null : figuresItem(db, r);
  },
  check(_db, _id, data) {
    const date = (data as RegionFiguresData).date;
    return date > wibToday(Date.now()) ? `data.date: ${date} is in the future` : null;
  },
  write(db, id, raw, _version, author, now) {
    const d = raw as RegionFiguresData;
    const changed = db
      .prepare(
        `UPDATE regions SET confirmed = $confirmed, recovered = $recovered, deaths = $deaths, odp = $odp, pdp = $pdp,
           zone = $zone, figures_date = $date, version = version + 1, updated_at = $now, updated_by = $author
         WHERE code = $code`
      )
      .run({ ...d, now, author, code: id }).changes;
    if (changed !== 1) throw new Error(`unknown region ${id}`);
  },
};
