/**
 * Realistic signed webhook bodies for the load tests, built ahead of the measured window.
 *
 * The mix follows what a number at launch day receives: mostly citizens' messages (text above
 * all, then taps on our lists and buttons, location pins, images and voice notes), some bodies
 * that carry several messages, and status webhooks (sent/delivered/read) for what we sent.
 * Citizens live in the 38 regions in proportion to population, and their pins and typed region
 * names say so.
 */
import {
  listReplyMessage,
  locationMessage,
  mediaMessage,
  messagesWebhook,
  reactionMessage,
  statusObject,
  statusesWebhook,
  textMessage,
  buttonReplyMessage,
  type BusinessInfo,
  type Sender,
} from '../simulator/webhook-payloads.ts';
import { signatureFor, toMetaJson } from '../simulator/sign.ts';
import type { InboundMessage, WebhookBody } from '../simulator/webhook-types.ts';
import { loadRegions, type BenchRegion } from './regions.ts';

export type MixOptions = {
  appSecret: string;
  phoneNumberId: string;
  displayNumber: string;
  /** How many different citizens write (they are spread over the regions by population). */
  citizens: number;
  /** Index of the first citizen: lets runs use disjoint or overlapping populations. */
  firstCitizen?: number;
  /** Makes every wamid of this run unique; required when several runs share one database. */
  runId: string;
  seed?: number;
  /** Share of request bodies that are status webhooks (0 for messages only). */
  statusShare?: number;
  /** Share of message bodies that carry 2 to 4 messages. */
  batchShare?: number;
  /**
   * Statuses name our sent messages as the bench's Graph API names them, `wamid.bench.out.<id>`
   * (see lean-graph.ts); this says how far the outbox ids have got, roughly.
   */
  outIdsPerMessage?: number;
};

export type BuiltPayload = {
  body: Buffer;
  signature: string;
  /** Citizens' messages in this body (0 for a status webhook). */
  messages: number;
  wamids: string[];
};

/** A small fast PRNG (mulberry32): the same seed gives the same traffic. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A citizen's number: Indonesian mobile, unique per index. */
export function citizenWaId(index: number): string {
  return `62812${String(index).padStart(8, '0')}`;
}

/** Chooses a region for each citizen index in proportion to population (deterministic). */
export function createRegionPicker(regions: BenchRegion[]): (citizen: number) => BenchRegion {
  const total = regions.reduce((s, r) => s + r.population, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const r of regions) {
    acc += r.population / total;
    cumulative.push(acc);
  }
  return citizen => {
    // A hash of the index, so neighbouring citizens land in different regions.
    const x = createRandom(citizen * 2654435761)();
    const i = cumulative.findIndex(c => x < c);
    return regions[i < 0 ? regions.length - 1 : i]!;
  };
}

const greetings = ['Halo', 'halo min', 'Assalamualaikum', 'selamat pagi', 'hi', 'Menu', 'menu', 'P'];
const questions = [
  'apa gejala covid-19?',
  'bagaimana cara mencegah corona?',
  'apakah masker kain efektif?',
  'dimana rumah sakit rujukan terdekat?',
  'berapa lama masa inkubasi virus corona?',
  'apa itu ODP dan PDP?',
  'saya batuk dan demam sejak kemarin, apa harus ke puskesmas?',
  'apakah boleh mudik tahun ini?',
  'How do I get tested for COVID-19?',
  'Bagaimana cara isolasi mandiri di rumah? 🙏',
];
const keywords = ['radar', 'RADAR', 'tanya', 'cek mandiri', 'tips', 'cek hoaks', 'rs rujukan', 'relawan', 'data', 'info terkini'];
const hoaxes = [
  'Minum air rebusan bawang putih bisa menyembuhkan corona, sebarkan ke keluarga!',
  'PENTING!!! Malam ini jam 23.00 helikopter akan menyemprot disinfektan, tutup jendela',
  'Vaksin corona sudah ada di apotek, harga 50 ribu 😱',
];
const menuIds = ['menu_radar', 'menu_data', 'menu_tanya_jawab', 'menu_cek_mandiri', 'menu_tips', 'menu_cek_hoaks', 'menu_rs_rujukan', 'menu_relawan'];

/**
 * Builds one payload at a time. Call `next()` ahead of the measured window and keep the results:
 * the load client only writes pre-built bytes.
 */
