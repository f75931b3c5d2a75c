/**
 * Every endpoint's success case on the seed, each response held to the schema the
 * OpenAPI document publishes (strict: no field missing, none extra).
 */
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import type { Express } from 'express';
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CitationsResponse,
  CypherResponse,
  GraphJsonResponse,
  HealthResponse,
  NodeDetailsResponse,
  PathResponse,
  SavedQueriesResponse,
  SearchResponse,
  SerializedGraph,
  StatsResponse,
} from '../../../../server/contract/api.ts';
import { seedGraph, SEED_REPORT_ID } from '../../../setup/seed.ts';
import { apiApp, seededApp, textBody } from './helpers.ts';

let driver: Driver;
let app: Express;

beforeAll(async () => {
  ({ driver, app } = await seededApp());
});
afterAll(() => driver.close());

const enc = encodeURIComponent;

describe('GET /api/health and /api/stats', () => {
  it('health says ok', async () => {
    const res = await request(app).get('/api/health').expect(200);
    expect(HealthResponse.parse(res.body).status).toBe('ok');
  });

  it('stats count the seed per label and type, and list its report', async () => {
    const res = await request(app).get('/api/stats').expect(200);
    const stats = StatsResponse.parse(res.body);
    const graph = await seedGraph();
    expect(stats.nodes).toBe(graph.nodes.length);
    expect(stats.relationships).toBe(graph.relationships.length);
    expect(stats.labels.Paragraph).toBe(95);
    expect(stats.labels.Recommendation).toBe(66);
    expect(stats.relationshipTypes.CITES).toBe(graph.relationships.filter((r) => r.type === 'CITES').length);
    expect(stats.reports.map((r) => r.id)).toEqual([SEED_REPORT_ID]);
    expect(stats.reports[0]!.properties.language).toBe('zh');
    expect(stats.reports[0]!.properties).not.toHaveProperty('_reports');
  });
});

describe('GET /api/graph', () => {
  it('by default is the entity graph without paragraphs, importable by graphology', async () => {
    const res = await request(app).get('/api/graph').expect(200);
    const body = SerializedGraph.parse(res.body);
    const graph = MultiDirectedGraph.from(res.body);
    expect(graph.order).toBe(body.nodes.length);
    expect(body.nodes.some((n) => n.attributes.labels.includes('Paragraph'))).toBe(false);
    expect(graph.hasNode('instrument:untoc')).toBe(true);
    expect(graph.hasNode('rec:lac-rpm-2025:24(c)')).toBe(true);
    const cites = body.edges.filter((e) => e.attributes.type === 'CITES' && e.source === 'rec:lac-rpm-2025:24(c)');
    expect(cites.map((e) => e.target)).toContain('instrument:untoc');
    expect(body.attributes.truncated).toBe(false);
  });

  it('filters by labels, types and report', async () => {
    const res = await request(app).get('/api/graph?labels=CrimeType&types=CO_OCCURS,LINKED_TO').expect(200);
    const body = SerializedGraph.parse(res.body);
    expect(body.nodes.every((n) => n.attributes.labels.includes('CrimeType'))).toBe(true);
    expect(new Set(body.edges.map((e) => e.attributes.type))).toEqual(new Set(['CO_OCCURS', 'LINKED_TO']));
    const other = await request(app).get('/api/graph?report=report:nope').expect(200);
    expect(other.body.nodes).toHaveLength(0);
    const seed = await request(app)
      .get(`/api/graph?report=${enc(SEED_REPORT_ID)}&labels=State`)
      .expect(200);
    expect(seed.body.nodes.length).toBe(31);
  });

  it('says when the node limit cut it', async () => {
    const res = await request(app).get('/api/graph?limit=10').expect(200);
    expect(res.body.nodes).toHaveLength(10);
    expect(res.body.attributes.truncated).toBe(true);
  });

  it('under a limit, holds every relationship among the nodes it returns, and only those', async () => {
    const whole = SerializedGraph.parse((await request(app).get('/api/graph').expect(200)).body);
    const cut = SerializedGraph.parse((await request(app).get('/api/graph?limit=60').expect(200)).body);
    const kept = new Set(cut.nodes.map((n) => n.key));
    const expected = whole.edges
      .filter((e) => kept.has(e.source) && kept.has(e.target))
      .map((e) => e.key)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(cut.edges.map((e) => e.key).sort()).toEqual(expected);
  });

  it('answers every request when more arrive at once than GRAPH_CONCURRENCY builds', async () => {
    const queued = apiApp(driver, { GRAPH_CONCURRENCY: '1' });
    const alone = (await request(queued).get('/api/graph?labels=CrimeType').expect(200)).body;
    const together = await Promise.all(Array.from({ length: 5 }, () => request(queued).get('/api/graph?labels=CrimeType')));
    for (const res of together) {
      expect(res.status).toBe(200);
      expect(res.body).toEqual(alone);
    }
  });
});

