/**
 * Shapes of the webhook bodies Meta posts to the bot (Cloud API, v25).
 *
 * Field names are Meta's (snake_case) on purpose: these objects are serialised
 * as they are. See spec/whatsapp-cloud-api.md §3–§7.
 */

export type WebhookErrorObject = {
  code: number;
  title: string;
  message: string;
  error_data: { details: string };
  href?: string;
};

export type WebhookContact = {
  profile: { name: string; username?: string };
  wa_id?: string;
  user_id?: string;
};

export type MessageContext = {
  from?: string;
  id?: string;
  forwarded?: boolean;
  frequently_forwarded?: boolean;
};

export type MediaObject = {
  id: string;
  mime_type: string;
  sha256: string;
  url?: string;
  caption?: string;
  filename?: string;
  voice?: boolean;
  animated?: boolean;
};

export type ContactCard = {
  name: {
    formatted_name: string;
    first_name?: string;
    last_name?: string;
  };
  phones?: Array<{ phone: string; wa_id?: string; type?: string }>;
  emails?: Array<{ email: string; type?: string }>;
  org?: { company?: string; department?: string; title?: string };
  birthday?: string;
};

export type OrderItem = {
  product_retailer_id: string;
  quantity: number;
  item_price: number;
  currency: string;
};

/** One inbound message; `type` names the object that carries its content. */
export type InboundMessage = {
  from?: string;
  id: string;
  timestamp: string;
  type: string;
  context?: MessageContext;
  text?: { body: string };
  interactive?:
    | { type: 'button_reply'; button_reply: { id: string; title: string } }
    | { type: 'list_reply'; list_reply: { id: string; title: string; description?: string } };
  button?: { payload: string; text: string };
  location?: { latitude: number; longitude: number; name?: string; address?: string; url?: string };
  image?: MediaObject;
  video?: MediaObject;
  audio?: MediaObject;
  document?: MediaObject;
  sticker?: MediaObject;
  contacts?: ContactCard[];
  reaction?: { message_id: string; emoji?: string };
  order?: { catalog_id: string; text?: string; product_items: OrderItem[] };
  system?: { body: string; type: string; wa_id?: string };
  unsupported?: { type: string };
  errors?: WebhookErrorObject[];
};

export type StatusValue = 'sent' | 'delivered' | 'read' | 'failed' | 'played';

export type StatusPricing = {
  billable?: boolean;
  pricing_model: 'PMP' | 'CBP';
  type?: 'regular' | 'free_customer_service' | 'free_entry_point';
  category: string;
};

export type WebhookStatus = {
  id: string;
  status: StatusValue;
  timestamp: string;
  recipient_id: string;
  biz_opaque_callback_data?: string;
  pricing?: StatusPricing;
  errors?: WebhookErrorObject[];
};

export type WebhookValue = {
  messaging_product: 'whatsapp';
  metadata: { display_phone_number: string; phone_number_id: string };
  contacts?: WebhookContact[];
  messages?: InboundMessage[];
  statuses?: WebhookStatus[];
  errors?: WebhookErrorObject[];
};

export type WebhookChange = { field: string; value: WebhookValue };

export type WebhookEntry = { id: string; changes: WebhookChange[] };

export type WebhookBody = { object: 'whatsapp_business_account'; entry: WebhookEntry[] };
