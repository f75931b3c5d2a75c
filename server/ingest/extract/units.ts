/** A unit of text that carries facts: a paragraph or a recommendation, with the node id and paragraph number to cite. */
import type { ReportStructure } from '../parse/types.ts';
import { ids } from './ids.ts';

export interface TextUnit {
  id: string;
  kind: 'paragraph' | 'recommendation';
  paragraph: number;
  text: string;
  line: number;
}

export function textUnits(s: ReportStructure, key: string): TextUnit[] {
  return [
    ...s.paragraphs.map((p): TextUnit => ({ id: ids.paragraph(key, p.number), kind: 'paragraph', paragraph: p.number, text: p.text, line: p.line })),
    ...s.recommendations.map((r): TextUnit => ({
      id: ids.recommendation(key, r.paragraph, r.letter),
      kind: 'recommendation',
      paragraph: r.paragraph,
      text: r.text,
      line: r.line,
    })),
  ];
}
