/**
 * The viewer on a corpus, end to end in Debian's headless Chromium: the seed, both
 * development reports and one meeting's Chinese and English reports loaded. The corpus
 * filter changes every view and survives a reload from the URL; no list shows two rows that
 * look the same; the comparison matrix and a profile give the counts graph.json gives; a
 * report added through the page and removed again leaves the database as it was.
 * Screenshots as in viewer.test.ts (docs/screenshots/ with UPDATE_SCREENSHOTS=1).
 */
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/config.ts';
import { expectedMatrix, expectedStateProfile, loadCorpus, type TestCorpus } from '../setup/corpus.ts';
import { testDriver } from '../setup/neo4j.ts';
import { startViewer } from '../setup/viewer.ts';
import { loadSeed } from '../setup/seed.ts';
import { snapshot } from '../integration/server/db/helpers.ts';

const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? path.join(PROJECT_ROOT, 'docs', 'screenshots') : path.join(PROJECT_ROOT, '.data', 'screenshots');
const TOKEN = 'e2e-corpus-token-0123456789';
/** The report the page adds and removes: one the corpus does not hold (the Asia-Pacific fixture, as a PDF). */
const UPLOAD = path.join(PROJECT_ROOT, 'tests/fixtures/documents/asia-pacific-rpm-fixture.en.pdf');

interface PageApp {
  store: { get(): { view: string; regions: string[]; reports: string[] } };
  api: { cypher(query: string): Promise<{ rows: Record<string, unknown>[] }> };
  canvas: { sigma: { getGraph(): { nodes(): string[]; getNodeAttribute(n: string, a: string): unknown } }; isLayoutRunning(): boolean };
}
/** What the page exposes for tests (client/src/main.ts), as this file reads it. */
type Exposed = { congressGraph: PageApp };

let driver: Driver;
let server: Server;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let corpus: TestCorpus;
const errors: string[] = [];

const ids = (report: string, labels: string[]) =>
  new Set(
    corpus.graphs
      .find((g) => g.reports[0] === report)!
      .nodes.filter((n) => labels.includes(n.labels[0]!))
      .map((n) => n.id),
  );

async function openPage(query = ''): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`${page.url()}: ${m.text()}`);
  });
  await page.goto(`${baseUrl}/${query}`);
  await page.waitForSelector('body[data-corpus-loaded]', { timeout: 30_000 });
  return page;
}

/** The node ids on the canvas once the view has drawn (the layout may still run). */
async function canvasNodes(page: Page): Promise<string[]> {
  await page.waitForFunction(() => (window as unknown as Exposed).congressGraph.canvas.sigma.getGraph().nodes().length > 0, undefined, { timeout: 30_000 });
  return page.evaluate(() => (window as unknown as Exposed).congressGraph.canvas.sigma.getGraph().nodes());
}

/** Visible texts of the elements `selector` finds inside `within`, whitespace collapsed. */
async function texts(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()));
}

function duplicates(list: readonly string[]): string[] {
  const seen = new Set<string>();
  return list.filter((x) => (seen.has(x) ? true : (seen.add(x), false)));
}

async function shot(page: Page, name: string): Promise<void> {
  await page
    .waitForFunction(() => !(window as unknown as Exposed).congressGraph.canvas.isLayoutRunning(), undefined, { timeout: 30_000 })
    .catch(() => undefined);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  driver = testDriver();
  corpus = await loadCorpus(driver);
  ({ server, baseUrl, browser } = await startViewer(driver, { ADMIN_TOKEN: TOKEN }));
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
}, 300_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (driver) await loadSeed(driver); // leave the seed for the next file
  await driver?.close();
  expect(errors).toEqual([]);
});

