/**
 * The same sections written in other words, in both languages: attendance introduced by
 * "The meeting was attended by …", an observer State named in an "also" sentence with an
 * appositive, an organisation speaking through its chair or director, and sub-items
 * ((i), (ii); ㈠, ㈡) that stay inside their recommendation.
 */
import { describe, expect, it } from 'vitest';
import { readBody } from '../../../../../server/ingest/parse/body.ts';
import { CHINESE, ENGLISH } from '../../../../../server/ingest/parse/lexicon.ts';
import { toLines } from '../../../../../server/ingest/parse/lines.ts';
import { findBureau, findPresiding } from '../../../../../server/ingest/parse/bureau.ts';
import { findAttendanceLists, findSpeakerLists } from '../../../../../server/ingest/parse/lists.ts';
import type { Paragraph } from '../../../../../server/ingest/parse/types.ts';

const paragraph = (number: number, text: string, block: number | null = 0): Paragraph => ({
  number,
  text,
  line: number,
  lineNumbers: [number],
  chapter: 2,
  section: 'II.B',
  subheading: null,
  block,
  embeddedList: [],
  footnotes: [],
});

describe('attendance written in other words', () => {
  it('reads "The meeting was attended by representatives of the following States members of …" as the members', () => {
    const [list] = findAttendanceLists(
      [
        paragraph(
          31,
          'The meeting was attended by representatives of the following States members of the Economic Commission for Africa: Ghana, Kenya and Togo.',
          null,
        ),
      ],
      ENGLISH,
    );
    expect(list).toMatchObject({ role: 'member', text: 'Ghana, Kenya and Togo' });
  });

  it('reads an observer State in an "also" sentence without its appositive, in English and in Chinese', () => {
    const [en] = findAttendanceLists(
      [
        paragraph(
          32,
          'The following States were represented by observers: Japan. The Holy See, a non-member observer State, was also represented by an observer.',
          null,
        ),
      ],
      ENGLISH,
    ).slice(1);
    expect(en).toMatchObject({ role: 'observer', text: 'The Holy See' });
    const [zh] = findAttendanceLists([paragraph(32, '巴勒斯坦国作为非会员观察员国也派观察员出席了会议。', null)], CHINESE);
    expect(zh).toMatchObject({ role: 'observer', text: '巴勒斯坦国' });
  });
});

describe('an organisation speaking through its head', () => {
  it('reads "The Chair of X also made a statement" and "The Director of X also made a statement"', () => {
    const lists = findSpeakerLists(
      [
        paragraph(
          14,
          'The Chair of the Alliance of NGOs on Crime Prevention and Criminal Justice also made a statement. The Director of the Basel Institute on Governance also made a statement.',
        ),
      ],
      ENGLISH,
    );
    expect(lists.map((l) => [l.role, l.kind, l.text])).toEqual([
      ['president', 'organization', 'Alliance of NGOs on Crime Prevention and Criminal Justice'],
      ['head', 'organization', 'Basel Institute on Governance'],
    ]);
  });

  it('reads "X主席也作了发言" and "X所长也作了发言"', () => {
    const lists = findSpeakerLists([paragraph(20, '预防犯罪和刑事司法非政府组织联盟主席也作了发言。安全研究所所长也作了发言。')], CHINESE);
    expect(lists.map((l) => [l.role, l.text])).toEqual([
      ['president', '预防犯罪和刑事司法非政府组织联盟'],
      ['head', '安全研究所'],
    ]);
  });
});

