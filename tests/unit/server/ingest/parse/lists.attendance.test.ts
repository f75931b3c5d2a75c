/**
 * Attendance lists however their introduction is worded, and the role it implies: a
 * sentence that says who attended or was represented before its colon is a list; the
 * words "observers", "not members of the Commission", "派观察员", "非委员会成员" make
 * observers, and a State list without them makes members; an organisation list takes its
 * kind from its words.
 */
import { describe, expect, it } from 'vitest';
import { CHINESE, ENGLISH } from '../../../../../server/ingest/parse/lexicon.ts';
import { findAttendanceLists } from '../../../../../server/ingest/parse/lists.ts';
import type { Paragraph } from '../../../../../server/ingest/parse/types.ts';

const paragraph = (number: number, text: string): Paragraph => ({
  number,
  text,
  line: number,
  lineNumbers: [number],
  chapter: 3,
  section: 'III.B',
  subheading: null,
  block: null,
  embeddedList: [],
  footnotes: [],
});

const read = (texts: string[], lex: typeof ENGLISH) =>
  findAttendanceLists(
    texts.map((t, i) => paragraph(i + 1, t)),
    lex,
  ).map((l) => [l.role, l.text]);

describe('attendance introduced in other words, in English', () => {
  it('tells members from observer States by the words of the introduction', () => {
    expect(
      read(
        [
          'Representatives of the following States members of the Economic Commission for Europe attended the meeting: Austria and Chile.',
          'Observers for the following States Members of the United Nations that are not members of the Commission also attended: Ghana and Peru.',
          'The following States, not members of the Commission, were represented: Fiji.',
          'The following States attended as observers: Nepal.',
        ],
        ENGLISH,
      ),
    ).toEqual([
      ['member', 'Austria and Chile'],
      ['observer', 'Ghana and Peru'],
      ['observer', 'Fiji'],
      ['observer', 'Nepal'],
    ]);
  });

  it('reads organisation lists whose introduction does not begin with "The following"', () => {
    expect(
      read(
        [
          'Intergovernmental organizations represented by observers were: Andean Community and Caribbean Community.',
          'Non-governmental organizations were represented by observers as follows: Alpha Foundation and Beta Network.',
          'Institutes of the United Nations crime prevention and criminal justice programme network attending the meeting were: Gamma Institute.',
        ],
        ENGLISH,
      ),
    ).toEqual([
      ['igo', 'Andean Community and Caribbean Community'],
      ['ngo', 'Alpha Foundation and Beta Network'],
      ['institute', 'Gamma Institute'],
    ]);
  });

  it('takes no list from a colon in a sentence that says nothing of attendance', () => {
    expect(read(['The meeting adopted the following agenda: Opening of the meeting.'], ENGLISH)).toEqual([]);
  });
});

describe('attendance introduced in other words, in Chinese', () => {
  it('tells members from observer States by the words of the introduction (非洲 is not 非)', () => {
    expect(
      read(
        [
          '非洲经济委员会下列成员国派代表出席了会议：加纳和肯尼亚。',
          '非委员会成员的下列联合国会员国派观察员出席了会议：智利和秘鲁。',
          '下列不是委员会成员的国家作为观察员出席了会议：斐济。',
        ],
        CHINESE,
      ),
    ).toEqual([
      ['member', '加纳和肯尼亚'],
      ['observer', '智利和秘鲁'],
      ['observer', '斐济'],
    ]);
  });

  it('reads lists introduced without "下列"', () => {
    expect(read(['派观察员出席会议的政府间组织有：安第斯共同体和加勒比共同体。', '出席会议的非政府组织如下：阿尔法基金会。'], CHINESE)).toEqual([
      ['igo', '安第斯共同体和加勒比共同体'],
      ['ngo', '阿尔法基金会'],
    ]);
  });
});
