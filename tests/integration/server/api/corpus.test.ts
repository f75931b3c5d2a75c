/**
 * The corpus through the API: five reports (the seed, the two development reports, and the
 * Chinese and English reports of one meeting) listed, filtered by report, region and
 * Congress on every endpoint, compared (matrix, profile, comparison saved queries) with the
 * counts graph.json gives, and one report taken out again leaving the database as before.
 */
import { readFile } from 'node:fs/promises';
import type { Express } from 'express';
import type { Driver } from 'neo4j-driver';
import { parse as parseCsv } from 'csv-parse/sync';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CitationsResponse,
  CompactGraph,
  CompareResponse,
  CorpusResponse,
  NodeDetailsResponse,
  ProfileResponse,
  ReportRemovedResponse,
  ReportUploadResponse,
  SerializedGraph,
} from '../../../../server/contract/api.ts';
import { decodeCompactGraph } from '../../../../server/contract/compactGraph.ts';
import type { GraphJson } from '../../../../server/contract/model.ts';
import { testDriver } from '../../../setup/neo4j.ts';
import { expectedMatrix, expectedStateProfile, loadCorpus, meetingOfReport, PAIR_FILES, type TestCorpus } from '../../../setup/corpus.ts';
import { loadSeed } from '../../../setup/seed.ts';
import { snapshot } from '../db/helpers.ts';
import { apiApp } from './helpers.ts';

const TOKEN = 'corpus-test-token-0123456789';
const enc = encodeURIComponent;

let driver: Driver;
let app: Express;
let corpus: TestCorpus;
const graphOf = (id: string): GraphJson => corpus.graphs.find((g) => g.reports[0] === id)!;
const reportIds = () => corpus.graphs.map((g) => g.reports[0]!);

beforeAll(async () => {
  driver = testDriver();
  corpus = await loadCorpus(driver);
  app = apiApp(driver, { ADMIN_TOKEN: TOKEN });
}, 300_000);
afterAll(async () => {
  await loadSeed(driver); // leave the seed alone for the next file
  await driver.close();
});

describe('GET /api/reports', () => {
  it('lists every report with its meeting, region, Congress, language, tag and counts as graph.json holds them', async () => {
    const body = CorpusResponse.parse((await request(app).get('/api/reports').expect(200)).body);
    expect(body.reports.map((r) => r.id).sort()).toEqual(reportIds().sort());
    const meetings = meetingOfReport(corpus.merged);
    for (const r of body.reports) {
      const g = graphOf(r.id);
      const report = g.nodes.find((n) => n.id === r.id)!.properties;
      expect(r).toMatchObject({
        tag: report.tag,
        language: report.language,
        region_code: report.region_code,
        congress: report.congress,
        startDate: report.startDate,
      });
      expect(r.meeting.id).toBe(meetings.get(r.id));
      expect(r.counts.paragraphs).toBe(g.nodes.filter((n) => n.labels.includes('Paragraph')).length);
      expect(r.counts.recommendations).toBe(g.nodes.filter((n) => n.labels.includes('Recommendation')).length);
      expect(r.counts.citations).toBe(g.relationships.filter((x) => x.type === 'CITES').length);
    }
    // The Chinese and English reports of one meeting: two reports, one meeting, one tag.
    const wa = body.reports.filter((r) => r.region_code === 'WA');
    expect(wa.map((r) => r.language).sort()).toEqual(['en', 'zh']);
    expect(new Set(wa.map((r) => r.meeting.id)).size).toBe(1);
    expect(body.regions.map((r) => r.code)).toEqual(['AFR', 'ENA', 'LAC', 'WA']);
    expect(body.congresses).toEqual([{ number: 15, reports: expect.any(Array) }]);
  });
});