describe('the corpus panel and its filter', () => {
  it('lists the reports with their tags, and the legend explains each meeting’s colour once', async () => {
    const page = await openPage('?lang=en');
    const panel = page.getByTestId('corpus');
    expect(await panel.locator('.corpus-report').count()).toBe(corpus.graphs.length);
    expect(new Set(await texts(page, '[data-testid=corpus] .corpus-report .tag-chip'))).toEqual(
      new Set(['LAC-15', 'AFR-15', 'ENA-15', 'WA-15 zh', 'WA-15 en']),
    );
    const legend = await texts(page, '[data-testid=legend-meetings] .tag-chip');
    expect(legend).toEqual(['AFR-15', 'ENA-15', 'LAC-15', 'WA-15']);
    await canvasNodes(page); // the graph drawn before the picture is taken
    await shot(page, 'corpus');
    await page.close();
  }, 120_000);

  it('changes every view, and a reload from the URL keeps it', async () => {
    const page = await openPage('?lang=en');
    await page.locator('[data-testid=corpus] [data-region="AFR"]').click();
    await expect.poll(() => page.url()).toContain('region=AFR');
    expect(await page.getByTestId('corpus-scope').textContent()).toContain('1 of 5');
    const afrEntities = ids('report:afr-rpm-2025', [
      'State',
      'Organization',
      'Instrument',
      'CrimeType',
      'Recommendation',
      'Person',
      'Document',
      'AgendaItem',
      'Theme',
      'Workshop',
      'Meeting',
      'Report',
    ]);

    const check = async (page: Page): Promise<void> => {
      // Graph: only what the African report brought.
      await page.getByTestId('tab-explore').click();
      await expect.poll(async () => (await canvasNodes(page)).every((n) => afrEntities.has(n)), { timeout: 30_000 }).toBe(true);
      expect((await canvasNodes(page)).length).toBeGreaterThan(50);
      // Citation trace: every row is AFR-15's.
      await page.getByTestId('tab-citations').click();
      await page.getByTestId('citation-table').waitFor();
      const rows = await page.$$eval('[data-testid=citation-table] [data-report]', (els) => els.map((e) => e.getAttribute('data-report')));
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows)).toEqual(new Set(['report:afr-rpm-2025']));
      await page.getByTestId('citations-tab-matrix').click();
      expect(new Set(await texts(page, '[data-testid=citation-matrix] tbody th .tag-chip'))).toEqual(new Set(['AFR-15']));
      // Crime links: the African report's crime types.
      await page.getByTestId('tab-crimes').click();
      const crimes = ids('report:afr-rpm-2025', ['CrimeType']);
      await expect
        .poll(
          async () => {
            const n = await canvasNodes(page);
            return n.length > 0 && n.every((x) => crimes.has(x));
          },
          { timeout: 30_000 },
        )
        .toBe(true);
      // Comparison: one row.
      await page.getByTestId('tab-compare').click();
      await page.getByTestId('compare-matrix-instrument').waitFor();
      expect(await texts(page, '[data-testid=compare-matrix-instrument] tbody th .tag-chip')).toEqual(['AFR-15']);
      // Search: only African units.
      await page.getByTestId('search').fill('trafficking');
      await expect.poll(() => page.locator('.search-result').count(), { timeout: 60_000 }).toBeGreaterThan(0);
      const found = await page.$$eval('.search-result', (els) => els.map((e) => e.getAttribute('data-id') ?? ''));
      expect(found.every((id) => afrEntities.has(id) || id.startsWith('para:afr-rpm-2025:') || id.startsWith('rec:afr-rpm-2025:'))).toBe(true);
      await page.getByTestId('search').fill('');
      // Exports carry the filter; so do the console's queries ($reports).
      expect(await page.getByTestId('export-json').getAttribute('href')).toContain('region=AFR');
      const counted = await page.evaluate(() =>
        (window as unknown as Exposed).congressGraph.api.cypher('MATCH (r:Recommendation) WHERE $reports IS NULL OR r.report IN $reports RETURN count(r) AS n'),
      );
      expect(counted.rows[0]!.n).toBe(ids('report:afr-rpm-2025', ['Recommendation']).size);
    };
    await check(page);
    // Shortest path: Egypt and Jordan meet in the Western Asia meeting, not in the African one.
    await page.goto(`${baseUrl}/?lang=en&view=path&from=state%3AEGY&to=state%3AJOR&region=AFR`);
    await page.waitForSelector('body[data-corpus-loaded]');
    await expect.poll(() => page.locator('.path-bar [role=status]').textContent(), { timeout: 60_000 }).toMatch(/No path/);
    await page.goto(`${baseUrl}/?lang=en&view=path&from=state%3AEGY&to=state%3AJOR&region=WA`);
    await page.getByTestId('path-steps').waitFor({ timeout: 60_000 });

    // A reload from the URL keeps the filter.
    await page.goto(`${baseUrl}/?lang=en&region=AFR`);
    await page.waitForSelector('body[data-corpus-loaded]');
    expect(await page.evaluate(() => (window as unknown as Exposed).congressGraph.store.get().regions)).toEqual(['AFR']);
    expect(await page.locator('[data-testid=corpus] [data-region="AFR"]').getAttribute('aria-pressed')).toBe('true');
    await check(page);
    // And clearing it brings every report back.
    await page.getByTestId('corpus-clear').click();
    await expect.poll(() => page.url()).not.toContain('region=');
    await page.close();
  }, 300_000);
});

