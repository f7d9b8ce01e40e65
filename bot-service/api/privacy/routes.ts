import type { FastifyInstance } from 'fastify';
import { ContactIdParams, EraseRequest, RevealRequest, type EraseResponse, type RevealResponse } from '../../contract/privacy.ts';
import type { Db } from '../../db/open.ts';
import { eraseContact } from '../../privacy/erase.ts';
import { audit } from '../audit.ts';
import { requireRole, type SessionUser } from '../auth/guard.ts';
import { parseInput } from '../auth/validate.ts';
import type { ApiDeps } from '../deps.ts';
import { erasedKeyPrefix } from '../phone.ts';

type ContactKeys = { id: number; wa_key: string; wa_id: string | null; user_id: string | null };

/**
 * A volunteer may see a number only while one of the citizen's conversations is assigned to
 * them. Reads `conversations.assigned_to` (added by the inbox migration) only if it exists.
 */
function volunteerMayReveal(db: Db, user: SessionUser, contactId: number): boolean {
  const hasColumn = db.prepare("SELECT 1 FROM pragma_table_info('conversations') WHERE name = 'assigned_to'").get() !== undefined;
  if (!hasColumn) {
    return false;
  }
  return (
    db.prepare("SELECT 1 FROM conversations WHERE contact_id = ? AND state = 'assigned' AND assigned_to = ? LIMIT 1").get(contactId, user.id) !==
    undefined
  );
}

/** `POST /contacts/:id/reveal` and `POST /contacts/:id/erase`: both audited with the reason. */
export async function privacyRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const { db } = deps;

  app.post('/contacts/:id/reveal', { preHandler: requireRole('admin', 'supervisor', 'volunteer') }, async (request, reply) => {
    const params = parseInput(ContactIdParams, request.params, 'params');
    if (!params.ok) {
      return reply.code(400).send({ error: params.error });
    }
    const body = parseInput(RevealRequest, request.body);
    if (!body.ok) {
      return reply.code(400).send({ error: body.error });
    }
    const contactId = params.value.id;
    const user = request.user;
    const outcome = db.transaction((): { status: number; body: RevealResponse | { error: string } } => {
      const contact = db.prepare('SELECT id, wa_key, wa_id, user_id FROM contacts WHERE id = ?').get(contactId) as ContactKeys | undefined;
      if (contact === undefined) {
        return { status: 404, body: { error: 'no such contact' } };
      }
      if (user.role === 'volunteer' && !volunteerMayReveal(db, user, contactId)) {
        return { status: 403, body: { error: 'a volunteer may reveal a number only for a conversation assigned to them' } };
      }
      if (contact.wa_key.startsWith(erasedKeyPrefix)) {
        return { status: 410, body: { error: "this contact's data was erased" } };
      }
      audit(db, { actorId: user.id, action: 'contact.reveal', target: `contact:${contactId}`, details: { reason: body.value.reason, role: user.role } });
      return { status: 200, body: { phone: contact.wa_id ?? contact.user_id ?? contact.wa_key } };
    })();
    return reply.code(outcome.status).header('cache-control', 'no-store').send(outcome.body);
  });

  app.post('/contacts/:id/erase', { preHandler: requireRole('admin', 'supervisor') }, async (request, reply) => {
    const params = parseInput(ContactIdParams, request.params, 'params');
    if (!params.ok) {
      return reply.code(400).send({ error: params.error });
    }
    const body = parseInput(EraseRequest, request.body);
    if (!body.ok) {
      return reply.code(400).send({ error: body.error });
    }
    const counts = eraseContact(db, params.value.id, request.user.id, { reason: body.value.reason, via: 'console' });
    if (counts === null) {
      return reply.code(404).send({ error: 'no such contact' });
    }
    deps.announce();
    const response: EraseResponse = { contactId: params.value.id, erased: counts };
    return response;
  });
}
