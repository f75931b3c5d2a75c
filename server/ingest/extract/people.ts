/**
 * People named by the report: the bureau and whoever presided. One person may
 * be named in full once and shorter later ("Erin Leslie McKey", "Erin McKey"):
 * a shorter name with the same first and last names and the same affiliation
 * is the same person.
 */
import type { Matcher, SurfaceForm } from '../match/matcher.ts';
import type { PersonReference, ReportStructure } from '../parse/types.ts';
import { ids } from './ids.ts';

export interface Person {
  id: string;
  name: string;
  aliases: string[];
  /** The State or organisation the brackets name, when the gazetteer knows it. */
  affiliation: string | null;
}

export interface PersonRole {
  personId: string;
  role: 'chair' | 'vice-chair' | 'rapporteur' | 'presiding';
  ref: PersonReference;
}

const tokens = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/\s+/)
    .filter(Boolean);

/** Every token of the short name appears in order in the long one, with first and last names equal. */
export function isShortFormOf(short: string, long: string): boolean {
  const s = tokens(short);
  const l = tokens(long);
  if (s.length === 0 || s.length > l.length || s[0] !== l[0]) return false;
  let j = 0;
  for (const t of l) if (j < s.length && t === s[j]) j++;
  return j === s.length && l.includes(s[s.length - 1]!);
}

export function resolvePeople(s: ReportStructure, matcher: Matcher): { people: Person[]; roles: PersonRole[] } {
  const people: Person[] = [];
  const roles: PersonRole[] = [];
  const affiliationOf = (ref: PersonReference) =>
    matcher.find(ref.affiliation).find((m) => m.target.label === 'State' || m.target.label === 'Organization')?.target.id ?? null;

  const personFor = (ref: PersonReference): Person => {
    const affiliation = affiliationOf(ref);
    const same = people.find(
      (p) =>
        (p.affiliation === affiliation || p.affiliation === null || affiliation === null) &&
        (isShortFormOf(ref.name, p.name) || isShortFormOf(p.name, ref.name)),
    );
    if (same) {
      if (!same.aliases.includes(ref.name)) same.aliases.push(ref.name);
      same.affiliation ??= affiliation;
      return same;
    }
    const person: Person = { id: ids.person(ref.name), name: ref.name, aliases: [ref.name], affiliation };
    people.push(person);
    return person;
  };

  // Bureau first: it prints names in full, so later short forms attach to them.
  for (const m of s.bureau) roles.push({ personId: personFor(m).id, role: m.role, ref: m });
  for (const p of s.presiding) {
    roles.push({ personId: personFor(p).id, role: 'presiding', ref: p });
    if (p.onBehalfOf) personFor(p.onBehalfOf);
  }
  return { people, roles };
}

export function personSurfaceForms(people: readonly Person[]): SurfaceForm[] {
  return people.flatMap((p) => p.aliases.map((surface) => ({ surface, target: { id: p.id, label: 'Person' } })));
}
