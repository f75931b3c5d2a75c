/**
 * The XML exports (GEXF, GraphML) are well-formed XML 1.0 whatever the stored
 * text holds: checked with saxes, a conforming parser that rejects every
 * character XML 1.0 forbids, over random text from the whole UTF-16 range (C0
 * controls such as Word's vertical tab, lone surrogates, U+FFFE/U+FFFF, astral
 * characters), in ids, attribute names and values.
 */
import fc from 'fast-check';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { writeGexf } from '../../../../server/api/formats/gexf.ts';
import { writeGraphml } from '../../../../server/api/formats/graphml.ts';
import { xmlSafe, xmlSafeGraph } from '../../../../server/contract/xml.ts';
import { xmlErrors } from '../../../setup/xml.ts';

/** One UTF-16 unit or code point from anywhere: controls, surrogates alone, non-characters, astral. */
const anyUnit = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\uFFFE', '\uFFFF', '\u000B', '\u000C', '\u0085', '\u2028', '&', '<', '>', '"', "'", ']]>', '\r\n'),
  fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }),
);
const text = fc.string({ unit: anyUnit, maxLength: 16 });

const graph = fc
  .record({
    // Ids as the model makes them (a prefix, then anything the source held).
    ids: fc.uniqueArray(
      text.map((t) => `n:${t}`),
      { minLength: 1, maxLength: 6 },
    ),
    values: fc.array(
      fc.record({ key: fc.oneof(fc.constantFrom('text', 'name_en'), text), value: fc.oneof(text, fc.integer(), fc.array(text, { maxLength: 3 })) }),
      { maxLength: 4 },
    ),
    texts: fc.array(text, { minLength: 6, maxLength: 6 }),
  })
  .map(({ ids, values, texts }) => {
    const nodes = ids.map((id, i) => ({
      id,
      attributes: { label: texts[i]!, text: texts[(i + 1) % 6]!, ...Object.fromEntries(values.map((v) => [v.key, v.value])) },
    }));
    const edges = ids.slice(1).map((id, i) => ({ id: `e${i}`, source: ids[i]!, target: id, attributes: { type: 'MENTIONS', evidence: texts[i]! } }));
    return { nodes, edges };
  });

describe('xmlSafe', () => {
  it('keeps every character XML 1.0 allows and nothing it forbids; a vertical tab becomes a line break', () => {
    fc.assert(
      fc.property(text, (t) => {
        const safe = xmlSafe(t);
        expect(xmlErrors(`<a>${safe.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</a>`)).toEqual([]);
        if (!/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/.test(t)) expect(safe).toBe(t);
      }),
      { numRuns: 1000 },
    );
    expect(xmlSafe('line\u000Bbreak\u0007 😀 \uD83D')).toBe('line\nbreak 😀 \uFFFD');
  });

  it('ids stay unique and edges follow their nodes', () => {
    const { nodes, edges } = xmlSafeGraph(
      [
        { id: 'a', attributes: {} },
        { id: 'a\u0001', attributes: {} },
        { id: 'a\u0002', attributes: {} },
      ],
      [{ id: 'e', source: 'a\u0001', target: 'a\u0002', attributes: {} }],
    );
    expect(nodes.map((n) => n.id)).toEqual(['a', 'a #2', 'a #3']);
    expect(edges[0]).toMatchObject({ source: 'a #2', target: 'a #3' });
  });

  // Found by the property below (seed 192339452): a form feed becomes a line feed, and an XML 1.1
  // reader (xmldom, under graphology's parsers) reads NEL and U+2028 as line feeds too, so
  // 'n:\n\u0085' and 'n:\f\u2028' came back from GEXF as one node and the file could not be opened.
  it('ids that a reader would read back as one stay apart: line ends it normalises count as the same', () => {
    const ids = ['n:\n\u0085', 'n:\f\u2028', 'a\u0085', 'a\u2028', 'a\r\n', 'a\n'];
    const { nodes } = xmlSafeGraph(
      ids.map((id) => ({ id, attributes: {} })),
      [],
    );
    expect(nodes.map((n) => n.id)).toEqual(['n:\n\u0085', 'n:\n\u2028 #2', 'a\u0085', 'a\u2028 #2', 'a\r\n #3', 'a\n #4']);
    const back = parseGexf(
      MultiDirectedGraph,
      writeGexf(
        ids.map((id) => ({ id, attributes: {} })),
        [],
      ),
      { respectInputGraphType: true },
    );
    expect(back.order).toBe(ids.length);
  });
});

describe('GEXF and GraphML exports of hostile text', () => {
  it('are well-formed XML 1.0 and read back with the same graph and the text made safe', () => {
    fc.assert(
      fc.property(graph, ({ nodes, edges }) => {
        for (const [format, xml, parse] of [
          ['gexf', writeGexf(nodes, edges), (xml: string) => parseGexf(MultiDirectedGraph, xml, { respectInputGraphType: true })],
          ['graphml', writeGraphml(nodes, edges), (xml: string) => parseGraphml(MultiDirectedGraph, xml)],
        ] as const) {
          expect(xmlErrors(xml), format).toEqual([]);
          const back = parse(xml);
          expect(back.order, format).toBe(nodes.length);
          expect(back.size, format).toBe(edges.length);
        }
        // GraphML keeps text exactly, once made safe (CR, tabs and line feeds included).
        const back = parseGraphml(MultiDirectedGraph, writeGraphml(nodes, edges));
        const safe = xmlSafeGraph(nodes, edges);
        for (const n of safe.nodes) expect(back.getNodeAttribute(n.id, 'label')).toBe(n.attributes.label);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('the field report: a vertical tab (Word’s manual line break) in a paragraph', () => {
    const nodes = [{ id: 'para:x:1', attributes: { label: '1', text: 'first line\u000Bsecond line' } }];
    for (const xml of [writeGexf(nodes, []), writeGraphml(nodes, [])]) {
      expect(xmlErrors(xml)).toEqual([]);
      expect(xml).toContain('first line');
    }
  });
});
