/** What a careful reader finds in the seed report, pinned. */
import { describe, expect, it } from 'vitest';
import type { GraphJson } from '../../../../server/contract/model.ts';
import { ingestReport } from '../../../../server/ingest/ingestReport.ts';
import { parseReport } from '../../../../server/ingest/parse/parseReport.ts';
import { reportTag } from '../../../../server/ingest/extract/structure.ts';
import { validateGraph } from '../../../../server/ingest/validateGraph.ts';
import { realGazetteer, seedText } from '../../../setup/reports.ts';

const gazetteer = await realGazetteer();
const structure = parseReport(seedText(), 'lac-rpm-2025.zh.txt');
const { graph, warnings } = ingestReport(seedText(), { source: 'data/reports/lac-rpm-2025.zh.txt', gazetteer });

const rels = (g: GraphJson, type: string, filter: (r: GraphJson['relationships'][number]) => boolean = () => true) =>
  g.relationships.filter((r) => r.type === type && filter(r));
const node = (id: string) => graph.nodes.find((n) => n.id === id);

describe('the seed report', () => {
  it('has 95 paragraphs and 66 recommendations, with no text left unplaced', () => {
    expect(structure.paragraphs.map((p) => p.number)).toEqual(Array.from({ length: 95 }, (_, i) => i + 1));
    expect(structure.recommendations).toHaveLength(66);
    expect(warnings).toEqual([]);
    expect(graph.reports).toEqual(['report:lac-rpm-2025']);
  });

  it('tags the report and its meeting with region and Congress (LAC-15), a fallback for an unknown region', () => {
    expect(node('report:lac-rpm-2025')?.properties.tag).toBe('LAC-15');
    expect(node('meeting:A/CONF.241/RPM.2')?.properties.tag).toBe('LAC-15');
    expect(reportTag(null, 'xyz-rpm-2025', 14)).toBe('XYZ-14');
  });

  it('puts the right letters under the right agenda item', () => {
    const lettersUnder = (target: string) =>
      rels(graph, 'UNDER', (r) => r.end === target)
        .map((r) => r.start.replace('rec:lac-rpm-2025:', ''))
        .join(' ');
    const run = (p: number, last: string) => Array.from({ length: last.charCodeAt(0) - 96 }, (_, i) => `${p}(${String.fromCharCode(97 + i)})`).join(' ');
    expect(lettersUnder('theme:15')).toBe(run(24, 'l'));
    expect(lettersUnder('agenda:15:3')).toBe(run(37, 'o'));
    expect(lettersUnder('agenda:15:4')).toBe(run(49, 's'));
    expect(lettersUnder('agenda:15:5')).toBe(run(66, 'l'));
    expect(lettersUnder('agenda:15:6')).toBe(run(76, 'h'));
    expect(lettersUnder('workshop:15:3')).toBe(run(66, 'l'));
  });

  it("keeps paragraph 92's own agenda 1–7 inside it", () => {
    expect(structure.agenda?.paragraph).toBe(92);
    expect(structure.agenda?.items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(structure.agenda?.items[4]!.subItems.map((i) => i.letter)).toEqual(['a', 'b', 'c', 'd']);
    expect(String(node('para:lac-rpm-2025:92')!.properties.text)).toContain('（A/CONF.241/RPM.2/1）');
  });

  it('records who spoke in each block', () => {
    const speakers = (block: string, role: string) =>
      rels(graph, 'SPOKE_ON', (r) => r.end === block && r.properties.role === role)
        .map((r) => r.start)
        .sort();
    expect(speakers('theme:15', 'representative')).toHaveLength(17);
    expect(speakers('theme:15', 'representative')).toContain('state:TTO');
    expect(speakers('theme:15', 'observer')).toEqual(
      [
        'org:alliance-of-ngos-ccpcj',
        'org:anju',
        'org:apt',
        'org:brazilian-human-rights-institute',
        'org:cipaf',
        'org:global-initiative-toc',
        'org:human-rights-legal-aid',
        'org:international-legal-foundation',
        'state:ARE',
        'state:VNM',
      ].sort(),
    );
    expect(speakers('agenda:15:3', 'representative')).toEqual(
      ['ARG', 'BRA', 'CAN', 'CHL', 'COL', 'CRI', 'GTM', 'GUY', 'MEX', 'NLD', 'PER', 'KNA', 'URY'].map((c) => `state:${c}`).sort(),
    );
    expect(speakers('agenda:15:3', 'president')).toEqual(['org:alliance-of-ngos-ccpcj']);
    expect(speakers('agenda:15:4', 'representative')).toHaveLength(14);
    expect(speakers('agenda:15:4', 'observer')).toEqual([
      'org:alliance-of-ngos-ccpcj',
      'org:anju',
      'org:global-initiative-toc',
      'org:international-legal-foundation',
    ]);
    expect(speakers('agenda:15:5', 'representative')).toContain('state:FRA');
    expect(speakers('agenda:15:5', 'representative')).toHaveLength(15);
    expect(speakers('agenda:15:5', 'observer')).toEqual([
      'org:alliance-of-ngos-ccpcj',
      'org:anti-slavery-international',
      'org:cipaf',
      'org:global-initiative-toc',
      'state:ARE',
    ]);
    expect(speakers('agenda:15:6', 'representative')).toHaveLength(13);
    expect(speakers('agenda:15:6', 'observer')).toEqual(['org:alliance-of-ngos-ccpcj', 'org:ipandetec', 'state:ARE']);
  });

  it('finds the 27 member States and 4 observer States that attended, and the organisations', () => {
    const attended = (role: string) =>
      rels(graph, 'ATTENDED', (r) => r.properties.role === role)
        .map((r) => r.start)
        .sort();
    const members = attended('member');
    expect(members).toHaveLength(27);
    expect(members).toEqual(expect.arrayContaining(['state:TTO', 'state:KNA', 'state:GBR', 'state:USA', 'state:NLD', 'state:TUR', 'state:SLV', 'state:DOM']));
    expect(attended('observer')).toEqual(['state:ARE', 'state:LUX', 'state:RUS', 'state:VNM']);
    expect(attended('un-entity')).toEqual(['org:undp', 'org:unodc']);
    expect(attended('institute')).toEqual(['org:icclr', 'org:ilanud']);
    expect(attended('ngo')).toHaveLength(12);
    expect(attended('ngo')).toContain('org:cedaw-committee-tto');
    expect(attended('member')).not.toContain('state:DMA');
  });

  it('cites the Organized Crime Convention in 24(c) and the Convention against Cybercrime in 24(k)', () => {
    const cites = (rec: string) => rels(graph, 'CITES', (r) => r.start === `rec:lac-rpm-2025:${rec}`).map((r) => [r.end, r.properties.evidence]);
    expect(cites('24(c)')).toEqual([['instrument:untoc', '打击有组织犯罪公约']]);
    expect(cites('24(k)')).toEqual([['instrument:cybercrime-convention', '联合国打击网络犯罪公约']]);
    expect(rels(graph, 'ADDRESSES', (r) => r.start === 'rec:lac-rpm-2025:24(k)')).toEqual([]);
  });

  it('makes one node of an organisation named two ways', () => {
    const anju = node('org:anju')!;
    const named = rels(graph, 'MENTIONS', (r) => r.end === 'org:anju').flatMap((r) => r.properties.forms as string[]);
    expect(new Set(named)).toEqual(new Set(['安居服务组织', '安居组织']));
    expect(anju.properties.aliases).toEqual(expect.arrayContaining(['安居服务组织', '安居组织']));
    expect(graph.nodes.filter((n) => String(n.properties.name_zh ?? '').startsWith('安居'))).toHaveLength(1);
  });

  it('makes one person of a name with and without its middle name', () => {
    const erin = node('person:erin-leslie-mckey')!;
    expect(erin.properties.aliases).toEqual(['Erin Leslie McKey', 'Erin McKey']);
    expect(rels(graph, 'HELD_ROLE', (r) => r.start === erin.id).map((r) => r.properties.role)).toEqual(['vice-chair', 'presiding']);
    expect(rels(graph, 'REPRESENTS', (r) => r.start === 'person:douglas-duran').map((r) => r.end)).toEqual(['org:ilanud']);
    expect(graph.nodes.filter((n) => n.labels.includes('Person'))).toHaveLength(4);
  });

  it('does not find a State inside an organisation or Brazil inside Brasília', () => {
    expect(rels(graph, 'MENTIONS', (r) => r.start === 'para:lac-rpm-2025:82' && r.end === 'state:TTO')).toEqual([]);
    expect(rels(graph, 'MENTIONS', (r) => r.start === 'para:lac-rpm-2025:41').map((r) => r.end)).toEqual(['instrument:brasilia-regulations']);
  });

  it('links crimes only where the text does, and marks the warning as contested', () => {
    const links = rels(graph, 'LINKED_TO').map((r) => [r.start, r.end, r.properties.kind, r.properties.paragraph]);
    expect(links).toEqual(
      expect.arrayContaining([
        ['crime:crimes-affecting-environment', 'crime:money-laundering', 'predicate-offence', 66],
        ['crime:crimes-affecting-environment', 'crime:organized-crime', 'nexus', 24],
        ['crime:terrorism', 'crime:organized-crime', 'contested', 53],
      ]),
    );
    expect(links.filter(([a, b, kind]) => a === 'crime:terrorism' && b === 'crime:organized-crime' && kind !== 'contested')).toEqual([]);
  });

  it('puts illegal mining under its ICCS division, itself under crimes that affect the environment', () => {
    expect(node('crime:illegal-mining')!.properties.parent).toBe('crime:iccs-1004');
    // The broader types join the graph, so a question about one reaches all its narrower ones.
    expect(node('crime:iccs-1004')!.properties).toMatchObject({ iccs: '1004', parent: 'crime:crimes-affecting-environment' });
    expect(node('crime:iccs-07')!.properties.parent).toBeNull();
  });

  it('builds Document nodes from the symbols, expanding Add.1-5', () => {
    const docs = graph.nodes.filter((n) => n.labels.includes('Document')).map((n) => n.id);
    expect(docs).toEqual(expect.arrayContaining(['doc:A/CONF.241/PM.1', 'doc:A/CONF.241/RPM.2/L.1/Add.5', 'doc:E/CN.15/2007/6', 'doc:A/CONF.241/RPM.2/CRP.2']));
    expect(node('doc:A/CONF.241/PM.1')!.properties.title_zh).toBe('讨论指南');
  });

  it('derives co-occurrence once per unordered pair', () => {
    const pairs = rels(graph, 'CO_OCCURS').map((r) => [r.start, r.end].sort().join('|'));
    expect(new Set(pairs).size).toBe(pairs.length);
    const envOc = rels(graph, 'CO_OCCURS', (r) => r.start === 'crime:crimes-affecting-environment' && r.end === 'crime:organized-crime')[0]!;
    expect(envOc.properties.paragraphs).toEqual(expect.arrayContaining(['rec:lac-rpm-2025:24(g)', 'rec:lac-rpm-2025:66(c)']));
    expect(envOc.properties.count).toBe((envOc.properties.paragraphs as string[]).length);
  });

  it('validates against MODEL.md', () => {
    expect(validateGraph(graph)).toEqual([]);
  });
});
