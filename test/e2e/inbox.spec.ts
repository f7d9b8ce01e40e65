/**
 * The volunteer inbox (issue 5): a citizen asks for a volunteer, a volunteer claims and replies,
 * and the citizen's phone (the simulator) receives the reply; canned replies, notes, keyboard
 * shortcuts, resolve; the template picker when the 24-hour window has closed.
 */
import type { Page } from '@playwright/test';
import { expect, keepScreenshot, newCitizen, test, type Stack } from './harness.ts';

/** A citizen who asks for a volunteer: waits in the inbox queue. */
async function citizenWaiting(stack: Stack, name: string, region = 'Surabaya'): Promise<string> {
  const waId = newCitizen();
  await stack.citizenSays(waId, 'halo', name);
  await stack.citizenSays(waId, region);
  await stack.citizenSays(waId, 'relawan');
  await stack.waitForPhone(waId, /antrean|queue/i);
  return waId;
}

function queueItem(page: Page, name: string) {
  return page.getByTestId('queue').locator('li.qitem').filter({ hasText: name });
}

test('a volunteer claims a waiting citizen and replies; the citizen’s phone receives it', async ({ loginAs, stack }) => {
  // A canned reply published by a supervisor, for the composer.
  const created = await stack.apiAs<{ item: { id: string } }>('supervisor', 'POST', '/api/content/canned-replies', {
    data: { title: 'Salam pembuka', text: 'Halo {nama}, saya {relawan}, relawan posko Jatim. Ada yang bisa saya bantu?' },
  });
  await stack.apiAs('supervisor', 'POST', `/api/content/canned-replies/${created.item.id}/publish`, {});

  const page = await loginAs('volunteer', '#/inbox');
  await expect(page.getByRole('heading', { name: 'Kotak masuk relawan' })).toBeVisible();
  await expect(page.getByTestId('stream-status')).toHaveText(/Langsung/);

  const waId = await citizenWaiting(stack, 'Rahmat Hidayat');
  // Live: the queue shows the citizen, with a waiting time, without a reload.
  const item = queueItem(page, 'Rahmat Hidayat');
  await expect(item).toBeVisible();
  await expect(item.locator('.qitem-wait')).toHaveText(/^\d+:\d\d$/);
  await expect(page.getByRole('navigation').getByRole('link', { name: /Kotak masuk/ })).toContainText('1');

  await item.getByRole('button', { name: 'Ambil percakapan Rahmat Hidayat' }).click();
  const pane = page.getByTestId('inbox-conversation');
  await expect(pane).toHaveAttribute('data-state', 'assigned');
  await expect(page.getByRole('status').filter({ hasText: 'Percakapan diambil.' })).toBeVisible();
  await expect(page.getByTestId('queue').locator('section').first()).toContainText('Rahmat Hidayat');
  await expect(page.getByTestId('window')).toHaveAttribute('data-state', 'open');
  await expect(page.getByTestId('window')).toContainText(/Jendela 24 jam tutup dalam 2\d:\d\d:\d\d/);

  // Free text, sent with Ctrl+Enter.
  const reply = 'Halo Pak Rahmat, saya Rina dari posko. Apa keluhan Bapak?';
  await page.getByLabel('Teks balasan').fill(reply);
  await page.getByLabel('Teks balasan').press('Control+Enter');
  await stack.waitForPhone(waId, reply);
  await expect(pane.locator('.msg-out[data-author="user"]')).toContainText(reply);
  await expect(pane.locator('.msg-out[data-author="user"] .msg-author')).toHaveText('Rina Relawan');

  // A canned reply, with its variables filled in.
  await page.getByRole('tab', { name: 'Jawaban siap' }).click();
  await page.getByRole('button', { name: /Salam pembuka/ }).click();
  await expect(page.getByTestId('composer-preview')).toHaveText('Halo Rahmat Hidayat, saya Rina Relawan, relawan posko Jatim. Ada yang bisa saya bantu?');
  await page.getByRole('button', { name: 'Kirim', exact: true }).click();
  await stack.waitForPhone(waId, 'Halo Rahmat Hidayat, saya Rina Relawan');

  // An FAQ answer, found by searching; "/" jumps to the search.
  await page.getByRole('heading', { name: 'Kotak masuk relawan' }).click();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Cari tanya jawab…' })).toBeFocused();
  await page.keyboard.type('gejala');
  await page.getByRole('list', { name: 'Tanya jawab' }).getByRole('button').first().click();
  const faq = (await page.getByTestId('composer-preview').textContent()) ?? '';
  expect(faq.length).toBeGreaterThan(20);
  await page.getByRole('button', { name: 'Kirim', exact: true }).click();
  await stack.waitForPhone(waId, faq.split('\n').at(-1)!.slice(0, 40));

  // A note for colleagues (not sent to the citizen).
  await page.getByPlaceholder('Tulis catatan untuk rekan').fill('Demam 3 hari, sudah disarankan ke puskesmas.');
  await page.getByRole('button', { name: 'Tambah catatan' }).click();
  await expect(pane.locator('.notes')).toContainText('Demam 3 hari');
  await expect(pane.locator('.notes')).toContainText('Rina Relawan');
  expect(stack.phoneTexts(waId).join('\n')).not.toContain('Demam 3 hari');

  // R goes back to the text box.
  // Two more citizens start waiting meanwhile (for a realistic picture of the queue).
  await citizenWaiting(stack, 'Nur Aini', 'Sidoarjo');
  await citizenWaiting(stack, 'Slamet Riyadi', 'Jember');
  await expect(queueItem(page, 'Slamet Riyadi')).toBeVisible();

  // Esc leaves a text field, so single-key shortcuts work again.
  await page.getByPlaceholder('Tulis catatan untuk rekan').focus();
  await page.keyboard.press('Escape');
  await page.keyboard.press('r');
  await expect(page.getByLabel('Teks balasan')).toBeFocused();
  await page.getByLabel('Teks balasan').fill('Baik Pak, semoga lekas sembuh.');
  await keepScreenshot(page, 'inbox');
  await page.getByLabel('Teks balasan').press('Control+Enter');
  await stack.waitForPhone(waId, 'semoga lekas sembuh');
  await expect(page.getByLabel('Teks balasan')).toHaveValue('');
  await page.keyboard.press('Escape');

  // Resolve with E: the bot takes over again and tells the citizen.
  await page.keyboard.press('e');
  await page.getByRole('button', { name: 'Ya, selesaikan' }).click();
  await expect(page.getByRole('heading', { name: 'Pilih percakapan' })).toBeVisible();
  await expect(page.getByTestId('queue').locator('section').first()).not.toContainText('Rahmat Hidayat');
  await stack.waitForPhone(waId, 'Percakapan dengan relawan sudah selesai');
  await stack.citizenSays(waId, 'menu');
  await expect.poll(() => stack.phoneTexts(waId).length).toBeGreaterThan(5);
});