describe('the corpus filter', () => {
  it('keeps the graph to what the reports in scope brought, by report, region or Congress', async () => {
    for (const [query, ids] of [
      ['region=AFR', ['report:afr-rpm-2025']],
      [`report=${enc('report:eur-rpm-2025')},${enc('report:lac-rpm-2025')}`, ['report:eur-rpm-2025', 'report:lac-rpm-2025']],
      ['region=WA&congress=15', ['report:wa-rpm-2025', 'report:wa-rpm-2025-en']],
    ] as const) {
      const body = SerializedGraph.parse((await request(app).get(`/api/graph?labels=State,Instrument,CrimeType&${query}`).expect(200)).body);
      expect(body.attributes.reports, query).toEqual([...ids].sort());
      const expected = new Set(
        ids.flatMap((id) =>
          graphOf(id)
            .nodes.filter((n) => ['State', 'Instrument', 'CrimeType'].includes(n.labels[0]!))
            .map((n) => n.id),
        ),
      );
      expect(new Set(body.nodes.map((n) => n.key)), query).toEqual(expected);
    }
    const none = SerializedGraph.parse((await request(app).get('/api/graph?congress=14').expect(200)).body);
    expect(none.nodes).toEqual([]);
    expect(none.attributes.reports).toEqual([]);
    const bad = await request(app).get('/api/graph?region=lac').expect(400);
    expect(bad.body.error.message).toMatch(/query\.region.*"lac" is not a region code/);
  });

  it('counts co-occurrences in the reports in scope only', async () => {
    const body = SerializedGraph.parse((await request(app).get('/api/graph?labels=CrimeType&types=CO_OCCURS&region=AFR').expect(200)).body);
    const own = graphOf('report:afr-rpm-2025').relationships.filter((r) => r.type === 'CO_OCCURS');
    expect(body.edges).toHaveLength(own.length);
    for (const e of body.edges) {
      const mine = own.find((r) => (r.start === e.source && r.end === e.target) || (r.start === e.target && r.end === e.source))!;
      expect(e.attributes.properties.count, `${e.source} ${e.target}`).toBe(mine.properties.count);
      expect(e.attributes.properties.paragraphs).toEqual(mine.properties.paragraphs);
    }
  });

  it('keeps citations, details, neighbours, search, paths, exports and saved queries to the scope', async () => {
    const lacAfr = CitationsResponse.parse((await request(app).get('/api/citations?region=LAC,AFR').expect(200)).body);
    const cites = ['report:lac-rpm-2025', 'report:afr-rpm-2025'].flatMap((id) => graphOf(id).relationships.filter((r) => r.type === 'CITES'));
    expect(lacAfr.count).toBe(cites.length);
    expect(new Set(lacAfr.rows.map((r) => r.tag))).toEqual(new Set(['LAC-15', 'AFR-15']));

    // A State named by several reports: its details under a filter hold only that report's facts.
    const details = NodeDetailsResponse.parse(
      (
        await request(app)
          .get(`/api/nodes/${enc('instrument:untoc')}?region=ENA`)
          .expect(200)
      ).body,
    );
    const reports = new Set(details.relationships.flatMap((g) => g.items.flatMap((i) => i.provenance.map((p) => p.report))));
    expect([...reports]).toEqual(['report:eur-rpm-2025']);

    const neighbors = SerializedGraph.parse(
      (
        await request(app)
          .get(`/api/nodes/${enc('instrument:untoc')}/neighbors?region=LAC&labels=Recommendation`)
          .expect(200)
      ).body,
    );
    expect(neighbors.nodes.filter((n) => n.key.startsWith('rec:')).every((n) => n.key.startsWith('rec:lac-rpm-2025:'))).toBe(true);

    const search = (await request(app).get('/api/search?q=trafficking&limit=50&region=ENA&labels=Paragraph,Recommendation').expect(200)).body.results as {
      id: string;
    }[];
    expect(search.length).toBeGreaterThan(0);
    expect(search.every((r) => /^(para|rec):eur-rpm-2025:/.test(r.id))).toBe(true);

    // Egypt and Jordan both spoke at the Western Asia meeting, which the African report knows nothing of.
    const path = (await request(app).get('/api/path?from=state:EGY&to=state:JOR&maxLength=4&region=WA').expect(200)).body;
    expect(path.found).toBe(true);
    for (const r of path.relationships as { properties: Record<string, unknown> }[])
      if (typeof r.properties.report === 'string') expect(r.properties.report).toMatch(/^report:wa-rpm-2025/);

    const exported = (await request(app).get('/api/export?format=json&region=AFR').expect(200)).body as GraphJson;
    const afr = graphOf('report:afr-rpm-2025');
    expect(exported.reports).toEqual(['report:afr-rpm-2025']);
    expect(new Set(exported.nodes.map((n) => n.id))).toEqual(new Set(afr.nodes.map((n) => n.id)));
    expect(exported.relationships).toHaveLength(afr.relationships.length);

    const saved = (await request(app).post('/api/queries/citation-matrix?region=AFR').send({ params: {} }).expect(200)).body as {
      rows: { recommendations: string[] }[];
    };
    expect(saved.rows.flatMap((r) => r.recommendations).every((id) => id.startsWith('rec:afr-rpm-2025:'))).toBe(true);
    expect(saved.rows.reduce((n, r) => n + r.recommendations.length, 0)).toBe(afr.relationships.filter((r) => r.type === 'CITES').length);
  });

  it('keeps the compact graph, references typed in search, every path alternative and the CSV’s tags to the scope', async () => {
    // The compact payload (what the viewer asks for) holds the filtered graph, co-occurrence counts folded for the scope.
    const query = 'labels=CrimeType,State&types=CO_OCCURS,ATTENDED&region=AFR';
    const plain = SerializedGraph.parse((await request(app).get(`/api/graph?${query}`).expect(200)).body);
    const compact = decodeCompactGraph(CompactGraph.parse((await request(app).get(`/api/graph?${query}&format=compact`).expect(200)).body));
    const byKey = <T extends { key: string }>(items: T[]) => [...items].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    expect(plain.nodes.length).toBeGreaterThan(0);
    expect(byKey(compact.nodes)).toEqual(byKey(plain.nodes));
    expect(byKey(compact.edges)).toEqual(byKey(plain.edges));
    expect(compact.attributes.reports).toEqual(['report:afr-rpm-2025']);

    // A recommendation's number both reports use: typed as a reference, it finds the one of each report in scope.
    const recsOf = (id: string) =>
      graphOf(id)
        .nodes.filter((n) => n.labels[0] === 'Recommendation')
        .map((n) => `${String(n.properties.paragraph)}(${String(n.properties.letter)})`);
    const lac = new Set(recsOf('report:lac-rpm-2025'));
    const shared = recsOf('report:afr-rpm-2025').find((r) => lac.has(r))!;
    expect(shared).toBeDefined();
    const referenced = async (filter: string) =>
      (
        (
          await request(app)
            .get(`/api/search?q=${enc(shared)}&limit=50${filter}`)
            .expect(200)
        ).body.results as { id: string; match: string }[]
      )
        .filter((r) => r.match === 'reference')
        .map((r) => r.id);
    expect(await referenced('')).toEqual(expect.arrayContaining([`rec:afr-rpm-2025:${shared}`, `rec:lac-rpm-2025:${shared}`]));
    expect(await referenced('&region=AFR')).toEqual([`rec:afr-rpm-2025:${shared}`]);
    // An id typed as such is not found outside the scope.
    const byId = (
      await request(app)
        .get(`/api/search?q=${enc(`rec:lac-rpm-2025:${shared}`)}&region=AFR`)
        .expect(200)
    ).body.results as { id: string }[];
    expect(byId.map((r) => r.id)).not.toContain(`rec:lac-rpm-2025:${shared}`);

    // Every shortest path the answer offers goes through what the reports in scope brought.
    const path = (await request(app).get('/api/path?from=state:EGY&to=state:JOR&maxLength=4&region=WA').expect(200)).body as {
      alternatives: { relationships: { properties: Record<string, unknown> }[] }[];
    };
    expect(path.alternatives.length).toBeGreaterThan(0);
    for (const alt of path.alternatives)
      for (const r of alt.relationships) if (typeof r.properties.report === 'string') expect(r.properties.report).toMatch(/^report:wa-rpm-2025/);

    // The relationships table names each fact's meeting by its tag, beside the names of its ends.
    const csv = (await request(app).get('/api/export?format=csv&region=LAC,AFR').expect(200)).text.replace(/^\uFEFF/, '');
    const rows = parseCsv(csv, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!).slice(0, 6)).toEqual(['type', 'start', 'start_name', 'end', 'end_name', 'tag']);
    const cites = rows.filter((r) => r.type === 'CITES');
    for (const r of cites) expect(r.tag, r.start).toBe(r.report === 'report:lac-rpm-2025' ? 'LAC-15' : 'AFR-15');
    const tags = new Set(cites.map((r) => r.tag));
    expect(tags).toEqual(new Set(['LAC-15', 'AFR-15']));
  });
});

