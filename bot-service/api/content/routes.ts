import type { FastifyInstance, FastifyReply } from 'fastify';
import type { SessionUser } from '../../contract/auth.ts';
import {
  ContentIdParams,
  contentKinds,
  contentRequests,
  PublishRequest,
  RegionFiguresImportRequest,
  type ContentItem,
  type ContentKind,
} from '../../contract/content.ts';
import { bumpContentRevision } from '../../db/queries/content.ts';
import { audit } from '../audit.ts';
import { requireRole } from '../auth/guard.ts';
import { parseInput } from '../auth/validate.ts';
import type { ApiDeps } from '../deps.ts';
import { parseFiguresCsv } from './region-import.ts';
import { ContentConflict, type KindStore } from './store-types.ts';
import { hospitalStore, regionFiguresStore } from './stores-places.ts';
import { cannedStore, infoUpdateStore, templateStore } from './stores-messages.ts';
import { faqStore, hoaxStore, tipStore } from './stores-texts.ts';
import { discardDraft, getDraft, itemExists, listItems, listVersions, publishVersion, readItem, saveDraft } from './versions.ts';

/**
 * Content editing (issue 4): the same draft / publish / history routes for every kind (see
 * contract/content.ts), plus the daily CSV import of region figures. Every change is audited;
 * every publish bumps the content revision, so the bot's next reply uses it.
 */

const stores: Record<ContentKind, KindStore> = {
  faq: faqStore,
  tips: tipStore,
  hoaxes: hoaxStore,
  hospitals: hospitalStore,
  'region-figures': regionFiguresStore,
  'info-updates': infoUpdateStore,
  'canned-replies': cannedStore,
  templates: templateStore,
};

const authorOf = (user: SessionUser): string => `user:${user.id}`;
const isStaff = (user: SessionUser): boolean => user.role !== 'volunteer';
/** What volunteers may see: published and active. */
const visible = (item: ContentItem): boolean => item.published !== null && item.published.active !== false;

