import fc from 'fast-check';
import { displayNumber, phoneNumberId } from '../fixtures/webhooks.ts';

/**
 * Generators for webhook bodies: Meta's envelope with random values, where any field may be
 * missing, of the wrong type, huge, unicode or nested very deep.
 */

/**
 * A value nested `depth` deep. JSON.parse takes it, but recursive code (JSON.stringify) overflows
 * past ~5,000 levels, here too: so it travels as a marker and `serialize` writes it out as text.
 */
export function nested(depth: number): { __deep: number } {
  return { __deep: depth };
}

function deepText(depth: number): string {
  return '[{"d":'.repeat(depth >> 1) + '[]' + '}]'.repeat(depth >> 1);
}

/** JSON text of a generated body, with the deep markers expanded. */
export function serialize(body: unknown): string {
  return (JSON.stringify(body) ?? 'null').replace(/\{"__deep":(\d+)\}/g, (_, n: string) => deepText(Number(n)));
}

const huge = fc
  .tuple(fc.integer({ min: 10_000, max: 400_000 }), fc.constantFrom('x', 'é', '😷', '\u0000', '"', '\\', 'ﷺ'))
  .map(([n, ch]) => ch.repeat(n));

/** Any value of the wrong kind. */
export const weird: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(''),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  { arbitrary: huge, weight: 1 },
  // Deep, but within what storing a message can serialise; deeper is its own test (webhook-fuzz).
  { arbitrary: fc.integer({ min: 1, max: 2000 }).map(nested), weight: 1 }
);

/** Mostly the right value; sometimes a wrong one; sometimes missing (undefined is left out by JSON). */
export function field<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: weird, weight: 1 }, { arbitrary: fc.constant(undefined), weight: 1 });
}

const waId = fc.oneof(fc.stringMatching(/^628[1-9]\d{8,10}$/), fc.constant('6281234567001'));
const epoch = fc.integer({ min: 0, max: 4_102_444_800 }).map(n => (n % 2 === 0 ? String(n) : n));
const nowish = fc.integer({ min: -120, max: 60 }).map(d => String(Math.floor(Date.now() / 1000) + d));
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 300 }), huge);
let wamidSeq = 0;
const wamid = fc.oneof(
  { arbitrary: fc.constant(null).map(() => `wamid.fuzz.${Date.now().toString(36)}.${(wamidSeq++).toString(36)}`), weight: 5 },
  { arbitrary: fc.string({ minLength: 1, maxLength: 600 }), weight: 1 }
);

const messageParts: Record<string, fc.Arbitrary<unknown>> = {
  text: fc.record({ body: field(anyText) }),
  interactive: fc.record({
    type: field(fc.constantFrom('button_reply', 'list_reply', 'nfm_reply')),
    button_reply: field(fc.record({ id: field(fc.string()), title: field(anyText) })),
    list_reply: field(fc.record({ id: field(fc.constantFrom('menu:menu_radar', 'region:35.78', 'sc:q1:ya', 'faq:x', 'bogus:::')), title: field(anyText) })),
  }),
  location: fc.record({ latitude: field(fc.double()), longitude: field(fc.double()), name: field(anyText), address: field(anyText) }),
  image: fc.record({ id: field(fc.string()), mime_type: field(fc.string()), sha256: field(fc.string()), caption: field(anyText) }),
  button: fc.record({ payload: field(fc.string()), text: field(anyText) }),
  reaction: fc.record({ message_id: field(fc.string()), emoji: field(fc.string({ unit: 'grapheme', maxLength: 3 })) }),
};

const message = fc
  .record({
    from: field(waId),
    id: field(wamid),
    timestamp: field(fc.oneof(nowish, epoch)),
    type: field(fc.oneof(fc.constantFrom(...Object.keys(messageParts), 'audio', 'system', 'unsupported', 'request_welcome'), fc.string({ maxLength: 70 }))),
    context: field(fc.record({ forwarded: field(fc.boolean()), frequently_forwarded: field(fc.boolean()), id: field(fc.string()), from: fc.constant(displayNumber) })),
    extra: fc.option(weird, { nil: undefined }),
  })
  .chain(m =>
    fc.record(
      Object.fromEntries(Object.entries(messageParts).map(([k, arb]) => [k, k === m.type ? field(arb) : fc.constant(undefined)]))
    ).map(parts => ({ ...m, ...parts }))
  );

const status = fc.record({
  id: field(fc.oneof(fc.constant('wamid.unknown.1'), wamid)),
  status: field(fc.constantFrom('sent', 'delivered', 'read', 'failed', 'played', 'deleted', 'warning')),
  timestamp: field(fc.oneof(nowish, epoch)),
  recipient_id: field(waId),
  biz_opaque_callback_data: field(fc.string()),
  errors: field(fc.array(fc.record({ code: field(fc.integer()), title: field(fc.string()), message: field(fc.string()) }), { maxLength: 2 })),
});

const value = fc.record({
  messaging_product: field(fc.constant('whatsapp')),
  metadata: field(fc.record({ display_phone_number: field(fc.constant(displayNumber)), phone_number_id: field(fc.constantFrom(phoneNumberId, phoneNumberId, '999')) })),
  contacts: field(fc.array(fc.record({ profile: field(fc.record({ name: field(anyText) })), wa_id: field(waId) }), { maxLength: 3 })),
  messages: fc.option(field(fc.array(message, { maxLength: 4 })), { nil: undefined }),
  statuses: fc.option(field(fc.array(status, { maxLength: 3 })), { nil: undefined }),
  errors: fc.option(field(fc.array(fc.record({ code: field(fc.integer()), title: field(fc.string()) }), { maxLength: 2 })), { nil: undefined }),
});

/** A webhook body in Meta's shape, with random and broken values in it. */
export const envelope: fc.Arbitrary<unknown> = fc.record({
  object: field(fc.constant('whatsapp_business_account')),
  entry: field(
    fc.array(
      fc.record({
        id: field(fc.string({ maxLength: 20 })),
        changes: field(fc.array(fc.record({ field: field(fc.constantFrom('messages', 'messages', 'account_update', 'history')), value: field(value) }), { maxLength: 3 })),
      }),
      { maxLength: 3 }
    )
  ),
});

/** Raw bodies that are not (valid) webhook JSON at all. */
export const rawBody: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map(v => JSON.stringify(v)),
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('', ' ', 'null', '{', '{"object":', '[]', '{}', '{"object":"whatsapp_business_account"}', '{"object":"whatsapp_business_account","entry":{}}'),
  fc.integer({ min: 5_000, max: 60_000 }).map(d => '['.repeat(d) + ']'.repeat(d)),
  envelope.map(serialize).chain(s => fc.integer({ min: 0, max: Math.max(0, s.length - 1) }).map(cut => s.slice(0, cut)))
);
