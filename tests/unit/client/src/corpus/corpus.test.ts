import { describe, expect, it } from 'vitest';
import type { CorpusReportJson } from '../../../../../server/contract/api.ts';
import { Corpus, filterParams, inFilter, MEETING_PALETTE, reportOfUnit } from '../../../../../client/src/corpus/corpus.ts';
import { distinctItems, provenanceByParagraph } from '../../../../../client/src/panels/details.ts';
import { preferredVersion, unitItems } from '../../../../../client/src/views/unitList.ts';

const report = (id: string, tag: string, meeting: string, language: string, region = tag.split('-')[0]!): CorpusReportJson => ({
  id,
  tag,
  title_zh: null,
  title_en: null,
  language,
  region: null,
  region_zh: null,
  region_code: region,
  congress: 15,
  venue: null,
  startDate: null,
  endDate: null,
  source: null,
  series: null,
  symbol: null,
  meeting: { id: meeting, name_zh: `${tag} 会议`, name_en: `${tag} meeting` },
  counts: { paragraphs: 0, recommendations: 0, citations: 0, entities: 0 },
});
const corpus = new Corpus({
  reports: [
    report('report:afr', 'AFR-15', 'meeting:A/CONF.241/RPM.3', 'zh'),
    report('report:lac', 'LAC-15', 'meeting:A/CONF.241/RPM.2', 'zh'),
    report('report:wa', 'WA-15', 'meeting:A/CONF.241/RPM.4', 'zh'),
    report('report:wa-en', 'WA-15', 'meeting:A/CONF.241/RPM.4', 'en'),
  ],
  regions: [],
  congresses: [],
});

describe('the corpus in the viewer', () => {
  it('gives each meeting one colour of the colour-blind-safe palette, shared by its language versions', () => {
    expect(corpus.colour('report:afr')).toBe(MEETING_PALETTE[0]);
    expect(corpus.colour('report:lac')).toBe(MEETING_PALETTE[1]);
    expect(corpus.colour('report:wa')).toBe(corpus.colour('report:wa-en'));
    expect(corpus.colour('report:wa')).not.toBe(corpus.colour('report:lac'));
    expect(corpus.meetings('en').map((m) => m.tag)).toEqual(['AFR-15', 'LAC-15', 'WA-15']);
    expect(corpus.unitLabel('report:lac', '24(c)')).toBe('LAC-15 24(c)');
    expect(corpus.unitLabel('report:wa-en', '7(a)', true)).toBe('WA-15 en 7(a)');
    expect(corpus.multilingual('report:lac')).toBe(false);
    expect(corpus.tag('report:unknown')).toBe('unknown');
  });

  it('reads the filter as the server does, and sends it as one set of parameters', () => {
    const f = { reports: [], regions: ['WA'], congresses: [15] };
    expect(corpus.reports.filter((r) => inFilter(r, f)).map((r) => r.id)).toEqual(['report:wa', 'report:wa-en']);
    expect(filterParams({ reports: ['report:b', 'report:a'], regions: [], congresses: [15, 14] })).toEqual([
      ['report', 'report:a,report:b'],
      ['congress', '14,15'],
    ]);
    expect(filterParams({ reports: [], regions: [], congresses: [] })).toEqual([]);
    expect(reportOfUnit('rec:lac-rpm-2025:24(c)')).toBe('report:lac-rpm-2025');
    expect(reportOfUnit('state:MEX')).toBeNull();
  });

  it('shows one row per meeting fact: language versions together, the interface language first', () => {
    const items = unitItems(
      ['para:wa-en:4', 'para:wa:4', 'para:lac:12', 'para:wa:10'],
      (r) => corpus.meetingOf(r),
      (r) => corpus.language(r),
    );
    expect(items.map((i) => [i.label, i.versions.map((v) => v.language)])).toEqual([
      ['¶ 12', ['zh']],
      ['¶ 4', ['en', 'zh']],
      ['¶ 10', ['zh']],
    ]);
    expect(preferredVersion(items[1]!.versions, 'zh')!.id).toBe('para:wa:4');
    expect(preferredVersion(items[1]!.versions, 'en')!.id).toBe('para:wa-en:4');
    expect(preferredVersion(items[0]!.versions, 'en')!.id).toBe('para:lac:12');

    const fact = (report: string, label: string) => ({ other: { id: 'agenda:15:3' }, provenance: [{ report, label, paragraph: 8 }] });
    const facts = [fact('report:wa', '¶8'), fact('report:wa-en', '¶8'), fact('report:lac', '¶8')];
    const meetingOf = (r: string | null) => corpus.meetingOf(r);
    const languageOf = (r: string | null) => corpus.language(r);
    expect(distinctItems(facts, meetingOf, languageOf, 'en').map((f) => f.provenance[0]!.report)).toEqual(['report:wa-en', 'report:lac']);
    expect(distinctItems(facts, meetingOf, languageOf, 'zh').map((f) => f.provenance[0]!.report)).toEqual(['report:wa', 'report:lac']);
  });

  it('groups a node’s provenance by meeting and place, each language a version', () => {
    const group = (report: string, text: string) => ({
      type: 'SPOKE_ON',
      direction: 'out' as const,
      count: 1,
      items: [
        {
          id: 'r',
          other: { id: 'agenda:15:3', labels: ['AgendaItem'], name: 'x', name_zh: null, name_en: null, text: null },
          properties: {},
          provenance: [
            { report, paragraph: 8, paragraphId: `para:${report.slice(7)}:8`, label: '¶8', text, spans: [[0, 2]] as [number, number][], evidence: null },
          ],
        },
      ],
    });
    const entries = provenanceByParagraph(
      [group('report:wa', '约旦代表'), group('report:wa-en', 'Jordan spoke'), group('report:lac', '墨西哥')],
      (r) => corpus.meetingOf(r),
      (r) => corpus.language(r),
    );
    expect(entries).toHaveLength(2);
    const wa = entries.find((e) => e.versions.length === 2)!;
    expect(wa.versions.map((v) => v.language).sort()).toEqual(['en', 'zh']);
  });
});
