/**
 * The viewer's search end to end, as an analyst meets it: the real Express app
 * on the seed and the two development reports (tests/fixtures/dev/) in the run's
 * Neo4j, driven in Debian's headless Chromium (playwright-core, no downloaded
 * browser). What is checked is what the dropdown shows — groups by kind, the
 * words matched in <mark>, the report's tag on text, both interface languages,
 * keyboard order — not the ranking itself (tests/integration/server/search/).
 * The screenshot lands in .data/screenshots/; with UPDATE_SCREENSHOTS=1 in
 * docs/screenshots/ for the README.
 */
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/config.ts';
import { SEARCH_QUERY_MAX } from '../../server/contract/api.ts';
import { loadThreeReports } from '../integration/server/search/three-reports.ts';
import { testDriver } from '../setup/neo4j.ts';
import { startViewer } from '../setup/viewer.ts';

const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? path.join(PROJECT_ROOT, 'docs', 'screenshots') : path.join(PROJECT_ROOT, '.data', 'screenshots');

let driver: Driver;
let server: Server;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
const searchStatuses: number[] = [];

/** While set, the page's searches are made to fail, so the browser's own "failed to load" lines are expected. */
let failing = false;

/** One page for the file (opening one costs seconds of layout on a busy machine); the tests run in order on it. */
async function openPage(): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && !(failing && message.text().startsWith('Failed to load resource'))) pageErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/api/search') searchStatuses.push(response.status());
  });
  await page.goto(`${baseUrl}/`);
  await page.waitForSelector('body[data-graph-rendered="true"]', { timeout: 30_000 });
  return page;
}

/** Types a query and waits until the dropdown shows the answer to it (its options, or "no match"). */
async function typeQuery(q: string): Promise<void> {
  await page.getByTestId('search').fill(q);
  const list = page.locator('.search-results');
  await expect.poll(async () => (await list.isVisible()) && (await list.getAttribute('data-query')) === q.trim(), { timeout: 15_000 }).toBe(true);
}

/** What the dropdown shows, in order: each group's heading and its options. */
async function dropdown(): Promise<
  { label: string; title: string; options: { id: string; name: string; marks: string[]; tag: string | null; via: string | null }[] }[]
> {
  return page.locator('.search-group').evaluateAll((groups) =>
    groups.map((g) => ({
      label: g.getAttribute('data-label') ?? '',
      title: g.querySelector('.search-group-title')?.textContent ?? '',
      options: [...g.querySelectorAll('.search-result')].map((o) => ({
        id: o.getAttribute('data-id') ?? '',
        name: o.querySelector('.result-name')?.textContent ?? '',
        marks: [...o.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
        tag: o.querySelector('.result-tag')?.textContent ?? null,
        via: o.querySelector('.result-via')?.textContent ?? null,
      })),
    })),
  );
}

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  driver = testDriver();
  await loadThreeReports(driver);
  ({ server, baseUrl, browser } = await startViewer(driver));
  context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN' });
  page = await openPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await driver?.close();
});

