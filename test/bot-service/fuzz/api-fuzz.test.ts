import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../../bot-service/server.ts';
import { tempDir } from '../helpers.ts';
import { startServiceUnderFuzz } from './service-under-fuzz.ts';

const numRuns = Number(process.env.FUZZ_RUNS ?? 200);
const adminPassword = 'fuzz-admin-password-1';

type Route = { path: string; methods: string[] };

/**
 * The routes as Fastify prints them (`printRoutes({ commonPrefix: false })`): a tree whose children
 * carry the rest of their parent's path, e.g. `├── /api/users (GET, HEAD, POST)` then `│   └── /:id (PATCH)`.
 */
function parseRoutes(printed: string): Route[] {
  const routes: Route[] = [];
  const stack: string[] = [];
  for (const line of printed.split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?$/.exec(line.trimEnd());
    if (m === null) {
      continue;
    }
    const depth = m[1]!.length / 4;
    const path = (depth > 0 ? stack[depth - 1]! : '') + m[2]!;
    stack[depth] = path;
    stack.length = depth + 1;
    if (m[3]) {
      routes.push({ path, methods: m[3].split(',').map(x => x.trim()).filter(x => x !== 'HEAD') });
    }
  }
  return routes;
}

let t: ReturnType<typeof tempDir>;
let under: Awaited<ReturnType<typeof startServiceUnderFuzz>>;
let service: Service;
let routes: Route[];
let token: string | null = null;

async function login(): Promise<string | null> {
  const res = await service.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: adminPassword } });
  return res.statusCode === 200 ? (JSON.parse(res.body) as { token: string }).token : null;
}

beforeAll(async () => {
  t = tempDir();
  under = await startServiceUnderFuzz(t.dir, { BOOTSTRAP_ADMIN_PASSWORD: adminPassword });
  service = under.service;
  routes = parseRoutes(service.app.printRoutes({ commonPrefix: false })).filter(r => r.path.startsWith('/api/') && r.methods.length > 0);
  token = await login();
});
afterAll(async () => {
  await under.close();
  t.cleanup();
});

const segment = fc.oneof(
  fc.integer({ min: -5, max: 100 }).map(String),
  fc.constantFrom('1', '0', '-1', '2020-04-02', '2099-13-45', '35.78', '35.99', 'null', 'undefined', '%00', '..%2F..', 'NaN', '1e309', '9'.repeat(40)),
  fc.string({ minLength: 1, maxLength: 30 }).map(encodeURIComponent),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }).map(encodeURIComponent)
);
const scalar = fc.oneof(fc.string({ maxLength: 30 }), fc.integer().map(String), fc.constantFrom('', 'true', '-1', '2020-04-02', 'csv', 'pdf', 'json', 'xml', '9'.repeat(30)));
const query = fc.dictionary(
  fc.oneof(fc.constantFrom('date', 'from', 'to', 'format', 'limit', 'offset', 'cursor', 'after', 'region', 'q', 'state', 'feature', 'status', 'days'), fc.string({ maxLength: 8 })),
  fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })),
  { maxKeys: 4 }
);
const body = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(
    fc.constantFrom('username', 'password', 'role', 'text', 'body', 'title', 'question', 'answer', 'note', 'to', 'reason', 'verdict', 'id', 'name', 'draft', 'version', 'priority', 'rows', 'date'),
    fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.constant('x'.repeat(70_000)))
  ),
  fc.string().map(s => ({ raw: s }))
);

describe('fuzz/console API', () => {
  it('finds the console routes to fuzz', () => {
    expect(routes.length).toBeGreaterThan(0);
    expect(parseRoutes('├── /api/users (GET, HEAD, POST)\n│   └── /:id (PATCH)\n│       └── /revoke-sessions (POST)')).toEqual([
      { path: '/api/users', methods: ['GET', 'POST'] },
      { path: '/api/users/:id', methods: ['PATCH'] },
      { path: '/api/users/:id/revoke-sessions', methods: ['POST'] },
    ]);
  });

  it('random paths, queries and bodies on every /api route, with and without a session: never a 5xx', async () => {
    const statuses: Record<string, number> = {};
    const request = fc.record({
      route: fc.constantFrom(...routes),
      pick: fc.nat(),
      params: fc.array(segment, { minLength: 6, maxLength: 6 }),
      query,
      body,
      rawBody: fc.option(fc.oneof(fc.string(), fc.constantFrom('{', '[1,', 'null', '"x"')), { freq: 8, nil: undefined }),
      authorized: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(request, async r => {
        const method = r.route.methods[r.pick % r.route.methods.length]! as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
        let i = 0;
        const url = r.route.path.replace(/:[A-Za-z]+/g, () => r.params[i++] ?? '1');
        if (r.authorized && token === null) {
          token = await login();
        }
        const headers: Record<string, string> = r.authorized && token ? { authorization: `Bearer ${token}` } : {};
        const sendsBody = method !== 'GET' && method !== 'DELETE';
        const res = await service.app.inject({
          method,
          url,
          query: r.query as Record<string, string | string[]>,
          headers: sendsBody && r.rawBody !== undefined ? { ...headers, 'content-type': 'application/json' } : headers,
          ...(sendsBody ? (r.rawBody !== undefined ? { payload: r.rawBody } : r.body === undefined ? {} : { payload: r.body as object }) : {}),
        });
        const key = `${method} ${r.route.path} ${res.statusCode}`;
        statuses[key] = (statuses[key] ?? 0) + 1;
        if (res.statusCode >= 500) {
          throw new Error(`${method} ${url}?${new URLSearchParams(r.query as Record<string, string>)} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
        }
        // A fuzzed logout or session revocation ends our session: log in again next time.
        if (res.statusCode === 401 && r.authorized) {
          token = null;
        }
      }),
      { numRuns }
    );
    if (process.env.FUZZ_DEBUG) console.info(statuses);
    // The session must really have been used, or the fuzzing only ever met the login wall.
    expect(Object.keys(statuses).some(k => !k.endsWith(' 401') && !k.startsWith('POST /api/auth/login'))).toBe(true);
    expect(under.logs.filter(l => l.msg === 'request failed')).toEqual([]);
  }, 120_000);
});
