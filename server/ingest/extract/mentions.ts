/**
 * MENTIONS from every paragraph and recommendation; CITES (instruments) and
 * ADDRESSES (crime types) from recommendations. Each carries the words as
 * written and their spans in the node's text.
 */
import type { Properties } from '../../contract/model.ts';
import type { Match, Matcher } from '../match/matcher.ts';
import type { GraphBuilder } from './graphBuilder.ts';
import { rel } from './graphBuilder.ts';
import { ids } from './ids.ts';
import { findSymbols } from './symbols.ts';
import type { TextUnit } from './units.ts';

export interface UnitMatches {
  unit: TextUnit;
  matches: Match[];
}

/**
 * Gazetteer, vocabulary and person matches, the crime types a coordination adds ("trafficking
 * in wildlife and timber"), and document symbols where no name covers them.
 */
export function matchUnit(unit: TextUnit, matcher: Matcher, extra: (text: string, matches: readonly Match[]) => Match[] = () => []): UnitMatches {
  const matches = matcher.find(unit.text);
  matches.push(...extra(unit.text, matches));
  for (const hit of findSymbols(unit.text)) {
    if (matches.some((m) => hit.start < m.end && m.start < hit.end)) continue;
    matches.push({ start: hit.start, end: hit.end, text: hit.symbol, target: { id: ids.document(hit.symbol), label: 'Document' } });
  }
  matches.sort((a, b) => a.start - b.start);
  return { unit, matches };
}

function groupByTarget(matches: readonly Match[]): Map<string, Match[]> {
  const groups = new Map<string, Match[]>();
  for (const m of matches) groups.set(m.target.id, [...(groups.get(m.target.id) ?? []), m]);
  return groups;
}

export function addMentions(units: readonly UnitMatches[], reportId: string, graph: GraphBuilder): void {
  for (const { unit, matches } of units) {
    for (const [target, group] of groupByTarget(matches)) {
      const spans = group.flatMap((m) => [m.start, m.end]);
      const provenance: Properties = { report: reportId, paragraph: unit.paragraph, evidence: group[0]!.text, spans };
      graph.addRelationship(rel('MENTIONS', unit.id, target, { ...provenance, count: group.length, forms: [...new Set(group.map((m) => m.text))] }));
      if (unit.kind !== 'recommendation') continue;
      const label = group[0]!.target.label;
      if (label === 'Instrument') graph.addRelationship(rel('CITES', unit.id, target, provenance));
      if (label === 'CrimeType') graph.addRelationship(rel('ADDRESSES', unit.id, target, provenance));
    }
  }
}