test('keyboard: C claims the open citizen, and a colleague sees it taken', async ({ loginAs, stack }) => {
  const page = await loginAs('volunteer2', '#/inbox');
  const other = await loginAs('supervisor', '#/inbox');
  await citizenWaiting(stack, 'Wulan Sari', 'Malang');
  await expect(queueItem(page, 'Wulan Sari')).toBeVisible();
  await expect(queueItem(other, 'Wulan Sari')).toBeVisible();

  await queueItem(page, 'Wulan Sari').getByRole('link').click();
  await expect(page.getByTestId('inbox-conversation')).toHaveAttribute('data-state', 'waiting');
  await page.keyboard.press('c');
  await expect(page.getByTestId('inbox-conversation')).toHaveAttribute('data-state', 'assigned');
  await expect(page.getByTestId('inbox-conversation').getByRole('heading', { name: 'Wulan Sari' })).toBeVisible();

  // The supervisor's queue moves it to "with other volunteers", live.
  const assigned = other.getByTestId('queue').getByRole('region', { name: 'Ditangani relawan lain' });
  await expect(assigned).toContainText('Wulan Sari');
  await expect(assigned).toContainText('Budi Relawan');

  // Transfer back to the first volunteer (after their heartbeat, they are a candidate).
  await page.locator('body').press('t');
  await expect(page.getByLabel('Alihkan ke…')).toBeFocused();
  await page.getByLabel('Alihkan ke…').selectOption(String(stack.users.supervisor.id));
  await page.getByRole('button', { name: 'Alihkan', exact: true }).click();
  // Handed on: it leaves the volunteer's screen and lands with the supervisor, live.
  await expect(page.getByRole('heading', { name: 'Pilih percakapan' })).toBeVisible();
  await expect(other.getByTestId('queue').getByRole('region', { name: 'Percakapan saya' })).toContainText('Wulan Sari');
});

test('when the 24-hour window has closed, only an approved template can be sent', async ({ loginAs, stack }) => {
  const template = await stack.apiAs<{ item: { id: string } }>('supervisor', 'POST', '/api/content/templates', {
    data: { name: 'tindak_lanjut', language: 'id', body: 'Halo {{1}}, relawan posko ingin menindaklanjuti pertanyaan Anda.', approved: true },
  });
  await stack.apiAs('supervisor', 'POST', `/api/content/templates/${template.item.id}/publish`, {});
  const waId = await citizenWaiting(stack, 'Joko Susilo', 'Kediri');
  const page = await loginAs('volunteer', '#/inbox');
  await queueItem(page, 'Joko Susilo').getByRole('button', { name: /Ambil/ }).click();
  await expect(page.getByTestId('inbox-conversation')).toHaveAttribute('data-state', 'assigned');

  // The citizen's last message was 25 hours ago.
  stack.service.db.prepare('UPDATE contacts SET last_inbound_ts = ? WHERE wa_key = ?').run(Math.floor(Date.now() / 1000) - 25 * 3600, waId);
  await page.reload();
  await expect(page.getByTestId('window')).toHaveAttribute('data-state', 'closed');
  const composer = page.getByTestId('composer');
  await expect(composer.getByRole('tab')).toHaveText(['Templat']);
  await expect(page.getByLabel('Teks balasan')).toHaveCount(0);
  await composer.getByRole('button', { name: /tindak_lanjut/ }).click();
  await composer.getByLabel('Parameter 1').fill('Pak Joko');
  await expect(page.getByTestId('composer-preview')).toHaveText('Halo Pak Joko, relawan posko ingin menindaklanjuti pertanyaan Anda.');
  await composer.getByRole('button', { name: 'Kirim templat' }).click();
  await stack.waitForPhone(waId, '[template tindak_lanjut]');
});
