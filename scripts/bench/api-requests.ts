/**
 * What the API benchmark asks, drawn from the loaded graph so that every request
 * is one a user could make and few repeat: search terms in Chinese and English
 * (whole names, two-character pieces, single words, word prefixes), node ids of
 * every label (hubs such as a State in every report included), the viewer's graph
 * requests, and Cypher a reader would type.
 */
import type { Driver } from 'neo4j-driver';
import { NeighborsQuery, NodeDetailsQuery, SearchQuery } from '../../server/contract/api.ts';
import { neighbors } from '../../server/db/queries/neighbors.ts';
import { nodeDetails } from '../../server/db/queries/node-details.ts';
import { search } from '../../server/db/queries/search.ts';
import { createRandom, type Random } from '../synth/random.ts';

export interface RequestPools {
  searchTerms: string[];
  nodeIds: string[];
  reportIds: string[];
  instrumentIds: string[];
  stateIds: string[];
  crimeIds: string[];
}

const ENTITY_LABELS = ['State', 'Organization', 'CrimeType', 'Instrument', 'Person', 'AgendaItem', 'Theme', 'Workshop', 'Document'];

export async function requestPools(driver: Driver, seed = 7): Promise<RequestPools> {
  const random = createRandom(seed);
  const entities = await driver.executeQuery(
    `MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) RETURN n.id AS id, labels(n)[0] AS label, n.name_zh AS zh, n.name_en AS en, n.name AS name`,
    { labels: ENTITY_LABELS },
  );
  const sampled = await driver.executeQuery(
    `CALL () { MATCH (p:Paragraph) RETURN p.id AS id ORDER BY p.id LIMIT 100000 }
     WITH collect(id) AS paragraphs
     CALL () { MATCH (r:Recommendation) RETURN r.id AS id ORDER BY r.id LIMIT 100000 }
     WITH paragraphs, collect(id) AS recommendations
     CALL () { MATCH (r:Report) RETURN r.id AS id ORDER BY r.id }
     RETURN paragraphs, recommendations, collect(id) AS reports`,
  );
  const row = sampled.records[0]!;
  const paragraphs = random.sample(row.get('paragraphs') as string[], 1500);
  const recommendations = random.sample(row.get('recommendations') as string[], 1500);
  const reportIds = row.get('reports') as string[];

  const ids = (label: string): string[] => entities.records.filter((r) => r.get('label') === label).map((r) => String(r.get('id')));
  const names = entities.records.flatMap((r) => [r.get('zh'), r.get('en'), r.get('name')]).filter((n): n is string => typeof n === 'string' && n.length > 1);
  const terms = new Set<string>();
  for (const name of names) {
    terms.add(name);
    if (/[\u4e00-\u9fff]/.test(name)) {
      // A piece of a Chinese name, as a user types it (贩运, 网络犯罪).
      const at = random.int(0, Math.max(0, name.length - 2));
      terms.add(name.slice(at, at + random.int(2, 4)));
    } else {
      const words = name.split(/[^A-Za-z]+/).filter((w) => w.length > 3);
      if (words.length > 0) {
        const word = random.pick(words);
        terms.add(word.toLowerCase());
        terms.add(word.slice(0, random.int(3, word.length))); // typing in progress
      }
    }
  }
  for (const w of [
    'trafficking',
    'cybercrime',
    'corruption',
    'money laundering',
    'firearms',
    'migrants',
    'terrorism',
    '贩运',
    '腐败',
    '洗钱',
    '网络犯罪',
    '恐怖主义',
    '儿童',
    '妇女',
    '技术援助',
    '国际合作',
  ])
    terms.add(w);

  return {
    // The API takes at most 200 characters (one instrument's full title is longer): no user types more.
    searchTerms: [...terms].filter((t) => t.length <= 200),
    nodeIds: [...entities.records.map((r) => String(r.get('id'))), ...paragraphs, ...recommendations],
    reportIds,
    instrumentIds: ids('Instrument'),
    stateIds: ids('State'),
    crimeIds: ids('CrimeType'),
  };
}

export interface BenchRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /**
   * The same request as a direct call of the query function the route calls, on the
   * driver given, with the parameters the route's schema makes of the query string
   * (defaults included): the reference the API's own overhead is measured against.
   * Only search, node and neighbours have one.
   */
  direct?: (driver: Driver) => Promise<unknown>;
}

export type Endpoint = 'search' | 'node' | 'neighbors' | 'cypher' | 'graph';

/** Every endpoint the API phase measures, in the order it measures them (each one's random sequence is seeded by its place here). */
export const ENDPOINTS: readonly Endpoint[] = ['search', 'node', 'neighbors', 'cypher', 'graph'];

