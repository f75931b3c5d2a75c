/**
 * The closures the gazetteer's trees call for. SUPPLEMENTS from the gazetteer (a protocol → its convention, a COP resolution →
 * its convention). The supplemented instrument joins the graph so the link has an end.
 */
import type { CrimeTypeEntry, InstrumentEntry } from '../gazetteer/types.ts';
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

/**
 * Crime types with every broader type up the tree (the ICCS division and section a reported
 * form sits under), so that a question about a broader type reaches all its narrower ones.
 */
export function broaderClosure(crimeIds: Iterable<string>, crimeTypes: readonly CrimeTypeEntry[]): Set<string> {
  const byId = new Map(crimeTypes.map((c) => [c.id, c]));
  const all = new Set(crimeIds);
  for (const id of [...all]) {
    let parent = byId.get(id)?.parent ?? null;
    while (parent && !all.has(parent)) {
      all.add(parent);
      parent = byId.get(parent)?.parent ?? null;
    }
  }
  return all;
}