describe('comparison', () => {
  it('the meeting × instrument and × crime type matrices give the counts graph.json gives', async () => {
    for (const columns of ['instrument', 'crime'] as const) {
      const body = CompareResponse.parse((await request(app).get(`/api/compare?columns=${columns}`).expect(200)).body);
      const expected = expectedMatrix(corpus.merged, columns);
      const got = new Map<string, Map<string, Set<string>>>();
      for (const cell of body.cells) {
        expect(cell.count).toBe(cell.items.length);
        const row = got.get(cell.meeting) ?? new Map<string, Set<string>>();
        got.set(cell.meeting, row);
        row.set(cell.column, new Set(cell.items.map((i) => i.ref)));
      }
      expect(got, columns).toEqual(expected);
      // The meeting with two language versions counts a recommendation once and lists the versions that say so
      // (every citation is read in both languages; a crime type may be read in one only: "the trafficking of firearms").
      const wa = body.cells.filter((c) => c.meeting === 'meeting:A/CONF.241/RPM.4');
      expect(wa.length).toBeGreaterThan(0);
      for (const c of wa) {
        for (const item of c.items) {
          const languages = item.versions.map((v) => v.language).sort();
          if (columns === 'instrument') expect(languages, `${c.column} ${item.ref}`).toEqual(['en', 'zh']);
          else expect(new Set(languages).size, `${c.column} ${item.ref}`).toBe(languages.length);
        }
      }
    }
    const afr = CompareResponse.parse((await request(app).get('/api/compare?columns=instrument&region=AFR').expect(200)).body);
    expect(afr.rows.map((r) => r.tag)).toEqual(['AFR-15']);
    expect(afr.cells.reduce((n, c) => n + c.count, 0)).toBe(
      [...expectedMatrix(corpus.merged, 'instrument', ['report:afr-rpm-2025']).values()].flatMap((r) => [...r.values()]).reduce((n, s) => n + s.size, 0),
    );
  });

  it('a State’s profile gives, per meeting, what graph.json says it attended, spoke on and is named in', async () => {
    for (const state of ['state:JOR', 'state:MEX', 'state:EGY']) {
      const body = ProfileResponse.parse(
        (
          await request(app)
            .get(`/api/nodes/${enc(state)}/profile`)
            .expect(200)
        ).body,
      );
      expect(body.measures).toEqual(['attended', 'spokeOn', 'recommendations', 'paragraphs']);
      const expected = expectedStateProfile(corpus.merged, state);
      for (const m of body.meetings) {
        const e = expected.get(m.meeting);
        const keys = (measure: string) => new Set(m.measures[measure]!.items.map((i) => i.key));
        expect(keys('attended'), `${state} ${m.tag} attended`).toEqual(e?.attended ?? new Set());
        expect(keys('spokeOn'), `${state} ${m.tag} spokeOn`).toEqual(e?.spokeOn ?? new Set());
        expect(keys('recommendations'), `${state} ${m.tag} recommendations`).toEqual(e?.recommendations ?? new Set());
        expect(keys('paragraphs'), `${state} ${m.tag} paragraphs`).toEqual(e?.paragraphs ?? new Set());
        for (const measure of body.measures) expect(m.measures[measure]!.count).toBe(m.measures[measure]!.items.length);
      }
      expect(body.meetings.map((m) => m.meeting).sort()).toEqual([...new Set(meetingOfReport(corpus.merged).values())].sort());
    }
    const scoped = ProfileResponse.parse(
      (
        await request(app)
          .get(`/api/nodes/${enc('state:JOR')}/profile?region=WA`)
          .expect(200)
      ).body,
    );
    expect(scoped.meetings.map((m) => m.tag)).toEqual(['WA-15']);
    await request(app)
      .get(`/api/nodes/${enc('state:XXX')}/profile`)
      .expect(404);
  });

  it('the comparison saved queries give what graph.json gives', async () => {
    const run = async (name: string, query = '') =>
      (await request(app).post(`/api/queries/${name}${query}`).send({ params: {} }).expect(200)).body.rows as Record<string, unknown>[];
    const matrix = expectedMatrix(corpus.merged, 'instrument');
    const meetingsCiting = new Map<string, number>();
    for (const row of matrix.values()) for (const instrument of row.keys()) meetingsCiting.set(instrument, (meetingsCiting.get(instrument) ?? 0) + 1);
    const several = await run('instruments-cited-by-several-meetings');
    expect(new Map(several.map((r) => [r.instrument as string, r.meetingCount]))).toEqual(new Map([...meetingsCiting].filter(([, n]) => n >= 2)));

    const crimes = expectedMatrix(corpus.merged, 'crime');
    const regionOf = new Map(corpus.merged.nodes.filter((n) => n.labels.includes('Meeting')).map((n) => [n.id, n.properties.region_code]));
    const regionsNaming = new Map<string, Set<unknown>>();
    for (const [meeting, row] of crimes)
      for (const crime of row.keys()) regionsNaming.set(crime, (regionsNaming.get(crime) ?? new Set()).add(regionOf.get(meeting)));
    const oneRegion = await run('crime-types-of-one-region');
    expect(new Map(oneRegion.map((r) => [r.crime as string, r.region]))).toEqual(
      new Map([...regionsNaming].filter(([, s]) => s.size === 1).map(([c, s]) => [c, [...s][0]])),
    );

    const meetings = new Set(meetingOfReport(corpus.merged).values());
    const spoke = new Map<string, Set<string>>();
    const meetingOf = meetingOfReport(corpus.merged);
    for (const r of corpus.merged.relationships) {
      if (r.type !== 'SPOKE_ON' || !r.start.startsWith('state:')) continue;
      spoke.set(r.start, (spoke.get(r.start) ?? new Set()).add(meetingOf.get(String(r.properties.report))!));
    }
    const everywhere = await run('states-at-every-meeting');
    expect(everywhere.map((r) => r.state).sort()).toEqual(
      [...spoke]
        .filter(([, s]) => s.size === meetings.size)
        .map(([id]) => id)
        .sort(),
    );
    // Within one region, every State that spoke there spoke at every meeting in scope.
    const wa = await run('states-at-every-meeting', '?region=WA');
    expect(wa.map((r) => r.state).sort()).toEqual(
      [...spoke]
        .filter(([, s]) => s.has('meeting:A/CONF.241/RPM.4'))
        .map(([id]) => id)
        .sort(),
    );
  });
});

