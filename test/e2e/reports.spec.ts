/**
 * The reports screen (issue 7): a day's figures, charts and map, and the exports: a browser
 * download, and in the desktop app the save dialog (`window.desktop.saveFile`, faked here the
 * way the preload exposes it). Supervisors may rebuild a past day's stored report.
 */
import { readFileSync } from 'node:fs';
import type { DailyReport } from '../../bot-service/contract/reports.ts';
import { expect, keepScreenshot, test, type Stack } from './harness.ts';
import { citizenFrom, countNow, quietRegions } from './stats-traffic.ts';

function wibToday(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

async function todaysReport(stack: Stack): Promise<DailyReport> {
  await countNow(stack);
  const token = await stack.tokenFor(stack.users.official);
  const response = await fetch(`${stack.botUrl}/api/reports/daily?date=${wibToday()}&format=json`, { headers: { authorization: `Bearer ${token}` } });
  return (await response.json()) as DailyReport;
}

test('an official reads today\'s report and downloads it as CSV and PDF', async ({ stack, loginAs }) => {
  const [first, second] = await quietRegions(stack, 2);
  await citizenFrom(stack, first!.name);
  await citizenFrom(stack, first!.name);
  await citizenFrom(stack, second!.name);
  const report = await todaysReport(stack);
  const regionRow = (code: string) => report.regions.find(r => r.code === code)!;
  expect(regionRow(first!.code).conversations).toBe(2);
  expect(regionRow(second!.code).conversations).toBe(1);

  const page = await loginAs('official', '#/reports');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Laporan harian');
  await expect(page.getByTestId('kpi-conversations')).toHaveText(new Intl.NumberFormat('id-ID').format(report.totals.conversations));
  await expect(page.locator('path[data-region-code]')).toHaveCount(38);
  await expect(page.locator(`path[data-region-code="${first!.code}"]`)).toHaveAttribute('data-value', '2');
  await expect(page.getByTestId('report-top').getByRole('button').first()).toContainText(report.topRegions[0]!.name);
  // All 38 regions and the unknown row; a picked region is marked in the table and on the map.
  await expect(page.getByTestId('region-table').locator('tbody tr')).toHaveCount(39);
  await page.locator(`tr[data-region-row="${first!.code}"]`).click();
  await expect(page.locator(`tr[data-region-row="${first!.code}"]`)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator(`tr[data-region-row="${first!.code}"] td`).nth(1)).toHaveText('2');
  await expect(page.locator(`path[data-region-code="${first!.code}"]`)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('hourly-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await page.locator('.screen').evaluate(screen => screen.scrollTo(0, 0));
  await page.mouse.move(5, 700);
  await keepScreenshot(page, 'reports');

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(csv.suggestedFilename()).toMatch(new RegExp(`${wibToday()}.*\\.csv$`));
  const lines = readFileSync(await csv.path(), 'utf8').trim().split(/\r?\n/);
  expect(lines[0]).toMatch(/^date,region_code,region_name,conversations,contacts/);
  expect(lines).toHaveLength(40);
  expect(lines.find(line => line.includes(`,${first!.code},`))).toMatch(new RegExp(`^${wibToday()},${first!.code.replace('.', '\\.')},[^,]*,2,`));

  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  expect(readFileSync(await pdf.path()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(page.getByRole('status').filter({ hasText: 'Diunduh' }).first()).toBeVisible();
});

test('in the desktop app the export goes through the save dialog', async ({ browser, stack }) => {
  const token = await stack.tokenFor(stack.users.official);
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  // What preload/index.ts exposes, with saveFile recording what it was given.
  await context.addInitScript(
    ({ token, serviceUrl }) => {
      const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
      const saved: Array<{ defaultName: string; format: string; size: number; head: string }> = [];
      (window as unknown as { __saved: typeof saved }).__saved = saved;
      (window as unknown as { desktop: unknown }).desktop = {
        showNotification: () => ok({ shown: true }),
        setBadge: () => ok({ text: '' }),
        saveFile: (request: { defaultName: string; format: string; bytes: Uint8Array }) => {
          saved.push({ defaultName: request.defaultName, format: request.format, size: request.bytes.length, head: String.fromCharCode(...request.bytes.subarray(0, 5)) });
          return ok({ saved: true, fileName: `/home/posko/Laporan/${request.defaultName}` });
        },
        getSession: () => ok(token),
        setSession: () => ok(null),
        clearSession: () => ok(null),
        getServiceUrl: () => ok(serviceUrl),
        setServiceUrl: (url: string) => ok(url),
      };
    },
    { token, serviceUrl: stack.botUrl }
  );
  const page = await context.newPage();
  await page.goto(`${stack.consoleUrl}#/reports`);
  await expect(page.getByTestId('who')).toContainText(stack.users.official.displayName);
  await page.getByTestId('export-pdf').click();
  const saved = () => page.evaluate(() => (window as unknown as { __saved: unknown[] }).__saved);
  await expect.poll(saved).toHaveLength(1);
  expect(await saved()).toEqual([{ defaultName: expect.stringMatching(/\.pdf$/), format: 'pdf', size: expect.any(Number), head: '%PDF-' }]);
  await expect(page.getByRole('status').filter({ hasText: 'Tersimpan' })).toContainText('/home/posko/Laporan/');
  await context.close();
});

test('a supervisor rebuilds a past day\'s stored report, on purpose', async ({ loginAs }) => {
  const page = await loginAs('supervisor', '#/reports');
  await page.getByRole('button', { name: 'Hari sebelumnya' }).click();
  await expect(page.getByTestId('stored-info')).toContainText('Belum tersimpan');
  await page.getByRole('button', { name: 'Buat ulang' }).click();
  await page.getByRole('button', { name: 'Ya, buat ulang' }).click();
  await expect(page.getByTestId('stored-info')).toContainText('Tersimpan v1');
  await page.getByRole('button', { name: 'Buat ulang' }).click();
  await page.getByRole('button', { name: 'Ya, buat ulang' }).click();
  await expect(page.getByTestId('stored-info')).toContainText('Tersimpan v2');
});

test('officials see the heatmap and the reports only', async ({ loginAs }) => {
  const page = await loginAs('official', '#/content');
  const nav = page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link');
  await expect(nav).toHaveText(['Peta sebaran', 'Laporan harian']);
  // A screen outside the role falls back to the first of the role's screens.
  await expect(page).toHaveURL(/#\/heatmap$/);
});
