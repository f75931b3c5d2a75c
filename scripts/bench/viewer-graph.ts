/**
 * A synthetic, MODEL-conformant graph.json of a given size for the viewer
 * benchmark: one report whose entity graph (everything but paragraphs, which
 * the viewer does not draw) has exactly `nodes` nodes and `edges` relationships.
 *
 * Mostly recommendations, like a real report, citing instruments, addressing
 * crime types and mentioning entities, with hubs (targets are drawn with a
 * skew), so ForceAtlas2 and sigma see the shape of a real corpus, not a
 * uniform random graph. Deterministic from `seed`; validateGraph passes on it.
 */
import { createRandom, type Random } from '../synth/random.ts';
import type { GraphJson, GraphNode, GraphRelationship, NodeLabel, Properties, RelationshipType } from '../../server/contract/model.ts';

export interface SyntheticGraphSize {
  nodes: number;
  edges: number;
  seed?: number;
}

/** Shares of the nodes by label (the rest are recommendations). */
const SHARES: [NodeLabel, number][] = [
  ['State', 0.07],
  ['Organization', 0.07],
  ['Person', 0.08],
  ['CrimeType', 0.04],
  ['Instrument', 0.04],
  ['Document', 0.03],
  ['AgendaItem', 0.004],
  ['Theme', 0.002],
  ['Workshop', 0.002],
];

/** What the free edge budget is spent on, by weight. */
const MIX: [Kind, number][] = [
  ['MENTIONS', 40],
  ['CITES', 15],
  ['ADDRESSES', 15],
  ['SPOKE_ON', 14],
  ['REPRESENTS', 4],
  ['CO_OCCURS', 6],
  ['LINKED_TO', 2],
  ['SUPPLEMENTS', 2],
  ['UNDER_WORKSHOP', 2],
];
type Kind = RelationshipType | 'UNDER_WORKSHOP';

const MENTIONABLE: NodeLabel[] = ['State', 'Organization', 'Person', 'CrimeType', 'Instrument', 'Document'];
const LINK_KINDS = ['predicate-offence', 'nexus', 'contested'];

