/**
 * Login (issue 5): the form, a wrong password, who is logged in with which role, the role's
 * screens, logout; the admin's users and audit screen.
 */
import { expect, keepScreenshot, test } from './harness.ts';

test('a volunteer logs in, sees who they are and their screens, and logs out', async ({ browser, stack }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(stack.consoleUrl);
  await expect(page.getByRole('heading', { name: 'Konsol Posko COVID-19 Jatim' })).toBeVisible();
  await keepScreenshot(page, 'login');

  const user = stack.users.volunteer;
  await page.getByLabel('Nama pengguna').fill(user.username);
  await page.getByLabel('Kata sandi').fill('wrong-password');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('alert')).toHaveText('Nama pengguna atau kata sandi salah.');

  await page.getByLabel('Kata sandi').fill(user.password);
  await page.getByLabel('Kata sandi').press('Enter');
  const who = page.getByTestId('who');
  await expect(who).toContainText(user.displayName);
  await expect(who).toContainText('Relawan');
  await expect(page.getByTestId('stream-status')).toHaveText(/Langsung/);
  const nav = page.getByRole('navigation', { name: 'Menu utama' });
  await expect(nav.getByRole('link')).toHaveText([/^Kotak masuk/]);
  await expect(page).toHaveURL(/#\/inbox$/);

  // A reload keeps the session (this tab's storage); the English switch changes the words.
  await page.reload();
  await expect(who).toContainText(user.displayName);
  await page.getByRole('button', { name: 'EN', exact: true }).first().click();
  await expect(who).toContainText('Volunteer');
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  await page.getByRole('button', { name: 'ID', exact: true }).first().click();

  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByLabel('Nama pengguna')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Nama pengguna')).toBeVisible();
  await context.close();
});

test('an official sees only the heatmap and the reports, even when asking for another screen', async ({ loginAs }) => {
  const page = await loginAs('official', '#/monitor');
  const nav = page.getByRole('navigation', { name: 'Menu utama' });
  await expect(nav.getByRole('link')).toHaveText(['Peta sebaran', 'Laporan harian']);
  await expect(page).toHaveURL(/#\/heatmap$/);
  await expect(page.getByTestId('who')).toContainText('Pejabat');
});

test('an admin manages accounts and reads the audit log', async ({ loginAs, stack }) => {
  const page = await loginAs('admin', '#/users');
  await expect(page.getByRole('heading', { name: 'Akun konsol' })).toBeVisible();
  const table = page.getByRole('table').first();
  await expect(table.locator(`tr[data-username="${stack.users.volunteer.username}"]`)).toContainText('Relawan');

  const form = page.getByRole('form', { name: 'Buat akun' });
  await form.getByLabel('Nama pengguna').fill('relawan9');
  await form.getByLabel('Nama tampilan').fill('Dewi Relawan');
  await form.getByLabel('Kata sandi awal').fill('sandi-relawan-9');
  await form.getByRole('button', { name: 'Buat akun' }).click();
  await expect(table.locator('tr[data-username="relawan9"]')).toBeVisible();

  const response = await fetch(`${stack.botUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'relawan9', password: 'sandi-relawan-9' }),
  });
  expect(response.status).toBe(200);

  await page.reload();
  const audit = page.getByRole('region', { name: 'Log audit' }).or(page.locator('section[aria-labelledby="audit-title"]'));
  await expect(audit.getByRole('table')).toContainText('relawan9');
  await keepScreenshot(page, 'users');
});
