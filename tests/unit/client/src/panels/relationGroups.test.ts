import { describe, expect, it } from 'vitest';
import type { RelationshipGroup } from '../../../../../server/contract/api.ts';
import { relationSections } from '../../../../../client/src/panels/relationGroups.ts';
import { relationName } from '../../../../../client/src/i18n/relations.ts';

const item = (id: string, properties: Record<string, string | number> = {}) => ({
  id: `rel-${id}`,
  other: { id, labels: ['CrimeType'], name: id, name_zh: null, name_en: null, text: null },
  properties,
  provenance: [],
});
const group = (type: string, direction: 'out' | 'in', ids: string[], count = ids.length): RelationshipGroup => ({
  type,
  direction,
  count,
  items: ids.map((id, i) => item(id, { count: i + 1 })),
});

describe('the details panel’s relationship sections', () => {
  // money-laundering as the issue found it: a stated link stored inward, co-occurrence split by storage direction.
  const moneyLaundering: RelationshipGroup[] = [
    group('CO_OCCURS', 'in', ['crime:a', 'crime:b', 'crime:c', 'crime:d', 'crime:e', 'crime:f', 'crime:g', 'crime:h', 'crime:i', 'crime:j']),
    group('CO_OCCURS', 'out', ['crime:k', 'crime:l', 'crime:m']),
    group('MENTIONS', 'in', ['para:1', 'para:2']),
    group('ADDRESSES', 'in', ['rec:1']),
    group('UNDER', 'out', ['agenda:1']),
    group('PART_OF', 'in', ['para:9']),
    group('LINKED_TO', 'in', ['crime:corruption']),
  ];

  it('puts the stated link first, and open', () => {
    const sections = relationSections(moneyLaundering);
    expect(sections[0]).toMatchObject({ type: 'LINKED_TO', direction: 'in', stated: true, open: true, count: 1 });
  });

  it('shows an undirected relationship once, whichever way each was stored', () => {
    const sections = relationSections(moneyLaundering);
    const cooccurs = sections.filter((s) => s.type === 'CO_OCCURS');
    expect(cooccurs).toHaveLength(1);
    expect(cooccurs[0]).toMatchObject({ direction: 'both', count: 13 });
    expect(cooccurs[0]!.items.map((i) => i.other.id)).toHaveLength(13);
    // Closest companions first.
    expect(cooccurs[0]!.items[0]!.properties.count).toBe(10);
  });

  it('keeps directed types apart by direction, in reading order, the first few open', () => {
    const sections = relationSections(moneyLaundering);
    expect(sections.map((s) => `${s.type}:${s.direction}`)).toEqual([
      'LINKED_TO:in',
      'ADDRESSES:in',
      'MENTIONS:in',
      'CO_OCCURS:both',
      'UNDER:out',
      'PART_OF:in',
    ]);
    expect(sections.filter((s) => s.open).map((s) => s.type)).toEqual(['LINKED_TO', 'ADDRESSES', 'MENTIONS', 'CO_OCCURS']);
  });

  it('names each direction in words, both languages', () => {
    expect(relationName('zh', 'CITES', 'in')).toBe('被引用于');
    expect(relationName('en', 'CITES', 'out')).toBe('cites');
    expect(relationName('en', 'LINKED_TO', 'in')).toBe('stated link from');
    expect(relationName('zh', 'CO_OCCURS', 'both')).toBe('共现');
    expect(relationName('en', 'SOMETHING_NEW', 'in')).toBe('← something new');
  });
});