describe('one meeting, two languages', () => {
  it('a paragraph’s details give its other language version', async () => {
    const zh = NodeDetailsResponse.parse(
      (
        await request(app)
          .get(`/api/nodes/${enc('rec:wa-rpm-2025:7(a)')}`)
          .expect(200)
      ).body,
    );
    expect(zh.versions).toEqual([
      { id: 'rec:wa-rpm-2025-en:7(a)', report: 'report:wa-rpm-2025-en', language: 'en', text: expect.stringContaining('Convention against Cybercrime') },
    ]);
    const en = NodeDetailsResponse.parse(
      (
        await request(app)
          .get(`/api/nodes/${enc('para:wa-rpm-2025-en:9')}`)
          .expect(200)
      ).body,
    );
    expect(en.versions.map((v) => [v.id, v.language])).toEqual([['para:wa-rpm-2025:9', 'zh']]);
    const state = NodeDetailsResponse.parse(
      (
        await request(app)
          .get(`/api/nodes/${enc('state:JOR')}`)
          .expect(200)
      ).body,
    );
    expect(state.versions).toEqual([]);
  });
});

describe('taking a report out, and adding it again', () => {
  it('needs the admin token', async () => {
    expect(
      (
        await request(apiApp(driver))
          .delete(`/api/reports/${enc('report:afr-rpm-2025')}`)
          .set('Authorization', `Bearer ${TOKEN}`)
          .expect(403)
      ).body.error.code,
    ).toBe('uploads_disabled');
    expect(
      (
        await request(app)
          .delete(`/api/reports/${enc('report:afr-rpm-2025')}`)
          .expect(401)
      ).body.error.code,
    ).toBe('unauthorized');
    expect(
      (
        await request(app)
          .delete(`/api/reports/${enc('report:nope')}`)
          .set('Authorization', `Bearer ${TOKEN}`)
          .expect(404)
      ).body.error.code,
    ).toBe('not_found');
    expect((await request(app).delete('/api/reports/state%3AARG').set('Authorization', `Bearer ${TOKEN}`).expect(400)).body.error.code).toBe('invalid_request');
  });

  it('an upload of the English version of a loaded meeting, then its removal, leaves the database as it was', async () => {
    const gone = ReportRemovedResponse.parse(
      (
        await request(app)
          .delete(`/api/reports/${enc('report:wa-rpm-2025-en')}`)
          .set('Authorization', `Bearer ${TOKEN}`)
          .expect(200)
      ).body,
    );
    expect(gone.nodesDeleted).toBeGreaterThan(0);
    const before = await snapshot(driver);
    const text = await readFile(PAIR_FILES[1]!, 'utf8');
    const added = ReportUploadResponse.parse(
      (
        await request(app)
          .post('/api/reports?name=wa-rpm-2025.en.txt')
          .set('Authorization', `Bearer ${TOKEN}`)
          .set('content-type', 'text/plain')
          .send(text)
          .expect(201)
      ).body,
    );
    // Beside the Chinese report of its meeting, not over it.
    expect(added).toMatchObject({ report: 'report:wa-rpm-2025-en', tag: 'WA-15', replaced: false });
    expect(Array.isArray(added.newEntities)).toBe(true);
    const { records } = await driver.executeQuery("MATCH (r:Report)-[:REPORT_OF]->(:Meeting {id: 'meeting:A/CONF.241/RPM.4'}) RETURN r.id AS id ORDER BY id");
    expect(records.map((r) => r.get('id'))).toEqual(['report:wa-rpm-2025', 'report:wa-rpm-2025-en']);
    await request(app)
      .delete(`/api/reports/${enc('report:wa-rpm-2025-en')}`)
      .set('Authorization', `Bearer ${TOKEN}`)
      .expect(200);
    expect(await snapshot(driver)).toEqual(before);
  });

  it('an upload names the entities new to the corpus', async () => {
    await request(app)
      .delete(`/api/reports/${enc('report:afr-rpm-2025')}`)
      .set('Authorization', `Bearer ${TOKEN}`)
      .expect(200);
    const afr = graphOf('report:afr-rpm-2025');
    const text = await readFile(DEV_AFR, 'utf8');
    const added = ReportUploadResponse.parse(
      (
        await request(app)
          .post('/api/reports?name=afr-rpm-2025.zh.txt')
          .set('Authorization', `Bearer ${TOKEN}`)
          .set('content-type', 'text/plain')
          .send(text)
          .expect(201)
      ).body,
    );
    const others = new Set(corpus.graphs.filter((g) => g !== afr).flatMap((g) => g.nodes.map((n) => n.id)));
    const entityLabels = ['State', 'Organization', 'Person', 'CrimeType', 'Instrument', 'Document'];
    const expected = afr.nodes
      .filter((n) => entityLabels.includes(n.labels[0]!) && !others.has(n.id))
      .map((n) => n.id)
      .sort();
    expect(added.newEntities.map((e) => e.id).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });
});

const DEV_AFR = corpusPath('tests/fixtures/dev/afr-rpm-2025.zh.txt');
function corpusPath(p: string): string {
  return new URL(`../../../../${p}`, import.meta.url).pathname;
}
