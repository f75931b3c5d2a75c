/**
 * The same sections written in other words, in both languages: attendance introduced by
 * "The meeting was attended by …", an observer State named in an "also" sentence with an
 * appositive, an organisation speaking through its chair or director, and sub-items
 * ((i), (ii); ㈠, ㈡) that stay inside their recommendation.
 */
import { describe, expect, it } from 'vitest';
import { readBody } from '../../../server/ingest/parse/body.ts';
import { CHINESE, ENGLISH } from '../../../server/ingest/parse/lexicon.ts';
import { toLines } from '../../../server/ingest/parse/lines.ts';
import { findAttendanceLists, findSpeakerLists } from '../../../server/ingest/parse/lists.ts';
import type { Paragraph } from '../../../server/ingest/parse/types.ts';

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
});

describe('attendance written in other words', () => {
  it('reads "The meeting was attended by representatives of the following States members of …" as the members', () => {
    const [list] = findAttendanceLists([paragraph(31, 'The meeting was attended by representatives of the following States members of the Economic Commission for Africa: Ghana, Kenya and Togo.', null)], ENGLISH);
    expect(list).toMatchObject({ role: 'member', text: 'Ghana, Kenya and Togo' });
  });

  it('reads an observer State in an "also" sentence without its appositive, in English and in Chinese', () => {
    const [en] = findAttendanceLists([paragraph(32, 'The following States were represented by observers: Japan. The Holy See, a non-member observer State, was also represented by an observer.', null)], ENGLISH).slice(1);
    expect(en).toMatchObject({ role: 'observer', text: 'The Holy See' });
    const [zh] = findAttendanceLists([paragraph(32, '巴勒斯坦国作为非会员观察员国也派观察员出席了会议。', null)], CHINESE);
    expect(zh).toMatchObject({ role: 'observer', text: '巴勒斯坦国' });
  });
});

describe('an organisation speaking through its head', () => {
  it('reads "The Chair of X also made a statement" and "The Director of X also made a statement"', () => {
    const lists = findSpeakerLists(
      [paragraph(14, 'The Chair of the Alliance of NGOs on Crime Prevention and Criminal Justice also made a statement. The Director of the Basel Institute on Governance also made a statement.')],
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
    const body = read(CHINESE, ['1. 与会者未经谈判提出了下列建议：', '(a) 加强金融情报机构的能力，包括：', '㈠ 利用受益所有权登记册；', '㈡ 与虚拟资产服务提供商合作；', '(b) 加强专门单位。'].join('\n'));
    expect(body.recommendations.map((r) => r.letter)).toEqual(['a', 'b']);
    expect(body.recommendations[0]!.text).toBe('加强金融情报机构的能力，包括：㈠ 利用受益所有权登记册；㈡ 与虚拟资产服务提供商合作；');
  });
});
