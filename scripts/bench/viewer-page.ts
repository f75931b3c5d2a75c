/**
 * What the viewer benchmark measures in one page, in headless Chromium:
 * first render, sigma's frame rate and the longest main-thread task while
 * ForceAtlas2 runs, then how fast hover, click and a camera move answer.
 *
 * The in-page code is plain JavaScript in strings: tsx compiles functions with
 * helpers (`__name`) that do not exist in the page, so nothing is serialised.
 */
import type { Browser } from 'playwright-core';

export interface PageFigures {
  nodes: number;
  edges: number;
  /** Navigation start → the first sigma frame with the graph drawn (the client's `graph-rendered` mark). */
  first_render_ms: number;
  /**
   * Sigma frames per second while the layout runs, and the longest long task from
   * the first frame until it has stopped and spread overlaps. Null when the page
   * first answered after the layout had already stopped: nothing was measured.
   */
  layout_fps: number | null;
  max_long_task_ms: number | null;
  /** How long the layout window lasted (ms) and how many long tasks fell in it. */
  layout_window_ms: number;
  long_tasks: number;
  /** Input → the frame that shows its answer (ms). */
  hover_ms: number | null;
  click_ms: number | null;
  camera_ms: number | null;
}

export const VIEWPORT = { width: 1280, height: 720 };

/** Collects long tasks from the very start of the page (before any of the app's code runs). */
const INIT_SCRIPT = `
window.__bench = { longTasks: [] };
try {
  new PerformanceObserver(function (list) {
    for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch (e) {}
`;

/**
 * From the first frame until the layout has stopped (the auto-stop, then the
 * overlap spread) or `capMs` passed: sigma frames drawn while it ran, long tasks.
 */
const LAYOUT_WINDOW = (capMs: number) => `new Promise(function (resolve) {
  var canvas = window.congressGraph.canvas;
  var start = performance.now();
  var frames = 0;
  var runningUntil = null;
  var onRender = function () { if (runningUntil === null) frames++; };
  canvas.sigma.on('afterRender', onRender);
  var tick = function () {
    var now = performance.now();
    if (runningUntil === null && !canvas.isLayoutRunning()) runningUntil = now;
    if ((runningUntil !== null && now - runningUntil > 1000) || now - start > ${capMs}) {
      canvas.sigma.off('afterRender', onRender);
      var end = now;
      var running = (runningUntil === null ? end : runningUntil) - start;
      var tasks = window.__bench.longTasks.filter(function (t) { return t.start + t.duration > start && t.start < end; });
      resolve({
        fps: running > 0 ? frames / (running / 1000) : 0,
        windowMs: end - start,
        stillRunning: runningUntil === null,
        longTasks: tasks.length,
        maxLongTask: tasks.reduce(function (m, t) { return Math.max(m, t.duration); }, 0),
      });
      return;
    }
    setTimeout(tick, 50);
  };
  tick();
})`;

/** The best-connected node drawn inside the canvas, for hover and click. */
const PICK_NODE = `(function () {
  var canvas = window.congressGraph.canvas;
  var graph = canvas.getGraph();
  var box = document.querySelector('[data-testid="graph-canvas"]').getBoundingClientRect();
  var best = null, bestDegree = -1;
  graph.forEachNode(function (node, a) {
    if (a.degree <= bestDegree) return;
    var p = canvas.nodeViewportPosition(node);
    if (!p || p.x < 40 || p.y < 40 || p.x > box.width - 40 || p.y > box.height - 40) return;
    best = { node: node, x: box.x + p.x, y: box.y + p.y }; bestDegree = a.degree;
  });
  return best;
})()`;

/** Arms a probe: the time of the next `eventType` on the canvas, and of the first frame after it that `ready()` accepts. */
const ARM_PROBE = (eventType: string, ready: string) => `(function () {
  var canvas = window.congressGraph.canvas;
  var el = document.querySelector('[data-testid="graph-canvas"]');
  var probe = window.__bench.probe = { input: null, answered: null };
  el.addEventListener('${eventType}', function (e) { if (probe.input === null) probe.input = e.timeStamp; }, { capture: true, once: true });
  var onRender = function () {
    if (probe.input === null || !(${ready})) return;
    probe.answered = performance.now();
    canvas.sigma.off('afterRender', onRender);
  };
  canvas.sigma.on('afterRender', onRender);
})()`;

