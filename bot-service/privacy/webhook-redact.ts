/**
 * Removes one citizen from a raw webhook body: their messages, contact entries and the statuses
 * of messages sent to them. Other citizens in the same delivery keep their part. If anything of
 * theirs is still in the text afterwards (or the body is not JSON), the whole body is blanked.
 */
export function redactWebhookBody(body: string, who: { ids: ReadonlySet<string>; wamids: ReadonlySet<string> }): string {
  const blank = '{}';
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    return blank;
  }
  const has = (set: ReadonlySet<string>, v: unknown): boolean => typeof v === 'string' && set.has(v);
  const entries = isRecord(doc) && Array.isArray(doc.entry) ? doc.entry : [];
  for (const entry of entries) {
    const changes = isRecord(entry) && Array.isArray(entry.changes) ? entry.changes : [];
    for (const change of changes) {
      const value = isRecord(change) && isRecord(change.value) ? change.value : null;
      if (value === null) continue;
      filterArray(value, 'messages', m => has(who.ids, m.from) || has(who.ids, m.from_user_id) || has(who.wamids, m.id));
      filterArray(value, 'contacts', c => has(who.ids, c.wa_id) || has(who.ids, c.user_id));
      filterArray(value, 'statuses', s => has(who.ids, s.recipient_id) || has(who.ids, s.recipient_user_id) || has(who.wamids, s.id));
    }
  }
  const out = JSON.stringify(doc);
  for (const id of [...who.ids, ...who.wamids]) {
    if (id !== '' && out.includes(id)) {
      return blank;
    }
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function filterArray(value: Record<string, unknown>, key: string, isTheirs: (item: Record<string, unknown>) => boolean): void {
  const list = value[key];
  if (Array.isArray(list)) {
    value[key] = list.filter(item => !(isRecord(item) && isTheirs(item)));
  }
}
