import type { Db } from '../db/open.ts';

/**
 * Erases what a citizen's hoax claims hold about them: the texts, and the link from a stored
 * signature to their claim (the signature stays with its cluster, which keeps finding later
 * copies; it cannot be turned back into text). Clusters and their counts stay. For
 * bot-service/privacy's erasure; its generic scrub also blanks `hoax_claims.text`, and retention
 * blanks texts older than the set number of days by `hoax_claims.at`.
 */
export function eraseClaimsOf(db: Db, contactId: number): number {
  return db.transaction(() => {
    db.prepare('UPDATE hoax_signatures SET claim_id = NULL WHERE claim_id IN (SELECT id FROM hoax_claims WHERE contact_id = ?)').run(contactId);
    return db.prepare('UPDATE hoax_claims SET text = NULL WHERE contact_id = ? AND text IS NOT NULL').run(contactId).changes;
  })();
}
