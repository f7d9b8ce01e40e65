import type { z } from 'zod';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Checks a request body, query or params against a contract schema; the error names the field
 * (`"<field>: <reason>"`) for the 400 answer.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: 'body' | 'query' | 'params' = 'body'): Parsed<z.output<S>> {
  const result = schema.safeParse(input ?? (what === 'body' ? undefined : {}));
  if (result.success) {
    return { ok: true, value: result.data };
  }
  const issue = result.error.issues[0];
  if (issue === undefined) {
    return { ok: false, error: `${what}: invalid` };
  }
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : what;
  return { ok: false, error: `${field}: ${issue.message}` };
}
