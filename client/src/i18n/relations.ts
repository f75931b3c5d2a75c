import type { RelationshipType } from '../../../server/contract/model.ts';
import type { Lang } from './strings.ts';

/** Relationship types with no direction of their own: stored one way, read both (docs/MODEL.md: CO_OCCURS is symmetric). */
export const UNDIRECTED_TYPES: ReadonlySet<string> = new Set<RelationshipType>(['CO_OCCURS']);

/**
 * Links the text states outright, as opposed to those counted (co-occurrence) or of
 * the text's structure: shown first, and open, wherever a node's relationships are listed.
 */
export const STATED_TYPES: ReadonlySet<string> = new Set<RelationshipType>(['LINKED_TO']);

export type Direction = 'out' | 'in' | 'both';

/**
 * A relationship type read from the node at hand: `out` (this node is the start),
 * `in` (it is the end), or `both` for an undirected type. "引用 / cites" from a
 * recommendation reads "被引用于 / cited by" from the instrument. The wording of
 * each type follows docs/MODEL.md's relationship table.
 */
const DIRECTED: Record<RelationshipType, { out: Record<Lang, string>; in: Record<Lang, string> }> = {
  IN_REPORT: { out: { zh: '属于报告', en: 'in report' }, in: { zh: '报告所含', en: 'contains' } },
  REPORT_OF: { out: { zh: '是其报告', en: 'report of' }, in: { zh: '会议报告', en: 'reported in' } },
  UNDER: { out: { zh: '归于', en: 'under' }, in: { zh: '下属内容', en: 'holds' } },
  PART_OF: { out: { zh: '属于', en: 'part of' }, in: { zh: '所含部分', en: 'has part' } },
  MENTIONS: { out: { zh: '提及', en: 'mentions' }, in: { zh: '被提及于', en: 'mentioned in' } },
  CITES: { out: { zh: '引用', en: 'cites' }, in: { zh: '被引用于', en: 'cited by' } },
  ADDRESSES: { out: { zh: '涉及犯罪', en: 'addresses' }, in: { zh: '被涉及于', en: 'addressed by' } },
  SPOKE_ON: { out: { zh: '发言议题', en: 'spoke on' }, in: { zh: '发言者', en: 'speakers' } },
  ATTENDED: { out: { zh: '出席', en: 'attended' }, in: { zh: '出席者', en: 'attended by' } },
  HELD_ROLE: { out: { zh: '担任职务于', en: 'held a role at' }, in: { zh: '主席团成员', en: 'officers' } },
  REPRESENTS: { out: { zh: '代表', en: 'represents' }, in: { zh: '代表者', en: 'represented by' } },
  SUPPLEMENTS: { out: { zh: '补充', en: 'supplements' }, in: { zh: '补充文书', en: 'supplemented by' } },
  CO_OCCURS: { out: { zh: '共现', en: 'named together with' }, in: { zh: '共现', en: 'named together with' } },
  LINKED_TO: { out: { zh: '明确关联到', en: 'stated link to' }, in: { zh: '明确关联自', en: 'stated link from' } },
};

/** How a relationship type reads from one of its ends (an unknown type: its name in lower case, with an arrow). */
export function relationName(lang: Lang, type: string, direction: Direction): string {
  const names = DIRECTED[type as RelationshipType];
  if (!names) {
    const base = type.toLowerCase().replace(/_/g, ' ');
    return direction === 'in' ? `← ${base}` : direction === 'out' ? `${base} →` : base;
  }
  return names[direction === 'in' ? 'in' : 'out'][lang];
}