export function createMix(options: MixOptions): { next(): BuiltPayload } {
  const random = createRandom(options.seed ?? 1);
  const regions = loadRegions();
  const regionOf = createRegionPicker(regions);
  const business: BusinessInfo = { phoneNumberId: options.phoneNumberId, displayPhoneNumber: options.displayNumber };
  const first = options.firstCitizen ?? 0;
  const statusShare = options.statusShare ?? 0;
  const batchShare = options.batchShare ?? 0;
  const outIdsPerMessage = options.outIdsPerMessage ?? 2;
  const ours = (n: number): { id: string; from: string } => ({ id: `wamid.bench.out.${n}`, from: options.displayNumber });
  let seq = 0;
  let messagesBuilt = 0;
  const pickOf = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const wamid = (): string => `wamid.bench.${options.runId}.${(seq++).toString(36)}`;

  function message(citizen: number): { sender: Sender; message: InboundMessage } {
    const waId = citizenWaId(first + citizen);
    const region = regionOf(first + citizen);
    const sender: Sender = { waId, name: `Warga ${region.shortName} ${citizen}` };
    const base = { from: waId, wamid: wamid() };
    const r = random();
    let m: InboundMessage;
    if (r < 0.6) {
      const t = random();
      const body =
        t < 0.22 ? pickOf(greetings)
        : t < 0.42 ? String(1 + Math.floor(random() * 8))
        : t < 0.57 ? pickOf(keywords)
        : t < 0.7 ? (random() < 0.5 ? region.shortName.toLowerCase() : `kab ${region.shortName}`)
        : t < 0.92 ? pickOf(questions)
        : pickOf(hoaxes);
      m = textMessage({ ...base, body, forwarded: t >= 0.92 && random() < 0.7, frequentlyForwarded: t >= 0.92 && random() < 0.2 });
    } else if (r < 0.75) {
      const context = ours(Math.max(1, Math.floor(messagesBuilt * outIdsPerMessage) - Math.floor(random() * 50)));
      m = random() < 0.7
        ? listReplyMessage({ ...base, replyId: `menu:${pickOf(menuIds)}`, title: 'Radar COVID-19', context })
        : buttonReplyMessage({ ...base, replyId: pickOf(['sc:q1:ya', 'sc:q1:tidak', 'main-menu', 'volunteer']), title: 'Ya', context });
    } else if (r < 0.83) {
      m = locationMessage({
        ...base,
        latitude: Math.round((region.lat + (random() - 0.5) * 0.02) * 1e6) / 1e6,
        longitude: Math.round((region.lon + (random() - 0.5) * 0.02) * 1e6) / 1e6,
        ...(random() < 0.3 ? { name: `Alun-alun ${region.shortName}`, address: region.name } : {}),
      });
    } else if (r < 0.89) {
      m = mediaMessage({ ...base, kind: 'image', ...(random() < 0.5 ? { caption: 'ini benar tidak?' } : {}), forwarded: random() < 0.5 });
    } else if (r < 0.94) {
      m = mediaMessage({ ...base, kind: 'audio' });
    } else if (r < 0.96) {
      m = mediaMessage({ ...base, kind: random() < 0.5 ? 'sticker' : 'document' });
    } else {
      m = reactionMessage({ ...base, messageId: ours(Math.max(1, messagesBuilt)).id, emoji: pickOf(['👍', '🙏', '❤️']) });
    }
    messagesBuilt++;
    return { sender, message: m };
  }

  function statuses(): WebhookBody {
    const count = random() < 0.15 ? 2 + Math.floor(random() * 2) : 1;
    const top = Math.max(1, Math.floor(messagesBuilt * outIdsPerMessage));
    const list = Array.from({ length: count }, () => {
      const outId = Math.max(1, top - Math.floor(random() * 400));
      const s = random();
      return statusObject({
        wamid: ours(outId).id,
        status: s < 0.4 ? 'sent' : s < 0.75 ? 'delivered' : 'read',
        recipientId: citizenWaId(first + Math.floor(random() * options.citizens)),
        bizOpaqueCallbackData: `out:${outId}`,
      });
    });
    return statusesWebhook(business, list);
  }

  return {
    next() {
      let body: WebhookBody;
      let wamids: string[] = [];
      if (random() < statusShare) {
        body = statuses();
      } else {
        const n = random() < batchShare ? 2 + Math.floor(random() * 3) : 1;
        const built = Array.from({ length: n }, () => message(Math.floor(random() * options.citizens)));
        body = messagesWebhook(business, built.map(b => b.sender), built.map(b => b.message));
        wamids = built.map(b => b.message.id);
      }
      const raw = toMetaJson(body);
      return { body: Buffer.from(raw, 'utf8'), signature: signatureFor(raw, options.appSecret), messages: wamids.length, wamids };
    },
  };
}
