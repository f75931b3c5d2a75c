/**
 * What an analyst tripped over in a first afternoon (issue 17), each checked in
 * Chromium on the seed: details grouping, path steps, counts that agree, labels,
 * reproducible pictures, the Cypher console's habits, both languages, exports
 * that look like the screen, 1024 px, and axe-core on every view. One browser;
 * several checks per page load where they belong together.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Driver } from 'neo4j-driver';
import { type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDriver } from '../setup/neo4j.ts';
import { startViewer } from '../setup/viewer.ts';
import { loadSeed } from '../setup/seed.ts';

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Box = { x1: number; y1: number; x2: number; y2: number };
interface PageApp {
  store: { get(): { view: string; camera: { x: number; y: number; ratio: number } | null; params: string | null; saved: string | null } };
  canvas: {
    sigma: {
      getGraph(): {
        order: number;
        size: number;
        nodes(): string[];
        forEachNode(cb: (n: string, a: Record<string, unknown>) => void): void;
        hasNode(n: string): boolean;
        getNodeAttribute(n: string, a: string): unknown;
      };
      getEdgeState(e: string): Record<string, boolean>;
    };
    isLayoutRunning(): boolean;
    getCamera(): { x: number; y: number; ratio: number };
    placedLabelBoxes(): Record<string, Box>;
    labelPlacement(): Map<string, string>;
    nodesInFrame(): string[];
  };
}
/** What the page exposes ((window as unknown as AppWindow).congressGraph, see client/src/main.ts), and axe-core once injected. */
interface AppWindow {
  congressGraph: PageApp;
  axe: {
    run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }>;
  };
}

let driver: Driver;
let server: Server;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
const pageErrors: string[] = [];

/** Opens the viewer at `query` and waits for `ready` (by default: the first graph drawn). */
async function openPage(query = '', ctx: BrowserContext = context, ready = 'body[data-graph-rendered="true"]'): Promise<Page> {
  const page = await ctx.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  await page.goto(`${baseUrl}/${query}`);
  await page.waitForSelector(ready, { timeout: 60_000 });
  return page;
}

/** The busy two-core machine runs these page journeys slowly; no assertion here is about time. */
const JOURNEY = 240_000;

async function settle(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => !(window as unknown as AppWindow).congressGraph.canvas.isLayoutRunning()), { timeout: 60_000, interval: 200 })
    .toBe(true);
  await page.waitForTimeout(300);
}

const positions = (page: Page) =>
  page.evaluate(() => {
    const out: Record<string, [number, number]> = {};
    (window as unknown as AppWindow).congressGraph.canvas.sigma.getGraph().forEachNode((n, a) => (out[n] = [a.x as number, a.y as number]));
    return out;
  });

/** axe-core's serious and critical violations on the page as it stands (WCAG 2.x A and AA rules). */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() =>
    (window as unknown as AppWindow).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

async function download(page: Page, open: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), open()]);
  const d = file as Download;
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: await readFile(path!) };
}

async function exportItem(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  return download(page, async () => {
    await page.getByTestId('export-menu').click();
    await page.getByTestId(testId).click();
  });
}

async function typeQuery(page: Page, text: string): Promise<void> {
  const editor = page.getByTestId('cypher-editor').locator('.cm-content');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

beforeAll(async () => {
  driver = testDriver();
  await loadSeed(driver);
  ({ server, baseUrl, browser } = await startViewer(driver));
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, locale: 'zh-CN' });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await driver?.close();
});

