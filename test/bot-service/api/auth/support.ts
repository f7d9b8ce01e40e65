import type { Role } from '../../../../bot-service/contract/auth.ts';
import { createUser } from '../../../../bot-service/db/queries/users.ts';
import type { Service } from '../../../../bot-service/server.ts';

export const roles: Role[] = ['admin', 'supervisor', 'volunteer', 'official'];

/** Cheap hashes for test users (the login path reads the cost from the stored hash). */
export const fastCost = 10;

let n = 0;

export type TestUser = { id: number; username: string; password: string; role: Role; token: string };

/** Creates a user and signs in through `POST /api/auth/login`. */
export async function signIn(service: Service, role: Role, options: { username?: string; password?: string; cost?: number } = {}): Promise<TestUser> {
  const username = options.username ?? `${role}${++n}`;
  const password = options.password ?? `pw-${username}-secret`;
  const { id } = createUser(service.db, { username, password, role, hashCost: options.cost ?? fastCost });
  const res = await service.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) {
    throw new Error(`login of ${username} failed: ${res.statusCode} ${res.body}`);
  }
  return { id, username, password, role, token: (res.json() as { token: string }).token };
}

/** One signed-in user per role. */
export async function signInAll(service: Service): Promise<Record<Role, TestUser>> {
  const out = {} as Record<Role, TestUser>;
  for (const role of roles) {
    out[role] = await signIn(service, role);
  }
  return out;
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

export function auditRows(service: Service, action: string): Array<{ actor_id: number | null; target: string | null; details: Record<string, unknown> }> {
  return (service.db.prepare('SELECT actor_id, target, details FROM audit_log WHERE action = ? ORDER BY id').all(action) as Array<{
    actor_id: number | null;
    target: string | null;
    details: string;
  }>).map(r => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
}
