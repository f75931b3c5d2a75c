import './styles/app.css';
import { AppController } from './app/controller.ts';

const root = document.getElementById('app');
if (!root) throw new Error('#app is missing from index.html');
const app = new AppController(root);
// Exposed for the end-to-end tests and for poking around in the console.
(window as unknown as { congressGraph: AppController }).congressGraph = app;
