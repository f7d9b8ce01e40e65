/**
 * Stores many citizens in a bot-service database before it starts, so memory and latency are
 * measured with a launch-day population (1 million contacts by default), spread over the regions
 * by population, some of them seen in the last day.
 */
import { openDatabase } from '../bot-service/db/open.ts';
import { citizenWaId, createRandom, createRegionPicker } from './payloads.ts';
import { loadRegions } from './regions.ts';

/** Inserts `count` contacts (citizen indexes 0..count-1); returns the milliseconds it took. */
export function seedContacts(file: string, count: number): number {
  const started = Date.now();
  const db = openDatabase(file);
  const regionOf = createRegionPicker(loadRegions());
  const random = createRandom(42);
  const nowSeconds = Math.floor(Date.now() / 1000);
  const insert = db.prepare(
    `INSERT INTO contacts (wa_key, wa_id, profile_name, language, region_code, last_inbound_ts, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (wa_key) DO NOTHING`
  );
  const chunk = 100_000;
  for (let from = 0; from < count; from += chunk) {
    db.transaction(() => {
      for (let i = from; i < Math.min(count, from + chunk); i++) {
        const waId = citizenWaId(i);
        const region = regionOf(i);
        const lastSeen = nowSeconds - Math.floor(random() * 14 * 86_400);
        insert.run(waId, waId, `Warga ${region.shortName} ${i}`, random() < 0.95 ? 'id' : 'en', random() < 0.9 ? region.code : null, lastSeen, lastSeen * 1000);
      }
    })();
  }
  db.close();
  return Date.now() - started;
}