describe('compression', () => {
  it('gzips answers for clients that accept it, the same JSON once decoded; not for those that do not', async () => {
    const plain = await request(app).get('/api/graph').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const zipped = await request(app).get('/api/graph').set('Accept-Encoding', 'gzip').expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/i);
    expect(zipped.body).toEqual(plain.body);
    // Small answers are not worth it: a health check goes as it is.
    const health = await request(app).get('/api/health').set('Accept-Encoding', 'gzip').expect(200);
    expect(health.headers['content-encoding']).toBeUndefined();
  });

  it('gzips the streamed exports too, complete once decoded', async () => {
    const plain = await request(app).get('/api/export?format=json').set('Accept-Encoding', 'identity').expect(200);
    const zipped = await request(app).get('/api/export?format=json').set('Accept-Encoding', 'gzip').expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-disposition']).toBe(plain.headers['content-disposition']);
    expect(JSON.parse(zipped.text)).toEqual(JSON.parse(plain.text));
  });
});

describe('GET /api/nodes/:id', () => {
  it('gives an instrument with the recommendations citing it, their text and the spans', async () => {
    const res = await request(app)
      .get(`/api/nodes/${enc('instrument:untoc')}`)
      .expect(200);
    const node = NodeDetailsResponse.parse(res.body);
    expect(node.labels).toEqual(['Instrument']);
    expect(node.properties.name_en).toBe('United Nations Convention against Transnational Organized Crime');
    const cites = node.relationships.find((g) => g.type === 'CITES' && g.direction === 'in')!;
    const item = cites.items.find((i) => i.other.id === 'rec:lac-rpm-2025:24(c)')!;
    expect(item.other.name).toBe('24(c)');
    expect(item.other.text).toContain('打击有组织犯罪公约');
    const [prov] = item.provenance;
    expect(prov!.paragraph).toBe(24);
    expect(prov!.label).toBe('24(c)');
    const [[start, end]] = prov!.spans as [[number, number]];
    expect(prov!.text.slice(start, end)).toBe(item.properties.evidence);
  });

  it('gives a state its speeches with the paragraph they came from', async () => {
    const res = await request(app)
      .get(`/api/nodes/${enc('state:ARG')}`)
      .expect(200);
    const node = NodeDetailsResponse.parse(res.body);
    const spoke = node.relationships.find((g) => g.type === 'SPOKE_ON' && g.direction === 'out')!;
    expect(spoke.count).toBeGreaterThan(0);
    for (const item of spoke.items) {
      const prov = item.provenance[0]!;
      expect(prov.paragraphId).toBe(`para:lac-rpm-2025:${prov.paragraph}`);
      const [[s, e]] = prov.spans as [[number, number]];
      expect(prov.text.slice(s, e)).toBe('阿根廷');
    }
    const attended = node.relationships.find((g) => g.type === 'ATTENDED')!;
    expect(attended.items[0]!.properties.role).toBe('member');
  });

  it('gives co-occurring crime types the paragraphs where both appear', async () => {
    const res = await request(app)
      .get(`/api/nodes/${enc('crime:organized-crime')}`)
      .expect(200);
    const node = NodeDetailsResponse.parse(res.body);
    const co = node.relationships.filter((g) => g.type === 'CO_OCCURS').flatMap((g) => g.items);
    expect(co.length).toBeGreaterThan(0);
    for (const item of co) {
      expect(item.provenance.length).toBe((item.properties.paragraphs as string[]).length);
      expect(item.provenance[0]!.text.length).toBeGreaterThan(0);
    }
    const linked = node.relationships.filter((g) => g.type === 'LINKED_TO').flatMap((g) => g.items);
    for (const item of linked) {
      const [[s, e]] = item.provenance[0]!.spans as [[number, number]];
      expect(item.provenance[0]!.text.slice(s, e)).toBe(item.properties.evidence);
    }
  });

  it('lists at most `limit` items per group, in the order of the text, with the full count', async () => {
    const res = await request(app)
      .get(`/api/nodes/${enc('theme:15')}?limit=5`)
      .expect(200);
    const node = NodeDetailsResponse.parse(res.body);
    const spoke = node.relationships.find((g) => g.type === 'SPOKE_ON')!;
    expect(spoke.count).toBeGreaterThan(5);
    expect(spoke.items).toHaveLength(5);
    const paragraphs = spoke.items.map((i) => i.provenance[0]!.paragraph!);
    expect(paragraphs).toEqual([...paragraphs].sort((a, b) => a - b));
    const partOf = node.relationships.find((g) => g.type === 'PART_OF')!;
    for (const item of partOf.items) expect(item.other.text!.length).toBeLessThanOrEqual(201);
  });

  it('finds a document whose id holds slashes (URL-encoded)', async () => {
    const graph = await seedGraph();
    const doc = graph.nodes.find((n) => n.labels[0] === 'Document')!;
    const res = await request(app)
      .get(`/api/nodes/${enc(doc.id)}`)
      .expect(200);
    expect(res.body.id).toBe(doc.id);
  });
});

