import type { Role } from '../../../../bot-service/contract/auth.ts';
import type { Db } from '../../../../bot-service/db/open.ts';
import { createUser } from '../../../../bot-service/db/queries/users.ts';
import type { Service } from '../../../../bot-service/server.ts';

export const roles: Role[] = ['admin', 'supervisor', 'volunteer', 'official'];

let n = 0;

/** Creates a user of this role and signs in through `POST /api/auth/login`; returns the auth header. */
export async function signIn(service: Service, role: Role): Promise<{ id: number; headers: Record<string, string> }> {
  const username = `stats-${role}-${++n}`;
  const password = `pw-${username}-secret`;
  const { id } = createUser(service.db, { username, password, role, hashCost: 10 });
  const res = await service.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) {
    throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  }
  return { id, headers: { authorization: `Bearer ${(res.json() as { token: string }).token}` } };
}

/** Adds to one hourly counter row, as the projector would have (for tests of the read side). */
export function addCounts(db: Db, day: string, hour: number, region: string, counts: Record<string, number>): void {
  const cols = Object.keys(counts);
  db.prepare(
    `INSERT INTO stats_hourly (day, hour, region_code, ${cols.join(', ')}) VALUES (?, ?, ?, ${cols.map(() => '?').join(', ')})
     ON CONFLICT (day, hour, region_code) DO UPDATE SET ${cols.map(c => `${c} = ${c} + excluded.${c}`).join(', ')}`
  ).run(day, hour, region, ...Object.values(counts));
}

/** Puts contacts into a day's region sets and the daily counters, as the projector would have. */
export function addContacts(db: Db, day: string, region: string, contactIds: number[], isNew = true): void {
  for (const id of contactIds) {
    const elsewhere = db.prepare('SELECT COUNT(*) FROM stats_day_contacts WHERE day = ? AND contact_id = ?').pluck().get(day, id) !== 0;
    db.prepare('INSERT INTO stats_day_contacts (day, contact_id, region_code, refs, is_new) VALUES (?, ?, ?, 1, ?)').run(day, id, region, isNew ? 1 : 0);
    db.prepare(
      `INSERT INTO stats_daily (day, region_code, contacts, new_contacts, returning_contacts) VALUES (?, ?, 1, ?, ?)
       ON CONFLICT (day, region_code) DO UPDATE SET contacts = contacts + 1, new_contacts = new_contacts + excluded.new_contacts,
         returning_contacts = returning_contacts + excluded.returning_contacts`
    ).run(day, region, isNew ? 1 : 0, isNew ? 0 : 1);
    if (!elsewhere) {
      db.prepare(
        `INSERT INTO stats_daily_province (day, contacts, new_contacts, returning_contacts) VALUES (?, 1, ?, ?)
         ON CONFLICT (day) DO UPDATE SET contacts = contacts + 1, new_contacts = new_contacts + excluded.new_contacts,
           returning_contacts = returning_contacts + excluded.returning_contacts`
      ).run(day, isNew ? 1 : 0, isNew ? 0 : 1);
    }
  }
}
