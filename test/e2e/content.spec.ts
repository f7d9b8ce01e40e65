/**
 * Content editing (issue 5): what staff publish is what citizens read next. A draft stays in
 * the console; publishing reaches the bot's very next reply. Also the latest update, and the
 * daily region figures CSV (all or nothing).
 */
import { expect, keepScreenshot, newCitizen, test } from './harness.ts';

function wibToday(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

test('an FAQ answer: a draft changes nothing for citizens, publishing changes the next reply', async ({ stack, loginAs }) => {
  const marker = `Rata-rata sekitar 5 hari (diperbarui posko ${Date.now().toString(36)}).`;
  const question = 'Berapa lama masa inkubasi COVID-19?';
  const page = await loginAs('supervisor', '#/content/faq');
  await page.getByRole('searchbox', { name: 'Cari…' }).fill('inkubasi');
  await page.locator('button.item-row[data-item-id="faq_masa_inkubasi"]').click();
  const editor = page.getByTestId('content-editor');
  const answer = editor.locator('[data-field="answer"] textarea');
  await expect(answer).toHaveValue(/inkubasi/);
  await answer.fill(`Masa inkubasi COVID-19 berkisar 1–14 hari. ${marker}`);
  await expect(editor.getByTestId('content-status')).toContainText('Belum disimpan');

  // Ctrl+S keeps it as a draft: the bot still answers with the published text.
  await answer.press('Control+s');
  await expect(editor.getByTestId('content-status')).toContainText('Ada draf');
  await expect(editor.getByTestId('content-status')).not.toContainText('Belum disimpan');
  const citizen = newCitizen();
  await stack.citizenSays(citizen, question);
  await stack.waitForPhone(citizen, /inkubasi/i);
  expect(stack.phoneTexts(citizen).join('\n')).not.toContain(marker);

  await editor.getByRole('button', { name: /Terbitkan/ }).click();
  await expect(editor.getByTestId('content-status')).toContainText('Terbit v2');
  await expect(editor.getByTestId('content-status')).not.toContainText('Ada draf');
  await stack.citizenSays(citizen, question);
  await stack.waitForPhone(citizen, marker);

  await page.mouse.move(5, 700);
  await page.locator('.content-editor').evaluate(panel => panel.scrollTo(0, 0));
  await keepScreenshot(page, 'content');

  // The history keeps both versions.
  await editor.getByTestId('version-history').locator('summary').click();
  await expect(editor.getByTestId('version-history').locator('li')).toHaveCount(2);
  await expect(editor.getByTestId('version-history').locator('li').first()).toContainText('terbit');
});

test('a new latest update reaches a citizen who types INFO', async ({ stack, loginAs }) => {
  const marker = `Posko Grahadi buka 24 jam (${Date.now().toString(36)}).`;
  const page = await loginAs('supervisor', '#/content/info-updates');
  await page.getByRole('button', { name: 'Baru', exact: true }).click();
  const editor = page.getByTestId('content-editor');
  await editor.locator('[data-field="date"] input').fill(wibToday());
  await editor.locator('[data-field="title"] input').fill('Jam layanan posko');
  await editor.locator('[data-field="body"] textarea').fill(marker);
  await editor.getByRole('button', { name: /Terbitkan/ }).click();
  await expect(editor.getByTestId('content-status')).toContainText('Terbit v1');
  await expect(page).toHaveURL(/#\/content\/info-updates\/\w+$/);

  const citizen = newCitizen();
  await stack.citizenSays(citizen, 'INFO');
  const reply = await stack.waitForPhone(citizen, marker);
  expect(reply).toContain('Jam layanan posko');
});

test('region figures: a CSV with a bad row changes nothing; a good one publishes', async ({ stack, loginAs }) => {
  const today = wibToday();
  const page = await loginAs('supervisor', '#/content/region-figures');
  await page.getByRole('button', { name: 'Impor CSV harian' }).click();
  const form = page.getByTestId('figures-import');
  const text = form.getByLabel('Atau tempel isi CSV');

  await text.fill(`code,confirmed,recovered,deaths,odp,pdp,zone,date\n35.78,1234,300,90,800,150,merah,${today}\n35.99,1,1,1,1,1,hijau,${today}`);
  await form.getByRole('button', { name: 'Impor dan terbitkan' }).click();
  const refusal = form.getByTestId('import-error');
  await expect(refusal).toContainText('1 baris');
  await expect(refusal.locator('tbody tr')).toHaveCount(1);
  await expect(refusal.locator('tbody tr')).toContainText('35.99');
  const radarBefore = newCitizen();
  await stack.citizenSays(radarBefore, 'radar surabaya');
  await stack.waitForPhone(radarBefore, /Radar COVID-19: Kota Surabaya/);
  expect(stack.phoneTexts(radarBefore).join('\n')).not.toMatch(/1\.?234/);

  await text.fill(`code,confirmed,recovered,deaths,odp,pdp,zone,date\n35.78,1234,300,90,800,150,merah,${today}`);
  await form.getByRole('button', { name: 'Impor dan terbitkan' }).click();
  await expect(form.getByRole('status')).toContainText('1 wilayah diperbarui');
  await expect(page.locator('button.item-row[data-item-id="35.78"]')).toContainText('merah');

  const radarAfter = newCitizen();
  await stack.citizenSays(radarAfter, 'radar surabaya');
  await stack.waitForPhone(radarAfter, /1\.?234/);
});
