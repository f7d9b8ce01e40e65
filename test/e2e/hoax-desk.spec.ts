/**
 * The hoax desk (issue 6), end to end: two citizens forward variants of a rumour through the
 * simulator, the desk shows one cluster with two senders, a supervisor sets the verdict, and
 * both citizens' phones receive the clarification.
 */
import { expect, keepScreenshot, newCitizen, test, type Stack } from './harness.ts';

/** The citizen forwards a chain message (WhatsApp marks it forwarded). */
async function forward(stack: Stack, waId: string, text: string, name: string): Promise<void> {
  const response = await fetch(`${stack.simulator.url}/sim/api/citizens/${waId}/send`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'text', text, forwarded: true, frequentlyForwarded: true, name }),
  });
  if (!response.ok) throw new Error(`simulator refused the forward: ${response.status} ${await response.text()}`);
}

const variants = [
  'Pengumuman PLN: mulai besok listrik di seluruh Jawa Timur dipadamkan selama 3 hari untuk sterilisasi jaringan dari virus corona. Siapkan lilin, isi air dan cas semua HP. Info 0812-3456-7788',
  'Assalamualaikum. Pengumuman PLN!! wiwit sesuk listrik nang sak Jawa Timur dipateni 3 dino gawe sterilisasi jaringan soko virus corona. Siapno lilin, isi banyu lan cas kabeh HP. SEBARKAN!!',
];

const clarification =
  'PLN tidak pernah memadamkan listrik untuk "sterilisasi jaringan". Virus corona tidak menular lewat jaringan listrik. Jadwal pemadaman resmi hanya diumumkan lewat kanal resmi PLN.';

test('two citizens forward a rumour; the desk clusters it; the verdict reaches both phones', async ({ loginAs, stack }) => {
  const citizens = [
    { waId: newCitizen(), name: 'Sri Wahyuni', region: 'Surabaya' },
    { waId: newCitizen(), name: 'Bambang Hartono', region: 'Sidoarjo' },
  ];
  for (const c of citizens) {
    await stack.citizenSays(c.waId, c.region, c.name);
    await stack.waitForPhone(c.waId, new RegExp(c.region));
  }
  const page = await loginAs('supervisor', '#/hoaxes');
  await expect(page.getByRole('heading', { name: 'Meja hoaks' })).toBeVisible();

  for (const [i, c] of citizens.entries()) {
    await forward(stack, c.waId, variants[i]!, c.name);
    // The bot answers at once that the message is being checked.
    await stack.waitForPhone(c.waId, /tim pemeriksa fakta/i);
  }

  // Live, without a reload: one cluster, two senders, from two regions.
  const list = page.getByTestId('hoax-list');
  await expect(list.locator('li.hoax-row')).toHaveCount(1);
  const row = list.locator('li.hoax-row').first();
  await expect(row).toHaveAttribute('data-senders', '2');
  await expect(row.getByTestId('hoax-senders')).toHaveText(/2\s+pengirim/);
  await row.getByRole('link').click();

  const detail = page.getByTestId('hoax-detail');
  // Both variants among the samples, the phone number in the rumour masked.
  await expect(detail.locator('.hoax-samples li')).toHaveCount(2);
  await expect(detail.locator('.hoax-samples')).toContainText('08123••••788');
  await expect(detail).not.toContainText('3456-7788');
  await expect(detail.locator('.hoax-region-list')).toContainText('Kota Surabaya');
  await expect(detail.locator('.hoax-region-list')).toContainText('Kab. Sidoarjo');
  await expect(detail.getByTestId('verdict-note')).toContainText('2 pengirim');
  await detail.getByRole('radio', { name: 'Hoaks' }).check();
  await detail.getByLabel('Klarifikasi (dikirim ke warga apa adanya)').fill(clarification);
  await detail.getByLabel('Sumber').fill('PLN UID Jawa Timur');
  await detail.getByRole('button', { name: 'Simpan putusan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Putusan disimpan: 2 pesan' })).toBeVisible();

  // Both phones get the clarification, once each.
  for (const c of citizens) {
    await stack.waitForPhone(c.waId, 'sterilisasi jaringan". Virus corona');
    expect(stack.phoneTexts(c.waId).filter(text => text.includes(clarification))).toHaveLength(1);
  }
  // The desk shows how far it got: delivered or read, by both.
  await expect
    .poll(async () => Number(await detail.getByTestId('reached-read').textContent()) + Number(await detail.getByTestId('reached-delivered').textContent()), {
      timeout: 10_000,
    })
    .toBe(2);
  await page.getByRole('tab', { name: 'Sudah diputuskan' }).click();
  await expect(list.locator('li.hoax-row').first()).toContainText('Hoaks');
  await page.locator('.hoax-detail-panel').evaluate(panel => panel.scrollTo(0, 0));
  await keepScreenshot(page, 'hoax-desk');
});
