/**
 * The positions both benchmark pages draw when a frame and a hover are measured.
 *
 * In software WebGL a frame's cost is mostly the pixels its edges cover, so it depends
 * on where the nodes are: the viewer's first page load measured its frame after
 * ForceAtlas2 had gathered the graph into tight clusters (short edges: 41–71 ms a frame
 * at 2,000 nodes / 10,000 edges), its later loads and the reference page on their
 * starting positions spread over a disc (edges across the canvas: 1.2–2.2 s a frame).
 * So before a frame or a hover is measured, every page, the viewer's and the
 * reference's, places each node at the same point, given by its key alone (not by the
 * order the nodes arrived in, which the viewer's compact payload and the reference's
 * JSON need not share), uniform over a disc as wide as the canvas, with the camera at
 * its home state: both pages then draw the same geometry.
 *
 * Plain JavaScript in a string (see viewer-page.ts: functions compiled by tsx do not
 * survive serialisation into the page); `positionOf` evaluates the same source here, so
 * the unit test checks what the pages run.
 */
export const BENCH_POSITION_JS = `function benchPosition(key, radius) {
  function fnv(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
    return h / 4294967296;
  }
  var angle = fnv(key) * 2 * Math.PI;
  var r = radius * Math.sqrt(fnv(key + '\\u0000r'));
  return { x: Math.cos(angle) * r, y: Math.sin(angle) * r };
}`;

/**
 * Where the benchmark places node `key` in a disc of `radius` (graph units, centred on
 * the origin): uniform over the disc's area (FNV-1a of the key for the angle, of the key
 * and a suffix for the radius), the same on every page and every run.
 */
export const positionOf = new Function(`${BENCH_POSITION_JS}; return benchPosition;`)() as (key: string, radius: number) => { x: number; y: number };

/**
 * In-page: moves every node of the page's graph (`window.__benchView()`) to its
 * benchmark position in a disc as wide as the sigma container, puts the camera home, and
 * lets the page know its positions changed (the viewer places its labels again).
 */
export const PLACE_NODES = `(function () {
  var benchPosition = (${BENCH_POSITION_JS});
  var view = window.__benchView();
  var box = view.sigma.getContainer();
  var radius = Math.min(box.clientWidth, box.clientHeight) / 2;
  view.graph.updateEachNodeAttributes(function (node, a) {
    var p = benchPosition(node, radius);
    a.x = p.x; a.y = p.y;
    return a;
  }, { attributes: ['x', 'y'] });
  view.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
  view.positionsChanged();
})()`;
