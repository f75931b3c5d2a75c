import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../../../server/ingest/parse/parseReport.ts';
import { stripLinkDebris } from '../../../../../server/ingest/parse/lines.ts';
import { expandSymbols } from '../../../../../server/ingest/parse/annex.ts';
import { findChineseDateRange, findEnglishDateRange } from '../../../../../server/ingest/parse/dates.ts';
import { parseChineseNumeral, parseEnglishOrdinal } from '../../../../../server/ingest/parse/numerals.ts';
import { englishText, miniChineseReport } from '../../../../setup/reports.ts';

describe('small pieces', () => {
  it('reads Chinese and English date ranges', () => {
    expect(findChineseDateRange('2025年2月4日至6日在圣何塞')).toEqual({ startDate: '2025-02-04', endDate: '2025-02-06' });
    expect(findChineseDateRange('2024 年 11 月 25 日至 27 日')).toEqual({ startDate: '2024-11-25', endDate: '2024-11-27' });
    expect(findChineseDateRange('2025年1月30日至2月2日')).toEqual({ startDate: '2025-01-30', endDate: '2025-02-02' });
    expect(findEnglishDateRange('from 10 to 12 March 2025')).toEqual({ startDate: '2025-03-10', endDate: '2025-03-12' });
    expect(findEnglishDateRange('25–30 April 2026')).toEqual({ startDate: '2026-04-25', endDate: '2026-04-30' });
    expect(findEnglishDateRange('30 January to 2 February 2025')).toEqual({ startDate: '2025-01-30', endDate: '2025-02-02' });
  });

  it('reads Congress ordinals', () => {
    expect(parseChineseNumeral('十五')).toBe(15);
    expect(parseChineseNumeral('二十三')).toBe(23);
    expect(parseEnglishOrdinal('Fifteenth')).toBe(15);
  });

  it('removes Markdown link debris', () => {
    expect(stripLinkDebris('临时议程（[A/CONF.241/RPM.2/1](#)）')).toBe('临时议程（A/CONF.241/RPM.2/1）');
  });

  it('expands a document series', () => {
    expect(expandSymbols('A/CONF.241/RPM.2/L.1 和 Add.1-3')).toEqual([
      'A/CONF.241/RPM.2/L.1',
      'A/CONF.241/RPM.2/L.1/Add.1',
      'A/CONF.241/RPM.2/L.1/Add.2',
      'A/CONF.241/RPM.2/L.1/Add.3',
    ]);
  });
});

