/**
 * The heading of a discussion block in each order reports write it (title first with the
 * number in brackets; label first with the title quoted or after a colon), with or without
 * a workshop, numbered or not, in English and in Chinese; and a sentence that merely
 * begins with "Agenda item 3" is not a heading.
 */
import { describe, expect, it } from 'vitest';
import { readBlockHeading } from '../../../../../server/ingest/parse/blockHeadings.ts';
import { readBody } from '../../../../../server/ingest/parse/body.ts';
import { CHINESE, ENGLISH } from '../../../../../server/ingest/parse/lexicon.ts';
import { toLines } from '../../../../../server/ingest/parse/lines.ts';

const pair = (h: ReturnType<typeof readBlockHeading>) => h && [h.agendaItem.number, h.agendaItem.title, h.workshop?.number ?? null, h.workshop?.title ?? null];

describe('a block heading in English', () => {
  it('reads the bracketed form, with and without a workshop', () => {
    expect(pair(readBlockHeading('Protecting the oceans (agenda item 7); Sharing data well (workshop 2)', 'en'))).toEqual([
      7,
      'Protecting the oceans',
      2,
      'Sharing data well',
    ]);
    expect(pair(readBlockHeading('Protecting the oceans (agenda item 7)', 'en'))).toEqual([7, 'Protecting the oceans', null, null]);
  });

  it('reads the label-first form with quoted titles, with and without a workshop', () => {
    expect(pair(readBlockHeading('Agenda item 7, “Protecting the oceans”, and workshop 2, “Sharing data well”', 'en'))).toEqual([
      7,
      'Protecting the oceans',
      2,
      'Sharing data well',
    ]);
    expect(pair(readBlockHeading('Agenda item 7, "Protecting the oceans, rivers and lakes," and workshop 2, "Sharing data"', 'en'))).toEqual([
      7,
      'Protecting the oceans, rivers and lakes',
      2,
      'Sharing data',
    ]);
    expect(pair(readBlockHeading('Substantive agenda item 7: “Protecting the oceans”', 'en'))).toEqual([7, 'Protecting the oceans', null, null]);
  });

  it('reads the label-first form with titles after colons', () => {
    expect(pair(readBlockHeading('Agenda item 7: Protecting the oceans; workshop 2: Sharing data well', 'en'))).toEqual([
      7,
      'Protecting the oceans',
      2,
      'Sharing data well',
    ]);
  });

  it('takes no sentence that begins with the label for a heading', () => {
    expect(readBlockHeading('Agenda item 7 was introduced by the Secretariat.', 'en')).toBeNull();
    expect(readBlockHeading('Agenda item 7, “Protecting the oceans”, was discussed at length by many speakers.', 'en')).toBeNull();
    expect(readBlockHeading('The meeting discussed item 7.', 'en')).toBeNull();
  });
});

describe('a block heading in Chinese', () => {
  it('reads the bracketed form, with Arabic or Chinese numerals, with and without a workshop', () => {
    expect(pair(readBlockHeading('保护海洋（议程项目 7）；共享数据（讲习班 2）', 'zh'))).toEqual([7, '保护海洋', 2, '共享数据']);
    expect(pair(readBlockHeading('保护海洋（议程项目七）', 'zh'))).toEqual([7, '保护海洋', null, null]);
  });

  it('reads the label-first form', () => {
    expect(pair(readBlockHeading('议程项目 7：“保护海洋”和讲习班 2：“共享数据”', 'zh'))).toEqual([7, '保护海洋', 2, '共享数据']);
    expect(pair(readBlockHeading('议程项目七，“保护海洋”，以及讲习班二，“共享数据”', 'zh'))).toEqual([7, '保护海洋', 2, '共享数据']);
  });

  it('takes no sentence that begins with the label for a heading', () => {
    expect(readBlockHeading('议程项目7由秘书处一名代表介绍。', 'zh')).toBeNull();
  });
});

describe('the body reader places paragraphs under a label-first heading', () => {
  const english = (heading: string) =>
    [
      'I. Introduction',
      '1. The meeting met in Lima.',
      'II. Recommendations',
      'B. Substantive agenda items and workshops',
      heading,
      '2. Statements were made by the representatives of Chile and Peru.',
      '3. The following recommendations were made:',
      '(a) Protect the oceans.',
    ].join('\n');

  it('numbered ("1. Agenda item 7, …") or not, in English', () => {
    for (const heading of [
      '1. Agenda item 7, “Protecting the oceans”, and workshop 2, “Sharing data well”',
      'Agenda item 7, “Protecting the oceans”, and workshop 2, “Sharing data well”',
    ]) {
      const body = readBody(toLines(english(heading)), 0, ENGLISH);
      expect(body.blocks.map((b) => [b.agendaItem?.number, b.workshop?.number])).toEqual([[7, 2]]);
      expect(body.paragraphs.map((p) => p.block)).toEqual([null, 0, 0]);
      expect(body.recommendations[0]!.block).toBe(0);
    }
  });

  it('in Chinese', () => {
    const body = readBody(
      toLines(
        [
          '一. 导言',
          '1. 会议在利马举行。',
          '二. 建议',
          'B. 实质性议程项目和讲习班',
          '1. 议程项目 7：“保护海洋”和讲习班 2：“共享数据”',
          '2. 下列国家代表作了发言：智利和秘鲁。',
          '3. 与会者提出了下列建议：',
          '(a) 保护海洋。',
        ].join('\n'),
      ),
      0,
      CHINESE,
    );
    expect(body.blocks.map((b) => [b.agendaItem?.number, b.agendaItem?.title, b.workshop?.number])).toEqual([[7, '保护海洋', 2]]);
    expect(body.recommendations[0]!.block).toBe(0);
  });
});
