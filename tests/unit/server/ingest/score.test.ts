/**
 * The scorer is a port of the evaluation kit's score.py: on small graphs built by hand,
 * each metric gives the figure worked out by hand from score.py's rules (optional keys,
 * "A|B" alternatives, "other:" predictions, name normalisation, the provenance checks).
 */
import { describe, expect, it } from 'vitest';
import { fixed2, formatScore, goldSchema, normName, scoreGraph, type ScoredGraph } from '../../../../server/ingest/score.ts';

const gold = goldSchema.parse({
  report: { paragraphs: 3 },
  aliases: {
    instrument: {
      UNTOC: ['联合国打击跨国有组织犯罪公约', 'Organized Crime Convention'],
      BANGKOK: ['曼谷规则'],
      KYOTO: ['Kyoto Declaration'],
      _contains: ['KYOTO'],
    },
    crime: { OC: ['organized crime'], ML: ['money-laundering'], TIP: ['trafficking in persons'], SOM: ['smuggling of migrants'], TERR: ['terrorism'] },
    org: { UNODC: ['UNODC', 'United Nations Office on Drugs and Crime'] },
  },
  recommendations: {
    '2(a)': { instruments: ['UNTOC'], crimes: ['OC|ML'] },
    '2(b)': { instruments: ['BANGKOK'], instruments_optional: ['KYOTO'], crimes: ['TIP'] },
    '2(c)': {},
  },
  rec_topic: { '2': 3 },
  speakers: { '3': { states: ['ARG', 'BRA'], orgs: ['UNODC', 'Penal Reform International'] } },
  attendance: { member: ['ARG', 'BRA'], observer: ['JPN'], orgs: ['UNODC', 'Penal Reform International'], orgs_optional: ['ECLAC'] },
  same_entity: [
    ['毒罪办', 'UNODC'],
    ['曼谷规则', 'Bangkok Rules'],
    ['The Kyoto Declaration', 'Kyoto Declaration (2021)'],
    ['Organized Crime Convention', 'organized crime'],
  ],
  links: { predicate: [['OC|TIP', 'ML']], forbidden: [['SOM', 'TERR']] },
  _about: 'extra keys are the annotator’s and are kept',
});

const node = (id: string, labels: string[], properties: Record<string, unknown>) => ({ id, labels, properties });
const rel = (type: string, start: string, end: string, properties: Record<string, unknown> = {}) => ({ type, start, end, properties });