describe('every item says where it comes from', () => {
  it('no list shows two rows that look the same: citation trace, matrix, a State’s details, a crime link', async () => {
    const page = await openPage('?view=citations&trace=instrument%3Auntoc');
    await page.getByTestId('citation-table').waitFor();
    const rows = await texts(page, '[data-testid=citation-table] td.cite-cell');
    expect(rows.length).toBeGreaterThan(2);
    expect(duplicates(rows)).toEqual([]);
    expect(rows.some((r) => r.startsWith('LAC-15'))).toBe(true);
    await page.getByTestId('citations-tab-matrix').click();
    const matrixRows = await texts(page, '[data-testid=citation-matrix] tbody th');
    expect(duplicates(matrixRows)).toEqual([]);

    await page.goto(`${baseUrl}/?node=state%3AMEX`);
    const details = page.getByTestId('details');
    await expect.poll(() => details.getAttribute('data-state'), { timeout: 60_000 }).toBe('node');
    for (const group of await page.locator('[data-testid=related] .rel-group').all()) {
      const chips = (await group.locator('.chip').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
      expect(duplicates(chips), (await group.getAttribute('data-type')) ?? '').toEqual([]);
    }
    const heads = await texts(page, '[data-testid=provenance] .prov-head');
    expect(heads.length).toBeGreaterThan(0);
    expect(duplicates(heads)).toEqual([]);

    // The crime link between two crime types named in several reports: its paragraphs once each, with their meeting.
    await page.goto(`${baseUrl}/?view=crimes`);
    await canvasNodes(page);
    const edge = await page.evaluate(() => {
      const g = (window as unknown as Exposed).congressGraph.canvas.sigma.getGraph() as unknown as {
        edges(): string[];
        getEdgeAttribute(e: string, a: string): unknown;
      };
      return g
        .edges()
        .filter((e) => g.getEdgeAttribute(e, 'type') === 'CO_OCCURS')
        .sort((a, b) => Number(g.getEdgeAttribute(b, 'weight')) - Number(g.getEdgeAttribute(a, 'weight')))[0]!;
    });
    await page.evaluate(
      (e) =>
        ((window as unknown as Exposed).congressGraph as unknown as { views: { crimes: { onEdgeClick(e: string): Promise<void> } } }).views.crimes.onEdgeClick(
          e,
        ),
      edge,
    );
    await page.getByTestId('crime-paragraphs').waitFor();
    await expect.poll(() => page.locator('[data-testid=crime-paragraphs] mark').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const items = await texts(page, '[data-testid=crime-paragraphs] > li > .prov-head');
    expect(new Set(items.map((t) => t.split(' ')[0]!.replace(/[¶\d]/g, ''))).size).toBeGreaterThan(1); // several meetings
    expect(duplicates(items)).toEqual([]);
    await page.close();
  }, 180_000);

  it('shows a paragraph in the interface’s language when the corpus has it, the other on request', async () => {
    const page = await openPage('?lang=en&node=rec%3Awa-rpm-2025%3A7(a)');
    const own = page.getByTestId('own-text');
    await own.waitFor({ timeout: 60_000 });
    expect(await own.getByTestId('text-language').textContent()).toBe('en');
    expect(await own.locator('.para-text').textContent()).toContain('Convention against Cybercrime');
    await own.getByTestId('version-toggle').click();
    expect(await own.getByTestId('text-language').textContent()).toBe('zh');
    expect(await own.locator('.para-text').textContent()).toContain('联合国打击网络犯罪公约');
    await page.close();
  });
});

describe('comparison', () => {
  it('the region × instrument and × crime type matrices give the counts graph.json gives', async () => {
    const page = await openPage('?lang=en&view=compare');
    for (const columns of ['instrument', 'crime'] as const) {
      if (columns === 'crime') await page.getByTestId('compare-tab-crime').click();
      const table = page.getByTestId(`compare-matrix-${columns}`);
      await table.waitFor({ timeout: 60_000 });
      const cells = await page.$$eval(`[data-testid=compare-matrix-${columns}] tbody tr`, (trs) =>
        trs.flatMap((tr) =>
          [...tr.querySelectorAll('td[data-column]')].map(
            (td) => [tr.getAttribute('data-meeting')!, td.getAttribute('data-column')!, Number(td.getAttribute('data-count'))] as const,
          ),
        ),
      );
      const expected = expectedMatrix(corpus.merged, columns);
      for (const [meeting, column, count] of cells) expect(count, `${meeting} × ${column}`).toBe(expected.get(meeting)?.get(column)?.size ?? 0);
      const expectedTotal = [...expected.values()].flatMap((r) => [...r.values()]).reduce((n, s) => n + s.size, 0);
      expect(cells.reduce((n, c) => n + c[2], 0)).toBe(expectedTotal);
      if (columns === 'instrument') {
        // A click lists the recommendations of a cell.
        const hot = table.locator('td[data-count="2"] button').first();
        await hot.click();
        await expect.poll(() => page.locator('[data-testid=compare-items] > li').count(), { timeout: 60_000 }).toBe(2);
        await shot(page, 'compare');
      }
    }
    await page.close();
  });

  it('a State’s profile gives, meeting by meeting, what graph.json says', async () => {
    const page = await openPage('?lang=en&view=compare&cmp=profile&profile=state%3AJOR');
    await page.getByTestId('profile-table').waitFor({ timeout: 60_000 });
    const got = await page.$$eval('[data-testid=profile-table] tbody tr', (trs) =>
      trs.map(
        (tr) =>
          [
            tr.getAttribute('data-meeting')!,
            Object.fromEntries(
              [...tr.querySelectorAll('td[data-measure]')].map((td) => [td.getAttribute('data-measure')!, Number(td.getAttribute('data-count'))]),
            ),
          ] as const,
      ),
    );
    const expected = expectedStateProfile(corpus.merged, 'state:JOR');
    expect(got.length).toBe(4);
    for (const [meeting, counts] of got) {
      const e = expected.get(meeting);
      expect(counts, meeting).toEqual({
        attended: e?.attended.size ?? 0,
        spokeOn: e?.spokeOn.size ?? 0,
        recommendations: e?.recommendations.size ?? 0,
        paragraphs: e?.paragraphs.size ?? 0,
      });
    }
    expect(got.some(([, c]) => (c.spokeOn ?? 0) > 0)).toBe(true);
    await shot(page, 'profile');
    await page.close();
  });
});

describe('reports managed from the viewer', () => {
  it('adds a report through the page and removes it again: the database is then as it was', async () => {
    const before = await snapshot(driver);
    const page = await openPage('?lang=en');
    await page.getByTestId('corpus-file').setInputFiles(UPLOAD);
    await page.getByTestId('admin-token').fill(TOKEN);
    await page.getByTestId('admin-token-submit').click();
    const state = page.getByTestId('upload-state');
    await expect.poll(() => state.getAttribute('data-phase'), { timeout: 60_000 }).toBe('done');
    const report = (await state.getAttribute('data-report'))!;
    expect(report).toBe('report:asia-pacific-rpm-fixture');
    expect(await state.textContent()).toMatch(/Added: \d+ nodes/);
    await expect.poll(() => page.locator(`[data-testid=corpus] .corpus-report[data-report="${report}"]`).count()).toBe(1);
    expect(await snapshot(driver)).not.toEqual(before);
    await shot(page, 'corpus-added');

    await page.locator(`[data-testid=corpus] .corpus-report[data-report="${report}"] .corpus-remove`).click();
    await page.getByTestId('corpus-remove-confirm').click();
    await expect.poll(() => page.locator(`[data-testid=corpus] .corpus-report[data-report="${report}"]`).count(), { timeout: 60_000 }).toBe(0);
    expect(await snapshot(driver)).toEqual(before);
    await page.close();
  }, 180_000);
});