describe('reading the graph', () => {
  it(
    'the same link reopens the same picture: seeded layout, camera and selection in the URL; keyboard and text alternative to the canvas; axe passes',
    { timeout: JOURNEY },
    async () => {
      const first = await openPage();
      await settle(first);
      const layout = await positions(first);
      expect(await axeViolations(first)).toEqual([]);

      // The skip link is the first stop, and leads to the canvas, which the keyboard can move.
      await first.keyboard.press('Tab');
      expect(await first.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('skip-link');
      await first.keyboard.press('Enter');
      await first.getByTestId('graph-canvas').focus();
      await first.keyboard.press('ArrowRight');
      await first.keyboard.press('+');
      await expect.poll(() => first.url(), { timeout: 10_000 }).toContain('cam=');
      const camera = await first.evaluate(() => (window as unknown as AppWindow).congressGraph.canvas.getCamera());

      // The nodes on screen, as a list reachable by keyboard: a pick opens the node's details.
      await first.getByTestId('onscreen-summary').click();
      const items = first.getByTestId('onscreen-list').locator('button');
      await expect.poll(() => items.count()).toBeGreaterThan(5);
      expect(await items.count()).toBe(
        Math.min(150, (await first.evaluate(() => (window as unknown as AppWindow).congressGraph.canvas.nodesInFrame())).length),
      );
      const picked = await items.first().getAttribute('data-id');
      await items.first().focus();
      await first.keyboard.press('Enter');
      await expect.poll(() => first.getByTestId('details').getAttribute('data-node'), { timeout: 10_000 }).toBe(picked);

      // Another window, the same link: the same positions and camera.
      const again = await openPage(new URL(first.url()).search);
      await settle(again);
      expect(await positions(again)).toEqual(layout);
      const reopened = await again.evaluate(() => (window as unknown as AppWindow).congressGraph.canvas.getCamera());
      for (const key of ['x', 'y', 'ratio'] as const) expect(reopened[key]).toBeCloseTo(camera[key], 3);
      expect(await again.getByTestId('details').getAttribute('data-node')).toBe(picked);
      await first.close();
      await again.close();
    },
  );

  it(
    'details: the stated link first and open, co-occurrence once; an instrument’s citations direct and through supplementing instruments, the same count in the trace',
    { timeout: JOURNEY },
    async () => {
      const page = await openPage('?node=crime%3Amoney-laundering');
      const details = page.getByTestId('details');
      await expect.poll(() => details.getAttribute('data-node'), { timeout: 15_000 }).toBe('crime:money-laundering');
      const groups = details.locator('.rel-group');
      await groups.first().waitFor();
      expect(await groups.first().getAttribute('data-type')).toBe('LINKED_TO');
      expect(await groups.first().evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
      expect(await groups.first().textContent()).toContain('上游犯罪');
      // The disclosure marker is drawn, so a closed group does not look empty.
      expect(
        await groups
          .first()
          .locator('summary')
          .evaluate((el) => getComputedStyle(el, '::before').content),
      ).toContain('▸');
      expect(await details.locator('.rel-group[data-type="CO_OCCURS"]').count()).toBe(1);
      expect(await details.locator('.rel-group[data-type="CO_OCCURS"]').getAttribute('data-direction')).toBe('both');
      // A chip's name ends in an ellipsis at the chip's edge, never cut mid-word without one.
      const chipText = details.locator('.chip .chip-text').first();
      expect(await chipText.evaluate((el) => getComputedStyle(el).textOverflow)).toBe('ellipsis');

      await page.goto(`${baseUrl}/?node=instrument%3Auntoc`);
      const count = page.getByTestId('cited-by-count');
      await expect.poll(() => count.textContent(), { timeout: 15_000 }).toMatch(/直接 1 · 经.*12\/4.* 1/);
      expect(await page.getByTestId('cited-by').locator('li[data-how="via"]').textContent()).toContain('66(c)');

      await page.getByRole('button', { name: '追踪引用' }).click();
      const table = page.getByTestId('citation-table');
      await table.waitFor({ timeout: 15_000 });
      const option = await page.getByTestId('trace-pick').locator('option[value="instrument:untoc"]').textContent();
      expect(option).toContain((await count.textContent())!.trim());
      expect(await page.getByTestId('citations-tab-table').textContent()).toContain((await count.textContent())!.trim());
      expect(await table.locator('tr[data-how="direct"]').count()).toBe(1);
      expect(await table.locator('tr[data-how="via"]').count()).toBe(1);
      await settle(page);
      // Labels in a small graph: none over another, none over a disc, none cut at the canvas's edge.
      const boxes = await page.evaluate(() => (window as unknown as AppWindow).congressGraph.canvas.placedLabelBoxes());
      const canvasBox = (await page.getByTestId('graph-canvas').boundingBox())!;
      const entries = Object.entries(boxes);
      expect(entries.map(([n]) => n)).toEqual(expect.arrayContaining(['instrument:untoc', 'rec:lac-rpm-2025:24(c)']));
      for (const [node, b] of entries) {
        expect(b.x1, node).toBeGreaterThanOrEqual(0);
        expect(b.x2, node).toBeLessThanOrEqual(canvasBox.width);
        for (const [other, c] of entries)
          if (other !== node) expect(b.x1 < c.x2 && c.x1 < b.x2 && b.y1 < c.y2 && c.y1 < b.y2, `${node} over ${other}`).toBe(false);
      }
      expect(await axeViolations(page)).toEqual([]);
      await page.getByTestId('citations-tab-matrix').click();
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    },
  );

  it(
    'a path names each step’s relationship and its true direction, offers the other shortest paths, and can leave types out',
    { timeout: JOURNEY },
    async () => {
      const page = await openPage('?view=path&from=state%3AMEX&to=instrument%3Auntoc');
      const steps = page.getByTestId('path-steps');
      await steps.waitFor({ timeout: 20_000 });
      const rels = steps.locator('.path-rel');
      expect(await rels.count()).toBeGreaterThanOrEqual(2);
      const directions = await rels.evaluateAll((els) => els.map((el) => [el.getAttribute('data-type'), el.getAttribute('data-direction'), el.textContent]));
      for (const [type, , text] of directions) expect(text, String(type)).toMatch(/[\u4e00-\u9fff]/);
      expect(directions.some(([, direction]) => direction === 'backward')).toBe(true);
      expect(directions.find(([, direction]) => direction === 'backward')![2]).toMatch(/^←/);
      // The other shortest paths.
      const alternatives = page.getByTestId('path-alternatives').getByRole('button');
      expect(await alternatives.count()).toBeGreaterThan(1);
      const firstPath = await steps.textContent();
      await alternatives.nth(1).click();
      await expect.poll(() => page.url()).toContain('alt=1');
      expect(await steps.textContent()).not.toBe(firstPath);
      expect(await axeViolations(page)).toEqual([]);
      // Leave out paragraphs' relationships: no step uses them.
      await page.getByTestId('path-skip').locator('summary').click();
      for (const type of ['PART_OF', 'MENTIONS']) await page.getByTestId('path-skip').locator(`input[value="${type}"]`).check();
      await expect.poll(() => page.url()).toContain('skip=MENTIONS%2CPART_OF');
      // A path again (not the empty list while it loads), and none of its steps uses them.
      await expect
        .poll(
          async () =>
            (
              await page
                .getByTestId('path-steps')
                .locator('.path-rel')
                .evaluateAll((els) => els.map((el) => el.getAttribute('data-type')))
            ).join(','),
          { timeout: 20_000 },
        )
        .toMatch(/^(?:(?!PART_OF|MENTIONS)[A-Z_]+,?)+$/);
      await page.close();
    },
  );

  it('a selected crime link is in the URL and reopens; stated kinds are worded; axe passes', { timeout: JOURNEY }, async () => {
    const page = await openPage('?view=crimes&link=crime%3Acorruption~crime%3Amoney-laundering');
    const edge = page.getByTestId('crime-edge');
    await edge.waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('details').locator('.details-heading').textContent()).toMatch(/腐败|洗钱/);
    expect(new URL(page.url()).searchParams.get('link')).toBe('crime:corruption~crime:money-laundering');
    await settle(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('the Cypher console', () => {
  it(
    'a saved query’s link keeps its parameters; entity parameters by name; :param and :params; history keys; the loaded query shown',
    { timeout: JOURNEY },
    async () => {
      const params = encodeURIComponent(JSON.stringify({ crime: 'crime:money-laundering', includeNarrower: true }));
      // This query returns no node, so no graph is drawn: wait for its table.
      const page = await openPage(`?view=cypher&saved=recommendations-addressing-crime&params=${params}`, context, '[data-testid="results-table"] tbody tr');
      const table = page.getByTestId('results-table');
      await expect.poll(() => table.locator('tbody tr').count(), { timeout: 20_000 }).toBeGreaterThan(0);
      expect(await page.getByTestId('cypher-error').isHidden()).toBe(true);
      expect(await page.getByTestId('cypher-saved').inputValue()).toBe('recommendations-addressing-crime');
      // The crime is picked by name; the id stays beside it.
      const picker = page.getByTestId('cypher-param-crime');
      await expect.poll(() => picker.inputValue(), { timeout: 10_000 }).toBe('洗钱');
      await picker.fill('腐败');
      await expect.poll(() => page.locator('.param-picker .search-result').first().getAttribute('data-id'), { timeout: 10_000 }).toBe('crime:corruption');
      await picker.press('Enter');
      await expect.poll(() => page.url()).toContain(encodeURIComponent('crime:corruption'));
      expect(await axeViolations(page)).toEqual([]);

      // :param sets a parameter (a Cypher value, evaluated read-only), :params lists them.
      await typeQuery(page, ':param limit => 3');
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => page.getByTestId('cypher-summary').textContent(), { timeout: 10_000 }).toContain('limit = 3');
      expect(decodeURIComponent(page.url())).toContain('"limit":3');
      await typeQuery(page, 'MATCH (s:State) RETURN s ORDER BY s.id LIMIT $limit');
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => table.locator('tbody tr').count(), { timeout: 15_000 }).toBe(3);
      // Still the saved query's parameters, but the query is no longer the saved one: the picker says so.
      expect(await page.getByTestId('cypher-saved').locator('option:checked').textContent()).toContain('已修改');
      await typeQuery(page, ':params');
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => page.getByTestId('cypher-summary').textContent()).toContain('limit: 3');
      await typeQuery(page, ':param crime');
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => page.getByTestId('cypher-error').textContent()).toContain(':param 名称 => 值');
      // Ctrl+↑ brings back the previous entries of the history.
      await typeQuery(page, '');
      await page.keyboard.press('Control+ArrowUp');
      await page.keyboard.press('Control+ArrowUp');
      await page.keyboard.press('Control+ArrowUp');
      expect(await page.getByTestId('cypher-editor').locator('.cm-content').textContent()).toContain('MATCH (s:State) RETURN s ORDER BY s.id LIMIT $limit');
      await page.close();
    },
  );

  it(
    'pages a long result, downloads it whole, toggles table and graph; the schema view names labels; errors in the interface’s language',
    { timeout: JOURNEY },
    async () => {
      const page = await openPage('?view=cypher');
      const table = page.getByTestId('results-table');
      await typeQuery(page, 'UNWIND range(1, 250) AS i RETURN i, i * 2 AS twice');
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => page.getByTestId('cypher-page').textContent(), { timeout: 15_000 }).toBe('第 1–100 行，共 250 行');
      expect(await table.locator('tbody tr').count()).toBe(100);
      await page.getByTestId('cypher-page-next').click();
      expect(await table.locator('tbody tr').first().locator('td').first().textContent()).toBe('101');
      const csv = await download(page, () => page.getByTestId('cypher-download-csv').click());
      const rows = parseCsv(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
      expect(rows).toHaveLength(250);
      expect(rows[249]).toEqual({ i: '250', twice: '500' });
      const json = JSON.parse((await download(page, () => page.getByTestId('cypher-download-json').click())).bytes.toString('utf8'));
      expect(json.rows).toHaveLength(250);
      await page.getByTestId('cypher-show-table').click();
      expect(await page.locator('.canvas-wrap').isHidden()).toBe(true);
      await page.getByTestId('cypher-show-graph').click();
      expect(await page.locator('.canvas-wrap').isVisible()).toBe(true);

      await typeQuery(page, 'CALL db.schema.visualization()');
      await page.keyboard.press('Control+Enter');
      await expect
        .poll(() => page.evaluate(() => (window as unknown as AppWindow).congressGraph.canvas.sigma.getGraph().order), { timeout: 15_000 })
        .toBeGreaterThan(5);
      const names = await page.evaluate(() =>
        (window as unknown as AppWindow).congressGraph.canvas.sigma
          .getGraph()
          .nodes()
          .map((n) => (window as unknown as AppWindow).congressGraph.canvas.sigma.getGraph().getNodeAttribute(n, 'label_zh') as string),
      );
      expect(names).toEqual(expect.arrayContaining(['建议', '段落', '国家']));
      for (const name of names) expect(name).not.toMatch(/-\d/);

      await typeQuery(page, 'MATCH (n:State)\nRETURN n LIMT 3');
      await page.keyboard.press('Control+Enter');
      const error = page.getByTestId('cypher-error');
      await error.waitFor({ state: 'visible', timeout: 15_000 });
      expect(await error.locator('.error-message').textContent()).toBe('Cypher 语法错误。（第 2 行，第 10 列）');
      await page.getByTestId('lang-toggle').click();
      expect(await error.locator('.error-message').textContent()).toBe('Cypher syntax error. (line 2, column 10)');
      await page.close();
    },
  );
});

describe('exports and the screen', () => {
  it(
    'a PNG at 2× and 4× with title, legend and reports; GEXF with viz and CSV with columns of the current view, the frame only when asked',
    { timeout: JOURNEY },
    async () => {
      const page = await openPage();
      await settle(page);
      const canvas = (await page.getByTestId('graph-canvas').boundingBox())!;
      for (const scale of [2, 4] as const) {
        const png = await exportItem(page, scale === 2 ? 'export-png' : 'export-png-4');
        expect(png.name).toBe(`congress-graph-explore@${scale}x.png`);
        const image = PNG.sync.read(png.bytes);
        expect(image.width).toBe((Math.round(canvas.width) + 230) * scale);
        expect(image.height).toBeGreaterThanOrEqual((Math.round(canvas.height) + 80) * scale);
        if (scale === 2) {
          // The legend's first dot (Report's colour, #79706e) is drawn beside the graph.
          const x = (Math.round(canvas.width) + 14 + 5) * 2;
          const y = (58 + 14 + 12 - 4) * 2;
          const at = (image.width * y + x) * 4;
          expect([image.data[at], image.data[at + 1], image.data[at + 2]]).toEqual([0x79, 0x70, 0x6e]);
        }
      }
      const gexf = (await exportItem(page, 'export-view-gexf')).bytes.toString('utf8');
      const order = await page.evaluate(() => (window as unknown as AppWindow).congressGraph.canvas.sigma.getGraph().order);
      expect(gexf).toContain('xmlns:viz="http://gexf.net/1.3/viz"');
      expect(gexf.match(/<viz:position /g)?.length).toBe(order);
      expect(gexf.match(/<viz:color /g)?.length).toBeGreaterThan(order);
      // The legend hides States: the view's export leaves them out too.
      await page.getByTestId('legend').locator('[data-legend-key="State"]').click();
      const nodes = parseCsv((await exportItem(page, 'export-view-nodes')).bytes.toString('utf8').replace(/^\uFEFF/, ''), { columns: true }) as Record<
        string,
        string
      >[];
      expect(nodes.some((r) => r.label === 'State')).toBe(false);
      expect(Object.keys(nodes[0]!)).toEqual(expect.arrayContaining(['id', 'label', 'name_zh', 'name_en', 'x', 'y', 'color']));
      const rels = parseCsv((await exportItem(page, 'export-view-relationships')).bytes.toString('utf8').replace(/^\uFEFF/, ''), { columns: true }) as Record<
        string,
        string
      >[];
      expect(Object.keys(rels[0]!).slice(0, 6)).toEqual(['type', 'type_name', 'start', 'start_name', 'end', 'end_name']);
      // Zoomed in, "only what is in the frame" keeps fewer.
      await page.getByTestId('graph-canvas').focus();
      for (let i = 0; i < 4; i++) await page.keyboard.press('+');
      await page.waitForTimeout(800);
      await page.getByTestId('export-menu').click();
      await page.getByTestId('export-frame-only').click();
      expect(await page.getByTestId('export-frame-only').getAttribute('aria-checked')).toBe('true');
      const framed = parseCsv((await download(page, () => page.getByTestId('export-view-nodes').click())).bytes.toString('utf8').replace(/^\uFEFF/, ''), {
        columns: true,
      }) as unknown[];
      expect(framed.length).toBeGreaterThan(0);
      expect(framed.length).toBeLessThan(nodes.length);
      await page.close();
    },
  );

  it('the Export menu is a menu button the keyboard works', { timeout: JOURNEY }, async () => {
    const page = await openPage();
    const button = page.getByTestId('export-menu');
    expect(await button.getAttribute('aria-haspopup')).toBe('menu');
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('export-png-4');
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('export-menu');
    await page.close();
  });

  it(
    'fits 1024 × 768 without sideways scrolling, the header’s buttons on screen, panels that collapse; axe passes in English too',
    { timeout: JOURNEY },
    async () => {
      const small = await browser.newContext({ viewport: { width: 1024, height: 768 }, acceptDownloads: true, locale: 'zh-CN' });
      try {
        const page = await openPage('?lang=en', small);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
        for (const id of ['export-menu', 'lang-toggle', 'tab-cypher']) {
          const box = (await page.getByTestId(id).boundingBox())!;
          expect(box.x + box.width, id).toBeLessThanOrEqual(1024);
        }
        const before = (await page.getByTestId('graph-canvas').boundingBox())!.width;
        await page.getByTestId('toggle-sidebar').click();
        await page.getByTestId('toggle-details').click();
        expect(await page.locator('#sidebar').isHidden()).toBe(true);
        expect(await page.getByTestId('toggle-sidebar').getAttribute('aria-expanded')).toBe('false');
        await expect.poll(async () => (await page.getByTestId('graph-canvas').boundingBox())!.width).toBeGreaterThan(before + 400);
        await settle(page);
        expect(await axeViolations(page)).toEqual([]);
        for (const view of ['citations', 'crimes', 'path', 'cypher']) {
          await page.goto(`${baseUrl}/?lang=en&view=${view}`);
          await page.waitForSelector('body[data-graph-rendered="true"]', { timeout: 30_000 });
          await page.waitForTimeout(1500);
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), view).toBe(true);
          expect(await axeViolations(page), view).toEqual([]);
        }
        await page.close();
      } finally {
        await small.close();
      }
    },
  );

  it('threw no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