export async function contentRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const { db } = deps;
  const writers = requireRole('supervisor', 'admin');

  const bad = (reply: FastifyReply, error: string) => reply.code(400).send({ error });
  const missing = (reply: FastifyReply) => reply.code(404).send({ error: 'no such item' });

  // Registered before the per-kind routes; a static path wins over `:id` anyway.
  app.post('/content/region-figures/import', { preHandler: writers }, async (request, reply) => {
    const body = parseInput(RegionFiguresImportRequest, request.body);
    if (!body.ok) return bad(reply, body.error);
    const now = Date.now();
    const parsed = parseFiguresCsv(db, body.value.csv, now);
    if (!parsed.ok) return reply.code(400).send(parsed.error);
    const author = authorOf(request.user);
    const revision = db
      .transaction(() => {
        const rev = bumpContentRevision(db, now);
        for (const row of parsed.rows) {
          publishVersion(db, regionFiguresStore, row.code, row.data, author, now, { fromDraft: false, revision: rev });
        }
        audit(db, { actorId: request.user.id, action: 'content.import', target: 'region-figures', details: { rows: parsed.rows.length, revision: rev } }, now);
        return rev;
      })
      .immediate();
    return { imported: parsed.rows.length, regions: parsed.rows.map(r => r.code), revision };
  });

  for (const kind of Object.keys(contentKinds) as ContentKind[]) {
    const spec = contentKinds[kind];
    const store = stores[kind];
    const requests = contentRequests(kind);
    const readers = spec.volunteersRead ? requireRole('volunteer', 'supervisor', 'admin') : writers;
    const base = `/content/${kind}`;
    const target = (id: string) => `${kind}:${id}`;

    /** The `:id` of the path, or null after answering 400. */
    const idOf = (request: { params: unknown }, reply: FastifyReply): string | null => {
      const params = parseInput(ContentIdParams, request.params, 'params');
      if (!params.ok) {
        bad(reply, params.error);
        return null;
      }
      return params.value.id;
    };

    app.get(base, { preHandler: readers }, async request => {
      const staff = isStaff(request.user);
      const items = listItems(db, store, staff);
      return { items: staff ? items : items.filter(visible) };
    });

    app.get(`${base}/:id`, { preHandler: readers }, async (request, reply) => {
      const id = idOf(request, reply);
      if (id === null) return reply;
      const item = readItem(db, store, id, isStaff(request.user));
      if (item === null || (!isStaff(request.user) && !visible(item))) return missing(reply);
      return { item };
    });

    if (spec.creatable) {
      app.post(base, { preHandler: writers }, async (request, reply) => {
        const body = parseInput(requests.create, request.body) as
          | { ok: true; value: { id?: string; data: Record<string, unknown> } }
          | { ok: false; error: string };
        if (!body.ok) return bad(reply, body.error);
        const { data } = body.value;
        if (spec.idType !== 'text' && body.value.id !== undefined) return bad(reply, `id: ${kind} are numbered automatically`);
        const now = Date.now();
        const result = db
          .transaction(() => {
            const id = store.nextId ? store.nextId(db) : (body.value.id ?? `${store.versionKind}_${now.toString(36)}`);
            if (itemExists(db, store, id)) return { status: 409, error: `${kind} ${id} already exists` } as const;
            const problem = store.check?.(db, id, data) ?? null;
            if (problem !== null) return { status: 400, error: problem } as const;
            const version = saveDraft(db, store, id, data, authorOf(request.user), now);
            audit(db, { actorId: request.user.id, action: 'content.create', target: target(id), details: { version } }, now);
            return { status: 201, item: readItem(db, store, id, true)! } as const;
          })
          .immediate();
        if (result.status !== 201) return reply.code(result.status).send({ error: result.error });
        return reply.code(201).send({ item: result.item });
      });
    }

    app.put(`${base}/:id/draft`, { preHandler: writers }, async (request, reply) => {
      const id = idOf(request, reply);
      if (id === null) return reply;
      const body = parseInput(requests.saveDraft, request.body) as { ok: true; value: { data: Record<string, unknown> } } | { ok: false; error: string };
      if (!body.ok) return bad(reply, body.error);
      const now = Date.now();
      const result = db
        .transaction(() => {
          if (!itemExists(db, store, id)) return { status: 404, error: 'no such item' } as const;
          const problem = store.check?.(db, id, body.value.data) ?? null;
          if (problem !== null) return { status: 400, error: problem } as const;
          const version = saveDraft(db, store, id, body.value.data, authorOf(request.user), now);
          audit(db, { actorId: request.user.id, action: 'content.draft', target: target(id), details: { version } }, now);
          return { status: 200, item: readItem(db, store, id, true)! } as const;
        })
        .immediate();
      if (result.status !== 200) return reply.code(result.status).send({ error: result.error });
      return { item: result.item };
    });

    app.delete(`${base}/:id/draft`, { preHandler: writers }, async (request, reply) => {
      const id = idOf(request, reply);
      if (id === null) return reply;
      const item = db
        .transaction(() => {
          const draft = getDraft(db, store, id);
          if (draft === null || !discardDraft(db, store, id)) return null;
          audit(db, { actorId: request.user.id, action: 'content.discard', target: target(id), details: { version: draft.version } });
          return readItem(db, store, id, true) ?? { id, version: 0, published: null, publishedAt: null, publishedBy: null, draft: null };
        })
        .immediate();
      if (item === null) return reply.code(404).send({ error: 'no draft to discard' });
      return { item };
    });

    app.post(`${base}/:id/publish`, { preHandler: writers }, async (request, reply) => {
      const id = idOf(request, reply);
      if (id === null) return reply;
      const body = parseInput(PublishRequest, request.body ?? {});
      if (!body.ok) return bad(reply, body.error);
      const now = Date.now();
      try {
        const result = db
          .transaction(() => {
            const draft = getDraft(db, store, id);
            if (draft === null) return { status: itemExists(db, store, id) ? 409 : 404, error: 'nothing to publish: save a draft first' } as const;
            // Checked again: what the draft refers to may have changed since it was saved.
            const data = spec.data.safeParse(JSON.parse(draft.data));
            if (!data.success) return { status: 409, error: `the draft is no longer valid: ${data.error.issues[0]?.message ?? 'invalid'}` } as const;
            const problem = store.check?.(db, id, data.data) ?? null;
            if (problem !== null) return { status: 409, error: problem } as const;
            const published = publishVersion(db, store, id, data.data, authorOf(request.user), now, { fromDraft: true });
            audit(db, { actorId: request.user.id, action: 'content.publish', target: target(id), details: published }, now);
            return { status: 200, item: readItem(db, store, id, true)!, revision: published.revision } as const;
          })
          .immediate();
        if (result.status !== 200) return reply.code(result.status).send({ error: result.error });
        return { item: result.item, revision: result.revision };
      } catch (error) {
        if (error instanceof ContentConflict) return reply.code(409).send({ error: error.message });
        throw error;
      }
    });

    app.get(`${base}/:id/versions`, { preHandler: writers }, async (request, reply) => {
      const id = idOf(request, reply);
      if (id === null) return reply;
      if (!itemExists(db, store, id)) return missing(reply);
      return { versions: listVersions(db, store, id) };
    });
  }
}
