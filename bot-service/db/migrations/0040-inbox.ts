import type { Db } from '../open.ts';

/** Volunteer inbox: assignment, notes, presence, canned replies and templates (issue 4). */
export function up(_db: Db): void {
  // Filled in by the issue that owns it; an empty step keeps the version numbers stable.
}
