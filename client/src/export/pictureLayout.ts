/** One line of the picture's legend: a label (a dot) or a relationship type (a line), its colour, name and count. */
export interface LegendLine {
  kind: 'label' | 'type';
  color: string;
  text: string;
  count: number;
}

/** What is written around the graph: a title (the view and its subject), the report(s) shown, the legend, a footer. */
export interface PictureText {
  title: string;
  reports: string;
  legend: LegendLine[];
  footer: string;
}

export interface PictureLayout {
  /** The whole picture in CSS pixels (the PNG is `scale` times this). */
  width: number;
  height: number;
  header: number;
  legendWidth: number;
  footer: number;
  /** Where the graph goes. */
  graph: { x: number; y: number; width: number; height: number };
  legendRow: number;
}

const HEADER = 58;
const FOOTER = 22;
const LEGEND_WIDTH = 230;
const LEGEND_ROW = 18;
/** Margin inside the picture (CSS pixels). */
export const PICTURE_PAD = 14;
const PAD = PICTURE_PAD;

/**
 * Where things go in an exported picture (CSS pixels): the title and reports
 * above, the graph as drawn on screen, the legend on the right (as tall as it
 * needs: the picture grows when the legend is longer than the graph), a footer.
 */
export function pictureLayout(canvas: { width: number; height: number }, legendLines: number): PictureLayout {
  const legendWidth = legendLines > 0 ? LEGEND_WIDTH : 0;
  const legendHeight = legendLines > 0 ? PAD * 2 + legendLines * LEGEND_ROW + 2 * LEGEND_ROW : 0;
  const body = Math.max(canvas.height, legendHeight);
  return {
    width: Math.round(canvas.width + legendWidth),
    height: Math.round(HEADER + body + FOOTER),
    header: HEADER,
    legendWidth,
    footer: FOOTER,
    graph: { x: 0, y: HEADER, width: Math.round(canvas.width), height: Math.round(canvas.height) },
    legendRow: LEGEND_ROW,
  };
}
