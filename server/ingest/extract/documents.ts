/** Document nodes: the annex's list of documents and every symbol the text cites. */
import type { ReportStructure } from '../parse/types.ts';
import type { GraphBuilder } from './graphBuilder.ts';
import { ids } from './ids.ts';

export function addDocuments(s: ReportStructure, mentioned: Iterable<string>, reportId: string, graph: GraphBuilder): void {
  const titles = new Map<string, string>();
  for (const row of s.annex) for (const symbol of row.symbols) titles.set(symbol, row.title);
  const symbols = new Set([...titles.keys(), ...[...mentioned].map((id) => id.replace(/^doc:/, ''))]);
  for (const symbol of symbols) {
    const title = titles.get(symbol) ?? null;
    graph.addNode({
      id: ids.document(symbol),
      labels: ['Document'],
      properties: {
        symbol,
        name: symbol,
        title_zh: s.language === 'zh' ? title : null,
        title_en: s.language === 'en' ? title : null,
        listedIn: titles.has(symbol) ? [reportId] : [],
      },
    });
  }
}
