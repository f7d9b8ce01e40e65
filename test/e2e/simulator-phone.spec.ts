import { expect, keepScreenshot, newCitizen, test } from './harness.ts';

/**
 * Issue 2's promise, through the phone page as a person uses it: the simulator's phone opens,
 * a message typed there gets the bot's reply; a menu row tapped and a location shared work too.
 */
test('a citizen types on the simulator phone, taps the menu and shares a location, and the bot answers each', async ({ browser, stack }) => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(stack.simulator.url + '/');
  const waId = newCitizen();
  await page.getByTestId('citizen-name').fill('Dewi Lestari');
  await page.getByTestId('citizen-number').fill(waId);
  await page.getByTestId('citizen-add').click();

  await page.getByTestId('composer-input').fill('halo');
  await page.getByTestId('send').click();
  // The bot answers with its menu: a list message with its button.
  const openMenu = page.getByTestId('list-open').last();
  await expect(openMenu).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('messages')).toContainText('Layanan COVID-19 Jawa Timur');

  await openMenu.click();
  await page.getByTestId('list-row').filter({ hasText: 'Radar COVID-19' }).click();
  // Radar asks where the citizen is: a location pin or a kabupaten/kota from a list.
  await expect(page.getByTestId('messages')).toContainText('Kirim lokasi Anda', { timeout: 15_000 });

  await page.getByTestId('attach').click();
  await page.getByTestId('attach-location').click();
  await page.getByTestId('place-search').fill('Kota Surabaya');
  await page.getByTestId('place-row').filter({ hasText: 'Kota Surabaya' }).first().click();
  await expect(page.getByTestId('messages')).toContainText(/Kota Surabaya/, { timeout: 15_000 });
  await expect(page.getByTestId('messages')).toContainText(/RS|Rumah sakit|rujukan/i);
  // The citizen's own messages show blue ticks: the bot marked them read.
  await expect(page.locator('[data-testid="ticks"][data-status="read"]').first()).toBeVisible({ timeout: 15_000 });
  await keepScreenshot(page, 'simulator-phone');
  await page.close();
});
