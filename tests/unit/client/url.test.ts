import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE, parseUrlState, serializeUrlState, VIEWS, type UrlState } from '../../../client/src/state/url.ts';

describe('URL state', () => {
  it('is empty for the default state and reads back as the default', () => {
    expect(serializeUrlState(DEFAULT_URL_STATE)).toBe('');
    expect(parseUrlState('')).toEqual(DEFAULT_URL_STATE);
  });

  it('holds the view, the selected node, the query and the language', () => {
    const state: UrlState = { ...DEFAULT_URL_STATE, view: 'cypher', node: 'rec:lac-rpm-2025:24(c)', query: 'MATCH (n) RETURN n LIMIT 5', lang: 'en' };
    const text = serializeUrlState(state);
    expect(text).toContain('view=cypher');
    expect(text).toContain('node=rec%3Alac-rpm-2025%3A24%28c%29');
    expect(parseUrlState(text)).toEqual(state);
  });

  it('ignores unknown views and languages and empty values', () => {
    expect(parseUrlState('?view=nope&lang=fr&node=').view).toBe('explore');
    expect(parseUrlState('?view=nope&lang=fr&node=').lang).toBe('zh');
    expect(parseUrlState('?view=nope&lang=fr&node=').node).toBeNull();
  });

  it('keeps legend filters sorted and without duplicates', () => {
    const parsed = parseUrlState('?hide=State,Person,State&hideRel=MENTIONS');
    expect(parsed.hiddenLabels).toEqual(['Person', 'State']);
    expect(parsed.hiddenTypes).toEqual(['MENTIONS']);
    expect(serializeUrlState(parsed)).toBe('?hide=Person%2CState&hideRel=MENTIONS');
  });

  it('keeps the corpus filter, and drops values that cannot be a report, a region code or a Congress', () => {
    const parsed = parseUrlState('?report=report:lac-rpm-2025,report:afr-rpm-2025,nonsense&region=LAC,lac,WA&congress=15,abc,14,15');
    expect(parsed.reports).toEqual(['report:afr-rpm-2025', 'report:lac-rpm-2025']);
    expect(parsed.regions).toEqual(['LAC', 'WA']);
    expect(parsed.congresses).toEqual([14, 15]);
    expect(parseUrlState(serializeUrlState(parsed))).toEqual(parsed);
    expect(serializeUrlState({ ...DEFAULT_URL_STATE, view: 'compare', compare: 'profile', profile: 'state:MEX', regions: ['WA'] })).toBe('?view=compare&region=WA&cmp=profile&profile=state%3AMEX');
  });

  it('round-trips any state (property)', () => {
    const id = fc.option(fc.string({ minLength: 1 }).filter((s) => s.trim() === s && s !== ''), { nil: null });
    const label = fc.constantFrom('State', 'Person', 'CrimeType', 'Instrument');
    fc.assert(
      fc.property(
        fc.record({
          view: fc.constantFrom(...VIEWS),
          lang: fc.constantFrom('zh' as const, 'en' as const),
          node: id,
          query: id,
          trace: id,
          from: id,
          to: id,
          hiddenLabels: fc.uniqueArray(label).map((a) => [...a].sort()),
          hiddenTypes: fc.uniqueArray(fc.constantFrom('MENTIONS', 'CITES')).map((a) => [...a].sort()),
          reports: fc.uniqueArray(fc.constantFrom('report:lac-rpm-2025', 'report:afr-rpm-2025', 'report:wa-rpm-2025-en')).map((a) => [...a].sort()),
          regions: fc.uniqueArray(fc.constantFrom('LAC', 'AFR', 'WA', 'APAC')).map((a) => [...a].sort()),
          congresses: fc.uniqueArray(fc.integer({ min: 1, max: 99 })).map((a) => [...a].sort((x, y) => x - y)),
          compare: fc.constantFrom('instrument' as const, 'crime' as const, 'profile' as const),
          profile: id,
        }),
        (state) => {
          expect(parseUrlState(serializeUrlState(state))).toEqual(state);
        },
      ),
    );
  });
});
