/**
 * One full frame, as the viewer benchmark measures it on both pages (viewer-page.ts), and
 * the check that the frames it timed drew the graph.
 *
 * The fault this guards against: in the full run of 1 December 2026 two of six 10k page
 * loads gave a "frame" of 34 ms (viewer) and 4 ms (reference) against 4–24 s for the
 * others, and a hover on the same kind of load was never answered. Sigma v4's `render()`
 * returns at once, drawing nothing and emitting no `afterRender`, while its WebGL context
 * is lost (`sigma.contextLost`, set on `webglcontextlost`); SwiftShader frames of several
 * seconds are what Chromium's GPU watchdog kills the GPU process for, and every context
 * of the page is then lost until it is restored. A frame timed then measured an empty
 * call. Equally, a render while sigma thinks the camera or the pointer is moving leaves
 * the edges out when `hideEdgesOnMove` is on (the viewer's setting above 5,000 nodes).
 * So every timed frame now records what it drew: whether sigma's render ran to its end
 * (`afterRender`), whether a context was lost, and how many edges sigma's edge program
 * was asked to draw (the `count` of each `edgeProgram.render(params, offset, count)`
 * call, summed). `frameFault` refuses a measurement in which a frame drew fewer edges
 * than the graph has; the page then waits for the context to come back and measures
 * again, and records no figure (with the reason) when it never drew the graph.
 *
 * The in-page code is plain JavaScript in a string (see viewer-page.ts).
 */

/** Full frames drawn back to back, each in its own animation frame. */
export const FRAMES = 2;

/** What one timed frame drew (from the in-page probe). */
export interface FrameDrawn {
  /** Sigma's render ran to its end (its `afterRender` event came). */
  rendered: boolean;
  /** A WebGL context of sigma's was lost when the frame was asked for, or sigma said so. */
  contextLost: boolean;
  /** Edges handed to sigma's edge program in this frame (sum of its `render` calls' counts). */
  edgesDrawn: number;
}

/** A frame measurement: ms per frame over the FRAMES frames, what each drew, and the graph's size. */
export interface FrameSample {
  ms: number;
  edges: number;
  frames: FrameDrawn[];
}

/**
 * Why a frame measurement does not time the graph being drawn, or null when every frame
 * did: a frame not rendered to its end, a lost WebGL context, or fewer edges handed to
 * sigma's edge program than the graph has (edges hidden while the camera moves, or drawn
 * into a lost context). An empty graph has nothing to check.
 */
export function frameFault(sample: FrameSample): string | null {
  if (sample.frames.length === 0) return 'no frame was drawn';
  for (const [i, f] of sample.frames.entries()) {
    if (f.contextLost) return `frame ${i + 1}: the WebGL context was lost`;
    if (!f.rendered) return `frame ${i + 1}: sigma's render did not run to its end`;
    if (f.edgesDrawn < sample.edges) return `frame ${i + 1}: ${f.edgesDrawn} of ${sample.edges} edges drawn`;
  }
  return null;
}

/**
 * In-page: FRAMES calls of `sigma.render()`, each in its own animation frame, timed from
 * the first animation frame to the one after the last render (the browser starts it only
 * when the last frame is through the GPU); resolves with a FrameSample.
 */
export const FRAME = `new Promise(function (resolve) {
  var view = window.__benchView();
  var sigma = view.sigma;
  var program = sigma.edgeProgram;
  var drawnNow = 0, renderedNow = false;
  var realRender = program && program.render;
  if (realRender) program.render = function (params, offset, count) { drawnNow += count || 0; return realRender.apply(this, arguments); };
  var onRender = function () { renderedNow = true; };
  sigma.on('afterRender', onRender);
  var lost = function () {
    if (sigma.contextLost) return true;
    var gl = sigma.webGLContext;
    return !!(gl && gl.isContextLost && gl.isContextLost());
  };
  var frames = [], start = 0;
  var step = function () {
    if (frames.length === 0) start = performance.now();
    if (frames.length === ${FRAMES}) {
      var ms = (performance.now() - start) / ${FRAMES};
      sigma.off('afterRender', onRender);
      if (realRender) program.render = realRender;
      return resolve({ ms: ms, edges: view.graph.size, frames: frames });
    }
    drawnNow = 0; renderedNow = false;
    var lostBefore = lost();
    sigma.render();
    frames.push({ rendered: renderedNow, contextLost: lostBefore || lost(), edgesDrawn: drawnNow });
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})`;

/**
 * In-page: resolves once sigma's WebGL context is usable again (restored and rebuilt by
 * sigma on an animation frame), or after `timeoutMs`; with whether it is.
 */
export const CONTEXT_BACK = (timeoutMs: number) => `new Promise(function (resolve) {
  var sigma = window.__benchView().sigma;
  var start = performance.now();
  (function check() {
    var gl = sigma.webGLContext;
    var ok = !sigma.contextLost && !(gl && gl.isContextLost && gl.isContextLost());
    if (ok || performance.now() - start > ${timeoutMs}) return resolve(ok);
    setTimeout(check, 100);
  })();
})`;
