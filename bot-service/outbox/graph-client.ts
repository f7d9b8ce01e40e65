import http from 'node:http';
import https from 'node:https';
import { defaultSendConcurrency } from './sender.ts';

/** Calls the Graph API `/messages` endpoint; every call goes to WA_GRAPH_URL. */

export type GraphSendResult =
  | { ok: true; wamid: string | null }
  | { ok: false; code: number | null; httpStatus: number | null; message: string; fbtraceId: string | null };

export type GraphClient = {
  send(body: Record<string, unknown>): Promise<GraphSendResult>;
  /** Closes kept-alive connections (at shutdown). */
  close?(): void;
};

/** Reads Meta's answer: the wamid of an accepted send, or the error code of a refused one. */
function parseAnswer(status: number, text: string): GraphSendResult {
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: handled below as an error without a code
  }
  if (status >= 200 && status < 300) {
    const id = (json as { messages?: Array<{ id?: unknown }> } | null)?.messages?.[0]?.id;
    return { ok: true, wamid: typeof id === 'string' ? id : null };
  }
  const err = (json as { error?: { code?: unknown; message?: unknown; fbtrace_id?: unknown } } | null)?.error;
  return {
    ok: false,
    code: typeof err?.code === 'number' ? err.code : null,
    httpStatus: status,
    message: typeof err?.message === 'string' ? err.message : `HTTP ${status}`,
    fbtraceId: typeof err?.fbtrace_id === 'string' ? err.fbtrace_id : null,
  };
}

/**
 * A Graph API client on node:http(s) with keep-alive connections: at launch-day rates the
 * sender makes thousands of calls a second, and a lean client leaves the CPU to the bot.
 */
export function createGraphClient(options: {
  graphUrl: string;
  phoneNumberId: string;
  accessToken: string;
  timeoutMs?: number;
  maxSockets?: number;
}): GraphClient {
  const url = new URL(`${options.graphUrl}/${options.phoneNumberId}/messages`);
  const lib = url.protocol === 'https:' ? https : http;
  const agent = new lib.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? defaultSendConcurrency });
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    send(body) {
      const payload = JSON.stringify({ messaging_product: 'whatsapp', ...body });
      return new Promise<GraphSendResult>(resolve => {
        let settled = false;
        const finish = (result: GraphSendResult) => {
          if (!settled) {
            settled = true;
            resolve(result);
          }
        };
        const request = lib.request(
          url,
          {
            method: 'POST',
            agent,
            timeout: timeoutMs,
            headers: {
              authorization: `Bearer ${options.accessToken}`,
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(payload),
            },
          },
          response => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => finish(parseAnswer(response.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'))));
            response.on('error', error => finish({ ok: false, code: null, httpStatus: null, message: error.message, fbtraceId: null }));
          }
        );
        request.on('timeout', () => request.destroy(new Error(`no answer from the Graph API within ${timeoutMs} ms`)));
        request.on('error', error => finish({ ok: false, code: null, httpStatus: null, message: error.message, fbtraceId: null }));
        request.end(payload);
      });
    },
    close() {
      agent.destroy();
    },
  };
}
