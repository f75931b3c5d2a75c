/**
 * Every name, short name and alias in the gazetteer, with the node it resolves to; each
 * normalised as report text is at the door (document/normalize.ts), so the two meet on the
 * same characters (a typographic apostrophe, a full-width letter, a no-break space).
 */
import { normalizeText } from '../document/normalize.ts';
import type { SurfaceForm } from '../match/matcher.ts';
import { crimeObjectForms } from './crimeObjects.ts';
import type { Gazetteer } from './types.ts';

export function stateId(iso3: string): string {
  return `state:${iso3}`;
}

export function buildSurfaceForms(g: Gazetteer): SurfaceForm[] {
  const forms: SurfaceForm[] = [];
  const add = (id: string, label: string, names: readonly (string | null | undefined)[]) => {
    for (const surface of names) if (surface) forms.push({ surface: normalizeText(surface), target: { id, label } });
  };
  for (const s of g.states) add(stateId(s.iso3), 'State', [s.name_zh, s.name_en, ...s.aliases]);
  for (const o of g.organizations) add(o.id, 'Organization', [o.name_zh, o.name_en, o.short_zh, o.short_en, ...o.aliases]);
  for (const c of g.crimeTypes) add(c.id, 'CrimeType', [c.name_zh, c.name_en, ...c.aliases, ...crimeObjectForms(c)]);
  for (const i of g.instruments) {
    add(i.id, 'Instrument', [i.name_zh, i.name_en, i.short_zh, i.short_en, ...i.aliases]);
  }
  for (const p of g.places) {
    for (const surface of [p.name_zh, p.name_en, ...p.aliases]) forms.push({ surface: normalizeText(surface), target: null });
  }
  return forms;
}