export function syntheticGraph({ nodes: total, edges: totalEdges, seed = 1 }: SyntheticGraphSize): GraphJson {
  const random = createRandom(seed);
  const slug = `synth-${total}`;
  const report = `report:${slug}`;
  const meeting = `meeting:${slug}`;
  const nodes: GraphNode[] = [];
  const byLabel = new Map<NodeLabel, string[]>();
  const add = (id: string, label: NodeLabel, properties: Properties): void => {
    nodes.push({ id, labels: [label], properties: { id, ...properties } });
    let list = byLabel.get(label);
    if (!list) byLabel.set(label, (list = []));
    list.push(id);
  };

  add(report, 'Report', {
    title_zh: `合成报告 ${total}`,
    title_en: `Synthetic report ${total}`,
    language: 'zh',
    region: 'synthetic',
    venue: 'Bench',
    startDate: '2025-01-01',
    endDate: '2025-01-03',
    source: `${slug}.zh.txt`,
  });
  add(meeting, 'Meeting', {
    name_zh: `合成会议 ${total}`,
    name_en: `Synthetic meeting ${total}`,
    venue: 'Bench',
    startDate: '2025-01-01',
    endDate: '2025-01-03',
  });
  const rest = total - 2;
  for (const [label, share] of SHARES) {
    const count = Math.max(2, Math.round(rest * share));
    for (let i = 1; i <= count; i++) add(...entity(label, i, random));
  }
  const recCount = total - nodes.length;
  if (recCount < 1) throw new Error(`${total} nodes are too few for a synthetic report`);
  for (let i = 0; i < recCount; i++) {
    const paragraph = 10 + Math.floor(i / 20);
    const letter = String.fromCharCode(97 + (i % 20));
    const id = `rec:${slug}:${paragraph}(${letter})`;
    add(id, 'Recommendation', { report, paragraph, letter, text: '' });
  }

  const rels: GraphRelationship[] = [];
  const seen = new Set<string>();
  const relate = (type: RelationshipType, start: string, end: string, properties: Properties = {}): boolean => {
    const key = `${type}|${start}|${end}`;
    if (start === end || seen.has(key) || rels.length >= totalEdges) return false;
    seen.add(key);
    rels.push({ type, start, end, properties });
    return true;
  };
  const list = (label: NodeLabel): string[] => byLabel.get(label) ?? [];
  const recs = list('Recommendation');
  const paragraphOf = (rec: string): number => Number(/:(\d+)\(/.exec(rec)![1]);

  // The skeleton every report has.
  relate('REPORT_OF', report, meeting);
  for (const rec of recs) relate('IN_REPORT', rec, report);
  const blocks = [...list('AgendaItem'), ...list('Theme')];
  for (const rec of recs) relate('UNDER', rec, skewed(random, blocks));
  for (const actor of [...list('State'), ...list('Organization')]) relate('ATTENDED', actor, meeting, { role: 'participant', paragraph: 3 });
  for (const person of list('Person').slice(0, 5)) relate('HELD_ROLE', person, meeting, { role: 'vice-chair' });

  // Facts read from a recommendation's text: the text is written afterwards from the names they point at.
  const facts: { rel: GraphRelationship; name: string }[] = [];
  const nameOf = new Map(nodes.map((n) => [n.id, String(n.properties.name ?? n.properties.symbol ?? n.id)]));
  const budget = (): boolean => rels.length < totalEdges;
  const weights = MIX.reduce((sum, [, w]) => sum + w, 0);
  let stalls = 0;
  while (budget() && stalls < 10_000) {
    const kind = pickWeighted(random, weights);
    const before = rels.length;
    const rec = recs[random.int(0, recs.length - 1)]!;
    const prov = { report, paragraph: paragraphOf(rec) };
    switch (kind) {
      case 'MENTIONS':
      case 'CITES':
      case 'ADDRESSES': {
        const target =
          kind === 'CITES'
            ? skewed(random, list('Instrument'))
            : kind === 'ADDRESSES'
              ? skewed(random, list('CrimeType'))
              : skewed(random, list(random.pick(MENTIONABLE)));
        const properties: Properties = kind === 'MENTIONS' ? { count: 1 } : { ...prov };
        if (relate(kind, rec, target, properties)) facts.push({ rel: rels[rels.length - 1]!, name: nameOf.get(target)! });
        break;
      }
      case 'SPOKE_ON':
        relate('SPOKE_ON', skewed(random, [...list('State'), ...list('Organization')]), skewed(random, blocks), { ...prov, role: 'representative' });
        break;
      case 'REPRESENTS':
        relate('REPRESENTS', random.pick(list('Person')), skewed(random, [...list('State'), ...list('Organization')]));
        break;
      case 'CO_OCCURS': {
        const [a, b] = [skewed(random, list('CrimeType')), skewed(random, list('CrimeType'))].sort();
        if (!seen.has(`CO_OCCURS|${b}|${a}`)) relate('CO_OCCURS', a!, b!, { count: random.int(1, 12), paragraphs: [`para:${slug}:${prov.paragraph}`] });
        break;
      }
      case 'LINKED_TO':
        relate('LINKED_TO', skewed(random, list('CrimeType')), skewed(random, list('CrimeType')), { ...prov, kind: random.pick(LINK_KINDS), evidence: '关联' });
        break;
      case 'SUPPLEMENTS':
        relate('SUPPLEMENTS', random.pick(list('Instrument')), skewed(random, list('Instrument')));
        break;
      case 'UNDER_WORKSHOP':
        relate('UNDER', rec, random.pick(list('Workshop')));
        break;
    }
    stalls = rels.length === before ? stalls + 1 : 0;
  }
  if (rels.length !== totalEdges) throw new Error(`could only place ${rels.length} of ${totalEdges} relationships among ${total} nodes`);

  writeRecommendationTexts(nodes, facts);
  return { reports: [report], nodes, relationships: rels };
}

/** Each recommendation's text names what its facts point at; spans and evidence are those names. */
function writeRecommendationTexts(nodes: GraphNode[], facts: { rel: GraphRelationship; name: string }[]): void {
  const texts = new Map<string, string>();
  for (const node of nodes) if (node.labels[0] === 'Recommendation') texts.set(node.id, `建议各国加强合作（${String(node.properties.letter)}）：`);
  for (const { rel, name } of facts) {
    const text = texts.get(rel.start)!;
    const start = text.length;
    const end = start + name.length;
    texts.set(rel.start, `${text}${name}、`);
    rel.properties.spans = [start, end];
    if (rel.type !== 'MENTIONS') rel.properties.evidence = name;
  }
  for (const node of nodes) {
    const text = texts.get(node.id);
    if (text !== undefined) node.properties.text = `${text.replace(/、$/, '')}。`;
  }
}

function entity(label: NodeLabel, i: number, random: Random): [string, NodeLabel, Properties] {
  const n = String(i).padStart(5, '0');
  switch (label) {
    case 'State':
      return [
        `state:S${n}`,
        label,
        { iso3: `S${n}`, name: `国家${n}`, name_zh: `国家${n}`, name_en: `State ${n}`, aliases: [`国家${n}`, `State ${n}`], unMember: true },
      ];
    case 'Organization':
      return [
        `org:o${n}`,
        label,
        {
          name: `组织${n}`,
          name_zh: `组织${n}`,
          name_en: `Organization ${n}`,
          aliases: [`组织${n}`],
          kind: random.pick(['un-entity', 'institute', 'ngo', 'igo']),
        },
      ];
    case 'Person':
      return [`person:p${n}`, label, { name: `Person ${n}`, aliases: [`Person ${n}`] }];
    case 'CrimeType':
      return [`crime:c${n}`, label, { name: `犯罪${n}`, name_zh: `犯罪${n}`, name_en: `Crime ${n}`, aliases: [`犯罪${n}`], iccs: null, parent: null }];
    case 'Instrument':
      return [
        `instrument:i${n}`,
        label,
        { name: `公约${n}`, name_zh: `公约${n}`, name_en: `Convention ${n}`, short_en: `C${n}`, aliases: [`公约${n}`], kind: 'treaty', year: 1990 + (i % 35) },
      ];
    case 'Document':
      return [`doc:A/SYN/${n}`, label, { symbol: `A/SYN/${n}`, title_zh: `文件${n}` }];
    case 'AgendaItem':
      return [`agenda:99:${i}`, label, { number: i, title_zh: `议程项目${n}`, title_en: `Agenda item ${n}` }];
    case 'Theme':
      return [`theme:99${n}`, label, { title_zh: `主题${n}`, title_en: `Theme ${n}` }];
    case 'Workshop':
      return [`workshop:99:${i}`, label, { number: i, title_zh: `讲习班${n}`, title_en: `Workshop ${n}` }];
    default:
      throw new Error(`no synthetic ${label}`);
  }
}

/** A pick that favours the front of the list (u³): a few hubs, a long tail. */
function skewed<T>(random: Random, items: readonly T[]): T {
  if (items.length === 0) throw new Error('skewed pick from an empty list');
  return items[Math.floor(items.length * random.next() ** 3)]!;
}

function pickWeighted(random: Random, total: number): Kind {
  let r = random.next() * total;
  for (const [kind, weight] of MIX) {
    r -= weight;
    if (r < 0) return kind;
  }
  return MIX[0]![0];
}