/**
 * Input → answer in ms once the armed probe has answered, null after `timeoutMs`. Polled in the
 * page: page.waitForFunction evaluates a string predicate with eval, which the app's CSP refuses,
 * so every probe that had not answered at the first look was reported as "no answer".
 */
const PROBE_ANSWER = (timeoutMs: number) => `new Promise(function (resolve) {
  var probe = window.__bench.probe;
  var start = performance.now();
  (function check() {
    if (probe.answered !== null && probe.input !== null) return resolve(Math.round(probe.answered - probe.input));
    if (performance.now() - start > ${timeoutMs}) return resolve(null);
    setTimeout(check, 20);
  })();
})`;

export async function measurePage(browser: Browser, url: string, options: { layoutCapMs: number; log: (line: string) => void }): Promise<PageFigures> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(INIT_SCRIPT);
    await page.goto(url);
    await page.waitForSelector('body[data-graph-rendered="true"]', { timeout: 600_000 });
    const first = (await page.evaluate(`(function () {
      var mark = performance.getEntriesByName('graph-rendered')[0];
      var graph = window.congressGraph.canvas.getGraph();
      return { ms: mark ? mark.startTime : window.congressGraph.metrics.firstGraphRenderMs, nodes: graph.order, edges: graph.size, now: performance.now(), running: window.congressGraph.canvas.isLayoutRunning() };
    })()`)) as { ms: number; nodes: number; edges: number; now: number; running: boolean };
    // Sigma draws on animation frames: when SwiftShader is slow to produce them, the page answers late even with its main thread idle.
    const late = Math.round(first.now - first.ms);
    if (late > 2000) options.log(`  the page answered ${late} ms after its first frame; the layout had ${first.running ? 'not yet' : 'already'} stopped`);
    const layout = (await page.evaluate(LAYOUT_WINDOW(options.layoutCapMs))) as { fps: number; windowMs: number; stillRunning: boolean; longTasks: number; maxLongTask: number };
    if (layout.stillRunning) options.log(`  the layout was still running after ${options.layoutCapMs} ms; measured up to then`);

    const usable = await measureInteractions(page);
    if (errors.length > 0) throw new Error(`the page failed: ${errors[0]}`);
    return {
      nodes: first.nodes,
      edges: first.edges,
      first_render_ms: Math.round(first.ms),
      // A layout that had stopped before the page answered left an empty window: not a zero.
      layout_fps: first.running ? Math.round(layout.fps * 10) / 10 : null,
      max_long_task_ms: first.running ? Math.round(layout.maxLongTask) : null,
      layout_window_ms: Math.round(layout.windowMs),
      long_tasks: layout.longTasks,
      ...usable,
    };
  } finally {
    await context.close();
  }
}

/** Hover a node, click it, zoom the camera: each timed from the input event to the frame that shows the answer. */
async function measureInteractions(page: import('playwright-core').Page): Promise<Pick<PageFigures, 'hover_ms' | 'click_ms' | 'camera_ms'>> {
  const target = (await page.evaluate(PICK_NODE)) as { node: string; x: number; y: number } | null;
  if (!target) return { hover_ms: null, click_ms: null, camera_ms: null };
  const timed = async (eventType: string, ready: string, act: () => Promise<void>): Promise<number | null> => {
    await page.evaluate(ARM_PROBE(eventType, ready));
    await act();
    return (await page.evaluate(PROBE_ANSWER(30_000))) as number | null;
  };
  await page.mouse.move(target.x - 200, target.y - 200);
  // Any node answering counts: a neighbour's disc or label may lie over the target's centre.
  const hover = await timed('mousemove', 'canvas.getHovered() !== null', () => page.mouse.move(target.x, target.y));
  const click = await timed('click', 'canvas.getSelected() !== null', () => page.mouse.click(target.x, target.y));
  // Zoom at the canvas's centre: an offset from the node could land on the sidebar or the header
  // (no wheel event on the canvas, so no answer), as it did when the layout ended near an edge.
  const box = await page.locator('[data-testid="graph-canvas"]').boundingBox();
  if (!box) return { hover_ms: hover, click_ms: click, camera_ms: null };
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(300);
  const camera = await timed('wheel', 'true', () => page.mouse.wheel(0, -240));
  return { hover_ms: hover, click_ms: click, camera_ms: camera };
}
