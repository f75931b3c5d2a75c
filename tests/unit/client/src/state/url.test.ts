import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_URL_STATE,
  linkEnds,
  linkKey,
  normalizeCamera,
  parseCamera,
  parseUrlState,
  serializeUrlState,
  VIEWS,
  type UrlState,
} from '../../../../../client/src/state/url.ts';

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
    expect(serializeUrlState({ ...DEFAULT_URL_STATE, view: 'compare', compare: 'profile', profile: 'state:MEX', regions: ['WA'] })).toBe(
      '?view=compare&region=WA&cmp=profile&profile=state%3AMEX',
    );
  });

  it('round-trips any state (property)', () => {
    const id = fc.option(
      fc.string({ minLength: 1 }).filter((s) => s.trim() === s && s !== ''),
      { nil: null },
    );
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
          pathSkip: fc.uniqueArray(fc.constantFrom('PART_OF', 'MENTIONS', 'IN_REPORT')).map((a) => [...a].sort()),
          pathIndex: fc.integer({ min: 0, max: 999 }),
          params: id,
          saved: id,
          link: id,
          camera: fc.option(
            fc
              .record({
                x: fc.double({ min: -10, max: 10, noNaN: true }),
                y: fc.double({ min: -10, max: 10, noNaN: true }),
                ratio: fc.double({ min: 0.001, max: 8, noNaN: true }),
              })
              .map(normalizeCamera)
              .filter((c) => c.ratio > 0),
            { nil: null },
          ),
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

  it('holds the camera, the crime link, the console parameters and the saved query, so a link reopens the same picture', () => {
    const state: UrlState = {
      ...DEFAULT_URL_STATE,
      view: 'cypher',
      query: 'MATCH (c:CrimeType {id: $crime}) RETURN c',
      params: '{"crime":"crime:money-laundering","includeNarrower":true}',
      saved: 'recommendations-addressing-crime',
      camera: { x: 0.4123, y: 0.5877, ratio: 0.6 },
    };
    const text = serializeUrlState(state);
    expect(text).toContain('cam=0.4123%2C0.5877%2C0.6');
    expect(text).toContain('saved=recommendations-addressing-crime');
    expect(parseUrlState(text)).toEqual(state);
    expect(parseUrlState('?view=crimes&link=crime%3Aa~crime%3Ab').link).toBe('crime:a~crime:b');
    expect(parseUrlState('?view=path&skip=PART_OF,MENTIONS&alt=2')).toMatchObject({ pathSkip: ['MENTIONS', 'PART_OF'], pathIndex: 2 });
  });

  it('reads a malformed camera as none', () => {
    for (const bad of ['', '1,2', '1,2,0', '1,2,-1', 'a,b,c', '1,2,3,4', 'NaN,1,1']) expect(parseCamera(bad)).toBeNull();
    expect(parseCamera('0.5,0.5,1')).toEqual({ x: 0.5, y: 0.5, ratio: 1 });
    expect(normalizeCamera({ x: 0.123456789, y: 0.5, ratio: 1.000001 })).toEqual({ x: 0.1235, y: 0.5, ratio: 1 });
  });

  it('names a crime link the same whichever way round it is given', () => {
    expect(linkKey('crime:b', 'crime:a')).toBe(linkKey('crime:a', 'crime:b'));
    expect(linkEnds(linkKey('crime:b', 'crime:a'))).toEqual(['crime:a', 'crime:b']);
    expect(linkEnds('nonsense')).toBeNull();
  });
});
