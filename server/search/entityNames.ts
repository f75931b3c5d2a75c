/**
 * The gazetteer's names of each entity, for translating a query that is exactly one
 * of them (Mexico → 墨西哥) before the database is asked: the graph's aliases come
 * from the same gazetteer, so this saves search a second round trip. Entities the
 * gazetteer does not know (people read from the text) are still translated from
 * their aliases in the graph, in a second round (server/db/queries/search.ts).
 */
import type { Gazetteer } from '../ingest/gazetteer/types.ts';
import { buildSurfaceForms } from '../ingest/gazetteer/surfaceForms.ts';
import { tokenize, type Token } from './tokens.ts';
import { tokenKey } from './topics.ts';

export interface EntityNames {
  /** Node ids by the folded key of each of their names (tokenKey). */
  idsByKey: Map<string, string[]>;
  /** Every name of each node id, as the gazetteer writes it. */
  namesById: Map<string, string[]>;
}

/** Index a gazetteer's names (buildSurfaceForms: names, short names, aliases; places, which resolve to no node, left out). */
export function indexEntityNames(gazetteer: Gazetteer): EntityNames {
  const idsByKey = new Map<string, string[]>();
  const namesById = new Map<string, string[]>();
  for (const { surface, target } of buildSurfaceForms(gazetteer)) {
    if (!target) continue;
    const names = namesById.get(target.id) ?? [];
    if (!names.includes(surface)) names.push(surface);
    namesById.set(target.id, names);
    const key = tokenKey(tokenize(surface));
    if (key === '') continue;
    const ids = idsByKey.get(key) ?? [];
    if (!ids.includes(target.id)) ids.push(target.id);
    idsByKey.set(key, ids);
  }
  return { idsByKey, namesById };
}

/** The entities the query names exactly, each with all its names. */
export function entitiesNamed(query: readonly Token[], index: EntityNames): { id: string; names: string[] }[] {
  if (query.length === 0) return [];
  return (index.idsByKey.get(tokenKey(query)) ?? []).map((id) => ({ id, names: index.namesById.get(id) ?? [] }));
}
