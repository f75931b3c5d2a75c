/**
 * Hostile and damaged reports (property-based): whatever the text, ingest either
 * returns a graph that validateGraph accepts, with every span inside the text of
 * the node it points into, or throws a ReportFormatError naming a line of the
 * input. Anything else (a TypeError, a RangeError, a hang) is a bug.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestReport, ReportFormatError, validateGraph } from '../../../../server/ingest/index.ts';
import type { GraphJson } from '../../../../server/contract/model.ts';
import { englishText, realGazetteer, seedText } from '../../../setup/reports.ts';

const gazetteer = await realGazetteer();
const SEED = seedText();
const ENGLISH = englishText();

/** Ingest, and check what came out; returns which way it went. */
function ingestChecked(text: string): 'ingested' | 'refused' {
  let graph: GraphJson;
  try {
    graph = ingestReport(text, { source: 'fuzzed.txt', gazetteer }).graph;
  } catch (error) {
    if (!(error instanceof ReportFormatError)) throw error;
    const lines = text.split('\n').length;
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.line).toBeLessThanOrEqual(lines + 1);
    expect(error.message).toContain(`line ${error.line}`);
    return 'refused';
  }
  expect(validateGraph(graph)).toEqual([]);
  checkSpans(graph);
  return 'ingested';
}

/**
 * Every span is a pair of offsets inside the text it points into: the text node
 * its `unit` names (a LINKED_TO), the start node's text (a paragraph's, a
 * recommendation's) or, for a State that spoke or attended, the text of the
 * paragraph the relationship names. Evidence is words of that text.
 */
function checkSpans(graph: GraphJson): void {
  const text = new Map<string, string>();
  const paragraphs = new Map<string, string>();
  for (const n of graph.nodes) {
    if (typeof n.properties.text !== 'string') continue;
    text.set(n.id, n.properties.text);
    if (n.labels.includes('Paragraph')) paragraphs.set(`${String(n.properties.report)}#${String(n.properties.number)}`, n.properties.text);
  }
  for (const r of graph.relationships) {
    const spans = r.properties.spans;
    if (spans === undefined || spans === null) continue;
    const unit = typeof r.properties.unit === 'string' ? r.properties.unit : undefined;
    const source =
      unit !== undefined ? text.get(unit) : (text.get(r.start) ?? paragraphs.get(`${String(r.properties.report)}#${String(r.properties.paragraph)}`));
    expect(source, `${r.type} from ${r.start} has spans but no text to point into`).toBeDefined();
    expect(Array.isArray(spans) && spans.length % 2 === 0 && spans.length > 0).toBe(true);
    const s = spans as number[];
    for (let i = 0; i < s.length; i += 2) {
      expect(Number.isInteger(s[i]) && Number.isInteger(s[i + 1])).toBe(true);
      expect(
        0 <= s[i]! && s[i]! < s[i + 1]! && s[i + 1]! <= source!.length,
        `${r.type} ${r.start}→${r.end} span ${s[i]}..${s[i + 1]} of ${source!.length}`,
      ).toBe(true);
    }
    const evidence = r.properties.evidence;
    if (typeof evidence === 'string')
      expect(source!.includes(evidence) || s.some((_, i) => i % 2 === 0 && source!.slice(s[i], s[i + 1]!) === evidence)).toBe(true);
  }
}

/** Damage to a report, line by line: the ways a copy-paste, an OCR pass or an attacker spoils one. */
type Mutation =
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'duplicate'; at: number; count: number }
  | { kind: 'move'; from: number; to: number }
  | { kind: 'shuffle'; at: number; count: number; seed: number }
  | { kind: 'inject'; at: number; column: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'replaceLine'; at: number; text: string };

const unicodeJunk = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }), // lone surrogates and control characters too
  fc.constantFrom(
    '\u0000',
    '\ufeff',
    '\u200b',
    '\u202e',
    '\r',
    '\r\n',
    '\t',
    '（',
    '）',
    '；',
    '：',
    '“',
    '。',
    '(a)',
    '- (b)',
    '1.',
    '99999999999999999999.',
    'A/CONF.241/',
    '[x](#)',
    '《',
    '》',
  ),
);

const mutation = (lines: number): fc.Arbitrary<Mutation> => {
  const line = fc.nat({ max: Math.max(0, lines - 1) });
  return fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: line, count: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant('duplicate' as const), at: line, count: fc.integer({ min: 1, max: 20 }) }),
    fc.record({ kind: fc.constant('move' as const), from: line, to: line }),
    fc.record({ kind: fc.constant('shuffle' as const), at: line, count: fc.integer({ min: 2, max: 30 }), seed: fc.nat() }),
    fc.record({ kind: fc.constant('inject' as const), at: line, column: fc.nat({ max: 200 }), text: unicodeJunk }),
    fc.record({ kind: fc.constant('truncate' as const), at: line }),
    fc.record({ kind: fc.constant('replaceLine' as const), at: line, text: unicodeJunk }),
  );
};

