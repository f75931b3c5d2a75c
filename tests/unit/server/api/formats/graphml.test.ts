import { MultiDirectedGraph } from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { flatValue } from '../../../../../server/contract/flatten.ts';
import { writeGraphml } from '../../../../../server/api/formats/graphml.ts';

describe('writeGraphml', () => {
  it('writes what graphology-graphml reads back, typed', () => {
    const xml = writeGraphml(
      [
        { id: 'state:ARG', attributes: { label: '阿根廷 & <co>', year: 2000, unMember: true, aliases: ['a', 'b'], ratio: 1.5 } },
        { id: 'doc:A/CONF.241/1', attributes: { label: 'doc', year: 2.5 } },
      ],
      [{ id: 'e0', source: 'state:ARG', target: 'doc:A/CONF.241/1', attributes: { type: 'MENTIONS', count: 2 } }],
    );
    const g = parseGraphml(MultiDirectedGraph, xml);
    expect(g.order).toBe(2);
    expect(g.size).toBe(1);
    expect(g.getNodeAttribute('state:ARG', 'label')).toBe('阿根廷 & <co>');
    expect(g.getNodeAttribute('state:ARG', 'unMember')).toBe(true);
    expect(g.getNodeAttribute('state:ARG', 'aliases')).toBe('a | b');
    expect(g.getNodeAttribute('doc:A/CONF.241/1', 'year')).toBe(2.5);
    expect(g.getEdgeAttribute('e0', 'count')).toBe(2);
    expect(xml).toContain('attr.name="year" attr.type="double"');
  });

  it('drops characters XML cannot hold', () => {
    const xml = writeGraphml([{ id: 'n\u0000', attributes: { label: 'a\u0000b\u0007c"' } }], []);
    expect(xml).toContain('<node id="n"><data key="n0">abc"</data></node>');
  });
});

describe('flatValue', () => {
  it('joins lists and keeps scalars', () => {
    expect(flatValue(['x', 1])).toBe('x | 1');
    expect(flatValue(3)).toBe(3);
    expect(flatValue(null)).toBeNull();
    expect(flatValue({ a: 1 })).toBe('{"a":1}');
  });
});