describe('GET /api/nodes/:id/neighbors', () => {
  it('gives the neighbourhood at depth 1 and 2, within the limit', async () => {
    const one = await request(app)
      .get(`/api/nodes/${enc('instrument:untoc')}/neighbors`)
      .expect(200);
    const g1 = MultiDirectedGraph.from(SerializedGraph.parse(one.body));
    expect(g1.hasNode('instrument:untoc')).toBe(true);
    expect(g1.hasNode('rec:lac-rpm-2025:24(c)')).toBe(true);
    expect(g1.neighbors('instrument:untoc').length).toBe(g1.order - 1);

    const two = await request(app)
      .get(`/api/nodes/${enc('instrument:untoc')}/neighbors?depth=2&limit=1000`)
      .expect(200);
    expect(two.body.nodes.length).toBeGreaterThan(one.body.nodes.length);
    const capped = await request(app)
      .get(`/api/nodes/${enc('state:ARG')}/neighbors?depth=3&limit=20`)
      .expect(200);
    expect(capped.body.nodes).toHaveLength(21);
    expect(capped.body.attributes.truncated).toBe(true);
    const states = await request(app)
      .get(`/api/nodes/${enc('meeting:A/CONF.241/RPM.2')}/neighbors?labels=State&types=ATTENDED`)
      .expect(200);
    const attending = new Set((await seedGraph()).relationships.filter((r) => r.type === 'ATTENDED' && r.start.startsWith('state:')).map((r) => r.start));
    expect(states.body.nodes.length).toBe(1 + attending.size); // the meeting and every state that attended
  });
});

describe('GET /api/search', () => {
  it('finds Chinese and English, names first', async () => {
    const zh = SearchResponse.parse(
      (
        await request(app)
          .get(`/api/search?q=${enc('贩运')}`)
          .expect(200)
      ).body,
    );
    expect(zh.results.map((r) => r.id)).toContain('crime:trafficking-in-persons');
    expect(zh.results[0]!.labels).toEqual(['CrimeType']);
    const en = SearchResponse.parse((await request(app).get('/api/search?q=trafficking').expect(200)).body);
    expect(en.results.map((r) => r.id)).toContain('crime:trafficking-in-persons');
    const prefix = SearchResponse.parse((await request(app).get('/api/search?q=Organized%20Crime%20Conv').expect(200)).body);
    expect(prefix.results[0]!.id).toBe('instrument:untoc');
    const zhTitle = SearchResponse.parse(
      (
        await request(app)
          .get(`/api/search?q=${enc('打击有组织犯罪公约')}&limit=1`)
          .expect(200)
      ).body,
    );
    expect(zhTitle.results.map((r) => r.id)).toEqual(['instrument:untoc']);
  });

  it('filters by label and finds text in paragraphs', async () => {
    const res = SearchResponse.parse(
      (
        await request(app)
          .get(`/api/search?q=${enc('枪支')}&labels=Paragraph&limit=5`)
          .expect(200)
      ).body,
    );
    expect(res.results.length).toBeGreaterThan(0);
    for (const r of res.results) {
      expect(r.labels).toEqual(['Paragraph']);
      expect(r.snippet).toBeDefined();
    }
  });

  it('searches Lucene syntax as text, never an error', async () => {
    for (const q of [
      'AND',
      'OR NOT',
      '"unbalanced',
      'a:b',
      '(((',
      'trafficking~',
      '*',
      '?',
      'title_en:[a TO z]',
      '\\',
      '/regex/',
      '+-&&||!(){}[]^"~*?:\\/',
      '贩运 AND',
      'state:ARG',
    ]) {
      const res = await request(app).get(`/api/search?q=${enc(q)}`);
      expect(res.status, q).toBe(200);
      SearchResponse.parse(res.body);
    }
    const exact = await request(app).get('/api/search?q=state:ARG').expect(200);
    expect(exact.body.results[0].id).toBe('state:ARG');
  });
});

