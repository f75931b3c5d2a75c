/**
 * Consistency of the gazetteer as a whole: ids unique, parents and supplemented
 * instruments exist, and no surface form names two different things.
 */
import { buildSurfaceForms } from './surfaceForms.ts';
import { buildMatcher } from '../match/matcher.ts';
import type { Gazetteer } from './types.ts';

export function checkGazetteer(g: Gazetteer): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const note = (id: string) => {
    if (ids.has(id)) problems.push(`duplicate id ${id}`);
    ids.add(id);
  };
  for (const s of g.states) note(`state:${s.iso3}`);
  for (const o of g.organizations) note(o.id);
  for (const c of g.crimeTypes) note(c.id);
  for (const i of g.instruments) note(i.id);
  for (const p of g.places) note(p.id);
  for (const c of g.crimeTypes) {
    if (c.parent !== null && !g.crimeTypes.some((p) => p.id === c.parent)) problems.push(`${c.id}: unknown parent ${c.parent}`);
  }
  for (const i of g.instruments) {
    if (i.supplements !== null && !g.instruments.some((p) => p.id === i.supplements)) {
      problems.push(`${i.id}: supplements unknown ${i.supplements}`);
    }
  }
  const matcher = buildMatcher(buildSurfaceForms(g));
  for (const [form, targets] of matcher.forms) {
    if (targets.length > 1) {
      problems.push(`surface form "${form}" names ${targets.map((t) => t?.id ?? 'a place').join(' and ')}`);
    }
  }
  return problems;
}
