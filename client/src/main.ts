import './styles/app.css';
import { Api } from './api/client.ts';
import { ENTITY_GRAPH_VIEWS, parseUrlState } from './state/url.ts';

const root = document.getElementById('app');
if (!root) throw new Error('#app is missing from index.html');
// The largest request first: a view that draws the entity graph starts it here, so the server
// works on it while the browser loads and compiles the viewer (a chunk of its own, below); the
// controller's first graph() with the same corpus filter takes this answer (Api.prefetchGraph).
const initial = parseUrlState(location.search);
if (ENTITY_GRAPH_VIEWS.includes(initial.view)) {
  const api = new Api();
  api.filter = { reports: initial.reports, regions: initial.regions, congresses: initial.congresses };
  api.prefetchGraph();
}
const { AppController } = await import('./app/controller.ts');
const app = new AppController(root);
// Exposed for the end-to-end tests and for poking around in the console.
(window as unknown as { congressGraph: InstanceType<typeof AppController> }).congressGraph = app;