function crafted(linkKind: string): ScoredGraph {
  return {
    nodes: [
      node('para:1', ['Paragraph'], { number: 1, text: 'UNODC spoke.' }),
      node('para:2', ['Paragraph'], { number: '2', text: '' }),
      node('para:7', ['Paragraph'], { number: 7, text: '' }),
      node('rec:2(a)', ['Recommendation'], { paragraph: 2, letter: 'a', text: 'Implement the Organized Crime Convention against organized crime.' }),
      node('rec:2(b)', ['Recommendation'], { paragraph: 2, letter: 'b', text: 'Apply the Bangkok Rules.' }),
      node('rec:2(d)', ['Recommendation'], { paragraph: 2, letter: 'd', text: 'x' }),
      node('agenda:3', ['AgendaItem'], { number: 3 }),
      node('workshop:1', ['Workshop'], { number: 1 }),
      node('theme:15', ['Theme'], {}),
      node('instrument:untoc', ['Instrument'], { name: 'Organized Crime Convention' }),
      node('instrument:bangkok', ['Instrument'], { name: 'Bangkok Rules', aliases: ['曼谷规则'] }),
      node('instrument:kyoto', ['Instrument'], { name: 'Kyoto Declaration on Advancing Crime Prevention' }),
      node('instrument:cedaw', ['Instrument'], { name: 'CEDAW' }),
      node('crime:oc', ['CrimeType'], { name: 'organized crime' }),
      node('crime:ml', ['CrimeType'], { name: 'money laundering', aliases: ['money-laundering'] }),
      node('crime:tip', ['CrimeType'], { name: 'trafficking in persons' }),
      node('crime:som', ['CrimeType'], { name: 'smuggling of migrants' }),
      node('crime:terr', ['CrimeType'], { name: 'terrorism' }),
      node('state:ARG', ['State'], { iso3: 'ARG', name: 'Argentina' }),
      node('state:BRA', ['State'], { iso3: 'BRA', name: 'Brazil' }),
      node('state:CHN', ['State'], { iso3: 'CHN', name: 'China' }),
      node('state:JPN', ['State'], { iso3: 'JPN', name: 'Japan' }),
      node('org:unodc', ['Organization'], { name: '毒罪办', aliases: ['UNODC'] }),
      node('org:pri', ['Organization'], { name: 'Penal Reform International' }),
      node('org:eclac', ['Organization'], { name: 'ECLAC' }),
      node('org:x', ['Organization'], { name: 'Something' }),
      node('meeting', ['Meeting'], {}),
    ],
    relationships: [
      rel('UNDER', 'rec:2(a)', 'agenda:3'),
      rel('UNDER', 'rec:2(a)', 'workshop:1'),
      rel('UNDER', 'rec:2(b)', 'theme:15'),
      rel('CITES', 'rec:2(a)', 'instrument:untoc', { paragraph: 2, evidence: 'Organized Crime Convention' }),
      rel('CITES', 'rec:2(a)', 'instrument:cedaw', { paragraph: 2, evidence: 'CEDAW' }),
      rel('CITES', 'rec:2(b)', 'instrument:bangkok', { paragraph: 2, evidence: 'Bangkok Rules' }),
      rel('CITES', 'rec:2(b)', 'instrument:kyoto', { paragraph: null, evidence: 'x' }),
      rel('ADDRESSES', 'rec:2(a)', 'crime:oc', { paragraph: 2, evidence: 'organized crime' }),
      rel('ADDRESSES', 'rec:2(a)', 'crime:ml', { paragraph: 2, evidence: '' }),
      rel('ADDRESSES', 'rec:2(d)', 'crime:tip', { paragraph: 2, evidence: 'whatever' }),
      rel('SPOKE_ON', 'state:ARG', 'agenda:3', { paragraph: 1 }),
      rel('SPOKE_ON', 'state:CHN', 'agenda:3', { paragraph: 1 }),
      rel('SPOKE_ON', 'org:unodc', 'agenda:3', { paragraph: 1 }),
      rel('SPOKE_ON', 'org:pri', 'theme:15', { paragraph: 1 }),
      rel('SPOKE_ON', 'org:x', 'agenda:3', { paragraph: 1 }),
      rel('SPOKE_ON', 'state:BRA', 'workshop:1', { paragraph: 1 }),
      rel('ATTENDED', 'state:ARG', 'meeting', { paragraph: 3, role: 'member' }),
      rel('ATTENDED', 'state:BRA', 'meeting', { paragraph: 3, role: 'observer' }),
      rel('ATTENDED', 'state:JPN', 'meeting', { paragraph: 3, role: 'observer' }),
      rel('ATTENDED', 'state:CHN', 'meeting', { paragraph: 3, role: 'guest' }),
      rel('ATTENDED', 'org:unodc', 'meeting', { paragraph: 3 }),
      rel('ATTENDED', 'org:eclac', 'meeting', { paragraph: 3 }),
      rel('ATTENDED', 'org:x', 'meeting', { paragraph: '' }),
      rel('LINKED_TO', 'crime:oc', 'crime:ml', { paragraph: 1, kind: 'predicate-offence' }),
      rel('LINKED_TO', 'crime:terr', 'crime:som', { paragraph: 1, kind: linkKind }),
      rel('MENTIONS', 'para:1', 'org:unodc', { spans: [0, 5] }),
      rel('MENTIONS', 'para:1', 'state:ARG', { spans: [5, 40] }),
      rel('MENTIONS', 'org:x', 'state:ARG', { spans: [] }),
    ],
  };
}

