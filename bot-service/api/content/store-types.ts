import type { ContentKind } from '../../contract/content.ts';
import type { Db } from '../../db/open.ts';

/**
 * How one content kind is read from and written to the live tables the bot reads (migrations
 * 0020 and 0040). Drafts and history are kept apart, in `content_versions` (see versions.ts).
 */

/** An item as published in its live table. */
export type LiveItem = {
  id: string;
  /** The published version number. */
  version: number;
  /** The editable fields, in the contract's shape. */
  data: Record<string, unknown>;
  /** Published and active: what the bot and the composer use. */
  active: boolean;
  updatedAt: number | null;
  updatedBy: string | null;
};

export type KindStore = {
  kind: ContentKind;
  /** The `kind` column of content_versions (matches what the seed records). */
  versionKind: string;
  list(db: Db): LiveItem[];
  get(db: Db, id: string): LiveItem | null;
  /** Checks against other tables (a region that exists, a unique name); a reason, or null. */
  check?(db: Db, id: string, data: Record<string, unknown>): string | null;
  /** Writes the published version into the live table. */
  write(db: Db, id: string, data: Record<string, unknown>, version: number, author: string, now: number): void;
  /** The next free id for kinds that number their items. */
  nextId?(db: Db): string;
};

/** A publish the live table refuses (e.g. a duplicate name): answered 409, nothing changed. */
export class ContentConflict extends Error {}

export type Row = Record<string, unknown>;

export const str = (v: unknown): string => (typeof v === 'string' ? v : String(v ?? ''));
export const optStr = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
export const optNum = (v: unknown): number | null => (typeof v === 'number' ? v : null);
export const num = (v: unknown): number => optNum(v) ?? 0;

/** The next integer id, past both the live table and any draft not yet published. */
export function nextIntegerId(db: Db, table: string, versionKind: string): string {
  const live = num(db.prepare(`SELECT COALESCE(MAX(id), 0) FROM ${table}`).pluck().get());
  const drafts = num(
    db.prepare("SELECT COALESCE(MAX(CAST(item_id AS INTEGER)), 0) FROM content_versions WHERE kind = ?").pluck().get(versionKind)
  );
  return String(Math.max(live, drafts) + 1);
}

/** Runs a write, turning a UNIQUE constraint failure into a readable conflict. */
export function uniquely<T>(what: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new ContentConflict(`${what} already exists`);
    throw error;
  }
}