describe('the viewer’s search on three reports', () => {
  it('人工智能: paragraphs first, grouped by kind, the words matched highlighted, each tagged with its report; never Chile', async () => {
    await typeQuery('人工智能');
    const groups = await dropdown();
    expect(new Set(groups.map((g) => g.label)).size).toBe(groups.length); // one group per kind
    expect(groups.map((g) => g.label)).not.toContain('State'); // never 智利 for one shared character
    expect(['Paragraph', 'Recommendation']).toContain(groups[0]!.label);
    expect(groups[0]!.title).toBe(groups[0]!.label === 'Paragraph' ? '段落' : '建议');
    const text = groups.filter((g) => g.label === 'Paragraph' || g.label === 'Recommendation').flatMap((g) => g.options);
    expect(text.length).toBeGreaterThanOrEqual(3);
    for (const o of text) {
      // The English report comes in through the topic's English form, and says so.
      const sought = o.via ? /“(.+)”/u.exec(o.via)![1]! : '人工智能';
      expect(
        o.marks.map((m) => m.toLowerCase()),
        o.id,
      ).toContain(sought.toLowerCase());
      expect(o.tag, o.id).toBe({ 'lac-rpm-2025': 'LAC-15', 'afr-rpm-2025': 'AFR-15', 'eur-rpm-2025': 'ENA-15' }[o.id.split(':')[1]!]);
    }
    // Every option sits in a group (ARIA: listbox > group > option).
    expect(await page.locator('.search-results [role="group"] [role="option"]').count()).toBe(await page.locator('.search-result').count());
    expect(await page.getByTestId('search').getAttribute('aria-expanded')).toBe('true');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'search.png') });
  });

  it('24(c): recommendation 24(c) of each report, one each, tagged, in one group; Enter opens the first', async () => {
    await typeQuery('24(c)');
    const groups = await dropdown();
    expect(groups[0]!.label).toBe('Recommendation');
    const recs = groups[0]!.options.filter((o) => o.id.endsWith(':24(c)'));
    expect(recs.map((o) => [o.id, o.tag]).sort()).toEqual([
      ['rec:afr-rpm-2025:24(c)', 'AFR-15'],
      ['rec:eur-rpm-2025:24(c)', 'ENA-15'],
      ['rec:lac-rpm-2025:24(c)', 'LAC-15'],
    ]);
    for (const o of recs) expect(o.name).toBe('建议 24(c)');
    const first = groups[0]!.options[0]!.id;
    await page.getByTestId('search').press('Enter');
    await expect.poll(() => page.getByTestId('details').getAttribute('data-node'), { timeout: 10_000 }).toBe(first);
  });

  it('arrow keys follow the order shown, across groups, and Enter picks the option highlighted', async () => {
    await typeQuery('cybercrime');
    const shown = (await dropdown()).flatMap((g) => g.options.map((o) => o.id));
    expect(shown.length).toBeGreaterThanOrEqual(3);
    const box = page.getByTestId('search');
    const active = async () => page.locator(`#${await box.getAttribute('aria-activedescendant')}`).getAttribute('data-id');
    expect(await active()).toBe(shown[0]);
    await box.press('ArrowDown');
    await box.press('ArrowDown');
    expect(await active()).toBe(shown[2]);
    await box.press('ArrowUp');
    expect(await active()).toBe(shown[1]);
    await box.press('Enter');
    await expect.poll(() => page.getByTestId('details').getAttribute('data-node'), { timeout: 10_000 }).toBe(shown[1]);
  });

  it('shows what was typed as text: markup and query syntax are words, a query in no report says so in the interface language', async () => {
    await typeQuery('<img src=x onerror="window.injected=1"> AND (贝鲁特');
    expect(await page.locator('.search-results img').count()).toBe(0);
    expect(await page.locator('.search-empty').textContent()).toBe('无匹配结果');
    expect(await page.evaluate(() => (window as unknown as { injected?: number }).injected)).toBeUndefined();
    await typeQuery('Beirut');
    expect(await page.locator('.search-empty').textContent()).toBe('无匹配结果');
    await page.getByTestId('lang-toggle').click();
    await page.getByTestId('search').focus();
    await expect.poll(async () => (await page.locator('.search-results').isVisible()) && (await page.locator('.search-empty').textContent())).toBe('No match');
    // A pasted passage longer than the API takes is cut to its limit, so it still gets an answer.
    expect(await page.getByTestId('search').getAttribute('maxlength')).toBe(String(SEARCH_QUERY_MAX));
    // Clearing the box closes the list without asking the server.
    const asked = searchStatuses.length;
    await page.getByTestId('search').fill('   ');
    await expect.poll(() => page.getByTestId('search').getAttribute('aria-expanded')).toBe('false');
    expect(searchStatuses.length).toBe(asked);
  });

  it('in English (switched to by the previous test): the interface words it in English, and an English query finds the Chinese text, saying through which words', async () => {
    expect(await page.evaluate(() => new URL(location.href).searchParams.get('lang'))).toBe('en');
    expect(await page.getByTestId('search').getAttribute('placeholder')).toMatch(/^Search names/);
    await typeQuery('artificial intelligence');
    const groups = await dropdown();
    const titles = { Paragraph: 'Paragraphs', Recommendation: 'Recommendations' } as Record<string, string>;
    for (const g of groups) if (titles[g.label]) expect(g.title).toBe(titles[g.label]);
    // The seed is in Chinese: its paragraphs come through the topic's Chinese form, and say so.
    const seed = groups.flatMap((g) => g.options).filter((o) => o.id.includes(':lac-rpm-2025:'));
    expect(seed.length).toBeGreaterThanOrEqual(1);
    for (const o of seed) {
      expect(o.name, o.id).toMatch(/^(Paragraph|Recommendation) \d/);
      expect(o.marks, o.id).toContain('人工智能');
      expect(o.via, o.id).toBe('found as “人工智能”');
      expect(o.tag).toBe('LAC-15');
    }
    // Switching language rewords the dropdown when it opens again.
    await page.getByTestId('lang-toggle').click();
    await page.getByTestId('search').focus();
    const via = page.locator('.search-result[data-id*=":lac-rpm-2025:"] .result-via').first();
    await expect.poll(async () => (await page.locator('.search-results').isVisible()) && (await via.textContent())).toBe('按“人工智能”找到');
  });

  it('says so when search fails, instead of "no match", in the interface language', async () => {
    failing = true;
    await page.route('**/api/search?**', (route) => route.abort('failed'));
    await typeQuery('墨西哥');
    expect(await page.locator('.search-failed').textContent()).toBe('搜索失败，请重试');
    await page.unroute('**/api/search?**');
    failing = false;
    await typeQuery('Mexico');
    expect(await page.locator('.search-failed').count()).toBe(0);
    expect((await dropdown())[0]!.options[0]!.id).toBe('state:MEX');
  });

  it('answered every lookup with 200 and logged no error in the page', () => {
    expect(searchStatuses.length).toBeGreaterThan(0);
    expect(searchStatuses.filter((s) => s !== 200)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
