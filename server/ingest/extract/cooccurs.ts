/** CO_OCCURS: crime types named in the same paragraph or recommendation, one relationship per unordered pair. */
import type { GraphBuilder } from './graphBuilder.ts';
import { rel } from './graphBuilder.ts';
import type { UnitMatches } from './mentions.ts';

export function addCoOccurrences(units: readonly UnitMatches[], reportId: string, graph: GraphBuilder): void {
  const pairs = new Map<string, { a: string; b: string; units: string[] }>();
  for (const { unit, matches } of units) {
    const crimes = [...new Set(matches.filter((m) => m.target.label === 'CrimeType').map((m) => m.target.id))].sort();
    for (let i = 0; i < crimes.length; i++) {
      for (let j = i + 1; j < crimes.length; j++) {
        const key = `${crimes[i]}|${crimes[j]}`;
        const pair = pairs.get(key) ?? { a: crimes[i]!, b: crimes[j]!, units: [] };
        pair.units.push(unit.id);
        pairs.set(key, pair);
      }
    }
  }
  for (const { a, b, units } of pairs.values()) {
    graph.addRelationship(rel('CO_OCCURS', a, b, { count: units.length, paragraphs: units, reports: [reportId] }));
  }
}
