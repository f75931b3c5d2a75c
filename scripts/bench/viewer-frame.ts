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
 * Handing every edge to the program is not drawing them: sigma's `render()` only submits
 * WebGL commands, and SwiftShader runs them later, in Chromium's GPU process. So each
 * timed frame ends with a one-pixel `readPixels` of the canvas, which returns once the
 * GPU has run the whole frame, and after the timed frames one more render's whole
 * drawing buffer is read: `frameFault` also refuses a measurement whose frame covered no
 * pixel, whose canvas the reader cannot see, or whose renderer the page replaced meanwhile.
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

/**
 * A frame measurement: ms per frame over the FRAMES frames, what each drew, and the graph's
 * size; then, from one more (untimed) render of the same renderer: how many pixels of its
 * drawing buffer it covered, whether the canvas it draws into is one the reader sees, and
 * whether it is still the page's renderer.
 */
export interface FrameSample {
  ms: number;
  edges: number;
  frames: FrameDrawn[];
  /** Pixels of sigma's WebGL drawing buffer with anything drawn (alpha > 0), and the buffer's size in pixels. */
  pixelsDrawn: number;
  pixels: number;
  /** Why the WebGL canvas cannot be seen (detached, no size, hidden, off the viewport), or null when it can. */
  hidden: string | null;
  /** The page's renderer was no longer the one timed when the frames were through. */
  replaced: boolean;
}

/**
 * Why a frame measurement does not time the graph being drawn, or null when every frame
 * did: a frame not rendered to its end, a lost WebGL context, fewer edges handed to sigma's
 * edge program than the graph has (edges hidden while the camera moves, or drawn into a
 * lost context), a renderer the page no longer shows, a canvas the reader cannot see, or
 * a frame that covered no pixel. An empty graph has nothing to check.
 */
export function frameFault(sample: FrameSample): string | null {
  if (sample.frames.length === 0) return 'no frame was drawn';
  for (const [i, f] of sample.frames.entries()) {
    if (f.contextLost) return `frame ${i + 1}: the WebGL context was lost`;
    if (!f.rendered) return `frame ${i + 1}: sigma's render did not run to its end`;
    if (f.edgesDrawn < sample.edges) return `frame ${i + 1}: ${f.edgesDrawn} of ${sample.edges} edges drawn`;
  }
  if (sample.edges === 0) return null;
  if (sample.replaced) return 'the page replaced its renderer while the frames were timed';
  if (sample.hidden !== null) return `the canvas sigma draws into is not visible: ${sample.hidden}`;
  if (sample.pixelsDrawn === 0) return `the frame covered none of the canvas's ${sample.pixels} pixels`;
  return null;
}

/**
 * In-page: FRAMES calls of `sigma.render()`, each in its own animation frame and each
 * followed by a one-pixel `readPixels` of the canvas, which returns only when the GPU
 * (SwiftShader) has run every command of the frame: the time is the frame's drawing, not
 * its submission (Chromium does not hold the next animation frame back for WebGL work it
 * has not been asked to show, so a frame's GPU work could otherwise fall outside the
 * time). Timed from the first animation frame to the one after the last render; then one
 * more render, untimed, whose whole drawing buffer is read to count the pixels it covered.
 * The same on both pages. Resolves with a FrameSample.
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
  // Reads the screen's framebuffer (not sigma's picking buffer), leaving sigma's binding as it was.
  var readScreen = function (width, height) {
    var gl = sigma.webGLContext;
    var out = new Uint8Array(width * height * 4);
    if (!gl || lost()) return out;
    var bound = gl.getParameter(gl.FRAMEBUFFER_BINDING);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, out);
    gl.bindFramebuffer(gl.FRAMEBUFFER, bound);
    return out;
  };
  var hiddenWhy = function () {
    var gl = sigma.webGLContext;
    var canvas = gl && gl.canvas;
    if (!canvas) return 'no WebGL canvas';
    if (!canvas.isConnected) return 'the canvas is not in the document';
    var r = canvas.getBoundingClientRect();
    if (!(r.width > 0 && r.height > 0)) return 'the canvas has no size (' + r.width + 'x' + r.height + ')';
    if (r.right <= 0 || r.bottom <= 0 || r.left >= window.innerWidth || r.top >= window.innerHeight) return 'the canvas is outside the viewport';
    if (canvas.checkVisibility && !canvas.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return 'the canvas or an ancestor is hidden';
    return null;
  };
  var coverage = function () {
    var gl = sigma.webGLContext;
    if (!gl || lost()) return { pixelsDrawn: 0, pixels: 0 };
    sigma.render();
    var w = gl.drawingBufferWidth, h = gl.drawingBufferHeight;
    var px = readScreen(w, h), n = 0;
    for (var i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
    return { pixelsDrawn: n, pixels: w * h };
  };
  var frames = [], start = 0;
  var step = function () {
    if (frames.length === 0) start = performance.now();
    if (frames.length === ${FRAMES}) {
      var ms = (performance.now() - start) / ${FRAMES};
      sigma.off('afterRender', onRender);
      if (realRender) program.render = realRender;
      var covered = coverage();
      var now = window.__benchView();
      return resolve({ ms: ms, edges: view.graph.size, frames: frames, pixelsDrawn: covered.pixelsDrawn, pixels: covered.pixels, hidden: hiddenWhy(), replaced: !now || now.sigma !== sigma });
    }
    drawnNow = 0; renderedNow = false;
    var lostBefore = lost();
    sigma.render();
    readScreen(1, 1);
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
