/**
 * The viewer's reference: a bare graphology + sigma v4 page, the least a page can do
 * to draw the same graph. It loads graphology's and sigma's own browser bundles
 * (graphology.umd.min.js, sigma.min.js, no build of ours), fetches the same
 * `/api/graph` answer from the same app (proxied, so it pays the same server and
 * the same bytes; gzip when the browser asks, as for the viewer), imports it with
 * `Graph.from`, gives each node a position (uniform in a disc as wide as the container,
 * by its key: viewer-positions.ts, where the viewer's nodes are put too before a frame
 * is measured), a size by degree (4–20, the viewer's range in pixels: sigma's default
 * sizes are in position units) and its name as label, and draws it with
 * sigma's default settings and styles in a container of the viewer canvas's size and
 * place (query `x`, `y`, `w`, `h`, CSS pixels). It marks `graph-rendered` when
 * sigma's first render returns, as the viewer does, and exposes what the
 * benchmark's probes read (`window.__referenceView`: sigma, the graph, the hovered
 * node from sigma's enterNode/leaveNode events).
 */
import { readFile } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from '../../server/config.ts';
import { BENCH_POSITION_JS } from './viewer-positions.ts';

const SCRIPTS: Record<string, string> = {
  '/graphology.umd.min.js': path.join(PROJECT_ROOT, 'node_modules', 'graphology', 'dist', 'graphology.umd.min.js'),
  '/sigma.min.js': path.join(PROJECT_ROOT, 'node_modules', 'sigma', 'dist', 'sigma.min.js'),
};

/** The page: plain HTML and one inline script, nothing of the viewer's. */
export const REFERENCE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>bare sigma reference</title>
<style>html, body { margin: 0; height: 100%; overflow: hidden; } #graph { position: absolute; }</style>
</head><body><div id="graph"></div>
<script src="/graphology.umd.min.js"></script>
<script src="/sigma.min.js"></script>
<script>
(function () {
  var q = new URLSearchParams(location.search);
  var box = document.getElementById('graph');
  box.style.left = (q.get('x') || 0) + 'px';
  box.style.top = (q.get('y') || 0) + 'px';
  box.style.width = (q.get('w') || 800) + 'px';
  box.style.height = (q.get('h') || 600) + 'px';
  var view = window.__referenceView = { sigma: null, graph: null, hoveredNode: null };
  var benchPosition = (${BENCH_POSITION_JS});
  fetch('/api/graph', { headers: { Accept: 'application/json' } })
    .then(function (response) { return response.json(); })
    .then(function (data) {
      performance.mark('graph-data');
      var graph = graphology.Graph.from(data);
      var maxDegree = 1;
      var discRadius = Math.min(box.clientWidth, box.clientHeight) / 2;
      graph.forEachNode(function (node) { maxDegree = Math.max(maxDegree, graph.degree(node)); });
      graph.updateEachNodeAttributes(function (node, a) {
        // sigma's default itemSizesReference is 'positions': sizes are in position units, so the disc is as
        // wide as the container is in pixels, and a size of 4–20 reads as 4–20 px at the first camera.
        var p = benchPosition(node, discRadius);
        return { x: p.x, y: p.y, size: 4 + 16 * Math.sqrt(graph.degree(node) / maxDegree), label: a.name };
      });
      view.graph = graph;
      view.sigma = new Sigma(graph, box);
      // sigma's constructor renders once, synchronously: its first frame has been drawn here.
      performance.mark('graph-rendered');
      document.body.dataset.graphRendered = 'true';
      view.sigma.on('enterNode', function (e) { view.hoveredNode = e.node; });
      view.sigma.on('leaveNode', function () { view.hoveredNode = null; });
    })
    .catch(function (error) { document.body.dataset.error = String(error); throw error; });
})();
</script></body></html>
`;

export interface ReferencePage {
  /** The page's URL (add `?x=&y=&w=&h=` for the container). */
  url: string;
  close(): Promise<void>;
}

/** Serve the reference page on a free loopback port, `/api/…` proxied to the app at `appUrl`. */
export async function startReferencePage(appUrl: string): Promise<ReferencePage> {
  const scripts = new Map<string, Buffer>();
  for (const [route, file] of Object.entries(SCRIPTS)) scripts.set(route, await readFile(file));
  const target = new URL(appUrl);
  const server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname.startsWith('/api/')) {
      const upstream = http.request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', (error) => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
      req.pipe(upstream);
      return;
    }
    const script = scripts.get(pathname);
    if (script) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'content-length': script.length });
      res.end(script);
      return;
    }
    if (pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(REFERENCE_HTML);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
