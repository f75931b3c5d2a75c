import type { Api } from '../api/client.ts';
import type { Corpus } from '../corpus/corpus.ts';
import type { CitationData } from '../views/citationData.ts';
import type { ViewerGraph } from '../graph/build.ts';
import type { GraphCanvas } from '../graph/canvas.ts';
import type { Lang, MessageKey } from '../i18n/i18n.ts';
import type { UrlState, View } from '../state/url.ts';
import type { Store } from '../state/store.ts';

export interface AppState extends UrlState {
  layoutRunning: boolean;
}

/** What views and panels may use of the app. */
export interface AppContext {
  api: Api;
  store: Store<AppState>;
  canvas: GraphCanvas;
  lang(): Lang;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** Shows a graph on the canvas (legend, status, filters follow). */
  showGraph(graph: ViewerGraph, options?: { layout?: boolean }): void;
  /** Selects a node and opens its details (`focus` moves the camera to it). */
  openNode(id: string, options?: { focus?: boolean }): void;
  /** Opens a node's details without selecting it on the canvas (it may not be drawn). */
  openDetails(id: string): void;
  /** The explore view's graph, loaded once and grown by expansions. */
  exploreGraph(): Promise<ViewerGraph>;
  /** Every citation and SUPPLEMENTS pair, loaded once (the trace and the details panel count from it). */
  citationData(): Promise<CitationData>;
  /** Adds a node's neighbours to the explore graph (double-click). */
  expand(id: string): Promise<void>;
  switchView(view: View, patch?: Partial<AppState>): void;
  /** The status line; a function is worded again after a language switch. */
  setStatus(text: string | (() => string), kind?: 'info' | 'error'): void;
  /** The panel to the right, for views that show an edge's paragraphs rather than a node. */
  details: DetailsHost;
  /** The loaded corpus: each report's tag, colour, meeting and language (empty until GET /api/reports answers). */
  corpus(): Corpus;
  /** A report was added or removed: read the corpus again and redraw every view from the database. */
  corpusChanged(): Promise<void>;
}

export interface DetailsHost {
  showNode(id: string): void;
  showContent(title: string, content: Node): void;
  clear(): void;
}

export interface ViewController {
  readonly id: View;
  /** Fills the view's bars above and below the canvas and shows its graph. */
  activate(top: HTMLElement, bottom: HTMLElement): Promise<void> | void;
  deactivate(): void;
  /** Text again after a language switch. */
  render(): void;
  onNodeClick?(node: string): boolean | void;
  onEdgeClick?(edge: string): void;
  onStateChange?(state: AppState, previous: AppState): void;
  /** Forget what was loaded: the corpus filter or the corpus changed (the view is activated again next). */
  reset?(): void;
}