const enc = encodeURIComponent;

/**
 * A request generator per endpoint; each call draws new parameters. Each endpoint draws from
 * its own sequence (seeded from `seed` and the endpoint), so what one endpoint is asked does not
 * depend on how many requests another endpoint's phase happened to make before it.
 */
export function requestMakers(pools: RequestPools, seed = 11): Record<Endpoint, () => BenchRequest> {
  const get = (path: string): BenchRequest => ({ method: 'GET', path });
  const cypher = (query: string, params: Record<string, unknown>): BenchRequest => ({
    method: 'POST',
    path: '/api/cypher',
    body: JSON.stringify({ query, params }),
  });
  const cypherForms: Array<(random: Random) => BenchRequest> = [
    (random) => cypher('MATCH (r:Recommendation)-[c:CITES]->(i:Instrument {id: $id}) RETURN r, c, i LIMIT 50', { id: random.pick(pools.instrumentIds) }),
    (random) =>
      cypher('MATCH (s:State {id: $id})-[o:SPOKE_ON]->(a) RETURN a.id AS item, count(o) AS times ORDER BY times DESC LIMIT 20', {
        id: random.pick(pools.stateIds),
      }),
    (random) =>
      cypher('MATCH (c:CrimeType {id: $id})-[x:CO_OCCURS]-(d:CrimeType) RETURN c, x, d ORDER BY x.count DESC LIMIT 25', { id: random.pick(pools.crimeIds) }),
    (random) =>
      cypher('MATCH (p:Paragraph)-[:IN_REPORT]->(r:Report {id: $id}) RETURN p.number AS n, left(p.text, 80) AS text ORDER BY n LIMIT 30', {
        id: random.pick(pools.reportIds),
      }),
    (random) =>
      cypher('MATCH (r:Recommendation)-[:ADDRESSES]->(c:CrimeType {id: $id}) RETURN r.report AS report, count(*) AS n ORDER BY n DESC LIMIT 10', {
        id: random.pick(pools.crimeIds),
      }),
    () => cypher('MATCH (n:Report) RETURN n.id, n.title_en ORDER BY n.id LIMIT 25', {}),
  ];
  const searchRequest = (q: string): BenchRequest => {
    const query = SearchQuery.parse({ q, limit: '10' });
    return { ...get(`/api/search?q=${enc(q)}&limit=10`), direct: (driver) => search(driver, query.q, { labels: query.labels, limit: query.limit }) };
  };
  const nodeRequest = (id: string): BenchRequest => {
    const query = NodeDetailsQuery.parse({});
    return { ...get(`/api/nodes/${enc(id)}`), direct: (driver) => nodeDetails(driver, id, { perGroup: query.limit }) };
  };
  const neighborsRequest = (id: string, limit: number): BenchRequest => {
    const query = NeighborsQuery.parse({ depth: '1', limit: String(limit) });
    return {
      ...get(`/api/nodes/${enc(id)}/neighbors?depth=1&limit=${limit}`),
      direct: (driver) => neighbors(driver, id, { depth: query.depth, limit: query.limit, labels: query.labels, types: query.types }),
    };
  };
  const draw: Record<Endpoint, (random: Random) => BenchRequest> = {
    search: (random) => searchRequest(random.pick(pools.searchTerms)),
    node: (random) => nodeRequest(random.pick(pools.nodeIds)),
    neighbors: (random) => neighborsRequest(random.pick(pools.nodeIds), random.pick([100, 150, 200])),
    cypher: (random) => random.pick(cypherForms)(random),
    graph: (random) =>
      random.pick<() => BenchRequest>([
        // The viewer's views at the size of one report, the crime view, and label subsets at Neo4j Browser's 300-node budget.
        () => get(`/api/graph?report=${enc(random.pick(pools.reportIds))}`),
        () => get(`/api/graph?report=${enc(random.pick(pools.reportIds))}`),
        () => get('/api/graph?labels=CrimeType&types=CO_OCCURS,LINKED_TO'),
        () =>
          get(
            `/api/graph?labels=${random.pick(['State,AgendaItem,Theme', 'Instrument,Recommendation', 'Organization,State,Meeting', 'CrimeType,Recommendation'])}&limit=300`,
          ),
      ])(),
  };
  const makers = ENDPOINTS.map((endpoint, i): [Endpoint, () => BenchRequest] => {
    const random = createRandom(seed * 1_000_003 + i);
    return [endpoint, () => draw[endpoint](random)];
  });
  return Object.fromEntries(makers) as Record<Endpoint, () => BenchRequest>;
}
