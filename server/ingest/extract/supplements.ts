/**
 * SUPPLEMENTS from the gazetteer (a protocol → its convention, a COP resolution →
 * its convention). The supplemented instrument joins the graph so the link has an end.
 */
import type { InstrumentEntry } from '../gazetteer/types.ts';
import type { GraphBuilder } from './graphBuilder.ts';
import { rel } from './graphBuilder.ts';

export function supplementedClosure(instrumentIds: Iterable<string>, instruments: readonly InstrumentEntry[]): Set<string> {
  const all = new Set(instrumentIds);
  const queue = [...all];
  while (queue.length > 0) {
    const id = queue.pop(); // once per step: inside find's callback it would pop at every comparison
    const entry = instruments.find((i) => i.id === id);
    if (entry?.supplements && !all.has(entry.supplements)) {
      all.add(entry.supplements);
      queue.push(entry.supplements);
    }
  }
  return all;
}

export function addSupplements(instrumentIds: Iterable<string>, instruments: readonly InstrumentEntry[], graph: GraphBuilder): void {
  for (const id of instrumentIds) {
    const entry = instruments.find((i) => i.id === id);
    if (entry?.supplements) graph.addRelationship(rel('SUPPLEMENTS', id, entry.supplements, { source: 'gazetteer' }));
  }
}
