/**
 * The live monitor (issue 5): a citizen's message appears live, the transcript opens on click;
 * 10,000 conversations stay smooth and nothing jumps while new ones arrive.
 */
import type { Page } from '@playwright/test';
import type { Stack } from './harness.ts';
import { expect, keepScreenshot, newCitizen, test } from './harness.ts';

test('a citizen’s message appears live in the monitor, with its transcript on click', async ({ loginAs, stack }) => {
  const page = await loginAs('supervisor', '#/monitor');
  await expect(page.getByRole('heading', { name: 'Monitor langsung' })).toBeVisible();
  await expect(page.getByTestId('stream-status')).toHaveText(/Langsung/);

  const waId = newCitizen();
  await stack.citizenSays(waId, 'Halo, saya mau tanya soal gejala', 'Siti Aminah');
  // No reload: the live stream brings it.
  const row = page.getByRole('option').filter({ hasText: 'Siti Aminah' });
  await expect(row).toBeVisible();
  await stack.waitForPhone(waId, /./);

  await row.click();
  await expect(page).toHaveURL(/#\/monitor\/\d+$/);
  const transcript = page.getByTestId('monitor-transcript');
  await expect(transcript.getByRole('heading', { name: 'Siti Aminah' })).toBeVisible();
  await expect(transcript.locator('.msg-in')).toContainText('Halo, saya mau tanya soal gejala');
  await expect(transcript.locator('.msg-out').first()).toBeVisible();
  // The number is masked for staff.
  await expect(transcript).toContainText('•••');

  // A second message from the same citizen shows in the open transcript, live.
  await stack.citizenSays(waId, 'relawan');
  await expect(transcript.locator('.msg-in')).toHaveCount(2);
  await expect(row).toContainText('Menunggu relawan');

  // Filters: by state.
  await page.getByLabel('Status').selectOption('waiting');
  await expect(page.getByRole('option').filter({ hasText: 'Siti Aminah' })).toBeVisible();
  await page.getByLabel('Status').selectOption('closed');
  await expect(page.getByRole('option').filter({ hasText: 'Siti Aminah' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Hapus saringan' }).click();

  // A few more citizens, from their regions, for a realistic picture.
  const citizens = [
    ['Bambang Sutrisno', 'Sidoarjo'],
    ['Dewi Lestari', 'Kota Malang'],
    ['Agus Salim', 'Gresik'],
    ['Lilis Suryani', 'Lamongan'],
  ] as const;
  for (const [name, region] of citizens) {
    const id = newCitizen();
    await stack.citizenSays(id, 'halo', name);
    await stack.citizenSays(id, region);
  }
  for (const [name] of citizens) await expect(page.getByRole('option').filter({ hasText: name })).toContainText(/Kab\.|Kota/);
  await page.getByRole('option').filter({ hasText: 'Dewi Lestari' }).click();
  await expect(page.getByTestId('monitor-transcript').getByRole('heading', { name: 'Dewi Lestari' })).toBeVisible();
  // Let the "just updated" highlight fade before the picture.
  await page.waitForTimeout(4200);
  await keepScreenshot(page, 'monitor');
});

/** 10,000 past conversations straight into the database, older than anything live. */
function seedConversations(stack: Stack, count: number): void {
  const db = stack.service.db;
  const now = Date.now();
  const regions = ['35.78', '35.15', '35.07', '35.24', '35.25', '35.73', null];
  const features = ['faq', 'selfcheck', 'data', 'hospital', 'tips', 'menu'];
  const contact = db.prepare('INSERT INTO contacts (wa_key, wa_id, profile_name, language, region_code, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const conversation = db.prepare(
    `INSERT INTO conversations (contact_id, started_at, last_message_at, ended_at, region_code, state, feature, priority, message_count)
     VALUES (?, ?, ?, ?, ?, 'closed', ?, 0, ?)`
  );
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const waId = `6285${String(i).padStart(9, '0')}`;
      const region = regions[i % regions.length] ?? null;
      const at = now - 3_600_000 - i * 5_000;
      const id = Number(contact.run(waId, waId, `Arsip ${String(i).padStart(5, '0')}`, 'id', region, at).lastInsertRowid);
      conversation.run(id, at - 60_000, at, at + 1_800_000, region, features[i % features.length] ?? null, 2 + (i % 7));
    }
  })();
}

async function firstVisibleRow(page: Page): Promise<{ id: string; top: number }> {
  return page.evaluate(() => {
    const list = document.querySelector('.monitor-vlist')!;
    const top = list.getBoundingClientRect().top;
    const rows = [...list.querySelectorAll<HTMLElement>('.vlist-row')].filter(r => r.getBoundingClientRect().top >= top - 1);
    rows.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
    const row = rows[0]!;
    return { id: row.querySelector('.mrow')!.getAttribute('data-conversation-id')!, top: row.getBoundingClientRect().top };
  });
}

test('10,000 conversations scroll smoothly, and new ones do not move what is being read', async ({ loginAs, stack }) => {
  test.setTimeout(120_000);
  seedConversations(stack, 10_000);
  const page = await loginAs('supervisor', '#/monitor');
  const list = page.getByRole('listbox', { name: 'Percakapan, terbaru di atas' });
  await expect(list).toBeVisible();

  // Scroll to the end until all of them are loaded (200 per page, fetched as the end comes into view).
  for (let i = 0; i < 80; i++) {
    const size = Number(await list.locator('[role=option]').first().getAttribute('aria-setsize'));
    if (size >= 10_000) break;
    await list.evaluate(element => (element.scrollTop = element.scrollHeight));
    await page.waitForTimeout(60);
  }
  const size = Number(await list.locator('[role=option]').first().getAttribute('aria-setsize'));
  expect(size).toBeGreaterThanOrEqual(10_000);
  // Virtualised: only what is in view is in the page.
  expect(await list.locator('[role=option]').count()).toBeLessThan(60);

  // Smooth: scroll through the list frame by frame and time the frames.
  const frames = await list.evaluate(async element => {
    const times: number[] = [];
    let last = performance.now();
    element.scrollTop = 0;
    for (let i = 0; i < 120; i++) {
      element.scrollTop += 1500;
      await new Promise(resolve => requestAnimationFrame(resolve));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    times.sort((a, b) => a - b);
    return { median: times[60]!, p95: times[114]! };
  });
  console.log(`monitor scroll with ${size} rows: median frame ${frames.median.toFixed(1)} ms, p95 ${frames.p95.toFixed(1)} ms`);
  expect(frames.median).toBeLessThan(34);

  // Read somewhere in the middle, then let three new citizens write.
  await list.evaluate(element => (element.scrollTop = 58 * 4000));
  await page.waitForTimeout(200);
  const before = await firstVisibleRow(page);
  const names = ['Baru Satu', 'Baru Dua', 'Baru Tiga'];
  for (const name of names) await stack.citizenSays(newCitizen(), 'halo', name);
  await expect(page.getByRole('button', { name: /3 baru di atas/ })).toBeVisible();
  const after = await firstVisibleRow(page);
  expect(after).toEqual(before);

  // The button brings the reader to the top, where the new ones are.
  await page.getByRole('button', { name: /3 baru di atas/ }).click();
  for (const name of names) await expect(page.getByRole('option').filter({ hasText: name })).toBeVisible();
});
