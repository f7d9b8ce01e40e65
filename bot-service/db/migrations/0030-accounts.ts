import type { Db } from '../open.ts';

/** Users, sessions, login throttling and the audit log (issue 4). */
export function up(_db: Db): void {
  // Filled in by the issue that owns it; an empty step keeps the version numbers stable.
}
