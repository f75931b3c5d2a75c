/**
 * Instrument titles of more forms: headed by Agreement or Accord; a tail that goes on in
 * title case ("… Responses with Respect to Trafficking in …"); a coordination inside the
 * "on …" tail ("on the sale of children, child prostitution and child pornography"); a
 * title after "X and the"; and a title that belongs to a known instrument ("Optional
 * Protocol to the <known convention> on …") is an instrument of its own.
 */
import { describe, expect, it } from 'vitest';
import { findInstrumentTitles } from '../../../../../server/ingest/extract/instrumentForms.ts';
import { dependsOn } from '../../../../../server/ingest/extract/vocabulary.ts';

const titles = (text: string) => findInstrumentTitles(text, 'en').map((t) => [t.title, t.kind]);

describe('English instrument titles by form', () => {
  it('reads titles headed by Agreement or Accord, without the name listed before them', () => {
    expect(titles('Make use of UNCAC and the Lima Regional Agreement on Extradition as a legal basis;')).toEqual([
      ['Lima Regional Agreement on Extradition', 'agreement'],
    ]);
    expect(titles('recalled the Quito Accord for Police Cooperation.')).toEqual([['Quito Accord for Police Cooperation', 'agreement']]);
  });

  it('keeps a title-case tail and a coordination inside the tail', () => {
    expect(titles('applying the Model Guidelines for Responses with Respect to Trafficking in Antiquities and Other Offences;')).toEqual([
      ['Model Guidelines for Responses with Respect to Trafficking in Antiquities and Other Offences', 'guidelines'],
    ]);
    expect(titles('ratify the Optional Protocol to the Charter on the rights of elders, widows and orphans;')).toEqual([
      ['Optional Protocol to the Charter on the rights of elders, widows and orphans', 'protocol'],
    ]);
  });

  it('does not run a tail into the next part of the sentence', () => {
    expect(titles('in line with the Convention on Cooperation, and with the support of partners.')).toEqual([['Convention on Cooperation', 'treaty']]);
    expect(titles('under the Convention on Cooperation with the help of partners.')).toEqual([['Convention on Cooperation', 'treaty']]);
  });
});

describe('a title that belongs to a known instrument', () => {
  const text = 'ratify the Optional Protocol to the Convention on Cooperation on the sale of goods; the Review Mechanism of the Convention on Cooperation';
  const hit = (title: string) => {
    const start = text.indexOf(title);
    const found = findInstrumentTitles(text, 'en').find((t) => t.start === start);
    return found ?? { start, end: start + title.length, headStart: start };
  };
  const known = (from: number) => {
    const start = text.indexOf('Convention on Cooperation', from);
    return {
      start,
      end: start + 'Convention on Cooperation'.length,
      text: 'Convention on Cooperation',
      target: { id: 'instrument:coop', label: 'Instrument' },
    };
  };

  it('is its own instrument when its own head word comes before the known title', () => {
    expect(dependsOn(text, hit('Optional Protocol to the Convention on Cooperation on the sale of goods'), known(0))).toBe(true);
  });

  it('stays a mention of the known one when it has no head word of its own before it', () => {
    const review = text.indexOf('Review Mechanism');
    expect(dependsOn(text, { start: review, end: text.length, headStart: text.indexOf('Convention', review) }, known(review))).toBe(false);
  });
});