describe('sub-items of a recommendation', () => {
  const read = (lex: typeof ENGLISH, text: string) => readBody(toLines(text), 0, lex);

  it('keeps (i) and (ii) after a colon inside the item, and goes on with (e)', () => {
    const body = read(
      ENGLISH,
      [
        '1. The following recommendations were made:',
        '(c) Implement the Firearms Protocol;',
        '(d) Trace illicit financial flows, including by:',
        '(i) Making use of beneficial ownership registers;',
        '(ii) Cooperating with virtual asset service providers;',
        '(e) Strengthen specialized units.',
      ].join('\n'),
    );
    expect(body.recommendations.map((r) => r.letter)).toEqual(['c', 'd', 'e']);
    expect(body.recommendations[1]!.text).toBe(
      'Trace illicit financial flows, including by: (i) Making use of beneficial ownership registers; (ii) Cooperating with virtual asset service providers;',
    );
  });

  it('takes (i) after (h) as the next recommendation when nothing announces sub-items', () => {
    const body = read(ENGLISH, ['1. The following recommendations were made:', '(h) Do one thing;', '(i) Do another;', '(j) Do a third.'].join('\n'));
    expect(body.recommendations.map((r) => r.letter)).toEqual(['h', 'i', 'j']);
  });

  it('keeps ㈠ and ㈡ inside a Chinese recommendation', () => {
    const body = read(
      CHINESE,
      [
        '1. 与会者未经谈判提出了下列建议：',
        '(a) 加强金融情报机构的能力，包括：',
        '㈠ 利用受益所有权登记册；',
        '㈡ 与虚拟资产服务提供商合作；',
        '(b) 加强专门单位。',
      ].join('\n'),
    );
    expect(body.recommendations.map((r) => r.letter)).toEqual(['a', 'b']);
    expect(body.recommendations[0]!.text).toBe('加强金融情报机构的能力，包括：㈠ 利用受益所有权登记册；㈡ 与虚拟资产服务提供商合作；');
  });
});

describe('the bureau written over several lines', () => {
  it('takes a name on its own line under a role as holding that role, in English and in Chinese', () => {
    const en = readBody(
      toLines(
        [
          '1. The meeting elected the following officers:',
          'Chair: Ana Lima (Brazil)',
          'Vice-Chairs: Jordan Whitfield (Canada)',
          '             Dragana Petrović (Serbia)',
          'Rapporteur: Mikael Lindqvist (Sweden)',
        ].join('\n'),
      ),
      0,
      ENGLISH,
    );
    expect(en.warnings).toEqual([]);
    expect(findBureau(en.paragraphs, ENGLISH).map((m) => [m.role, m.name, m.affiliation])).toEqual([
      ['chair', 'Ana Lima', 'Brazil'],
      ['vice-chair', 'Jordan Whitfield', 'Canada'],
      ['vice-chair', 'Dragana Petrović', 'Serbia'],
      ['rapporteur', 'Mikael Lindqvist', 'Sweden'],
    ]);
    const zh = readBody(
      toLines(
        [
          '1. 会议以鼓掌方式选出下列主席团成员：',
          '主席： Ana Lima（巴西）',
          '副主席： Jordan Whitfield（加拿大）',
          '        Dragana Petrović（塞尔维亚）',
          '报告员： Mikael Lindqvist（瑞典）',
        ].join('\n'),
      ),
      0,
      CHINESE,
    );
    expect(findBureau(zh.paragraphs, CHINESE).map((m) => [m.role, m.name])).toEqual([
      ['chair', 'Ana Lima'],
      ['vice-chair', 'Jordan Whitfield'],
      ['vice-chair', 'Dragana Petrović'],
      ['rapporteur', 'Mikael Lindqvist'],
    ]);
  });

  it('reads who presided where the verb is left out ("and the 4th meeting by …")', () => {
    const statements = findPresiding(
      [
        paragraph(
          40,
          'The 3rd meeting was chaired by Jordan Whitfield (Canada) and the 4th meeting by Dragana Petrović (Serbia), on behalf of the Chair.',
          null,
        ),
      ],
      ENGLISH,
    );
    expect(statements.map((p) => [p.name, p.act])).toEqual([
      ['Jordan Whitfield', 'presided'],
      ['Dragana Petrović', 'presided'],
    ]);
  });

  it('reads who presided on behalf of an unnamed Chair, in both languages', () => {
    const zh = findPresiding(
      [
        paragraph(
          43,
          '第1和第2场会议由 Ana Lima（巴西）主持；第3场会议由 Jordan Whitfield（加拿大）代表主席主持；第4场会议由 Dragana Petrović（塞尔维亚）代表会议主席主持。',
          null,
        ),
      ],
      CHINESE,
    );
    expect(zh.map((p) => [p.name, p.act])).toEqual([
      ['Ana Lima', 'presided'],
      ['Jordan Whitfield', 'presided'],
      ['Dragana Petrović', 'presided'],
    ]);
    const en = findPresiding([paragraph(43, 'The 3rd meeting was chaired by Jordan Whitfield (Canada), on behalf of the Chairperson.', null)], ENGLISH);
    expect(en.map((p) => [p.name, p.act])).toEqual([['Jordan Whitfield', 'presided']]);
  });
});