describe('GET /api/path', () => {
  it('finds the shortest path as a list and as a graph', async () => {
    const res = await request(app)
      .get(`/api/path?from=${enc('state:ARG')}&to=${enc('instrument:untoc')}`)
      .expect(200);
    const path = PathResponse.parse(res.body);
    expect(path.found).toBe(true);
    expect(path.path[0]!.id).toBe('state:ARG');
    expect(path.path.at(-1)!.id).toBe('instrument:untoc');
    expect(path.length).toBe(path.path.length - 1);
    expect(path.relationships).toHaveLength(path.length!);
    // Each step's relationship joins that step's two nodes, stored one way or the other.
    path.relationships.forEach((r, i) => expect([r.start, r.end].sort()).toEqual([path.path[i]!.id, path.path[i + 1]!.id].sort()));
    // The other shortest paths: as long, distinct, the first is `path`; the graph holds them all.
    expect(path.alternatives.length).toBeGreaterThan(1);
    expect(path.alternatives[0]!.path).toEqual(path.path);
    for (const alt of path.alternatives) expect(alt.relationships).toHaveLength(path.length!);
    // Distinct paths to read: through other nodes, or the same nodes over other types of relationship.
    const reading = (a: (typeof path.alternatives)[number]) =>
      a.path.map((n, i) => `${n.id}${a.relationships[i] ? `>${a.relationships[i]!.type}` : ''}`).join('>');
    expect(new Set(path.alternatives.map(reading)).size).toBe(path.alternatives.length);
    const graph = MultiDirectedGraph.from(path.graph);
    expect(graph.order).toBe(new Set(path.alternatives.flatMap((a) => a.path.map((n) => n.id))).size);
    expect(graph.size).toBe(new Set(path.alternatives.flatMap((a) => a.relationships.map((r) => r.id))).size);
  });

  it('follows only the types asked for, and gives the same first path every time', async () => {
    const url = `/api/path?from=${enc('state:ARG')}&to=${enc('instrument:untoc')}`;
    const [a, b] = await Promise.all([request(app).get(url).expect(200), request(app).get(url).expect(200)]);
    expect(a.body.path).toEqual(b.body.path);
    const noParagraphs = PathResponse.parse(
      (await request(app).get(`${url}&types=SPOKE_ON,CITES,UNDER,ADDRESSES,CO_OCCURS,LINKED_TO,ATTENDED,SUPPLEMENTS,IN_REPORT,REPORT_OF`).expect(200)).body,
    );
    for (const alt of noParagraphs.alternatives) for (const r of alt.relationships) expect(['PART_OF', 'MENTIONS']).not.toContain(r.type);
  });

  it('says found: false when no path is short enough', async () => {
    const res = await request(app)
      .get(`/api/path?from=${enc('state:ARG')}&to=${enc('instrument:untoc')}&maxLength=1`)
      .expect(200);
    const path = PathResponse.parse(res.body);
    expect(path).toMatchObject({ found: false, length: null, path: [] });
  });
});

