/**
 * The heatmap (issue 5): 38 regions whose colours follow the counts, hover details, the top
 * five, and a region's drill-down. Citizens from three regions write in through the simulator
 * with different volumes; the map must order the regions' colours like their counts.
 */
import type { Page } from '@playwright/test';
import { expect, keepScreenshot, test } from './harness.ts';
import { citizenFrom, conversationsByRegion, quietRegions, type RegionCount } from './stats-traffic.ts';

/** WCAG relative luminance of an SVG fill (`#rrggbb` or `rgb(…)`): lower is darker. */
function luminance(fill: string): number {
  const hex = /^#([0-9a-f]{6})$/i.exec(fill);
  const rgb = hex !== null ? [0, 2, 4].map(i => Number.parseInt(hex[1]!.slice(i, i + 2), 16)) : (fill.match(/\d+/g) ?? []).slice(0, 3).map(Number);
  const [r, g, b] = rgb.map(c => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/**
 * A point inside a region, in page coordinates. The middle of a region's box may be sea, an
 * enclosed city, or (Gresik with Bawean) another region altogether.
 */
async function pointIn(page: Page, code: string): Promise<{ x: number; y: number }> {
  const point = await page.locator(`path[data-region-code="${code}"]`).evaluate(path => {
    const box = path.getBoundingClientRect();
    for (let step = 8; step >= 1; step /= 2) {
      for (let y = box.top + 1; y < box.bottom; y += step) {
        for (let x = box.left + 1; x < box.right; x += step) {
          if (document.elementFromPoint(x, y) === path) return { x, y };
        }
      }
    }
    return null;
  });
  if (point === null) throw new Error(`no visible point of region ${code}`);
  return point;
}

async function fillOf(page: Page, code: string): Promise<string> {
  return (await page.locator(`path[data-region-code="${code}"]`).getAttribute('fill')) ?? '';
}

test('the map colours 38 regions in the order of their conversation counts', async ({ stack, loginAs }) => {
  // Three regions nobody has written from yet today get 3, 2 and 1 conversations.
  const [most, middle, least] = (await quietRegions(stack, 3)) as [RegionCount, RegionCount, RegionCount];
  const plan: Array<[RegionCount, number]> = [
    [most, 3],
    [middle, 2],
    [least, 1],
  ];
  for (const [region, count] of plan) for (let i = 0; i < count; i++) await citizenFrom(stack, region.name);
  const counts = await conversationsByRegion(stack);
  expect(plan.map(([region]) => counts.get(region.code)?.absolute)).toEqual([3, 2, 1]);
  const zero = [...counts.values()].find(r => r.absolute === 0)!;

  const page = await loginAs('official', '#/heatmap');
  const regions = page.locator('path[data-region-code]');
  await expect(regions).toHaveCount(38);
  await expect(page.locator(`path[data-region-code="${most.code}"]`)).toHaveAttribute('data-value', '3');

  // More conversations, darker: 3 < 2 < 1 < none.
  const lum = async (code: string) => luminance(await fillOf(page, code));
  expect(await lum(most.code)).toBeLessThan(await lum(middle.code));
  expect(await lum(middle.code)).toBeLessThan(await lum(least.code));
  expect(await lum(least.code)).toBeLessThan(await lum(zero.code));
  // Across all 38: whenever one region has more conversations than another, it is darker.
  const shown = await regions.evaluateAll(paths =>
    paths.map(p => ({ code: p.getAttribute('data-region-code') ?? '', value: Number(p.getAttribute('data-value')), fill: p.getAttribute('fill') ?? '' }))
  );
  for (const a of shown) {
    expect(a.value, a.code).toBe(counts.get(a.code)?.absolute);
    for (const b of shown) if (a.value > b.value) expect(luminance(a.fill), `${a.code} vs ${b.code}`).toBeLessThan(luminance(b.fill));
  }

  // The top five, as the governor quoted them: the API's order.
  const top = [...counts.values()].filter(r => r.absolute > 0).sort((a, b) => b.absolute - a.absolute || a.code.localeCompare(b.code)).slice(0, 5);
  await expect(page.getByTestId('top-five').getByRole('button')).toHaveText(top.map((r, i) => `${i + 1}${r.name}${r.absolute} percakapan`));

  // Click: the drill-down with the series and the feature mix.
  const mostAt = await pointIn(page, most.code);
  await page.mouse.click(mostAt.x, mostAt.y);
  const drilldown = page.getByTestId('region-drilldown');
  await expect(drilldown).toHaveAttribute('data-region', most.code);
  await expect(drilldown.getByRole('heading', { level: 2 })).toHaveText(most.name);
  await expect(drilldown.getByTestId('drilldown-series').locator('.recharts-area-area')).toBeVisible();
  await expect(drilldown.getByTestId('feature-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();

  // Hover details.
  const middleAt = await pointIn(page, middle.code);
  await page.mouse.move(middleAt.x, middleAt.y);
  await expect(page.getByRole('tooltip')).toContainText(middle.name);
  await expect(page.getByRole('tooltip')).toContainText('Peringkat');
  await keepScreenshot(page, 'heatmap');

  // Per 100,000 people: values change, colours still follow the (new) values.
  await page.getByRole('radio', { name: 'Per 100.000' }).click();
  await expect(page.locator(`path[data-region-code="${most.code}"]`)).not.toHaveAttribute('data-value', '3');
  const perCapita = await regions.evaluateAll(paths => paths.map(p => ({ value: Number(p.getAttribute('data-value')), fill: p.getAttribute('fill') ?? '' })));
  for (const a of perCapita) for (const b of perCapita) if (a.value > b.value) expect(luminance(a.fill)).toBeLessThan(luminance(b.fill));
});

test('keyboard: Tab reaches the map, arrows move between regions, Enter opens one', async ({ loginAs }) => {
  const page = await loginAs('supervisor', '#/heatmap');
  await expect(page.locator('path[data-region-code]')).toHaveCount(38);
  const tabStop = page.locator('path[data-region-code][tabindex="0"]');
  await expect(tabStop).toHaveCount(1);
  await tabStop.focus();
  const start = await tabStop.getAttribute('data-region-code');
  await page.keyboard.press('ArrowLeft');
  const moved = await page.evaluate(() => document.activeElement?.getAttribute('data-region-code') ?? null);
  expect(moved).not.toBeNull();
  expect(moved).not.toBe(start);
  await expect(page.getByRole('tooltip')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('region-drilldown')).toHaveAttribute('data-region', moved!);
});
