/**
 * Keys that may hold a citizen's words or identity inside an event's JSON `data`. Events should
 * carry ids and codes only; these are removed on erasure, by retention, and before an event goes
 * out on the live stream, in case a producer put one there (e.g. a hoax claim's text).
 */
export const personalEventKeys = ['text', 'summary', 'body', 'caption', 'profileName', 'phone', 'waId', 'waKey', 'wa_id'] as const;

/** SQL: the `data` column without those keys. */
export const eventDataWithoutPersonalKeys = `json_remove(data, ${personalEventKeys.map(k => `'$.${k}'`).join(', ')})`;