function apply(lines: string[], m: Mutation): string[] {
  const out = [...lines];
  switch (m.kind) {
    case 'delete':
      out.splice(m.at, m.count);
      break;
    case 'duplicate':
      out.splice(m.at, 0, ...out.slice(m.at, m.at + m.count));
      break;
    case 'move': {
      const [moved] = out.splice(m.from, 1);
      if (moved !== undefined) out.splice(m.to, 0, moved);
      break;
    }
    case 'shuffle': {
      const part = out.slice(m.at, m.at + m.count);
      let seed = m.seed;
      for (let i = part.length - 1; i > 0; i--) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        const j = seed % (i + 1);
        [part[i], part[j]] = [part[j]!, part[i]!];
      }
      out.splice(m.at, part.length, ...part);
      break;
    }
    case 'inject': {
      const l = out[m.at] ?? '';
      const c = Math.min(m.column, l.length);
      out[m.at] = l.slice(0, c) + m.text + l.slice(c);
      break;
    }
    case 'truncate':
      out.splice(m.at);
      break;
    case 'replaceLine':
      out[m.at] = m.text;
      break;
  }
  return out;
}

function mutated(text: string): fc.Arbitrary<string> {
  const lines = text.split('\n');
  return fc.array(mutation(lines.length), { minLength: 1, maxLength: 4 }).map((ms) => ms.reduce(apply, lines).join('\n'));
}

describe('damaged reports (property)', () => {
  it('the seed report, its lines deleted, duplicated, moved, shuffled, cut or spiked with unicode: a valid graph or a ReportFormatError', () => {
    const outcomes = { ingested: 0, refused: 0 };
    fc.assert(
      fc.property(mutated(SEED), (text) => {
        outcomes[ingestChecked(text)] += 1;
      }),
      { numRuns: 40 },
    );
    // Both ways are exercised: damage that ingest survives, and damage it refuses.
    expect(outcomes.ingested).toBeGreaterThan(0);
  }, 60_000);

  it('the English fixture, damaged the same ways: a valid graph or a ReportFormatError', () => {
    fc.assert(
      fc.property(mutated(ENGLISH), (text) => {
        ingestChecked(text);
      }),
      { numRuns: 80 },
    );
  }, 60_000);

  it('a report cut at any character: a valid graph or a ReportFormatError', () => {
    fc.assert(
      fc.property(fc.nat({ max: SEED.length }), fc.boolean(), (at, english) => {
        const text = english ? ENGLISH.slice(0, Math.min(at, ENGLISH.length)) : SEED.slice(0, at);
        ingestChecked(text);
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});

describe('text that is no report (property)', () => {
  it('random text, random unicode, and random lines in a report’s vocabulary: never anything but a ReportFormatError', () => {
    const vocabularyLine = fc
      .array(
        fc.constantFrom(
          '第十五届联合国预防犯罪和刑事司法大会',
          '目录',
          '一. 导言',
          '二. 建议',
          '1.',
          '2.',
          '(a)',
          '- (b)',
          '；',
          '。',
          '附件',
          'Report of the',
          'Recommendations',
          'I. Introduction',
          '\t2',
          '2025年2月4日至6日',
          '4–6 February 2025',
          'A/CONF.241/RPM.1/1',
          '巴西',
          'Brazil',
          '《打击有组织犯罪公约》',
        ),
        { maxLength: 6 },
      )
      .map((parts) => parts.join(' '));
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 400 }),
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.array(vocabularyLine, { maxLength: 60 }).map((ls) => ls.join('\n')),
    );
    fc.assert(
      fc.property(text, (t) => {
        ingestChecked(t);
      }),
      { numRuns: 150 },
    );
  });
});

describe('faults the properties found, pinned', () => {
  it('characters outside the Basic Multilingual Plane before a name do not shift its spans', () => {
    const text = SEED.replace(/^91\. /m, '91.𐀀😀 ');
    const { graph } = ingestReport(text, { source: 'astral.zh.txt', gazetteer });
    expect(validateGraph(graph)).toEqual([]);
    const para = graph.nodes.find((n) => n.id === 'para:astral:91')!.properties.text as string;
    const bra = graph.relationships.find((r) => r.start === 'para:astral:91' && r.end === 'state:BRA')!;
    const [s, e] = bra.properties.spans as number[];
    expect(para.slice(s, e)).toBe('巴西');
  });

  it('two lists run together (a lost heading) repeat a letter: a ReportFormatError at the repeated line, not one id for two recommendations', () => {
    const lines = ENGLISH.split('\n');
    const second = lines.findIndex((l) => l.startsWith('(a) Apply the United Nations Rules'));
    // Take out everything between the first list and the second: paragraph 11's heading lines go.
    const first = lines.findIndex((l) => l.includes('(c) Recognize crimes'));
    const text = [...lines.slice(0, first + 1), '', ...lines.slice(second)].join('\n');
    const error = (() => {
      try {
        ingestReport(text, { source: 'joined.en.txt', gazetteer });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ReportFormatError);
    expect((error as ReportFormatError).line).toBe(first + 3);
    expect((error as ReportFormatError).message).toMatch(/recommendation \(a\) appears twice in paragraph 8/);
  });
});
