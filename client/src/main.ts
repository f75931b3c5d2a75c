import './styles/app.css';
import { App } from './app/app.ts';

const root = document.getElementById('app');
if (!root) throw new Error('#app is missing from index.html');
const app = new App(root);
// Exposed for the end-to-end tests and for poking around in the console.
(window as unknown as { congressGraph: App }).congressGraph = app;
