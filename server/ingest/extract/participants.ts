/**
 * Who took part: SPOKE_ON from the speaker lists of each discussion block,
 * ATTENDED from the attendance lists, HELD_ROLE and REPRESENTS from the bureau
 * and the record of who presided.
 */
import type { Matcher } from '../match/matcher.ts';
import type { Lexicon } from '../parse/lexicon.ts';
import type { AttendanceRole, ReportStructure, SpeakerKind } from '../parse/types.ts';
import type { GraphBuilder } from './graphBuilder.ts';
import { rel } from './graphBuilder.ts';
import { ids } from './ids.ts';
import { listItems } from './listItems.ts';
import type { Person, PersonRole } from './people.ts';
import type { BlockNodes } from './structure.ts';

/** The labels a name in each kind of list may have. */
export const SPEAKER_LABELS: Record<SpeakerKind, string[]> = {
  state: ['State'],
  organization: ['Organization'],
  any: ['State', 'Organization'],
};

export const ATTENDANCE_LABELS: Record<AttendanceRole, string[]> = {
  member: ['State'],
  observer: ['State', 'Organization'],
  'un-entity': ['Organization'],
  institute: ['Organization'],
  ngo: ['Organization'],
  igo: ['Organization'],
  'specialized-agency': ['Organization'],
};

export interface Participation {
  /** Entity ids the lists named, so their nodes are added. */
  entities: Set<string>;
  warnings: string[];
}

export function addParticipation(
  s: ReportStructure,
  lex: Lexicon,
  blocks: readonly BlockNodes[],
  matcher: Matcher,
  key: string,
  graph: GraphBuilder,
): Participation {
  const reportId = ids.report(key);
  const meetingId = ids.meeting(key);
  const entities = new Set<string>();
  const warnings: string[] = [];

  for (const list of s.speakerLists) {
    const block = list.block === null ? null : blocks[list.block]!;
    const names = listItems(list, matcher, SPEAKER_LABELS[list.kind], lex.language).flatMap((item) => (item.match ? [item.match] : []));
    if (!block) continue;
    for (const m of names) {
      entities.add(m.target.id);
      graph.addRelationship(
        rel('SPOKE_ON', m.target.id, block.main, { report: reportId, paragraph: list.paragraph, role: list.role, evidence: m.text, spans: [m.start, m.end] }),
      );
    }
  }

  for (const list of s.attendance) {
    const names = listItems(list, matcher, ATTENDANCE_LABELS[list.role], lex.language).flatMap((item) => (item.match ? [item.match] : []));
    for (const m of names) {
      entities.add(m.target.id);
      graph.addRelationship(
        rel('ATTENDED', m.target.id, meetingId, { report: reportId, paragraph: list.paragraph, role: list.role, evidence: m.text, spans: [m.start, m.end] }),
      );
    }
  }
  return { entities, warnings };
}

export function addPeople(people: readonly Person[], roles: readonly PersonRole[], key: string, graph: GraphBuilder): Set<string> {
  const reportId = ids.report(key);
  const meetingId = ids.meeting(key);
  const entities = new Set<string>();
  for (const p of people) {
    graph.addNode({ id: p.id, labels: ['Person'], properties: { name: p.name, aliases: p.aliases } });
  }
  const seen = new Set<string>();
  for (const r of roles) {
    // One HELD_ROLE per person and role: the first paragraph that says so.
    const roleKey = `${r.personId}|${r.role}`;
    if (!seen.has(roleKey)) {
      seen.add(roleKey);
      graph.addRelationship(
        rel('HELD_ROLE', r.personId, meetingId, {
          role: r.role,
          report: reportId,
          paragraph: r.ref.paragraph,
          evidence: r.ref.name,
          spans: [r.ref.start, r.ref.end],
        }),
      );
    }
  }
  for (const p of people) {
    if (!p.affiliation) continue;
    const ref = roles.find((r) => r.personId === p.id)?.ref;
    entities.add(p.affiliation);
    graph.addRelationship(rel('REPRESENTS', p.id, p.affiliation, { report: reportId, paragraph: ref?.paragraph ?? null, evidence: ref?.affiliation ?? null }));
  }
  return entities;
}
