import type { RelationshipGroup, RelationshipItem } from '../../../server/contract/api.ts';
import { STATED_TYPES, UNDIRECTED_TYPES, type Direction } from '../i18n/relations.ts';

/** One list of related entities in a node's details: a relationship type, read from this node. */
export interface RelationSection {
  type: string;
  direction: Direction;
  /** How many there are in all (items may list fewer). */
  count: number;
  items: RelationshipItem[];
  /** A link the text states (shown first). */
  stated: boolean;
  /** Shown open when the panel opens. */
  open: boolean;
}

/**
 * Reading order of relationship types in the details panel: what the text says of
 * the node (stated links, citations, crimes addressed, speakers) before what is
 * counted (mentions, co-occurrence) and the text's structure (agenda, report).
 */
const TYPE_ORDER = [
  'LINKED_TO',
  'CITES',
  'SUPPLEMENTS',
  'ADDRESSES',
  'SPOKE_ON',
  'ATTENDED',
  'HELD_ROLE',
  'REPRESENTS',
  'MENTIONS',
  'CO_OCCURS',
  'UNDER',
  'PART_OF',
  'REPORT_OF',
  'IN_REPORT',
];

/** How many sections besides the stated links are open at first. */
export const OPEN_SECTIONS = 3;

/**
 * The details panel's sections from the API's groups (one per type and stored
 * direction): an undirected type (co-occurrence) becomes one section whatever way
 * each relationship happens to be stored; stated links come first and open; then
 * the types in reading order (TYPE_ORDER), the first OPEN_SECTIONS of them open.
 */
export function relationSections(groups: readonly RelationshipGroup[]): RelationSection[] {
  const merged = new Map<string, RelationSection>();
  for (const group of groups) {
    const undirected = UNDIRECTED_TYPES.has(group.type);
    const direction: Direction = undirected ? 'both' : group.direction;
    const key = `${group.type}|${direction}`;
    const existing = merged.get(key);
    if (existing) {
      const seen = new Set(existing.items.map((i) => i.id));
      existing.items.push(...group.items.filter((i) => !seen.has(i.id)));
      existing.count += group.count;
    } else {
      merged.set(key, { type: group.type, direction, count: group.count, items: [...group.items], stated: STATED_TYPES.has(group.type), open: false });
    }
  }
  const rank = (type: string) => {
    const i = TYPE_ORDER.indexOf(type);
    return i < 0 ? TYPE_ORDER.length : i;
  };
  const directionRank = { out: 0, both: 0, in: 1 } as const;
  const sections = [...merged.values()].sort(
    (a, b) =>
      Number(b.stated) - Number(a.stated) || rank(a.type) - rank(b.type) || directionRank[a.direction] - directionRank[b.direction] || b.count - a.count,
  );
  let opened = 0;
  for (const section of sections) {
    if (section.stated) section.open = true;
    else if (opened < OPEN_SECTIONS) {
      section.open = true;
      opened++;
    }
  }
  // In a co-occurrence list the closest companions come first.
  for (const section of sections) {
    if (section.direction === 'both') section.items.sort((a, b) => weight(b) - weight(a));
  }
  return sections;
}

function weight(item: RelationshipItem): number {
  const count = item.properties.count;
  return typeof count === 'number' ? count : 0;
}
