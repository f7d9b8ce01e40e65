import type { Db } from '../open.ts';

/** Statistics counters per region, WIB day and hour (issues 4 and 7). */
export function up(_db: Db): void {
  // Filled in by the issue that owns it; an empty step keeps the version numbers stable.
}
