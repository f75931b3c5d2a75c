/**
 * What the viewer benchmark measures in one page, in headless Chromium:
 * first render, sigma's frame rate and the longest main-thread task while
 * ForceAtlas2 runs, what one full frame costs, then how fast hover, click and a
 * camera move answer. The same probes measure the bare sigma reference page
 * (viewer-reference.ts): they read the page through `window.__benchView()`, which
 * the init script defines for both.
 *
 * The in-page code is plain JavaScript in strings: tsx compiles functions with
 * helpers (`__name`) that do not exist in the page, so nothing is serialised.
 */
import type { Browser, Page } from 'playwright-core';
import { CONTEXT_BACK, FRAME, frameFault, type FrameSample } from './viewer-frame.ts';
import { PLACE_NODES } from './viewer-positions.ts';

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
  /** One full frame with the layout stopped and the nodes at the benchmark's positions (viewer-positions.ts): sigma's render and the GPU's work on it → the next animation frame (ms, per frame over FRAMES; viewer-frame.ts). */
  frame_ms: number | null;
  /** Why frame_ms is null although a frame was asked for (viewer-frame.ts's frameFault), else null. */
  frame_fault: string | null;
  /** Input → the frame that shows its answer (ms). */
  hover_ms: number | null;
  click_ms: number | null;
  camera_ms: number | null;
  /** Where the graph canvas is on the page (CSS pixels): the reference draws into the same box. */
  canvas: CanvasBox;
}

export interface CanvasBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The reference page's figures: the ones the ratios compare. */
export interface ReferencePageFigures {
  nodes: number;
  edges: number;
  first_render_ms: number;
  frame_ms: number | null;
  frame_fault: string | null;
  hover_ms: number | null;
}

export const VIEWPORT = { width: 1280, height: 720 };

/**
 * Collects long tasks from the very start of the page (before any of the app's code
 * runs), and defines `__benchView()`: the renderer, graph and state the probes read,
 * from the viewer (window.congressGraph) or from the reference page (window.__referenceView).
 */
export const INIT_SCRIPT = `
window.__bench = { longTasks: [] };
window.__benchView = function () {
  var app = window.congressGraph;
  if (app && app.canvas) {
    var c = app.canvas;
    return {
      sigma: c.sigma, graph: c.getGraph(),
      hovered: function () { return c.getHovered(); },
      selected: function () { return c.getSelected(); },
      moving: function () { return c.isLayoutRunning(); },
      stopLayout: function () { c.stopLayout(); },
      positionsChanged: function () { c.scheduleLabels(); },
    };
  }
  var r = window.__referenceView;
  if (r && r.sigma) {
    return {
      sigma: r.sigma, graph: r.graph,
      hovered: function () { return r.hoveredNode; },
      selected: function () { return null; },
      moving: function () { return false; },
      stopLayout: function () {},
      positionsChanged: function () {},
    };
  }
  return null;
};
// A lost WebGL context draws nothing (sigma's render returns at once): counted for the log.
window.__bench.contextsLost = 0;
window.addEventListener('webglcontextlost', function () { window.__bench.contextsLost++; }, true);
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
  var view = window.__benchView();
  var start = performance.now();
  var frames = 0;
  var runningUntil = null;
  var onRender = function () { if (runningUntil === null) frames++; };
  view.sigma.on('afterRender', onRender);
  var tick = function () {
    var now = performance.now();
    if (runningUntil === null && !view.moving()) runningUntil = now;
    if ((runningUntil !== null && now - runningUntil > 1000) || now - start > ${capMs}) {
      view.sigma.off('afterRender', onRender);
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
  var view = window.__benchView();
  var graph = view.graph;
  var box = view.sigma.getContainer().getBoundingClientRect();
  var best = null, bestDegree = -1;
  graph.forEachNode(function (node) {
    var degree = graph.degree(node);
    if (degree <= bestDegree) return;
    var d = view.sigma.getNodeDisplayData(node);
    if (!d) return;
    var p = view.sigma.framedGraphToViewport({ x: d.x, y: d.y });
    if (!p || p.x < 40 || p.y < 40 || p.x > box.width - 40 || p.y > box.height - 40) return;
    best = { node: node, x: box.x + p.x, y: box.y + p.y }; bestDegree = degree;
  });
  return best;
})()`;

/** Until positions stop moving (layout, overlap spreading) and sigma has drawn nothing for 500 ms, or 60 s. */
export const QUIET = `new Promise(function (resolve) {
  var view = window.__benchView();
  var start = performance.now(), last = performance.now();
  var onRender = function () { last = performance.now(); };
  view.sigma.on('afterRender', onRender);
  (function check() {
    var now = performance.now();
    if ((!view.moving() && now - last > 500) || now - start > 60000) { view.sigma.off('afterRender', onRender); return resolve(now - start); }
    setTimeout(check, 50);
  })();
})`;

