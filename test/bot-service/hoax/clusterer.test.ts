import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../bot-service/db/open.ts';
import { Clusterer, type ClaimInput } from '../../../bot-service/hoax/clusterer.ts';
import { tempDir } from '../helpers.ts';
import { otherRumour, rumour } from './support.ts';

let db: Db;
let cleanup: () => void;
let clusterer: Clusterer;
let contacts = 0;

beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = openDatabase(join(t.dir, 'bot.db'));
  clusterer = new Clusterer(db);
});
afterEach(() => {
  db.close();
  cleanup();
});

function contact(): number {
  return Number(db.prepare('INSERT INTO contacts (wa_key, wa_id, created_at) VALUES (?, ?, ?)').run(`62811${++contacts}`, `62811${contacts}`, Date.now()).lastInsertRowid);
}

function claim(text: string | null, o: Partial<ClaimInput> = {}): ReturnType<Clusterer['place']> {
  return db.transaction(() =>
    clusterer.place({
      inboundId: null,
      contactId: o.contactId ?? contact(),
      conversationId: null,
      regionCode: o.regionCode ?? null,
      via: 'forwarded',
      forwarded: o.forwarded ?? 1,
      text,
      media: o.media ?? null,
      matchedHoaxId: o.matchedHoaxId ?? null,
      at: o.at ?? Date.now(),
    })
  )();
}

const cluster = (id: number) =>
  db.prepare('SELECT claims, senders, forwarded, frequently_forwarded, media, matched_hoax_id FROM hoax_clusters WHERE id = ?').get(id) as Record<string, unknown>;

describe('hoax/clusterer', () => {
  it('puts mutated copies of one chain message together: greeting, sebarkan, Javanese, typos, cut off', () => {
    const first = claim(rumour.original);
    expect(first.by).toBe('new');
    for (const text of [rumour.greeting, rumour.javanese, rumour.cutOff]) {
      const p = claim(text);
      expect(p.clusterId, text).toBe(first.clusterId);
      expect(p.by).toBe('text');
    }
    expect(cluster(first.clusterId)).toMatchObject({ claims: 4, senders: 4 });
  });

  it('keeps unrelated rumours and near misses on the same topic apart', () => {
    const a = claim(rumour.original);
    const b = claim(otherRumour);
    const nearMiss = claim('Pemeliharaan jaringan PLN: listrik di sebagian Kecamatan Rungkut padam besok pukul 09.00 sampai 12.00');
    expect(new Set([a.clusterId, b.clusterId, nearMiss.clusterId]).size).toBe(3);
  });

  it('puts the same file together by its sha256, whatever the caption says', () => {
    const sha = 'n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=';
    const a = claim(null, { media: { kind: 'image', sha256: sha } });
    const b = claim('Ini benar?', { media: { kind: 'image', sha256: sha } });
    const c = claim(otherRumour, { media: { kind: 'image', sha256: sha } });
    expect(b.clusterId).toBe(a.clusterId);
    expect(b.by).toBe('media');
    expect(c.clusterId).toBe(a.clusterId);
    const other = claim(null, { media: { kind: 'image', sha256: 'b1z2dGVzdA==' } });
    expect(other.clusterId).not.toBe(a.clusterId);
    expect(cluster(a.clusterId)).toMatchObject({ claims: 3, media: 3 });
  });

  it('joins a short text only to the identical text', () => {
    const a = claim('corona dari 5G');
    expect(claim('Corona dari 5G!!').clusterId).toBe(a.clusterId);
    expect(claim('corona dari 4G').clusterId).not.toBe(a.clusterId);
  });

  it('places a claim that matches a known hoax in that hoax cluster, and marks the cluster', () => {
    const a = claim(rumour.original, { matchedHoaxId: 'hx_test' });
    expect(cluster(a.clusterId).matched_hoax_id).toBe('hx_test');
    // Worded nothing alike, but the bot's matcher recognised the same hoax.
    const b = claim('apakah benar listrik mati tiga hari buat steril corona?', { matchedHoaxId: 'hx_test' });
    expect(b.clusterId).toBe(a.clusterId);
    expect(b.by).toBe('known-hoax');
  });

  it('counts senders once, forwarded levels and regions of senders', () => {
    const citizen = contact();
    const a = claim(rumour.original, { contactId: citizen, regionCode: '35.78', forwarded: 2 });
    expect(a.newSender).toBe(true);
    const again = claim(rumour.original, { contactId: citizen, regionCode: '35.78', forwarded: 1 });
    expect(again.newSender).toBe(false);
    claim(rumour.greeting, { regionCode: '35.15', forwarded: 0 });
    expect(cluster(a.clusterId)).toMatchObject({ claims: 3, senders: 2, forwarded: 2, frequently_forwarded: 1 });
    const regions = db.prepare('SELECT region_code, senders FROM hoax_cluster_regions WHERE cluster_id = ? ORDER BY region_code').all(a.clusterId);
    expect(regions).toEqual([
      { region_code: '35.15', senders: 1 },
      { region_code: '35.78', senders: 1 },
    ]);
  });

  it('stores a signature only for texts that widen the cluster, so copies cost no index growth', () => {
    const signatures = () => db.prepare('SELECT COUNT(*) FROM hoax_signatures').pluck().get() as number;
    const buckets = () => db.prepare('SELECT COUNT(*) FROM hoax_lsh_buckets').pluck().get() as number;
    expect(claim(rumour.original).signed).toBe(true);
    expect(signatures()).toBe(1);
    expect(buckets()).toBe(clusterer.params.bands);
    for (let i = 0; i < 20; i++) expect(claim(rumour.original).signed).toBe(false);
    // One more word does not widen it either.
    expect(claim(`${rumour.original} Tolong dibagikan.`).signed).toBe(false);
    expect(signatures()).toBe(1);
  });

  it('looks candidates up by band keys through the primary key, never by scanning', () => {
    const plans = [
      ...(db.prepare(`EXPLAIN QUERY PLAN SELECT signature_id FROM hoax_lsh_buckets WHERE bucket IN (${Array(clusterer.params.bands).fill('?').join(',')}) LIMIT ?`).all(...Array(clusterer.params.bands + 1).fill(1)) as Array<{ detail: string }>),
      ...(db.prepare('EXPLAIN QUERY PLAN SELECT cluster_id, similarity FROM hoax_texts WHERE hash = ?').all(1) as Array<{ detail: string }>),
      ...(db.prepare('EXPLAIN QUERY PLAN SELECT 1 FROM hoax_claims WHERE contact_id = ? AND cluster_id = ? LIMIT 1').all(1, 1) as Array<{ detail: string }>),
    ].map(p => p.detail);
    expect(plans.some(d => /SCAN hoax_/.test(d))).toBe(false);
    expect(plans.filter(d => /SEARCH/.test(d)).length).toBeGreaterThanOrEqual(3);
  });

  it('signs and places a claim in well under a millisecond with thousands stored', () => {
    const citizen = contact();
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) {
        clusterer.place({ inboundId: null, contactId: citizen, conversationId: null, regionCode: null, via: 'forwarded', forwarded: 1, text: `${otherRumour} nomor ${i} ${i * 7} kode ${(i * 7919) % 10007}`, media: null, matchedHoaxId: null, at: Date.now() });
      }
    })();
    const started = performance.now();
    const n = 200;
    for (let i = 0; i < n; i++) claim(`${rumour.original} varian ${i} ${(i * 31) % 97}`);
    // Generous for a busy test machine; the bench reports the real figure.
    expect((performance.now() - started) / n).toBeLessThan(5);
  });
});
