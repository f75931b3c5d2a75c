import type { AppContext, ViewController } from '../app/context.ts';
import { errorMessage } from '../util/errors.ts';

/** The whole entity graph (no paragraphs), grown by double-click expansions. */
export class ExploreView implements ViewController {
  readonly id = 'explore' as const;
  private laidOut = false;

  constructor(private readonly ctx: AppContext) {}

  async activate(): Promise<void> {
    this.ctx.setStatus(this.ctx.t('statusLoading'));
    try {
      const graph = await this.ctx.exploreGraph();
      if (this.ctx.store.get().view !== 'explore') return;
      // The layout runs on first show; afterwards the graph keeps the positions it had.
      this.ctx.showGraph(graph, { layout: !this.laidOut });
      this.laidOut = true;
      this.ctx.setStatus('');
      const { node, camera } = this.ctx.store.get();
      // A link's camera wins over focusing the selected node: the link reopens the picture it was.
      if (node && graph.hasNode(node)) this.ctx.canvas.select(node, camera === null);
    } catch (error) {
      this.ctx.setStatus(() => this.ctx.t('statusError', { message: errorMessage(error, this.ctx.lang()) }), 'error');
    }
  }

  deactivate(): void {
    this.ctx.canvas.stopLayout();
  }

  render(): void {}
}
