import type { Db } from '../db/open.ts';

/**
 * Columns that may hold what a citizen wrote or who they are, in tables added by other features
 * (e.g. hoax claims): found by name so a new table is covered without changing this module.
 */
export const personalColumnNames = new Set([
  'text', 'body', 'payload', 'note', 'notes', 'summary', 'caption', 'message', 'message_text', 'claim_text',
  'content', 'raw', 'profile_name', 'phone', 'wa_id', 'wa_key',
]);

type Column = { name: string; type: string; notnull: number };

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Tables other than `skip` with a `contact_id` or `conversation_id` column and personal columns. */
export function tablesReferringToContacts(db: Db, skip: ReadonlySet<string>): Array<{ table: string; refs: string[]; columns: Column[] }> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>;
  const found: Array<{ table: string; refs: string[]; columns: Column[] }> = [];
  for (const { name } of tables) {
    if (skip.has(name)) continue;
    const cols = db.prepare('SELECT name, type, "notnull" FROM pragma_table_info(?)').all(name) as Column[];
    const refs = cols.map(c => c.name).filter(n => n === 'contact_id' || n === 'conversation_id');
    const columns = cols.filter(c => personalColumnNames.has(c.name.toLowerCase()));
    if (refs.length > 0 && columns.length > 0) {
      found.push({ table: name, refs, columns });
    }
  }
  return found;
}

function refCondition(refs: string[]): string {
  return refs
    .map(r => (r === 'contact_id' ? 'contact_id = $c' : 'conversation_id IN (SELECT id FROM conversations WHERE contact_id = $c)'))
    .join(' OR ');
}

/**
 * Blanks the personal columns of rows about this contact in tables this module does not know;
 * where a constraint forbids a blank (e.g. a CHECK on length), the rows are deleted. Returns the
 * number of rows changed.
 */
export function scrubOtherTables(db: Db, contactId: number, skip: ReadonlySet<string>): number {
  let changed = 0;
  for (const { table, refs, columns } of tablesReferringToContacts(db, skip)) {
    const where = `(${refCondition(refs)})`;
    const sets = columns.map(c => `${quote(c.name)} = ${c.notnull ? "''" : 'NULL'}`).join(', ');
    const notBlank = columns.map(c => `(${quote(c.name)} IS NOT NULL AND ${quote(c.name)} != '')`).join(' OR ');
    try {
      changed += db.transaction(() => db.prepare(`UPDATE ${quote(table)} SET ${sets} WHERE ${where} AND (${notBlank})`).run({ c: contactId }).changes)();
    } catch {
      changed += db.prepare(`DELETE FROM ${quote(table)} WHERE ${where}`).run({ c: contactId }).changes;
    }
  }
  return changed;
}
