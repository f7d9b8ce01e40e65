/** Calls the Graph API `/messages` endpoint; every call goes to WA_GRAPH_URL. */

export type GraphSendResult =
  | { ok: true; wamid: string | null }
  | { ok: false; code: number | null; httpStatus: number | null; message: string; fbtraceId: string | null };

export type GraphClient = { send(body: Record<string, unknown>): Promise<GraphSendResult> };

export function createGraphClient(options: {
  graphUrl: string;
  phoneNumberId: string;
  accessToken: string;
  timeoutMs?: number;
}): GraphClient {
  const url = `${options.graphUrl}/${options.phoneNumberId}/messages`;
  const headers = { authorization: `Bearer ${options.accessToken}`, 'content-type': 'application/json' };
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    async send(body) {
      let response: Response;
      let text: string;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ messaging_product: 'whatsapp', ...body }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        text = await response.text();
      } catch (error) {
        return { ok: false, code: null, httpStatus: null, message: (error as Error).message, fbtraceId: null };
      }
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        // not JSON: handled below as an error without a code
      }
      if (response.ok) {
        const id = (json as { messages?: Array<{ id?: unknown }> } | null)?.messages?.[0]?.id;
        return { ok: true, wamid: typeof id === 'string' ? id : null };
      }
      const err = (json as { error?: { code?: unknown; message?: unknown; fbtrace_id?: unknown } } | null)?.error;
      return {
        ok: false,
        code: typeof err?.code === 'number' ? err.code : null,
        httpStatus: response.status,
        message: typeof err?.message === 'string' ? err.message : `HTTP ${response.status}`,
        fbtraceId: typeof err?.fbtrace_id === 'string' ? err.fbtrace_id : null,
      };
    },
  };
}