describe('saved queries', () => {
  it('lists them with titles, descriptions and parameters', async () => {
    const res = await request(app).get('/api/queries').expect(200);
    const { queries } = SavedQueriesResponse.parse(res.body);
    const matrix = queries.find((q) => q.name === 'citation-matrix')!;
    expect(matrix.title_zh).toBeTruthy();
    expect(matrix.params.map((p) => p.name)).toContain('report');
  });

  it('runs each with its defaults', async () => {
    const { queries } = (await request(app).get('/api/queries').expect(200)).body as { queries: { name: string }[] };
    for (const q of queries) {
      const res = await request(app).post(`/api/queries/${q.name}`).send({});
      expect(res.status, `${q.name}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(200);
      CypherResponse.parse(res.body);
    }
  });

  it('runs the citation matrix: the Organized Crime Convention is cited by 24(c)', async () => {
    const res = await request(app)
      .post('/api/queries/citation-matrix')
      .send({ params: { report: SEED_REPORT_ID } })
      .expect(200);
    const row = res.body.rows.find((r: { instrument: string }) => r.instrument === 'instrument:untoc');
    expect(row.recommendations).toContain('rec:lac-rpm-2025:24(c)');
  });

  it('refuses unknown names and parameters', async () => {
    await request(app).post('/api/queries/no-such-query').send({}).expect(404);
    const res = await request(app)
      .post('/api/queries/citation-matrix')
      .send({ params: { nope: 1 } })
      .expect(400);
    expect(res.body.error.message).toMatch(/nope/);
  });
});

describe('POST /api/cypher', () => {
  it('returns rows as plain JSON and the nodes and relationships as a graph', async () => {
    const res = await request(app)
      .post('/api/cypher')
      .send({
        query: 'MATCH (r:Recommendation {id: $id})-[c:CITES]->(i:Instrument) RETURN r, c, i, r.paragraph AS n, [r.letter] AS l',
        params: { id: 'rec:lac-rpm-2025:24(c)' },
      })
      .expect(200);
    const body = CypherResponse.parse(res.body);
    expect(body.columns).toEqual(['r', 'c', 'i', 'n', 'l']);
    const row = body.rows[0]!;
    expect(row.n).toBe(24);
    expect(row.l).toEqual(['c']);
    expect(row.r).toMatchObject({ id: 'rec:lac-rpm-2025:24(c)', labels: ['Recommendation'] });
    expect(row.c).toMatchObject({ type: 'CITES', start: 'rec:lac-rpm-2025:24(c)', end: 'instrument:untoc' });
    expect((row.c as { properties: { paragraph: number } }).properties.paragraph).toBe(24);
    const graph = MultiDirectedGraph.from(body.graph);
    expect(graph.hasNode('instrument:untoc')).toBe(true);
    expect(graph.size).toBe(1);
    expect(body.summary).toMatchObject({ queryType: 'r', rowCount: 1, rowsTruncated: false, graphTruncated: false });
  });

  it('brings the end nodes of relationships returned alone, and converts paths', async () => {
    const res = await request(app).post('/api/cypher').send({ query: 'MATCH p = (:State {iso3: "ARG"})-[s:SPOKE_ON]->() RETURN s, p LIMIT 2' }).expect(200);
    const body = CypherResponse.parse(res.body);
    const graph = MultiDirectedGraph.from(body.graph);
    expect(graph.hasNode('state:ARG')).toBe(true);
    const path = body.rows[0]!.p as { nodes: { id: string }[]; relationships: { type: string }[] };
    expect(path.nodes[0]!.id).toBe('state:ARG');
    expect(path.relationships[0]!.type).toBe('SPOKE_ON');
  });
});

describe('GET /api/citations', () => {
  it('gives the table as JSON, for one instrument too', async () => {
    const all = CitationsResponse.parse((await request(app).get('/api/citations').expect(200)).body);
    const graph = await seedGraph();
    expect(all.count).toBe(graph.relationships.filter((r) => r.type === 'CITES').length);
    const one = CitationsResponse.parse(
      (
        await request(app)
          .get(`/api/citations?instrument=${enc('instrument:untoc')}`)
          .expect(200)
      ).body,
    );
    expect(one.rows.map((r) => r.label)).toEqual(['24(c)']);
    expect(one.rows[0]!.text).toContain('打击有组织犯罪公约');
  });

  it('gives the table as CSV', async () => {
    const res = await request(app).get('/api/citations?format=csv').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="?citations\.csv/);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'recommendation,label,tag,report,language,paragraph,letter,instrument,instrument_name,instrument_name_zh,instrument_name_en,instrument_short_en,evidence,text',
    );
    // Each row says which meeting's 24(c) it is.
    expect(res.text).toContain('rec:lac-rpm-2025:24(c),24(c),LAC-15,report:lac-rpm-2025,zh,');
  });
});

describe('GET /api/export', () => {
  // Neo4j stores no nulls: a property ingest set to null is absent after the load.
  const withoutNulls = (props: Record<string, unknown>) => Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null));

  it('json is graph.json: the same nodes and relationships ingest made (nulls aside)', async () => {
    const res = await request(app).get('/api/export?format=json').expect(200);
    expect(res.headers['content-disposition']).toMatch(/congress-graph\.json/);
    const exported = GraphJsonResponse.parse(res.body);
    const graph = await seedGraph();
    expect(exported.reports).toEqual(graph.reports);
    const byId = new Map(exported.nodes.map((n) => [n.id, n]));
    expect(byId.size).toBe(graph.nodes.length);
    for (const node of graph.nodes) {
      const out = byId.get(node.id)!;
      expect(out.labels).toEqual(node.labels);
      expect(out.properties).toEqual(withoutNulls(node.properties));
    }
    const key = (r: { type: string; start: string; end: string; properties: Record<string, unknown> }) =>
      `${r.type} ${r.start} ${r.end} ${JSON.stringify(Object.entries(withoutNulls(r.properties)).sort())}`;
    expect(exported.relationships.map(key).sort()).toEqual(graph.relationships.map(key).sort());
  });

  it('gexf and graphml parse back into the same graph', async () => {
    const graph = await seedGraph();
    for (const [format, parse] of [
      ['gexf', parseGexf],
      ['graphml', parseGraphml],
    ] as const) {
      const res = await request(app).get(`/api/export?format=${format}`).buffer(true).parse(textBody);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain(`application/${format}+xml`);
      const parsed = parse(MultiDirectedGraph, res.body as string);
      expect(parsed.order, format).toBe(graph.nodes.length);
      expect(parsed.size, format).toBe(graph.relationships.length);
      expect(parsed.getNodeAttribute('state:ARG', 'name_en')).toBe('Argentina');
      if (format === 'gexf') {
        // GEXF 1.3 with its viz namespace; each node coloured by its label and sized by degree, as the viewer draws it.
        const xml = res.body as string;
        expect(xml).toContain('xmlns="http://gexf.net/1.3"');
        expect(xml).toContain('xmlns:viz="http://gexf.net/1.3/viz"');
        expect(xml).not.toContain('http:///');
        expect(parsed.getNodeAttribute('state:ARG', 'color')).toBe('rgb(78,121,167)');
        expect(parsed.getNodeAttribute('crime:organized-crime', 'size')).toBeGreaterThan(parsed.getNodeAttribute('state:ARG', 'size'));
      }
    }
  });

  it('csv gives the relationships (or nodes) table; report= keeps one report', async () => {
    const graph = await seedGraph();
    const rels = await request(app).get('/api/export?format=csv').expect(200);
    expect(rels.headers['content-type']).toMatch(/^text\/csv/);
    // A column per property, each end's name beside its id, and the tag of the fact's report.
    const relRows = parseCsv(rels.text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    const relHeader = Object.keys(relRows[0]!);
    expect(relHeader.slice(0, 6)).toEqual(['type', 'start', 'start_name', 'end', 'end_name', 'tag']);
    expect(relHeader).toEqual(expect.arrayContaining(['report', 'paragraph', 'evidence', 'kind', 'count', 'paragraphs']));
    expect(relHeader).not.toContain('properties');
    expect(relHeader.some((h) => h.startsWith('_'))).toBe(false);
    expect(relRows.length).toBe(graph.relationships.length);
    const cites = relRows.find((r) => r.type === 'CITES' && r.start === 'rec:lac-rpm-2025:24(c)' && r.end === 'instrument:untoc')!;
    expect(cites.start_name).toMatch(/^\d+\([a-z]+\)$/);
    expect(cites.end_name).toBe('打击有组织犯罪公约');
    expect(cites.tag).toBe('LAC-15');
    expect(cites.report).toBe('report:lac-rpm-2025');
    const nodes = await request(app)
      .get(`/api/export?format=csv&table=nodes&report=${enc(SEED_REPORT_ID)}`)
      .expect(200);
    const nodeRows = parseCsv(nodes.text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(Object.keys(nodeRows[0]!).slice(0, 5)).toEqual(['id', 'labels', 'name', 'name_zh', 'name_en']);
    expect(Object.keys(nodeRows[0]!)).toEqual(expect.arrayContaining(['iso3', 'aliases', 'kind', 'text']));
    expect(nodeRows.find((r) => r.id === 'state:ARG')).toMatchObject({ labels: 'State', name: '阿根廷', name_en: 'Argentina', iso3: 'ARG' });
    expect(nodeRows.find((r) => r.id === 'state:ARG')!.aliases).toContain(' | ');
    const none = await request(app).get('/api/export?format=json&report=report:nope').expect(200);
    expect(none.body).toEqual({ reports: [], nodes: [], relationships: [] });
    expect(graph.nodes.length).toBeGreaterThan(0);
  });
});

describe('GET /', () => {
  it('serves the viewer (or says it is not built)', async () => {
    const res = await request(app).get('/');
    expect([200, 503]).toContain(res.status);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
  });
});