/**
 * Arms a probe: the time of the next `eventType` on the canvas, and of the first frame after it
 * that `ready()` accepts, once that frame is drawn: a one-pixel `readPixels` of the screen's
 * framebuffer returns only when the GPU (SwiftShader) has run the frame's commands, as in the
 * frame probe (viewer-frame.ts); without it the answer was the frame's submission, which at 10k
 * Chromium does not hold back for drawing it has not been asked to show. The same on both pages.
 */
const ARM_PROBE = (eventType: string, ready: string) => `(function () {
  var view = window.__benchView();
  var el = view.sigma.getContainer();
  var probe = window.__bench.probe = { input: null, answered: null };
  el.addEventListener('${eventType}', function (e) { if (probe.input === null) probe.input = e.timeStamp; }, { capture: true, once: true });
  var drawn = function () {
    var gl = view.sigma.webGLContext;
    if (!gl || (gl.isContextLost && gl.isContextLost())) return;
    var bound = gl.getParameter(gl.FRAMEBUFFER_BINDING);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
    gl.bindFramebuffer(gl.FRAMEBUFFER, bound);
  };
  var onRender = function () {
    if (probe.input === null || !(${ready})) return;
    drawn();
    probe.answered = performance.now();
    view.sigma.off('afterRender', onRender);
  };
  view.sigma.on('afterRender', onRender);
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

export interface MeasureOptions {
  layoutCapMs: number;
  log: (line: string) => void;
  /**
   * Only what the ratios compare (first render, a frame, hover): the layout is stopped at
   * the first frame, and neither the layout window nor click and zoom are measured.
   */
  light?: boolean;
  /** Measure a full frame (default true; a 50k frame in software WebGL takes minutes). */
  frame?: boolean;
}

/** The first frame's time and the graph drawn, once the page says it has drawn it. */
const FIRST = `(function () {
  var mark = performance.getEntriesByName('graph-rendered')[0];
  var view = window.__benchView();
  var app = window.congressGraph;
  return { ms: mark ? mark.startTime : app.metrics.firstGraphRenderMs, nodes: view.graph.order, edges: view.graph.size, now: performance.now(), running: view.moving() };
})()`;

export async function measurePage(browser: Browser, url: string, options: MeasureOptions): Promise<PageFigures> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(INIT_SCRIPT);
    await page.goto(url);
    await page.waitForSelector('body[data-graph-rendered="true"]', { timeout: 600_000 });
    const first = (await page.evaluate(FIRST)) as { ms: number; nodes: number; edges: number; now: number; running: boolean };
    const box = await page.locator('[data-testid="graph-canvas"]').boundingBox();
    if (!box) throw new Error('the graph canvas is not on the page');
    // Sigma draws on animation frames: when SwiftShader is slow to produce them, the page answers late even with its main thread idle.
    const late = Math.round(first.now - first.ms);
    if (late > 2000) options.log(`  the page answered ${late} ms after its first frame; the layout had ${first.running ? 'not yet' : 'already'} stopped`);
    type LayoutWindow = { fps: number; windowMs: number; stillRunning: boolean; longTasks: number; maxLongTask: number };
    let layout: LayoutWindow | null = null;
    if (!options.light) {
      layout = (await page.evaluate(LAYOUT_WINDOW(options.layoutCapMs))) as LayoutWindow;
      if (layout.stillRunning) options.log(`  the layout was still running after ${options.layoutCapMs} ms; measured up to then`);
    }
    // A frame is measured on a still graph: the layout (and its overlap spreading) stopped, nothing else drawing,
    // and the nodes where the reference page has them (viewer-positions.ts), so that both draw the same geometry.
    await page.evaluate('window.__benchView().stopLayout()');
    await page.evaluate(QUIET);
    await page.evaluate(PLACE_NODES);
    await page.evaluate(QUIET);
    const frame = options.frame === false ? { ms: null, fault: null } : await measureFrame(page, options.log, 'viewer');
    const usable = await measureInteractions(page, { clickAndZoom: !options.light });
    const lost = (await page.evaluate('window.__bench.contextsLost')) as number;
    if (lost > 0) options.log(`  viewer: ${lost} WebGL context(s) lost during this page load`);
    if (errors.length > 0) throw new Error(`the page failed: ${errors[0]}`);
    const measured = layout !== null && first.running;
    return {
      nodes: first.nodes,
      edges: first.edges,
      first_render_ms: Math.round(first.ms),
      // A layout that had stopped before the page answered left an empty window: not a zero.
      layout_fps: measured ? Math.round(layout!.fps * 10) / 10 : null,
      max_long_task_ms: measured ? Math.round(layout!.maxLongTask) : null,
      layout_window_ms: layout ? Math.round(layout.windowMs) : 0,
      long_tasks: layout?.longTasks ?? 0,
      frame_ms: frame.ms,
      frame_fault: frame.fault,
      ...usable,
      canvas: { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) },
    };
  } finally {
    await context.close();
  }
}

/**
 * The bare sigma page (viewer-reference.ts) in the same browser, viewport and locale,
 * its container in `canvas`'s place: first render, one frame, hover.
 */
export async function measureReferencePage(
  browser: Browser,
  url: string,
  canvas: CanvasBox,
  log: (line: string) => void = () => undefined,
): Promise<ReferencePageFigures> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(INIT_SCRIPT);
    const target = new URL(url);
    for (const [key, value] of Object.entries({ x: canvas.x, y: canvas.y, w: canvas.width, h: canvas.height })) target.searchParams.set(key, String(value));
    await page.goto(target.toString());
    await page.waitForSelector('body[data-graph-rendered="true"], body[data-error]', { timeout: 600_000 });
    if (errors.length > 0) throw new Error(`the reference page failed: ${errors[0]}`);
    const first = (await page.evaluate(`(function () {
      var view = window.__benchView();
      return { ms: performance.getEntriesByName('graph-rendered')[0].startTime, nodes: view.graph.order, edges: view.graph.size };
    })()`)) as { ms: number; nodes: number; edges: number };
    await page.evaluate(PLACE_NODES);
    await page.evaluate(QUIET);
    const frame = await measureFrame(page, log, 'reference');
    const { hover_ms } = await measureInteractions(page, { clickAndZoom: false });
    const lost = (await page.evaluate('window.__bench.contextsLost')) as number;
    if (lost > 0) log(`  reference: ${lost} WebGL context(s) lost during this page load`);
    if (errors.length > 0) throw new Error(`the reference page failed: ${errors[0]}`);
    return { nodes: first.nodes, edges: first.edges, first_render_ms: Math.round(first.ms), frame_ms: frame.ms, frame_fault: frame.fault, hover_ms };
  } finally {
    await context.close();
  }
}

/** Attempts at a frame measurement that draws the graph (viewer-frame.ts) before none is recorded. */
const FRAME_ATTEMPTS = 3;

/**
 * Time per full frame (ms), or null with the reason when no attempt drew the whole graph
 * (frameFault: a lost WebGL context, edges left out) or the page did not draw the frames
 * within 5 minutes. A refused attempt is logged with what its frames drew; after a lost
 * context the page gets up to a minute to restore it before the next attempt.
 */
async function measureFrame(page: Page, log: (line: string) => void, who: string): Promise<{ ms: number | null; fault: string | null }> {
  let fault: string | null = null;
  for (let attempt = 1; attempt <= FRAME_ATTEMPTS; attempt++) {
    const sample = (await Promise.race([page.evaluate(FRAME), new Promise((resolve) => setTimeout(() => resolve(null), 300_000))])) as FrameSample | null;
    if (sample === null) return { ms: null, fault: 'the frames were not drawn within 5 minutes' };
    fault = frameFault(sample);
    if (fault === null) return { ms: Math.round(sample.ms), fault: null };
    log(
      `  ${who}: frame of ${Math.round(sample.ms)} ms refused (attempt ${attempt} of ${FRAME_ATTEMPTS}): ${fault}; drawn ${JSON.stringify(sample.frames)}, ${sample.pixelsDrawn} of ${sample.pixels} pixels covered`,
    );
    if (sample.frames.some((f) => f.contextLost) && !((await page.evaluate(CONTEXT_BACK(60_000))) as boolean)) break;
    await page.evaluate(QUIET);
  }
  return { ms: null, fault };
}

/** Hover a node, click it, zoom the camera: each timed from the input event to the frame that shows the answer. */
async function measureInteractions(page: Page, opts: { clickAndZoom: boolean }): Promise<Pick<PageFigures, 'hover_ms' | 'click_ms' | 'camera_ms'>> {
  const target = (await page.evaluate(PICK_NODE)) as { node: string; x: number; y: number } | null;
  if (!target) return { hover_ms: null, click_ms: null, camera_ms: null };
  const timed = async (eventType: string, ready: string, act: () => Promise<void>): Promise<number | null> => {
    await page.evaluate(ARM_PROBE(eventType, ready));
    await act();
    return (await page.evaluate(PROBE_ANSWER(30_000))) as number | null;
  };
  await page.mouse.move(target.x - 200, target.y - 200);
  await page.evaluate(QUIET);
  // Any node answering counts: a neighbour's disc or label may lie over the target's centre.
  const hover = await timed('mousemove', 'view.hovered() !== null', () => page.mouse.move(target.x, target.y));
  if (!opts.clickAndZoom) return { hover_ms: hover, click_ms: null, camera_ms: null };
  const click = await timed('click', 'view.selected() !== null', () => page.mouse.click(target.x, target.y));
  // Zoom at the canvas's centre: an offset from the node could land on the sidebar or the header
  // (no wheel event on the canvas, so no answer), as it did when the layout ended near an edge.
  const box = await page.locator('[data-testid="graph-canvas"]').boundingBox();
  if (!box) return { hover_ms: hover, click_ms: click, camera_ms: null };
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(300);
  const camera = await timed('wheel', 'true', () => page.mouse.wheel(0, -240));
  return { hover_ms: hover, click_ms: click, camera_ms: camera };
}
