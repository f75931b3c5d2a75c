import { toBlob } from '@sigma/export-image';
import type { ViewerSigma } from './canvas.ts';

/**
 * A PNG of what the canvas shows, through @sigma/export-image.
 *
 * The published @sigma/export-image (3.0.0) was written for sigma 3: it builds
 * its temporary renderer with the settings spread flat into the options and
 * then reads `getCanvases()`, which sigma 4 no longer has (v4 draws nodes,
 * edges and labels on one WebGL stage canvas). Two documented hooks bridge
 * that: `sigmaSettings` is spread into the temporary renderer's options, so it
 * carries the v4 `primitives`, `styles` and `settings`; `withTempRenderer` copies
 * the live renderer's state (language, filters, highlights) and exposes the v4
 * stage canvas under the name the package reads. The result is the same
 * picture as on screen, at the same size, on a white background.
 */
export async function exportPngBlob(sigma: ViewerSigma): Promise<Blob> {
  const source = sigma as unknown as V4Renderer;
  const graph = sigma.getGraph();
  const options = {
    format: 'png',
    backgroundColor: '#ffffff',
    sigmaSettings: {
      primitives: source.getPrimitives(),
      styles: source.getStyles(),
      settings: source.getSettings(),
      customNodeState: {},
      customEdgeState: {},
      customGraphState: source.getGraphState(),
    },
    withTempRenderer: (temp: V4Renderer & { getCanvases?: () => Record<string, HTMLCanvasElement> }) => {
      graph.forEachNode((node) => temp.setNodeState(node, source.getNodeState(node)));
      graph.forEachEdge((edge) => temp.setEdgeState(edge, source.getEdgeState(edge)));
      temp.setGraphState(source.getGraphState());
      temp.refresh();
      temp.getCanvases = () => ({ stage: temp.getStageCanvas() });
    },
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return toBlob(sigma as any, options as any);
}

/** Saves a blob as a file through a temporary link (no extra dependency). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

interface V4Renderer {
  getPrimitives(): unknown;
  getStyles(): unknown;
  getSettings(): unknown;
  getGraphState(): Record<string, unknown>;
  getNodeState(key: string): Record<string, unknown>;
  getEdgeState(key: string): Record<string, unknown>;
  setNodeState(key: string, state: Record<string, unknown>): unknown;
  setEdgeState(key: string, state: Record<string, unknown>): unknown;
  setGraphState(state: Record<string, unknown>): unknown;
  refresh(): unknown;
  getStageCanvas(): HTMLCanvasElement;
}
