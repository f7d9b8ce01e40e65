/**
 * The status webhooks that follow an accepted send: `sent`, `delivered`,
 * `read` (or one `failed`), signed and posted to the bot like Meta does,
 * each redelivered on a non-200.
 */
import { webhookError } from './graph-errors.ts';
import { createDeliverer, type DeliveryOutcome } from './delivery.ts';
import { statusesWebhook, statusObject, templatePricing } from './webhook-payloads.ts';
import type { StatusValue, WebhookContact } from './webhook-types.ts';

export type WebhookTarget = {
  url: string;
  appSecret: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  wabaId?: string;
};

/** When the citizen "reads": after a delay, when the phone page opens the chat, or never. */
export type ReadMode = 'auto' | 'on-open' | 'never';

export type StatusDelays = { sent: number; delivered: number; read: number };

export type StatusWebhookOptions = {
  target: WebhookTarget | null;
  enabled: boolean;
  delaysMs: StatusDelays;
  readMode: ReadMode;
  retryDelaysMs?: number[];
  contactName?: (waId: string) => string | undefined;
  onPosted?: (post: StatusPost) => void;
};

export type StatusPost = {
  time: number;
  wamid: string;
  waId: string;
  status: StatusValue;
  ok: boolean;
  attempts: number;
  httpStatus: number;
};

export type OutgoingMessage = {
  wamid: string;
  waId: string;
  /** template sends are billed, service-window sends are free */
  template: boolean;
  bizOpaqueCallbackData?: string;
};

type Tracked = OutgoingMessage & { stage: 'accepted' | 'sent' | 'delivered' | 'read' | 'failed'; readOnDeliver: boolean };

export type StatusWebhooks = {
  /** start the sent → delivered → (read) sequence for an accepted message */
  schedule(msg: OutgoingMessage): void;
  /** a failed status instead (an asynchronous send error) */
  scheduleFailure(msg: OutgoingMessage, code: number, details?: string): void;
  /** the citizen opened the chat: read what is delivered, and what arrives while open */
  openChat(waId: string): number;
  setTarget(target: WebhookTarget | null): void;
  setEnabled(enabled: boolean): void;
  setReadMode(mode: ReadMode): void;
  idle(): Promise<void>;
  stop(): void;
  clear(): void;
};

const MAX_TRACKED = 50_000;

export function createStatusWebhooks(options: StatusWebhookOptions): StatusWebhooks {
  let target = options.target;
  let enabled = options.enabled;
  let readMode = options.readMode;
  const delays = options.delaysMs;
  const deliverer = createDeliverer(options.retryDelaysMs ? { retryDelaysMs: options.retryDelaysMs } : {});
  const tracked = new Map<string, Tracked>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  function later(ms: number, fn: () => void): void {
    if (stopped) return;
    const t = setTimeout(() => {
      timers.delete(t);
      if (!stopped) fn();
    }, ms);
    timers.add(t);
  }

  function contacts(waId: string): WebhookContact[] {
    const name = options.contactName?.(waId);
    return name === undefined ? [] : [{ profile: { name }, wa_id: waId }];
  }

  function post(msg: Tracked, status: StatusValue, errors?: ReturnType<typeof webhookError>[]): void {
    if (!target || !enabled) return;
    const t = target;
    const pricing = msg.template && (status === 'sent' || status === 'delivered') ? templatePricing() : undefined;
    const s = statusObject({
      wamid: msg.wamid,
      status,
      recipientId: msg.waId,
      ...(pricing ? { pricing } : {}),
      ...(errors ? { errors } : {}),
      ...(msg.bizOpaqueCallbackData !== undefined ? { bizOpaqueCallbackData: msg.bizOpaqueCallbackData } : {}),
    });
    const body = statusesWebhook(t, [s], contacts(msg.waId));
    const time = Date.now();
    void deliverer.deliver(t.url, body, t.appSecret).done.then((r: DeliveryOutcome) =>
      options.onPosted?.({ time, wamid: msg.wamid, waId: msg.waId, status, ok: r.ok, attempts: r.attempts, httpStatus: r.status })
    );
  }

  function track(msg: OutgoingMessage): Tracked {
    const t: Tracked = { ...msg, stage: 'accepted', readOnDeliver: false };
    tracked.set(msg.wamid, t);
    if (tracked.size > MAX_TRACKED) {
      const oldest = tracked.keys().next().value;
      if (oldest !== undefined) tracked.delete(oldest);
    }
    return t;
  }

  function read(t: Tracked): void {
    if (t.stage === 'read') return; // opened and timed out at once: one read is enough
    t.stage = 'read';
    tracked.delete(t.wamid);
    post(t, 'read');
  }

  return {
    schedule(msg) {
      const t = track(msg);
      later(delays.sent, () => {
        t.stage = 'sent';
        post(t, 'sent');
        later(delays.delivered, () => {
          t.stage = 'delivered';
          post(t, 'delivered');
          if (readMode === 'auto') later(delays.read, () => read(t));
          else if (readMode === 'on-open' && t.readOnDeliver) later(Math.min(delays.read, 50), () => read(t));
          else if (readMode === 'never') tracked.delete(t.wamid);
        });
      });
    },
    scheduleFailure(msg, code, details) {
      const t = track(msg);
      later(delays.sent, () => {
        t.stage = 'failed';
        tracked.delete(t.wamid);
        post(t, 'failed', [webhookError(code, details)]);
      });
    },
    openChat(waId) {
      let n = 0;
      for (const t of [...tracked.values()]) {
        if (t.waId !== waId) continue;
        if (t.stage === 'delivered') {
          read(t);
          n++;
        } else if (t.stage === 'accepted' || t.stage === 'sent') {
          t.readOnDeliver = true;
        }
      }
      return n;
    },
    setTarget(next) {
      target = next;
    },
    setEnabled(next) {
      enabled = next;
    },
    setReadMode(mode) {
      readMode = mode;
    },
    async idle() {
      // Wait for timers that are still due and for posts in flight.
      while (timers.size > 0 || deliverer.pending() > 0) {
        await new Promise(r => setTimeout(r, 10));
      }
    },
    stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      deliverer.stop();
    },
    clear() {
      tracked.clear();
    },
  };
}
