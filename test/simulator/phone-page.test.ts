import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/server.ts';
import { postJson, startReceiver } from './helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const TOKEN = 'page-token';
const PNID = '106540352242922';
const WA = '6281234567001';

// Drives the real page in Chromium; skipped (and says so) where Chromium is not installed.
describe.skipIf(!existsSync(CHROMIUM))('simulator/phone page in Chromium', () => {
  let bot: Awaited<ReturnType<typeof startReceiver>>;
  let sim: Simulator;
  let browser: Browser;
  let page: Page;
  const inbound = (i: number) => (bot.received[i]?.json as any).entry[0].changes[0].value.messages[0];
  const botSends = (body: object) => postJson(`${sim.graphUrl}/${PNID}/messages`, { messaging_product: 'whatsapp', to: `+${WA}`, ...body }, TOKEN);

  beforeAll(async () => {
    bot = await startReceiver();
    sim = await startSimulator({ port: 0, appSecret: 's', accessToken: TOKEN, phoneNumberId: PNID, botWebhookUrl: bot.url, statusWebhooks: false });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(sim.url);
  });

  afterAll(async () => {
    await browser?.close();
    await sim?.close();
    await bot?.close();
  });

  it('adds a citizen, sends typed text, and shows it with ticks', async () => {
    await page.getByTestId('citizen-add').click();
    await page.getByTestId('composer-input').fill('halo <b>bot</b>');
    await page.getByTestId('send').click();
    await expect.poll(() => bot.received.length).toBe(1);
    expect(inbound(0)).toMatchObject({ from: WA, type: 'text', text: { body: 'halo <b>bot</b>' } });
    await page.getByTestId('bubble-out').filter({ hasText: 'halo <b>bot</b>' }).waitFor();
    expect(await page.getByTestId('ticks').last().getAttribute('data-status')).toBe('delivered');
  });

  it('renders the bot’s untrusted text as text, with *bold* and _italic_', async () => {
    await botSends({ type: 'text', text: { body: '<img src=x onerror="window.pwned=1"> *Penting* _sekali_' } });
    const bubble = page.getByTestId('bubble-in').last();
    await bubble.waitFor();
    expect(await bubble.locator('img').count()).toBe(0);
    expect(await bubble.locator('b').textContent()).toBe('Penting');
    expect(await bubble.locator('i').textContent()).toBe('sekali');
    expect(await bubble.textContent()).toContain('<img src=x onerror="window.pwned=1">');
    expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();
  });

  it('turns ticks blue when the bot marks the message read', async () => {
    await botSends({ status: 'read', message_id: inbound(0).id, to: undefined });
    await expect.poll(() => page.getByTestId('ticks').first().getAttribute('data-status')).toBe('read');
  });

  it('opens a list message’s sheet and sends the tapped row as list_reply', async () => {
    const list = await botSends({
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'Pilih menu' },
        action: { button: 'Lihat menu', sections: [{ title: 'Informasi', rows: [{ id: 'radar', title: 'Radar COVID-19', description: 'Zona daerah Anda' }] }] },
      },
    });
    await page.getByTestId('list-open').last().click();
    await page.getByTestId('list-row').filter({ hasText: 'Radar COVID-19' }).click();
    await expect.poll(() => bot.received.length).toBe(2);
    expect(inbound(1)).toMatchObject({
      type: 'interactive',
      context: { id: list.json.messages[0].id },
      interactive: { type: 'list_reply', list_reply: { id: 'radar', title: 'Radar COVID-19', description: 'Zona daerah Anda' } },
    });
  });

  it('taps a reply button, forwards a text, and shares a place from the location request', async () => {
    await botSends({ type: 'interactive', interactive: { type: 'button', body: { text: 'Lanjut?' }, action: { buttons: [{ type: 'reply', reply: { id: 'ya', title: 'Ya' } }] } } });
    await page.getByTestId('reply-button').filter({ hasText: 'Ya' }).click();
    await expect.poll(() => bot.received.length).toBe(3);
    expect(inbound(2).interactive).toEqual({ type: 'button_reply', button_reply: { id: 'ya', title: 'Ya' } });

    await page.getByTestId('forward-toggle').click();
    await page.getByTestId('forward-toggle').click();
    await page.getByTestId('composer-input').fill('Sebarkan! Air kelapa menyembuhkan corona');
    await page.keyboard.press('Enter');
    await expect.poll(() => bot.received.length).toBe(4);
    expect(inbound(3).context).toEqual({ frequently_forwarded: true });

    await botSends({ type: 'interactive', interactive: { type: 'location_request_message', body: { text: 'Bagikan lokasi' }, action: { name: 'send_location' } } });
    await page.getByTestId('location-request').last().click();
    await page.getByTestId('place-search').fill('surabaya');
    await page.getByTestId('place-row').first().click();
    await expect.poll(() => bot.received.length).toBe(5);
    expect(inbound(4)).toMatchObject({ type: 'location', location: { name: 'Kota Surabaya', latitude: -7.27516, longitude: 112.72263 } });
    mkdirSync('reports', { recursive: true });
    await page.screenshot({ path: 'reports/simulator-phone.png' });
  });

  it('shows one pane at a time in a narrow window', async () => {
    await page.setViewportSize({ width: 390, height: 760 });
    expect(await page.getByTestId('citizen-list').isVisible()).toBe(false);
    await page.getByTestId('back').click();
    expect(await page.getByTestId('citizen-list').isVisible()).toBe(true);
    await page.setViewportSize({ width: 1366, height: 768 });
  });
});