describe('Chinese report structure', () => {
  const s = parseReport(miniChineseReport(), 'mini.zh.txt');

  it('reads title, meeting and Congress', () => {
    expect(s.language).toBe('zh');
    expect(s.meeting).toEqual({
      name: '第十五届联合国预防犯罪和刑事司法大会拉丁美洲和加勒比区域筹备会议',
      region: '拉丁美洲和加勒比',
      venue: '圣何塞',
      startDate: '2025-02-04',
      endDate: '2025-02-06',
    });
    expect(s.congress).toMatchObject({ number: 15, venue: '阿布扎比', startDate: '2026-04-25', endDate: '2026-04-30' });
  });

  it('skips the table of contents: its page numbers are not paragraphs', () => {
    expect(s.paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(s.chapters.map((c) => c.title)).toEqual(['导言', '建议', '出席情况和工作安排']);
  });

  it('keeps the numbered agenda inside its paragraph', () => {
    const p12 = s.paragraphs.find((p) => p.number === 12)!;
    expect(p12.embeddedList.map((i) => i.number)).toEqual([1, 2, 3, 4]);
    expect(p12.embeddedList[2]!.subItems.map((i) => i.letter)).toEqual(['a', 'b']);
    expect(p12.text).toContain('（A/CONF.241/RPM.2/1）');
    expect(s.agenda?.paragraph).toBe(12);
    expect(s.recommendations.some((r) => r.paragraph === 12)).toBe(false);
  });

  it('reads "- (a)" and "(a)" recommendations under the paragraph and block that announce them', () => {
    expect(s.recommendations.map((r) => `${r.paragraph}(${r.letter})`)).toEqual(['5(a)', '5(b)', '5(c)', '8(a)', '8(b)']);
    expect(s.recommendations[0]!.text).toBe('加强国内法律框架，以履行《打击有组织犯罪公约》规定的义务；');
    expect(s.blocks.map((b) => b.kind)).toEqual(['theme', 'agenda-item']);
    expect(s.recommendations.map((r) => r.block)).toEqual([0, 0, 0, 1, 1]);
    expect(s.blocks[1]).toMatchObject({ agendaItem: { number: 3 }, workshop: { number: 1 } });
  });

  it('places paragraphs in sections and under sub-headings', () => {
    const p4 = s.paragraphs.find((p) => p.number === 4)!;
    expect(p4).toMatchObject({ section: 'II.A', subheading: '审议情况概要', block: 0 });
    expect(s.paragraphs.find((p) => p.number === 6)).toMatchObject({ section: 'II.B', block: 1 });
  });

  it('finds the speaker and attendance lists with their roles', () => {
    expect(s.speakerLists.map((l) => [l.paragraph, l.role, l.kind, l.text])).toEqual([
      [2, 'representative', 'state', '巴西、加拿大、特立尼达和多巴哥、圣基茨和尼维斯和乌拉圭'],
      [3, 'observer', 'organization', '消除对妇女歧视委员会、特立尼达和多巴哥委员会、安居服务组织和防止酷刑协会'],
      [6, 'representative', 'state', '哥斯达黎加和巴西'],
      [7, 'observer', 'any', '阿拉伯联合酋长国'],
    ]);
    expect(s.attendance.map((l) => [l.paragraph, l.role])).toEqual([
      [9, 'member'],
      [10, 'observer'],
    ]);
  });

  it('reads the bureau and who presided, with lines', () => {
    const lineOf = (start: string) =>
      miniChineseReport()
        .split('\n')
        .findIndex((l) => l.startsWith(start)) + 1;
    expect(s.bureau.map((b) => [b.role, b.name, b.affiliation, b.line])).toEqual([
      ['chair', 'Gerald Campos Valverde', '哥斯达黎加', lineOf('主席：')],
      ['vice-chair', 'Erin Leslie McKey', '加拿大', lineOf('副主席：')],
    ]);
    expect(s.presiding.map((p) => [p.act, p.name])).toEqual([
      ['presided', 'Gerald Campos Valverde'],
      ['presided', 'Erin McKey'],
    ]);
  });

  it('reads the annex list of documents', () => {
    expect(s.annex.map((d) => d.symbols)).toEqual([['A/CONF.241/PM.1'], ['A/CONF.241/RPM.2/L.1', 'A/CONF.241/RPM.2/L.1/Add.1', 'A/CONF.241/RPM.2/L.1/Add.2']]);
  });

  it('warns about recommendation letters out of order', () => {
    const out = parseReport(miniChineseReport({ recommendations: [' - (a) 甲；', ' - (c) 乙；', ' - (d) 丙。'] }));
    expect(out.recommendations.filter((r) => r.paragraph === 5).map((r) => r.letter)).toEqual(['a', 'c', 'd']);
    expect(out.warnings.join('\n')).toMatch(/\(c\) out of order in paragraph 5: expected \(b\)/);
  });
});

describe('English report structure (same parser)', () => {
  const s = parseReport(englishText(), 'fixture.en.txt');

  it('reads the English form of the same shape', () => {
    expect(s.language).toBe('en');
    expect(s.meeting).toMatchObject({ region: 'Asia-Pacific', venue: 'Bangkok', startDate: '2025-03-10', endDate: '2025-03-12' });
    expect(s.paragraphs).toHaveLength(21);
    expect(s.recommendations.map((r) => `${r.paragraph}(${r.letter})`)).toEqual(['8(a)', '8(b)', '8(c)', '11(a)', '11(b)', '11(c)']);
    expect(s.agenda?.items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(s.paragraphs.find((p) => p.number === 19)!.text).toContain('(A/CONF.241/RPM.1/1)');
  });

  it('finds speakers, attendance and bureau from the English phrases', () => {
    expect(s.speakerLists.map((l) => [l.paragraph, l.role, l.kind])).toEqual([
      [3, 'representative', 'state'],
      [4, 'observer', 'any'],
      [5, 'observer', 'organization'],
      [9, 'representative', 'state'],
      [10, 'president', 'organization'],
    ]);
    expect(s.attendance.map((l) => [l.paragraph, l.role])).toEqual([
      [13, 'member'],
      [14, 'observer'],
      [15, 'un-entity'],
      [16, 'institute'],
      [17, 'ngo'],
    ]);
    expect(s.bureau.map((b) => b.role)).toEqual(['chair', 'vice-chair', 'rapporteur']);
    expect(s.presiding.map((p) => [p.act, p.name])).toEqual([
      ['presided', 'Somchai Prasert'],
      ['presided', 'Maria Santos'],
      ['closed', 'Somchai Anan Prasert'],
    ]);
  });
});
