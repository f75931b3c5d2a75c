import { describe, expect, it } from 'vitest';
import { gatherParts } from '../../../../../server/db/queries/node-details.ts';

const node = { key: 'state:ARG', labels: ['State'], props: [['name_en', 'Argentina']], versions: [] };
const item = (g: number, eid: string) => ({ g, eid, props: [], m: { key: eid, eid, labels: ['Paragraph'], fields: {} }, out: false });

describe('gatherParts', () => {
  it('puts the rows of one node-details query back together: groups in index order, items in arrival order under their group', () => {
    const parts = gatherParts([
      ['group', { g: 1, type: 'SPOKE_ON', out: true, count: 1 }],
      ['item', item(1, 'r3')],
      ['node', node],
      ['text', { key: 'para:x:1', eid: 'e1', labels: ['Paragraph'], fields: { text: 'T' } }],
      // an item before its group's own row still lands in that group
      ['item', item(0, 'r1')],
      ['group', { g: 0, type: 'MENTIONS', out: false, count: 7 }],
      ['item', item(0, 'r2')],
    ]);
    expect(parts?.node.key).toBe('state:ARG');
    expect(parts?.texts.map((t) => t.key)).toEqual(['para:x:1']);
    expect(parts?.groups.map((g) => [g.type, g.out, g.count, g.items.map((i) => i.eid)])).toEqual([
      ['MENTIONS', false, 7, ['r1', 'r2']],
      ['SPOKE_ON', true, 1, ['r3']],
    ]);
  });

  it('gives undefined without a node row (no node has the id), and no groups for a node without relationships', () => {
    expect(gatherParts([])).toBeUndefined();
    expect(gatherParts([['node', node]])?.groups).toEqual([]);
  });
});
