/**
 * Entities the text names that the reviewed gazetteer lacks: an organisation in a list of
 * speakers or participants, an instrument recognised by the form of its title, a resolution
 * by its symbol. Each becomes a node all the same, marked `reviewed: false`, with an id from
 * its normalised name, its name in the report's language and every form the text gives it,
 * so that later mentions resolve to it and a person can review it (docs/GAZETTEER.md).
 */
import type { GraphNode } from '../../contract/model.ts';
import type { SurfaceForm } from '../match/matcher.ts';
import type { Language } from '../parse/types.ts';

export type UnreviewedLabel = 'Organization' | 'Instrument';

export interface UnreviewedEntity {
  id: string;
  label: UnreviewedLabel;
  /** Organisation kind from the list it was named in (ngo, igo, un-entity, institute …), or the instrument's kind. */
  kind: string;
  /** The fullest name the text gives, in the report's language. */
  name: string;
  /** Every form the text gives it: the full name, a short form defined in brackets. */
  forms: string[];
  /** Resolution symbol ("A/RES/76/187") where the text says whose resolution it is. */
  symbol: string | null;
  year: number | null;
  /** Where it was first seen, for the warning a reviewer reads. */
  paragraph: number;
  line: number;
}

/** Kinds that say nothing about the body: a more specific kind from another list replaces them. */
const VAGUE_KINDS = new Set(['organization', 'instrument']);

/**
 * The key a name is known by: Unicode NFKC, lower case, letters and digits of any script
 * kept, everything else a single hyphen ("Institute for Security Studies" →
 * "institute-for-security-studies", "安全研究所" → "安全研究所").
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

export function unreviewedId(label: UnreviewedLabel, name: string): string {
  return `${label === 'Organization' ? 'org' : 'instrument'}:${nameKey(name)}`;
}

export interface UnreviewedRegistry {
  /**
   * Records an entity (or, when its id or one of its forms is already known, adds to it)
   * and returns its id. The longest name is kept as the name; a specific kind replaces a vague one.
   */
  add(
    entry: Omit<UnreviewedEntity, 'id' | 'forms' | 'symbol' | 'year'> & { forms?: string[]; id?: string; symbol?: string | null; year?: number | null },
  ): string;
  /** The entity a form already names, if any. */
  byForm(form: string): UnreviewedEntity | undefined;
  /** Two entities found to be one (a name and the short form the text defines for it): the second joins the first. */
  merge(keepId: string, dropId: string): void;
  /**
   * An entity found to be another name of a reviewed one (a short form in 《》 the text defines
   * for a gazetteer title): it is taken out, and its forms are returned for the caller to make
   * aliases of the reviewed entity. Undefined when the id is not an unreviewed entity.
   */
  absorb(id: string): UnreviewedEntity | undefined;
  all(): UnreviewedEntity[];
}

/** `taken`: ids the gazetteer already uses; an unreviewed entity never takes one (it gets a "-2" suffix). */
export function createUnreviewedRegistry(taken: ReadonlySet<string> = new Set()): UnreviewedRegistry {
  const byId = new Map<string, UnreviewedEntity>();
  const formIndex = new Map<string, string>();
  const remember = (e: UnreviewedEntity, form: string) => {
    if (!e.forms.includes(form)) e.forms.push(form);
    formIndex.set(nameKey(form), e.id);
  };
  return {
    add(entry) {
      const forms = [entry.name, ...(entry.forms ?? [])];
      let id = entry.id ?? unreviewedId(entry.label, entry.name);
      for (let n = 2; taken.has(id); n++) id = `${entry.id ?? unreviewedId(entry.label, entry.name)}-${n}`;
      const existingId = byId.has(id) ? id : forms.map((f) => formIndex.get(nameKey(f))).find((x) => x !== undefined && byId.get(x)!.label === entry.label);
      const existing = existingId ? byId.get(existingId) : undefined;
      if (existing) {
        for (const f of forms) remember(existing, f);
        if (entry.name.length > existing.name.length && !entry.id) existing.name = entry.name;
        if (VAGUE_KINDS.has(existing.kind) && !VAGUE_KINDS.has(entry.kind)) existing.kind = entry.kind;
        existing.symbol ??= entry.symbol ?? null;
        return existing.id;
      }
      const created: UnreviewedEntity = {
        id,
        label: entry.label,
        kind: entry.kind,
        name: entry.name,
        forms: [],
        symbol: entry.symbol ?? null,
        year: entry.year ?? null,
        paragraph: entry.paragraph,
        line: entry.line,
      };
      byId.set(id, created);
      for (const f of forms) remember(created, f);
      return id;
    },
    byForm: (form) => {
      const id = formIndex.get(nameKey(form));
      return id ? byId.get(id) : undefined;
    },
    merge(keepId, dropId) {
      const keep = byId.get(keepId);
      const drop = byId.get(dropId);
      if (!keep || !drop || keep === drop || keep.label !== drop.label) return;
      byId.delete(dropId);
      for (const f of drop.forms) remember(keep, f);
      if (VAGUE_KINDS.has(keep.kind) && !VAGUE_KINDS.has(drop.kind)) keep.kind = drop.kind;
    },
    absorb(id) {
      const e = byId.get(id);
      if (!e) return undefined;
      byId.delete(id);
      for (const f of e.forms) if (formIndex.get(nameKey(f)) === id) formIndex.delete(nameKey(f));
      return e;
    },
    all: () => [...byId.values()],
  };
}

export function unreviewedSurfaceForms(entities: readonly UnreviewedEntity[]): SurfaceForm[] {
  return entities.flatMap((e) => e.forms.map((surface) => ({ surface, target: { id: e.id, label: e.label } })));
}

/** The node of an unreviewed entity: its name in the report's language, the other language's name left null. */
export function unreviewedNode(e: UnreviewedEntity, lang: Language): GraphNode {
  const names = { name_zh: lang === 'zh' ? e.name : null, name_en: lang === 'en' ? e.name : null };
  const common = { name: e.name, ...names, aliases: [...e.forms], kind: e.kind, reviewed: false };
  if (e.label === 'Organization') {
    return { id: e.id, labels: ['Organization'], properties: { ...common, short_zh: null, short_en: null } };
  }
  return { id: e.id, labels: ['Instrument'], properties: { ...common, short_zh: null, short_en: null, year: e.year, symbol: e.symbol } };
}
