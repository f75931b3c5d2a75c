import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSurfaceForms } from '../../../../../server/ingest/gazetteer/surfaceForms.ts';
import { buildMatcher } from '../../../../../server/ingest/match/matcher.ts';
import { listItems } from '../../../../../server/ingest/extract/listItems.ts';
import { realGazetteer } from '../../../../setup/reports.ts';

const g = await realGazetteer();
const matcher = buildMatcher(buildSurfaceForms(g));

describe('lists of State names (property)', () => {
  it('any list of UN Chinese State names, joined as the reports join them, resolves back to exactly those States', () => {
    const state = fc.constantFrom(...g.states);
    const spacing = fc.constantFrom('', ' ');
    fc.assert(
      fc.property(fc.uniqueArray(state, { minLength: 1, maxLength: 8, selector: (s) => s.iso3 }), spacing, (states, space) => {
        const names = states.map((s) => s.name_zh);
        const text = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(`${space}、`)}和${space}${names[names.length - 1]}`;
        const items = listItems({ paragraph: 1, start: 0, end: text.length, text, line: 1 }, matcher, ['State'], 'zh');
        expect(items.filter((i) => !i.match).map((i) => i.text)).toEqual([]);
        const found = items.map((i) => i.match!);
        expect(found.map((m) => m.target.id)).toEqual(states.map((s) => `state:${s.iso3}`));
        for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
      }),
      { numRuns: 300 },
    );
  });

  it('any list of English State names joined with commas and "and" resolves back to exactly those States', () => {
    const state = fc.constantFrom(...g.states);
    fc.assert(
      fc.property(fc.uniqueArray(state, { minLength: 2, maxLength: 8, selector: (s) => s.iso3 }), (states) => {
        const names = states.map((s) => s.name_en);
        const text = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
        const items = listItems({ paragraph: 1, start: 0, end: text.length, text, line: 1 }, matcher, ['State'], 'en');
        expect(items.filter((i) => !i.match).map((i) => i.text)).toEqual([]);
        const found = items.map((i) => i.match!);
        expect(found.map((m) => m.target.id)).toEqual(states.map((s) => `state:${s.iso3}`));
      }),
      { numRuns: 300 },
    );
  });
});