describe('the scorer (a port of score.py)', () => {
  it('gives, metric by metric, the figures score.py gives on a crafted graph', () => {
    const report = scoreGraph(crafted('nexus'), gold);
    const figures = Object.fromEntries(report.lines.map((l) => [l.metric, l.f1]));
    expect(figures['recommendations found']).toBeCloseTo(2 / 3, 10);
    expect(figures['paragraphs found']).toBeCloseTo(2 / 3, 10);
    // Every annotated recommendation counts, found or not: 2(a) right, 2(b) under the theme, 2(c) absent.
    expect(figures['recommendation -> agenda item']).toBeCloseTo(1 / 3, 10);
    // 2(a): UNTOC right, CEDAW false; 2(b): Bangkok right, Kyoto optional (matched by containment).
    expect(figures['CITES (rec -> instrument)']).toBeCloseTo(0.8, 10);
    // 2(a): OC|ML satisfied once (ML is not a second false positive); 2(b): TIP missed; 2(d) is not annotated.
    expect(figures['ADDRESSES (rec -> crime)']).toBeCloseTo(2 / 3, 10);
    // pred ARG, CHN, UNODC, PRI on the theme, other:org:x; ref ARG, BRA, UNODC, PRI on item 3.
    expect(figures['SPOKE_ON (speaker -> agenda item)']).toBeCloseTo(4 / 9, 10);
    // (BRA, observer) and (CHN, guest) are false; (BRA, member) missed.
    expect(figures['ATTENDED (state, role)']).toBeCloseTo(4 / 7, 10);
    // ECLAC is optional; org:x is other:.
    expect(figures['ATTENDED (organisations)']).toBeCloseTo(1 / 2, 10);
    expect(figures['same entity under two names']).toBeCloseTo(1 / 2, 10);
    // The predicate link is found, but terrorism → smuggling of migrants is a plain link the gold forbids.
    expect(figures['LINKED_TO stated links']).toBe(0);
    // 24 checked: 2 CITES, 2 ADDRESSES, 1 ATTENDED and 1 MENTIONS fail.
    expect(figures['provenance present and true']).toBeCloseTo(18 / 24, 10);
    expect(report.worst.metric).toBe('LINKED_TO stated links');
  });

  it('accepts a forbidden link that is recorded as contested', () => {
    const graph = crafted('contested');
    const line = scoreGraph(graph, gold).lines.find((l) => l.metric === 'LINKED_TO stated links')!;
    expect(line.f1).toBe(1);
    expect(line.detail).toBe('predicate-offence links 1/1; uncontested forbidden links []');
  });

  it('scores a perfect graph 1.00 everywhere and prints the table as score.py does', () => {
    const g = goldSchema.parse({
      report: { paragraphs: 1 },
      aliases: { instrument: { X: ['X Convention'] }, crime: {} },
      recommendations: { '1(a)': { instruments: ['X'] } },
      rec_topic: { '1': 'theme' },
      speakers: {},
      attendance: { member: [], observer: [], orgs: [], orgs_optional: [] },
      same_entity: [],
    });
    const graph: ScoredGraph = {
      nodes: [
        node('p1', ['Paragraph'], { number: 1, text: 'The X Convention.' }),
        node('r', ['Recommendation'], { paragraph: 1, letter: 'a', text: 'Apply the X Convention.' }),
        node('t', ['Theme'], {}),
        node('i', ['Instrument'], { name: 'the X Convention' }),
      ],
      relationships: [
        rel('UNDER', 'r', 't'),
        rel('CITES', 'r', 'i', { paragraph: 1, evidence: 'X Convention' }),
        rel('MENTIONS', 'p1', 'i', { spans: [[4, 16]] }),
      ],
    };
    const report = scoreGraph(graph, g);
    expect(report.lines.every((l) => l.f1 === 1)).toBe(true);
    const text = formatScore(report);
    expect(text.split('\n')).toHaveLength(12);
    expect(text).toMatch(/^recommendations found {15}1\.00 {2}1 nodes; extra \[\] missing \[\]$/m);
    expect(text.split('\n').at(-1)).toBe('min F1 1.00 (recommendations found)');
  });

  it('normalises names as score.py does', () => {
    expect(normName('《联合国 反腐败公约》')).toBe('联合国反腐败公约');
    expect(normName('The Kyoto Declaration')).toBe('kyotodeclaration');
    expect(normName('Netherlands (Kingdom of the)')).toBe('netherlandskingdomofthe');
    expect(normName('anti-money-laundering')).toBe('antimoneylaundering');
    expect(normName('theme')).toBe('me');
  });

  it('rounds ties to even when printing, as Python does', () => {
    expect(fixed2(0.125)).toBe('0.12');
    expect(fixed2(0.375)).toBe('0.38');
    expect(fixed2(0.625)).toBe('0.62');
    expect(fixed2(2 / 3)).toBe('0.67');
    expect(fixed2(1)).toBe('1.00');
  });
});
