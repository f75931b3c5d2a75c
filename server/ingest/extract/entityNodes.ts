/** Graph nodes for gazetteer entities; `name` is the display name in the report's language. */
import type { GraphNode } from '../../contract/model.ts';
import { stateId } from '../gazetteer/surfaceForms.ts';
import type { CrimeTypeEntry, Gazetteer, InstrumentEntry, OrganizationEntry, StateEntry } from '../gazetteer/types.ts';
import type { Language } from '../parse/types.ts';

function allNames(...names: (string | null | undefined)[]): string[] {
  return [...new Set(names.filter((n): n is string => !!n))];
}

/** Gazetteer entities are reviewed (`reviewed: true`); `unconfirmed` marks a name that could not be checked. */
function reviewed(e: { unconfirmed?: boolean }): Record<string, boolean> {
  return e.unconfirmed ? { reviewed: true, unconfirmed: true } : { reviewed: true };
}

export function stateNode(s: StateEntry, lang: Language): GraphNode {
  return {
    id: stateId(s.iso3),
    labels: ['State'],
    properties: {
      iso3: s.iso3,
      name: lang === 'zh' ? s.name_zh : s.name_en,
      name_zh: s.name_zh,
      name_en: s.name_en,
      aliases: allNames(s.name_zh, s.name_en, ...s.aliases),
      unMember: s.unMember,
      ...reviewed(s),
    },
  };
}

export function organizationNode(o: OrganizationEntry, lang: Language): GraphNode {
  return {
    id: o.id,
    labels: ['Organization'],
    properties: {
      name: lang === 'zh' ? o.name_zh : o.name_en,
      name_zh: o.name_zh,
      name_en: o.name_en,
      short_zh: o.short_zh ?? null,
      short_en: o.short_en ?? null,
      aliases: allNames(o.name_zh, o.name_en, o.short_zh, o.short_en, ...o.aliases),
      kind: o.kind,
      ...reviewed(o),
    },
  };
}

export function crimeTypeNode(c: CrimeTypeEntry, lang: Language): GraphNode {
  return {
    id: c.id,
    labels: ['CrimeType'],
    properties: {
      name: lang === 'zh' ? c.name_zh : c.name_en,
      name_zh: c.name_zh,
      name_en: c.name_en,
      aliases: allNames(c.name_zh, c.name_en, ...c.aliases),
      iccs: c.iccs,
      parent: c.parent,
      ...reviewed(c),
    },
  };
}

export function instrumentNode(i: InstrumentEntry, lang: Language): GraphNode {
  return {
    id: i.id,
    labels: ['Instrument'],
    properties: {
      name: lang === 'zh' ? (i.short_zh ?? i.name_zh) : (i.short_en ?? i.name_en),
      name_zh: i.name_zh,
      name_en: i.name_en,
      short_zh: i.short_zh,
      short_en: i.short_en,
      aliases: allNames(i.name_zh, i.name_en, i.short_zh, i.short_en, ...i.aliases),
      kind: i.kind,
      year: i.year,
      symbol: i.symbol,
      ...reviewed(i),
    },
  };
}

/** Looks up the node for any gazetteer id. */
export function entityNodeFactory(g: Gazetteer, lang: Language): (id: string) => GraphNode | null {
  const byId = new Map<string, () => GraphNode>();
  for (const s of g.states) byId.set(stateId(s.iso3), () => stateNode(s, lang));
  for (const o of g.organizations) byId.set(o.id, () => organizationNode(o, lang));
  for (const c of g.crimeTypes) byId.set(c.id, () => crimeTypeNode(c, lang));
  for (const i of g.instruments) byId.set(i.id, () => instrumentNode(i, lang));
  return (id) => byId.get(id)?.() ?? null;
}
