import { exportPngBlob } from '../graph/exportPng.ts';
import type { ViewerSigma } from '../graph/canvas.ts';
import { LABEL_FONT } from '../graph/styles.ts';
import { PICTURE_PAD as PAD, pictureLayout, type LegendLine, type PictureText } from './pictureLayout.ts';

export type { LegendLine, PictureText } from './pictureLayout.ts';

/**
 * Renders `fn` with the page's device pixel ratio set to `ratio`: sigma and
 * @sigma/export-image size their canvases by window.devicePixelRatio, so this
 * draws the same picture with `ratio` device pixels per CSS pixel.
 */
async function atPixelRatio<T>(ratio: number, fn: () => Promise<T>): Promise<T> {
  const own = Object.getOwnPropertyDescriptor(window, 'devicePixelRatio');
  Object.defineProperty(window, 'devicePixelRatio', { configurable: true, get: () => ratio });
  try {
    return await fn();
  } finally {
    if (own) Object.defineProperty(window, 'devicePixelRatio', own);
    else delete (window as { devicePixelRatio?: number }).devicePixelRatio;
  }
}

/**
 * The current view as a PNG at `scale` (2 or 4 device pixels per CSS pixel): the
 * graph as on screen (language, filters, highlights, camera: exportPngBlob), with
 * a title, the report(s) shown, the legend of what is drawn and a footer.
 */
export async function pictureBlob(sigma: ViewerSigma, scale: number, text: PictureText): Promise<Blob> {
  const container = sigma.getContainer();
  const size = { width: container.clientWidth, height: container.clientHeight };
  const layout = pictureLayout(size, text.legend.length);
  const graphBlob = await atPixelRatio(scale, () => exportPngBlob(sigma));
  const graphImage = await createImageBitmap(graphBlob);
  const canvas = document.createElement('canvas');
  canvas.width = layout.width * scale;
  canvas.height = layout.height * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas to compose the picture on.');
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, layout.width, layout.height);
  ctx.drawImage(graphImage, layout.graph.x, layout.graph.y, layout.graph.width, layout.graph.height);
  graphImage.close();

  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = '#1f2933';
  ctx.font = `600 17px ${LABEL_FONT}`;
  ctx.fillText(text.title, PAD, 26, layout.width - 2 * PAD);
  ctx.fillStyle = '#52606d';
  ctx.font = `12px ${LABEL_FONT}`;
  ctx.fillText(text.reports, PAD, 46, layout.width - 2 * PAD);
  ctx.strokeStyle = '#e1e5ea';
  ctx.beginPath();
  ctx.moveTo(0, layout.header - 0.5);
  ctx.lineTo(layout.width, layout.header - 0.5);
  ctx.stroke();

  if (layout.legendWidth > 0) {
    const x0 = layout.graph.width;
    ctx.beginPath();
    ctx.moveTo(x0 + 0.5, layout.header);
    ctx.lineTo(x0 + 0.5, layout.height - layout.footer);
    ctx.stroke();
    let y = layout.header + PAD + 12;
    let kind: LegendLine['kind'] | null = null;
    for (const line of text.legend) {
      if (line.kind !== kind) {
        if (kind !== null) y += layout.legendRow / 2;
        kind = line.kind;
      }
      ctx.fillStyle = line.color;
      if (line.kind === 'label') {
        ctx.beginPath();
        ctx.arc(x0 + PAD + 5, y - 4, 5, 0, 2 * Math.PI);
        ctx.fill();
      } else {
        ctx.fillRect(x0 + PAD, y - 6, 14, 3);
      }
      ctx.fillStyle = '#1f2933';
      ctx.font = `12px ${LABEL_FONT}`;
      ctx.fillText(line.text, x0 + PAD + 22, y, layout.legendWidth - 2 * PAD - 60);
      ctx.fillStyle = '#52606d';
      ctx.textAlign = 'right';
      ctx.fillText(String(line.count), x0 + layout.legendWidth - PAD, y);
      ctx.textAlign = 'left';
      y += layout.legendRow;
    }
  }
  ctx.fillStyle = '#52606d';
  ctx.font = `11px ${LABEL_FONT}`;
  ctx.fillText(text.footer, PAD, layout.height - 7, layout.width - 2 * PAD);

  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The picture could not be encoded.'))), 'image/png'),
  );
}
