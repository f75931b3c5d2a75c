/**
 * Speaker lists however the sentence is built, in both languages: no "following States:"
 * colon, speakers as the subject with any of the verbs reports use ("made statements",
 * "addressed the meeting", "took the floor"; "作了发言", "发了言"), and two lists in one
 * sentence ("…, as did the observers for …"; "…也作了发言，…也作了发言。").
 */
import { describe, expect, it } from 'vitest';
import { CHINESE, ENGLISH } from '../../../../../server/ingest/parse/lexicon.ts';
import { findSpeakerLists } from '../../../../../server/ingest/parse/lists.ts';
import type { Paragraph } from '../../../../../server/ingest/parse/types.ts';

const paragraph = (text: string): Paragraph => ({
  number: 9,
  text,
  line: 9,
  lineNumbers: [9],
  chapter: 2,
  section: 'II.B',
  subheading: null,
  block: 0,
  embeddedList: [],
  footnotes: [],
});

const read = (text: string, lex: typeof ENGLISH) => findSpeakerLists([paragraph(text)], lex).map((l) => [l.role, l.kind, l.text]);

describe('speakers in English', () => {
  it('reads a list of States without "the following …:"', () => {
    expect(
      read(
        'A representative of the Secretariat introduced the item. Statements were made by the representatives of Chile, Peru and the Plurinational State of Bolivia.',
        ENGLISH,
      ),
    ).toEqual([['representative', 'any', 'Chile, Peru and the Plurinational State of Bolivia']]);
  });

  it('reads two lists in one sentence joined by "as did"', () => {
    expect(read('The observers for Fiji and Nepal also made statements, as did the observers for the Alpha Foundation and the Beta Network.', ENGLISH)).toEqual(
      [
        ['observer', 'any', 'Fiji and Nepal'],
        ['observer', 'any', 'the Alpha Foundation and the Beta Network'],
      ],
    );
  });

  it('reads other verbs of speaking', () => {
    expect(
      read(
        'The Chair of the Gamma Network also addressed the meeting. The representatives of Chile and Peru took the floor. The Director of the Delta Institute also spoke.',
        ENGLISH,
      ),
    ).toEqual([
      ['president', 'organization', 'Gamma Network'],
      ['representative', 'any', 'Chile and Peru'],
      ['head', 'organization', 'Delta Institute'],
    ]);
  });

  it('takes no list from a representative who introduced or described something', () => {
    expect(
      read('A representative of the Secretariat introduced the agenda item. The representative of the Delta Institute described its work.', ENGLISH),
    ).toEqual([]);
  });
});

describe('speakers in Chinese', () => {
  it('reads two subject-first clauses in one sentence', () => {
    expect(read('斐济和尼泊尔的观察员也作了发言，阿尔法基金会和贝塔网络的观察员也发了言。', CHINESE)).toEqual([
      ['observer', 'any', '斐济和尼泊尔'],
      ['observer', 'any', '阿尔法基金会和贝塔网络'],
    ]);
  });

  it('reads other verbs of speaking, and a list that holds a comma', () => {
    expect(read('智利、秘鲁，以及玻利维亚的代表在会上发言。伽马网络主席也致辞。', CHINESE)).toEqual([
      ['representative', 'any', '智利、秘鲁，以及玻利维亚'],
      ['president', 'organization', '伽马网络'],
    ]);
  });
});
